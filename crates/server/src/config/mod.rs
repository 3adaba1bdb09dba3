//! Configuration: built-in defaults, then an optional `xiaoban.toml`, then `XIAOBAN_*`
//! environment variables. A bad value stops start-up with one line naming the key and the
//! expected form.

mod parse;
mod sources;

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono_tz::Tz;
use secrecy::SecretString;
use xiaoban_domain::calendar::SchoolHours;

pub use sources::ConfigError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Every setting, with its source resolved. `Debug` shows secrets as `[REDACTED]`.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` or `postgres://…`; defaults to `<data_dir>/xiaoban.db`.
    pub database_url: SecretString,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub timezone: Tz,
    pub school_hours: SchoolHours,
    pub log_level: String,
    pub log_format: LogFormat,
    pub frontend_dir: PathBuf,
    /// Signs access tokens; generated into the data directory when not configured.
    pub token_secret: Option<SecretString>,
    pub db_max_connections: u32,
    pub workers: usize,
    /// Seed the demo school on first start.
    pub demo: bool,
    /// A sign-in ends when unused this long.
    pub session_idle_minutes: i64,
    /// A sign-in ends this long after it began.
    pub session_max_hours: i64,
    /// Accounts without a sign-in for this long are disabled.
    pub inactive_days: i64,
    /// The largest file upload accepted, in bytes (configured in MB as `max_upload_mb`).
    pub max_upload_bytes: u64,
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` is believed (default none).
    pub trusted_proxies: xiaoban_http::TrustedProxies,
    /// The issuer authenticator apps show for this installation.
    pub totp_issuer: String,
    /// Roles whose holders must use two-step verification; `None` when not configured, which
    /// means the three administrator roles, or none with `demo` (see [`Config::totp_roles`]).
    pub totp_required_for: Option<Vec<String>>,
    /// Password hashes computed at once (each takes 19 MiB); default one per core.
    pub hash_concurrency: usize,
    /// Requests waiting for a hash beyond those; more are answered 503 with `Retry-After`.
    pub hash_queue: usize,
    /// Password attempts accepted from one client address per minute (a school behind one NAT
    /// may need more at the morning rush).
    pub sign_in_per_address: i32,
}

/// One documented setting: the key in `xiaoban.toml`, its default and the form it takes.
pub struct Setting {
    pub key: &'static str,
    pub default: &'static str,
    pub expected: &'static str,
    pub secret: bool,
}

/// The settings table, also printed in the README.
pub const SETTINGS: &[Setting] = &[
    Setting {
        key: "database_url",
        default: "sqlite://<data_dir>/xiaoban.db",
        expected: "a URL starting with sqlite:// or postgres://",
        secret: true,
    },
    Setting {
        key: "bind",
        default: "127.0.0.1:8080",
        expected: "an address and port like 0.0.0.0:8080",
        secret: false,
    },
    Setting {
        key: "data_dir",
        default: "./data",
        expected: "a directory path",
        secret: false,
    },
    Setting {
        key: "timezone",
        default: "Asia/Shanghai",
        expected: "an IANA time zone like Asia/Shanghai",
        secret: false,
    },
    Setting {
        key: "school_hours",
        default: "08:00-12:00,14:00-17:30",
        expected: "periods like 08:00-12:00,14:00-17:30",
        secret: false,
    },
    Setting {
        key: "log_level",
        default: "info",
        expected: "a level (error, warn, info, debug, trace) or a filter like info,sqlx=warn",
        secret: false,
    },
    Setting {
        key: "log_format",
        default: "text",
        expected: "text or json",
        secret: false,
    },
    Setting {
        key: "frontend_dir",
        default: "frontend/dist",
        expected: "a directory path",
        secret: false,
    },
    Setting {
        key: "token_secret",
        default: "(generated into <data_dir>/token-secret)",
        expected: "at least 32 characters",
        secret: true,
    },
    Setting {
        key: "db_max_connections",
        default: "10",
        expected: "a whole number from 1 to 500",
        secret: false,
    },
    Setting {
        key: "workers",
        default: "(number of CPU cores)",
        expected: "a whole number from 1 to 256",
        secret: false,
    },
    Setting {
        key: "demo",
        default: "false",
        expected: "true or false",
        secret: false,
    },
    Setting {
        key: "session_idle_minutes",
        default: "30",
        expected: "a whole number of minutes from 5 to 1440",
        secret: false,
    },
    Setting {
        key: "session_max_hours",
        default: "12",
        expected: "a whole number of hours from 1 to 720",
        secret: false,
    },
    Setting {
        key: "inactive_days",
        default: "90",
        expected: "a whole number of days from 7 to 3650",
        secret: false,
    },
    Setting {
        key: "max_upload_mb",
        default: "20",
        expected: "a whole number of megabytes from 1 to 1024",
        secret: false,
    },
    Setting {
        key: "trusted_proxies",
        default: "(none)",
        expected: "IP addresses or CIDR ranges separated by commas, like 172.28.0.10,10.0.0.0/8",
        secret: false,
    },
    Setting {
        key: "totp_issuer",
        default: "校办",
        expected: "1 to 64 characters without a colon",
        secret: false,
    },
    Setting {
        key: "totp_required_for",
        default: "sysadmin,secadmin,auditor (none with demo)",
        expected: "role codes separated by commas, or none",
        secret: false,
    },
    Setting {
        key: "hash_concurrency",
        default: "(number of cores)",
        expected: "a whole number from 1 to 256",
        secret: false,
    },
    Setting {
        key: "hash_queue",
        default: "(4 × hash_concurrency)",
        expected: "a whole number from 0 to 10000",
        secret: false,
    },
    Setting {
        key: "sign_in_per_address",
        default: "30",
        expected: "a whole number from 1 to 10000",
        secret: false,
    },
];

/// The administrator roles (三员) that must use two-step verification unless configured otherwise.
pub const DEFAULT_TOTP_ROLES: [&str; 3] = ["sysadmin", "secadmin", "auditor"];

impl Config {
    /// The roles that must use two-step verification: as configured, else the three
    /// administrator roles, except for a demo, whose shared demo accounts must keep working
    /// without an authenticator.
    pub fn totp_roles(&self) -> Vec<String> {
        match &self.totp_required_for {
            Some(roles) => roles.clone(),
            None if self.demo => Vec::new(),
            None => DEFAULT_TOTP_ROLES.iter().map(|r| (*r).to_owned()).collect(),
        }
    }

    /// Reads `xiaoban.toml` (or the file named by `XIAOBAN_CONFIG`) and the process environment.
    pub fn load() -> Result<Self, ConfigError> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::from_sources(sources::read_file(&env)?, &env)
    }

    /// Builds the configuration from file contents (if any) and environment pairs.
    pub fn from_sources(
        file: Option<sources::FileSource>,
        env: &[(String, String)],
    ) -> Result<Self, ConfigError> {
        let values = sources::merge(file, env)?;
        parse::resolve(&values)
    }

    /// The environment variable for a setting key.
    pub fn env_name(key: &str) -> String {
        format!("XIAOBAN_{}", key.to_ascii_uppercase())
    }
}
