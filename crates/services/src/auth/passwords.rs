//! argon2id hashing, off the async threads.

use std::sync::OnceLock;

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;
use rand::seq::SliceRandom;

use crate::ServiceError;

/// Hashes a password (argon2id, default parameters) on a blocking thread.
pub async fn hash_password(password: String) -> Result<String, ServiceError> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?
}

fn hash_now(password: &str) -> Result<String, ServiceError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Internal(format!("hashing failed: {e}")))
}

/// Checks `password` against a stored hash; with no stored hash it checks against a dummy one,
/// so an unknown username costs the same time as a wrong password.
pub async fn verify_password(stored: Option<String>, password: String) -> Result<bool, ServiceError> {
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match stored {
            Some(hash) => (hash, true),
            None => (dummy_hash()?.to_owned(), false),
        };
        let parsed =
            PasswordHash::new(&hash).map_err(|e| ServiceError::Internal(format!("stored hash: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(real && matches)
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))?
}

fn dummy_hash() -> Result<&'static str, ServiceError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let hash = hash_now("xiaoban-dummy-password-for-timing")?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// A random password that satisfies the default policy: 16 characters from all four classes,
/// without look-alike characters.
pub fn random_password() -> String {
    const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"23456789";
    const SYMBOLS: &[u8] = b"#%+=@^_-";
    let mut rng = rand::rng();
    let mut pick = |set: &[u8]| char::from(set[rng.random_range(0..set.len())]);
    let mut chars: Vec<char> = vec![pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    let all: Vec<u8> = [LOWER, UPPER, DIGITS, SYMBOLS].concat();
    while chars.len() < 16 {
        chars.push(pick(&all));
    }
    chars.shuffle(&mut rand::rng());
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("Xiaoban#2026".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password(Some(hash.clone()), "Xiaoban#2026".into())
                .await
                .unwrap()
        );
        assert!(!verify_password(Some(hash), "xiaoban#2026".into()).await.unwrap());
        assert!(
            !verify_password(None, "xiaoban-dummy-password-for-timing".into())
                .await
                .unwrap()
        );
    }

    #[test]
    fn random_passwords_pass_the_default_policy() {
        let policy = xiaoban_domain::identity::PasswordPolicy::default();
        for _ in 0..50 {
            let password = random_password();
            assert_eq!(policy.check(&password, "admin"), Ok(()), "{password}");
        }
    }
}
