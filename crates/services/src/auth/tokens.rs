//! Access tokens: short-lived HS256 JWTs naming the user, the sign-in and the token version.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::AuthSettings;
use crate::ServiceError;

const ISSUER: &str = "xiaoban";
const AUDIENCE: &str = "xiaoban-api";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub sub: Uuid,
    /// The sign-in (refresh token family) the token belongs to.
    pub sid: Uuid,
    /// The user's token version when issued; a bump invalidates the token.
    pub ver: i32,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

pub fn issue(
    settings: &AuthSettings,
    user: Uuid,
    sid: Uuid,
    ver: i32,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let claims = Claims {
        sub: user,
        sid,
        ver,
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        iat: now.timestamp(),
        exp: (now + settings.access_ttl).timestamp(),
    };
    let key = EncodingKey::from_secret(settings.token_secret.expose_secret().as_bytes());
    encode(&Header::new(Algorithm::HS256), &claims, &key).map_err(|e| ServiceError::Internal(e.to_string()))
}

/// Checks signature, algorithm, issuer, audience and expiry (against the injected clock).
pub fn verify(settings: &AuthSettings, token: &str, now: DateTime<Utc>) -> Result<Claims, ServiceError> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    // Expiry is checked below against the service clock, which tests move.
    validation.validate_exp = false;
    let key = DecodingKey::from_secret(settings.token_secret.expose_secret().as_bytes());
    let data = decode::<Claims>(token, &key, &validation).map_err(|_| ServiceError::Unauthenticated)?;
    if data.claims.exp <= now.timestamp() {
        return Err(ServiceError::Unauthenticated);
    }
    Ok(data.claims)
}

#[cfg(test)]
mod tests {
    use secrecy::SecretString;

    use super::*;

    fn settings(secret: &str) -> AuthSettings {
        AuthSettings::new(SecretString::from(secret.to_owned()))
    }

    #[test]
    fn a_token_verifies_until_it_expires() {
        let s = settings("an-extremely-secret-test-key-0123456789");
        let now = Utc::now();
        let token = issue(&s, Uuid::now_v7(), Uuid::now_v7(), 3, now).unwrap();
        assert_eq!(verify(&s, &token, now).unwrap().ver, 3);
        assert!(verify(&s, &token, now + chrono::Duration::minutes(16)).is_err());
    }

    #[test]
    fn a_token_signed_with_another_key_or_alg_none_is_refused() {
        let now = Utc::now();
        let token = issue(
            &settings("key-one-key-one-key-one-key-one-1"),
            Uuid::now_v7(),
            Uuid::now_v7(),
            0,
            now,
        )
        .unwrap();
        assert!(verify(&settings("key-two-key-two-key-two-key-two-2"), &token, now).is_err());
        let mut parts: Vec<&str> = token.split('.').collect();
        let none_header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
        parts[0] = none_header;
        let unsigned = format!("{}.{}.", parts[0], parts[1]);
        assert!(verify(&settings("key-one-key-one-key-one-key-one-1"), &unsigned, now).is_err());
    }
}
