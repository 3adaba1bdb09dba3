//! The use cases of Xiaoban. Each opens its transaction, checks permission and data scope, calls
//! the domain, saves, writes the audit row and commits. Nothing here knows about HTTP.

pub mod access;
pub mod api_keys;
pub mod approvals;
pub mod audit;
/// The audit log's storage types, for the HTTP layer.
pub mod audit_log {
    pub use xiaoban_persistence::audit::{AuditFilter, AuditRow, ChainReport};
}
pub mod auth;
pub mod calendar;
pub mod calendar_admin;
pub mod calendar_years;
pub mod clock;
pub mod context;
pub mod demo;
pub mod departments;
pub mod directory;
pub mod error;
pub mod export;
pub mod files;
pub mod idempotency;
pub mod import;
pub mod modules;
pub mod notices;
pub mod notifications;
pub mod numbering;
pub mod platform;
pub mod roles;
pub mod security_policy;
pub mod timeline;
pub mod users;

use std::path::PathBuf;
use std::sync::Arc;

use chrono_tz::Tz;
use xiaoban_domain::calendar::SchoolHours;
use xiaoban_persistence::Db;

pub use clock::{Clock, SystemClock};
pub use context::{Actor, Principal, PrincipalKind, RequestContext};
pub use error::{FieldIssue, ServiceError};
pub use xiaoban_persistence::error::duplicate_column;

/// The installed modules; the product's from the start, a test build's added at start-up.
type Modules = Arc<std::sync::RwLock<modules::Installed>>;

/// Settings the use cases need, read once at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    pub timezone: Tz,
    pub school_hours: SchoolHours,
    /// Where uploaded files' bytes are kept (`<data_dir>/files`).
    pub files_dir: PathBuf,
    /// The largest upload accepted, in bytes.
    pub max_upload_bytes: u64,
}

/// The entry point to every use case; cheap to clone (one per HTTP worker).
#[derive(Clone)]
pub struct Services {
    db: Db,
    settings: Arc<Settings>,
    auth: Arc<auth::AuthSettings>,
    clock: Arc<dyn Clock>,
    modules: Modules,
}

impl Services {
    pub fn new(db: Db, settings: Settings, auth: auth::AuthSettings, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            settings: Arc::new(settings),
            auth: Arc::new(auth),
            clock,
            modules: Arc::new(std::sync::RwLock::new(
                modules::install(modules::builtin()).unwrap_or_default(),
            )),
        }
    }

    pub fn auth_settings(&self) -> &auth::AuthSettings {
        &self.auth
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The pool, for test harnesses and start-up tasks that live outside any use case.
    pub fn db(&self) -> &Db {
        &self.db
    }
}
