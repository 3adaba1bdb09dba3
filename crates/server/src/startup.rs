//! Building and running the HTTP server.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};
use secrecy::ExposeSecret;
use xiaoban_http::{AppState, Site, build_app};
use xiaoban_persistence::{Db, connect, migrate, pending_migrations};
use xiaoban_services::auth::AuthSettings;
use xiaoban_services::modules::{ClockJob, ModuleSetupError, RecordModule};
use xiaoban_services::{Clock, Services, Settings, SystemClock};

use crate::Config;

/// Choices a caller of [`Application::build`] makes beyond the configuration.
pub struct Options {
    /// Apply pending migrations before serving.
    pub migrate: bool,
    pub clock: Arc<dyn Clock>,
    /// Extra routes (tests mount resources compiled only into the test build).
    pub extra_routes: fn(&mut web::ServiceConfig),
    /// Modules beyond the product's own (tests add their probe). A code installed twice stops
    /// the build: the server refuses to start, naming the module.
    pub modules: Vec<Arc<dyn RecordModule>>,
    /// Clock jobs not to run, by name (tests pause the outbox worker and the calendar check
    /// and call them themselves). A name no module declares stops the build.
    pub paused_jobs: Vec<&'static str>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            migrate: true,
            clock: Arc::new(SystemClock),
            extra_routes: |_| {},
            modules: Vec::new(),
            paused_jobs: Vec::new(),
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
    jobs: Vec<ClockJob>,
}

impl Application {
    pub async fn build(config: &Config, options: Options) -> anyhow::Result<Self> {
        let services = build_services(config, options.migrate, options.clock).await?;
        services.install_modules(options.modules)?;
        let jobs = running_jobs(&services, &options.paused_jobs)?;
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
            jobs,
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
        let jobs: Vec<_> = self
            .jobs
            .iter()
            .map(|job| tokio::spawn(run_clock_job(self.services.clone(), *job)))
            .collect();
        let result = self.server.await;
        for job in jobs {
            job.abort();
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
    auth.sign_in_per_address = config.sign_in_per_address;
    let settings = Settings {
        timezone: config.timezone,
        school_hours: config.school_hours.clone(),
        files_dir: config.data_dir.join("files"),
        max_upload_bytes: config.max_upload_bytes,
    };
    let services = Services::new(db, settings, auth, clock);
    if apply_migrations {
        services.sync_builtin_roles().await?;
        services.register_number_series().await?;
    }
    Ok(services)
}

/// Opens the configured database, creating the data directory for SQLite.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    std::fs::create_dir_all(&config.data_dir)?;
    Ok(connect(config.database_url.expose_secret(), config.db_max_connections).await?)
}

/// The installed modules' clock jobs except the paused ones; a paused name that no module
/// declares is refused (a typo would leave the job running).
fn running_jobs(services: &Services, paused: &[&'static str]) -> Result<Vec<ClockJob>, ModuleSetupError> {
    let jobs = services.clock_jobs();
    if let Some(unknown) = paused.iter().find(|p| !jobs.iter().any(|j| j.name == **p)) {
        return Err(ModuleSetupError::UnknownJob((*unknown).to_owned()));
    }
    Ok(jobs.into_iter().filter(|j| !paused.contains(&j.name)).collect())
}

/// Runs one module's job at its interval while the server runs; a late tick is delayed rather
/// than bunched, and a failure is logged and retried at the next tick.
async fn run_clock_job(services: Services, job: ClockJob) {
    let mut tick = tokio::time::interval(job.every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(err) = (job.run)(&services).await {
            tracing::warn!(job = job.name, %err, "a clock job failed");
        }
    }
}
