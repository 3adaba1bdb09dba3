use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Config, SETTINGS};

/// A setting that could not be used, said in one line.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting {key} = {value:?} (from {origin}): expected {expected}")]
pub struct ConfigError {
    pub key: String,
    pub value: String,
    pub origin: String,
    pub expected: String,
}

impl ConfigError {
    pub fn other(key: &str, origin: &str, message: impl Into<String>) -> Self {
        Self {
            key: key.to_owned(),
            value: String::new(),
            origin: origin.to_owned(),
            expected: message.into(),
        }
    }
}

/// A parsed `xiaoban.toml`.
pub struct FileSource {
    pub path: PathBuf,
    pub text: String,
}

/// A raw value and where it came from.
#[derive(Debug, Clone)]
pub struct Raw {
    pub value: String,
    pub origin: String,
}

pub fn read_file(env: &[(String, String)]) -> Result<Option<FileSource>, ConfigError> {
    let named = env
        .iter()
        .find(|(k, _)| k == "XIAOBAN_CONFIG")
        .map(|(_, v)| PathBuf::from(v));
    let path = match named {
        Some(path) => path,
        None if Path::new("xiaoban.toml").is_file() => PathBuf::from("xiaoban.toml"),
        None => return Ok(None),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        key: "XIAOBAN_CONFIG".to_owned(),
        value: path.display().to_string(),
        origin: "environment".to_owned(),
        expected: format!("a readable TOML file ({e})"),
    })?;
    Ok(Some(FileSource { path, text }))
}

/// Later sources win: defaults (absent here), the file, then the environment.
pub fn merge(
    file: Option<FileSource>,
    env: &[(String, String)],
) -> Result<BTreeMap<&'static str, Raw>, ConfigError> {
    let mut values = BTreeMap::new();
    if let Some(file) = file {
        let origin = file.path.display().to_string();
        let table: toml::Table = file.text.parse().map_err(|e: toml::de::Error| {
            ConfigError::other("(file)", &origin, format!("valid TOML: {e}"))
        })?;
        for (key, value) in table {
            let setting = SETTINGS.iter().find(|s| s.key == key).ok_or_else(|| {
                let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
                ConfigError::other(
                    &key,
                    &origin,
                    format!("one of the known keys: {}", known.join(", ")),
                )
            })?;
            let value = match value {
                toml::Value::String(s) => s,
                other => other.to_string(),
            };
            values.insert(
                setting.key,
                Raw {
                    value,
                    origin: origin.clone(),
                },
            );
        }
    }
    for setting in SETTINGS {
        let name = Config::env_name(setting.key);
        if let Some((_, value)) = env.iter().find(|(k, _)| *k == name) {
            values.insert(
                setting.key,
                Raw {
                    value: value.clone(),
                    origin: format!("environment {name}"),
                },
            );
        }
    }
    Ok(values)
}
