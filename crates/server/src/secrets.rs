//! The token-signing secret: configured, or generated once and kept in the data directory so
//! that restarts and replicas sharing the directory keep accepting issued tokens.

use std::io::Write;
use std::path::Path;

use rand::RngCore;
use secrecy::SecretString;

use crate::Config;

pub const SECRET_FILE: &str = "token-secret";

pub fn token_secret(config: &Config) -> anyhow::Result<SecretString> {
    if let Some(secret) = &config.token_secret {
        return Ok(secret.clone());
    }
    let path = config.data_dir.join(SECRET_FILE);
    if path.is_file() {
        let text = std::fs::read_to_string(&path)?;
        let text = text.trim();
        anyhow::ensure!(
            text.len() >= 32,
            "{} holds fewer than 32 characters",
            path.display()
        );
        return Ok(SecretString::from(text.to_owned()));
    }
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    if publish_private(&path, &secret)? {
        tracing::info!(path = %path.display(), "generated a new token-signing secret");
        return Ok(SecretString::from(secret));
    }
    // Another process sharing the data directory published its secret first: use that one.
    token_secret(config)
}

/// Writes `content` to a private temporary file and links it into place, so readers never see
/// a half-written file and of two racing writers exactly one wins. Returns whether this one won.
fn publish_private(path: &Path, content: &str) -> anyhow::Result<bool> {
    let temp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&temp)?;
    file.write_all(content.as_bytes())?;
    file.sync_all()?;
    let linked = std::fs::hard_link(&temp, path);
    std::fs::remove_file(&temp)?;
    match linked {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(err) => Err(err.into()),
    }
}
