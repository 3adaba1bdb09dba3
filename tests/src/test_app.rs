//! `TestApp`: the real application on a fresh database, reached over HTTP.

use std::sync::Arc;

use reqwest::{Method, RequestBuilder, Response};
use secrecy::SecretString;
use serde::Serialize;
use tempfile::TempDir;
use xiaoban_persistence::{Backend, Db};
use xiaoban_server::{Application, Config, Options};
use xiaoban_services::calendar_years::CALENDAR_YEAR_CHECK_JOB;
use xiaoban_services::notifications::OUTBOX_JOB;
use xiaoban_services::{Clock, Services, SystemClock};

use crate::TestDatabase;

/// Choices a test makes about its app.
pub struct TestOptions {
    pub clock: Arc<dyn Clock>,
    pub db_max_connections: u32,
    /// Directory served as the built SPA.
    pub frontend_dir: Option<std::path::PathBuf>,
    /// The upload limit in bytes, when a test needs one below the configured megabytes.
    pub max_upload_bytes: Option<u64>,
    /// Proxies whose `X-Forwarded-For` the app believes (the `trusted_proxies` setting).
    pub trusted_proxies: Option<&'static str>,
    /// Roles that must use two-step verification (the `totp_required_for` setting); none
    /// unless a test asks, so that the administrators of other tests need no authenticator.
    pub totp_required_for: &'static str,
    /// `(hash_concurrency, hash_queue)`, when a test needs a pool smaller than the machine's.
    pub hash_pool: Option<(usize, usize)>,
    /// Password attempts accepted per address and minute (`sign_in_per_address`), when not 30.
    pub sign_in_per_address: Option<i32>,
}

impl Default for TestOptions {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            db_max_connections: 10,
            frontend_dir: None,
            max_upload_bytes: None,
            trusted_proxies: None,
            totp_required_for: "none",
            hash_pool: None,
            sign_in_per_address: None,
        }
    }
}

pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    pub client: reqwest::Client,
    pub services: Services,
    /// The configuration the app runs with (database, data directory).
    pub config: Config,
    /// The first administrator's initial password, as `xiaoban serve` would print it.
    pub first_admin_password: String,
    clock: Arc<dyn Clock>,
    // Shared with replicas (`spawn_replica`); dropped with the last of them.
    _data_dir: Arc<TempDir>,
    // Last: the database outlives the server's connections to it.
    _database: Arc<TestDatabase>,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(TestOptions::default()).await
    }

    /// An app whose clock starts at `rfc3339` and moves only when the test advances it.
    pub async fn spawn_at(rfc3339: &str) -> (Self, Arc<crate::ManualClock>) {
        let clock = Arc::new(crate::ManualClock::at(rfc3339));
        let app = Self::spawn_with(TestOptions {
            clock: clock.clone(),
            ..Default::default()
        })
        .await;
        (app, clock)
    }

    pub async fn spawn_with(options: TestOptions) -> Self {
        init_logging();
        let database = TestDatabase::create().await;
        let data_dir = tempfile::tempdir().expect("temp data dir");
        let mut config = Config::from_sources(None, &[]).expect("default configuration");
        config.database_url = SecretString::from(database.url().to_owned());
        config.bind = "127.0.0.1:0".parse().expect("loopback address");
        config.data_dir = data_dir.path().to_path_buf();
        config.workers = 1;
        config.db_max_connections = options.db_max_connections;
        config.frontend_dir = options
            .frontend_dir
            .unwrap_or_else(|| data_dir.path().join("no-frontend"));
        if let Some(max) = options.max_upload_bytes {
            config.max_upload_bytes = max;
        }
        if let Some(proxies) = options.trusted_proxies {
            config.trusted_proxies = xiaoban_http::TrustedProxies::parse(proxies).expect("trusted proxies");
        }
        config.totp_required_for = Some(
            options
                .totp_required_for
                .split(',')
                .map(str::trim)
                .filter(|r| !r.is_empty() && *r != "none")
                .map(str::to_owned)
                .collect(),
        );
        if let Some((concurrency, queue)) = options.hash_pool {
            config.hash_concurrency = concurrency;
            config.hash_queue = queue;
        }
        if let Some(limit) = options.sign_in_per_address {
            config.sign_in_per_address = limit;
        }
        let (address, services) = start(&config, options.clock.clone()).await;
        let first_admin = services
            .ensure_first_admin()
            .await
            .expect("first administrator")
            .expect("an empty database");
        Self {
            address,
            client: http_client(),
            services,
            first_admin_password: first_admin.password,
            config,
            clock: options.clock,
            _data_dir: Arc::new(data_dir),
            _database: Arc::new(database),
        }
    }

    /// A second replica of this app, as a second `xiaoban serve` behind nginx: its own server
    /// and process state, the same database, data directory, token secret and clock.
    pub async fn spawn_replica(&self) -> Self {
        let (address, services) = start(&self.config, self.clock.clone()).await;
        Self {
            address,
            client: http_client(),
            services,
            first_admin_password: self.first_admin_password.clone(),
            config: self.config.clone(),
            clock: self.clock.clone(),
            _data_dir: self._data_dir.clone(),
            _database: self._database.clone(),
        }
    }

    pub fn db(&self) -> &Db {
        self.services.db()
    }

    pub fn backend(&self) -> Backend {
        Backend::of(self.db())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path).send().await.expect("GET")
    }

    pub async fn post_json(&self, path: &str, body: &impl Serialize) -> Response {
        self.request(Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn patch_json(&self, path: &str, body: &impl Serialize) -> Response {
        self.request(Method::PATCH, path)
            .json(body)
            .send()
            .await
            .expect("PATCH")
    }

    /// Sends raw bytes with a content type, for malformed-input tests.
    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> Response {
        self.request(method, path)
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .expect("send")
    }
}

/// Builds and starts the application on `config`; returns its address and services.
async fn start(config: &Config, clock: Arc<dyn Clock>) -> (String, Services) {
    let app_options = Options {
        migrate: false,
        clock,
        extra_routes: crate::probe::routes,
        modules: vec![Arc::new(crate::probe::ProbeModule)],
        paused_jobs: vec![OUTBOX_JOB, CALENDAR_YEAR_CHECK_JOB],
    };
    let app = Application::build(config, app_options)
        .await
        .expect("build the application");
    let services = app.services().clone();
    crate::probe::install(services.db()).await;
    services.sync_builtin_roles().await.expect("built-in roles");
    services.register_number_series().await.expect("numbering series");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    (address, services)
}

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

fn init_logging() {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ignored = tracing_subscriber::fmt()
            .with_env_filter("info")
            .with_test_writer()
            .try_init();
    }
}
