use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;

use chrono_tz::Tz;
use secrecy::SecretString;
use xiaoban_domain::calendar::SchoolHours;

use super::sources::{ConfigError, Raw};
use super::{Config, LogFormat, SETTINGS};

pub fn resolve(values: &BTreeMap<&'static str, Raw>) -> Result<Config, ConfigError> {
    let data_dir = PathBuf::from(text(values, "data_dir", "./data"));
    let default_db = format!("sqlite://{}?mode=rwc", data_dir.join("xiaoban.db").display());
    let database_url = parse(values, "database_url", default_db, |v| {
        (v.starts_with("sqlite:") || v.starts_with("postgres://") || v.starts_with("postgresql://"))
            .then(|| v.to_owned())
    })?;
    let hash_concurrency = parse(values, "hash_concurrency", default_workers(), |v| {
        v.parse().ok().filter(|n| (1..=256).contains(n))
    })?;
    Ok(Config {
        database_url: SecretString::from(database_url),
        bind: parse(values, "bind", SocketAddr::from(([127, 0, 0, 1], 8080)), |v| {
            SocketAddr::from_str(v).ok()
        })?,
        timezone: parse(values, "timezone", Tz::Asia__Shanghai, |v| Tz::from_str(v).ok())?,
        school_hours: parse(values, "school_hours", SchoolHours::default(), |v| {
            SchoolHours::parse(v).ok()
        })?,
        log_level: parse(values, "log_level", "info".to_owned(), |v| {
            tracing_subscriber::EnvFilter::try_new(v)
                .ok()
                .map(|_| v.to_owned())
        })?,
        log_format: parse(values, "log_format", LogFormat::Text, |v| match v {
            "text" => Some(LogFormat::Text),
            "json" => Some(LogFormat::Json),
            _ => None,
        })?,
        frontend_dir: PathBuf::from(text(values, "frontend_dir", "frontend/dist")),
        token_secret: parse(values, "token_secret", None, |v| {
            (v.len() >= 32).then(|| Some(SecretString::from(v)))
        })?,
        db_max_connections: parse(values, "db_max_connections", 10, |v| {
            v.parse().ok().filter(|n| (1..=500).contains(n))
        })?,
        workers: parse(values, "workers", default_workers(), |v| {
            v.parse().ok().filter(|n| (1..=256).contains(n))
        })?,
        demo: parse(values, "demo", false, |v| match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        })?,
        session_idle_minutes: parse(values, "session_idle_minutes", 30, |v| {
            v.parse().ok().filter(|n| (5..=1440).contains(n))
        })?,
        session_max_hours: parse(values, "session_max_hours", 12, |v| {
            v.parse().ok().filter(|n| (1..=720).contains(n))
        })?,
        inactive_days: parse(values, "inactive_days", 90, |v| {
            v.parse().ok().filter(|n| (7..=3650).contains(n))
        })?,
        max_upload_bytes: parse(values, "max_upload_mb", 20, |v| {
            v.parse::<u64>().ok().filter(|n| (1..=1024).contains(n))
        })? * 1024
            * 1024,
        trusted_proxies: parse(
            values,
            "trusted_proxies",
            xiaoban_http::TrustedProxies::default(),
            xiaoban_http::TrustedProxies::parse,
        )?,
        totp_issuer: parse(values, "totp_issuer", "校办".to_owned(), |v| {
            let ok =
                (1..=64).contains(&v.chars().count()) && !v.contains(':') && !v.chars().any(char::is_control);
            ok.then(|| v.to_owned())
        })?,
        totp_required_for: parse(values, "totp_required_for", None, |v| parse_roles(v).map(Some))?,
        hash_concurrency,
        hash_queue: parse(values, "hash_queue", hash_concurrency * 4, |v| {
            v.parse().ok().filter(|n| (0..=10_000).contains(n))
        })?,
        sign_in_per_address: parse(values, "sign_in_per_address", 30, |v| {
            v.parse().ok().filter(|n| (1..=10_000).contains(n))
        })?,
        data_dir,
    })
}

/// `none` or empty for no role, else comma-separated role codes.
fn parse_roles(value: &str) -> Option<Vec<String>> {
    if value.is_empty() || value.eq_ignore_ascii_case("none") {
        return Some(Vec::new());
    }
    value
        .split(',')
        .map(str::trim)
        .map(|code| {
            let ok = !code.is_empty()
                && code.len() <= 64
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            ok.then(|| code.to_owned())
        })
        .collect()
}

fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

fn text(values: &BTreeMap<&'static str, Raw>, key: &str, default: &str) -> String {
    values
        .get(key)
        .map_or_else(|| default.to_owned(), |raw| raw.value.clone())
}

