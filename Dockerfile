# syntax=docker/dockerfile:1
#
# 校办 Xiaoban: one image holding the `xiaoban` binary and the built SPA.
# Build:  docker build -t xiaoban .
# Run:    docker run -p 8080:8080 -v xiaoban-data:/app/data xiaoban
# Needs BuildKit (the default builder of current Docker releases).

############################ 1. frontend (Vue SPA) ############################
FROM node:20-bookworm-slim AS frontend
WORKDIR /src
# The whole context (filtered by .dockerignore): COPY of an optional path
# would fail while frontend/ does not exist yet.
COPY . .
RUN --mount=type=cache,target=/root/.npm \
    if [ -f frontend/package.json ]; then \
        npm --prefix frontend ci && npm --prefix frontend run build; \
    else \
        mkdir -p frontend/dist; \
    fi

############################ 2. server (Rust) #################################
FROM rust:1.95-bookworm AS server
WORKDIR /app
COPY . .
# target/ lives in a cache mount, so the binary is copied out in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/app/target \
    cargo build --release --locked -p xiaoban-server \
    && install -m 0755 target/release/xiaoban /usr/local/bin/xiaoban

############################ 3. runtime #######################################
FROM debian:bookworm-slim AS runtime

LABEL org.opencontainers.image.title="xiaoban" \
      org.opencontainers.image.description="校办 Xiaoban: the school general office's system of record (REST API + web UI)" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 xiaoban \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin xiaoban \
    && mkdir -p /app/data /app/frontend \
    && chown -R xiaoban:xiaoban /app/data

WORKDIR /app
COPY --from=server /usr/local/bin/xiaoban /usr/local/bin/xiaoban
COPY --from=frontend /src/frontend/dist /app/frontend/dist

ENV XIAOBAN_BIND=0.0.0.0:8080 \
    XIAOBAN_DATA_DIR=/app/data \
    XIAOBAN_LOG_FORMAT=json

# SQLite database and the generated token-signing secret (when not set by env).
VOLUME /app/data
EXPOSE 8080
USER 10001:10001

# Liveness only (no database): readiness is /api/v1/ready, checked by compose.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/api/v1/health"]

# SIGTERM (docker stop) triggers the server's 30 s graceful shutdown.
STOPSIGNAL SIGTERM
ENTRYPOINT ["xiaoban"]
CMD ["serve"]
