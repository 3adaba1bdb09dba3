//! Building and running the HTTP server.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};
use secrecy::ExposeSecret;
use xiaoban_http::{AppState, Site, build_app};
use xiaoban_persistence::{Db, connect, migrate, pending_migrations};
use xiaoban_services::approvals::ApprovalModule;
use xiaoban_services::auth::AuthSettings;
use xiaoban_services::{Clock, Services, Settings, SystemClock};

use crate::Config;

/// Choices a caller of [`Application::build`] makes beyond the configuration.
pub struct Options {
    /// Apply pending migrations before serving.
    pub migrate: bool,
    pub clock: Arc<dyn Clock>,
    /// Extra routes (tests mount resources compiled only into the test build).
    pub extra_routes: fn(&mut web::ServiceConfig),
    /// Run the outbox worker (tests turn it off and deliver by calling it themselves).
    pub outbox_worker: bool,
    /// Check hourly whether next year's holiday schedule is missing (tests turn it off and call
    /// the check themselves: its notice would land among the notices they count).
    pub calendar_check: bool,
    /// The modules that start approval requests, each with its hook (tests add their probe).
    /// One without a hook stops the build: the server refuses to start, naming the module.
    pub approval_modules: Vec<ApprovalModule>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            migrate: true,
            clock: Arc::new(SystemClock),
            extra_routes: |_| {},
            outbox_worker: true,
            calendar_check: true,
            approval_modules: Vec::new(),
        }
    }
}

/// Binds the address, saying which setting to change when it cannot (the bare OS error,
/// "Address already in use", left a new user guessing).
fn bind(addr: std::net::SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("{addr} 已被其他程序占用 (address already in use)")
        } else {
            format!("无法监听 {addr} (cannot listen on {addr}: {e})")
        };
        anyhow::anyhow!(
            "{why}. 请换一个地址或端口：设置 XIAOBAN_BIND=127.0.0.1:8081，或在 xiaoban.toml 中写 bind = \"127.0.0.1:8081\" \
             (set XIAOBAN_BIND or `bind` in xiaoban.toml to another address)"
        )
    })
}

/// A bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    services: Services,
    outbox_worker: bool,
    calendar_check: bool,
}

impl Application {
    pub async fn build(config: &Config, options: Options) -> anyhow::Result<Self> {
        let services = build_services(config, options.migrate, options.clock).await?;
        services.install_approval_modules(options.approval_modules)?;
        let state = AppState::new(services.clone(), Site::from_dir(&config.frontend_dir))
            .with_trusted_proxies(config.trusted_proxies.clone());
        let listener = bind(config.bind)?;
        let port = listener.local_addr()?.port();
        let extra = options.extra_routes;
        let server = HttpServer::new(move || build_app(state.clone(), extra))
            .workers(config.workers)
            .shutdown_timeout(30)
            .listen(listener)?
            .run();
        Ok(Self {
            port,
            server,
            services,
            outbox_worker: options.outbox_worker,
            calendar_check: options.calendar_check,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Serves until SIGINT or SIGTERM, then lets in-flight requests finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let maintenance = tokio::spawn(maintain(self.services.clone()));
        let approval_clock = tokio::spawn(run_approval_clock(self.services.clone()));
        let calendar_check = self
            .calendar_check
            .then(|| tokio::spawn(check_calendar_years(self.services.clone())));
        let outbox = self
            .outbox_worker
            .then(|| tokio::spawn(deliver_notifications(self.services.clone())));
        let result = self.server.await;
        maintenance.abort();
        approval_clock.abort();
        if let Some(check) = calendar_check {
            check.abort();
        }
        if let Some(outbox) = outbox {
            outbox.abort();
        }
        result
    }
}

/// Opens the database, migrates it when asked, and assembles the use cases.
pub async fn build_services(
    config: &Config,
    apply_migrations: bool,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<Services> {
    let db = open_database(config).await?;
    if apply_migrations {
        migrate(&db).await?;
    } else if pending_migrations(&db).await? > 0 {
        tracing::warn!(
            "migrations are pending; /api/v1/ready reports not ready until `xiaoban migrate` runs"
        );
    }
    let mut auth = AuthSettings::new(crate::secrets::token_secret(config)?);
    auth.idle_timeout = chrono::Duration::minutes(config.session_idle_minutes);
    auth.session_max = chrono::Duration::hours(config.session_max_hours);
    auth.inactive_after = chrono::Duration::days(config.inactive_days);
    auth.totp_issuer = config.totp_issuer.clone();
    auth.totp_required_for = config.totp_roles();
    auth.hashing = xiaoban_services::auth::HashPool::new(config.hash_concurrency, config.hash_queue);
    let settings = Settings {
        timezone: config.timezone,
        school_hours: config.school_hours.clone(),
        files_dir: config.data_dir.join("files"),
        max_upload_bytes: config.max_upload_bytes,
    };
    let services = Services::new(db, settings, auth, clock);
    if apply_migrations {
        services.sync_builtin_roles().await?;
    }
    Ok(services)
}

/// Opens the configured database, creating the data directory for SQLite.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    std::fs::create_dir_all(&config.data_dir)?;
    Ok(connect(config.database_url.expose_secret(), config.db_max_connections).await?)
}

/// Periodic housekeeping while the server runs: hourly, so a restart never skips a day.
async fn maintain(services: Services) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match services.purge_expired_idempotency_keys().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(purged = n, "expired idempotency keys removed"),
            Err(err) => tracing::warn!(%err, "could not purge idempotency keys"),
        }
        match services.purge_sign_in_throttle().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(purged = n, "old sign-in counters removed"),
            Err(err) => tracing::warn!(%err, "could not purge sign-in counters"),
        }
        match services.disable_inactive_accounts().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(disabled = n, "accounts unused for too long were disabled"),
            Err(err) => tracing::warn!(%err, "could not disable inactive accounts"),
        }
    }
}

/// Messages the outbox worker takes per run.
const OUTBOX_BATCH: u64 = 100;

/// Delivers the outbox every 2 seconds; a full batch runs again at once. Every replica runs
/// one: the claim skips rows another replica holds, so no message is delivered twice.
async fn deliver_notifications(services: Services) {
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        loop {
            match services.deliver_outbox(OUTBOX_BATCH).await {
                Ok(report) if report.delivered + report.retried + report.failed == OUTBOX_BATCH => {}
                Ok(_) => break,
                Err(err) => {
                    tracing::warn!(%err, "outbox delivery run failed");
                    break;
                }
            }
        }
    }
}

/// Whether next year's holiday schedule is still missing, every hour (its administrators are
/// told once per year).
async fn check_calendar_years(services: Services) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match services.warn_missing_calendar_year().await {
            Ok(Some(year)) => tracing::warn!(year, "the holiday schedule of this year is missing"),
            Ok(None) => {}
            Err(err) => tracing::warn!(%err, "could not check the calendar's years"),
        }
    }
}

/// Reminders and timeout actions of approval steps, every minute.
async fn run_approval_clock(services: Services) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        match services.run_approval_timers().await {
            Ok(report) if report.overdue > 0 || report.reminded > 0 => {
                tracing::info!(?report, "approval deadlines handled")
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "could not run the approval timers"),
        }
    }
}