fn parse<T>(
    values: &BTreeMap<&'static str, Raw>,
    key: &'static str,
    default: T,
    f: impl FnOnce(&str) -> Option<T>,
) -> Result<T, ConfigError> {
    let Some(raw) = values.get(key) else {
        return Ok(default);
    };
    let setting = SETTINGS.iter().find(|s| s.key == key);
    f(raw.value.trim()).ok_or_else(|| ConfigError {
        key: Config::env_name(key),
        value: if setting.is_some_and(|s| s.secret) {
            "[REDACTED]".to_owned()
        } else {
            raw.value.clone()
        },
        origin: raw.origin.clone(),
        expected: setting.map_or("a valid value", |s| s.expected).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::super::Config;
    use super::super::sources::FileSource;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_give_sqlite_in_the_data_directory() {
        let config = Config::from_sources(None, &[]).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert!(
            config
                .database_url
                .expose_secret()
                .starts_with("sqlite://./data/xiaoban.db")
        );
        assert_eq!(config.timezone.name(), "Asia/Shanghai");
        assert_eq!(config.school_hours.to_string(), "08:00-12:00,14:00-17:30");
    }

    #[test]
    fn the_environment_overrides_the_file() {
        let file = FileSource {
            path: "xiaoban.toml".into(),
            text: "bind = \"0.0.0.0:9000\"\nworkers = 3\n".into(),
        };
        let config = Config::from_sources(Some(file), &env(&[("XIAOBAN_BIND", "127.0.0.1:9100")])).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:9100");
        assert_eq!(config.workers, 3);
    }

    #[test]
    fn session_limits_come_from_the_file_and_the_environment() {
        let file = FileSource {
            path: "xiaoban.toml".into(),
            text: "inactive_days = 30\n".into(),
        };
        let pairs = env(&[
            ("XIAOBAN_SESSION_IDLE_MINUTES", "45"),
            ("XIAOBAN_SESSION_MAX_HOURS", "8"),
        ]);
        let config = Config::from_sources(Some(file), &pairs).unwrap();
        assert_eq!(
            (
                config.session_idle_minutes,
                config.session_max_hours,
                config.inactive_days
            ),
            (45, 8, 30)
        );
    }

    #[test]
    fn the_three_administrators_need_two_step_verification_unless_configured_or_a_demo() {
        let mut config = Config::from_sources(None, &[]).unwrap();
        assert_eq!(config.totp_roles(), ["sysadmin", "secadmin", "auditor"]);
        assert_eq!(config.totp_issuer, "校办");
        config.demo = true;
        assert!(config.totp_roles().is_empty());
        let pairs = env(&[
            ("XIAOBAN_TOTP_REQUIRED_FOR", "secadmin, leader"),
            ("XIAOBAN_DEMO", "true"),
        ]);
        let config = Config::from_sources(None, &pairs).unwrap();
        assert_eq!(config.totp_roles(), ["secadmin", "leader"]);
        let none = Config::from_sources(None, &env(&[("XIAOBAN_TOTP_REQUIRED_FOR", "none")])).unwrap();
        assert!(none.totp_roles().is_empty());
        for bad in [
            ("XIAOBAN_TOTP_REQUIRED_FOR", "sysadmin,,auditor"),
            ("XIAOBAN_TOTP_ISSUER", "a:b"),
        ] {
            assert!(Config::from_sources(None, &env(&[bad])).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_bad_value_names_the_key_and_the_expected_form() {
        let err = Config::from_sources(None, &env(&[("XIAOBAN_BIND", "localhost")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("XIAOBAN_BIND") && err.contains("0.0.0.0:8080"),
            "{err}"
        );
        let err = Config::from_sources(None, &env(&[("XIAOBAN_TIMEZONE", "Mars/Olympus")])).unwrap_err();
        assert!(err.to_string().contains("IANA time zone"));
    }

    #[test]
    fn the_upload_limit_is_set_in_megabytes() {
        assert_eq!(
            Config::from_sources(None, &[]).unwrap().max_upload_bytes,
            20 * 1024 * 1024
        );
        let config = Config::from_sources(None, &env(&[("XIAOBAN_MAX_UPLOAD_MB", "5")])).unwrap();
        assert_eq!(config.max_upload_bytes, 5 * 1024 * 1024);
        let err = Config::from_sources(None, &env(&[("XIAOBAN_MAX_UPLOAD_MB", "0")])).unwrap_err();
        assert!(err.to_string().contains("megabytes"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_none_by_default_and_parsed_from_the_environment() {
        assert!(
            Config::from_sources(None, &[])
                .unwrap()
                .trusted_proxies
                .is_empty()
        );
        let pairs = env(&[("XIAOBAN_TRUSTED_PROXIES", "172.28.0.10, 10.0.0.0/8")]);
        let config = Config::from_sources(None, &pairs).unwrap();
        assert_eq!(config.trusted_proxies.to_string(), "172.28.0.10/32,10.0.0.0/8");
        let err = Config::from_sources(None, &env(&[("XIAOBAN_TRUSTED_PROXIES", "nginx")])).unwrap_err();
        assert!(err.to_string().contains("CIDR"), "{err}");
    }

    #[test]
    fn the_per_address_sign_in_limit_defaults_to_thirty_and_refuses_zero() {
        assert_eq!(Config::from_sources(None, &[]).unwrap().sign_in_per_address, 30);
        let raised = Config::from_sources(None, &env(&[("XIAOBAN_SIGN_IN_PER_ADDRESS", "300")])).unwrap();
        assert_eq!(raised.sign_in_per_address, 300);
        let err = Config::from_sources(None, &env(&[("XIAOBAN_SIGN_IN_PER_ADDRESS", "0")])).unwrap_err();
        assert!(err.to_string().contains("XIAOBAN_SIGN_IN_PER_ADDRESS"), "{err}");
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let file = FileSource {
            path: "xiaoban.toml".into(),
            text: "bnd = \"x\"\n".into(),
        };
        let err = Config::from_sources(Some(file), &[]).unwrap_err().to_string();
        assert!(err.contains("bnd") && err.contains("known keys"), "{err}");
    }

    #[test]
    fn secrets_never_appear_in_debug_or_errors() {
        let url = "postgres://admin:hunter2hunter2@db/xiaoban";
        let config = Config::from_sources(None, &env(&[("XIAOBAN_DATABASE_URL", url)])).unwrap();
        assert!(!format!("{config:?}").contains("hunter2"));
        let err = Config::from_sources(None, &env(&[("XIAOBAN_TOKEN_SECRET", "short-hunter2")])).unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }
}
