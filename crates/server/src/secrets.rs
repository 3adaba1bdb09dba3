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
    write_private(&path, &secret)?;
    tracing::info!(path = %path.display(), "generated a new token-signing secret");
    Ok(SecretString::from(secret))
}

fn write_private(path: &Path, content: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(content.as_bytes())?;
    Ok(())
}
