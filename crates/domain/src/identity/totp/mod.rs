//! Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 6 digits, 30-second
//! steps, the step before and after accepted for clock drift, and no step accepted twice.
//! Pure functions; the caller keeps the secret and the last step used.

mod base32;
#[cfg(test)]
mod tests;

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

pub use base32::{decode as base32_decode, encode as base32_encode};

/// Seconds per step.
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// Steps accepted on either side of the current one (RFC 6238 §5.2 recommends at most one).
pub const DRIFT_STEPS: i64 = 1;
/// Length of a new secret in bytes (160 bits, the HMAC-SHA-1 output size RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;

/// The step a Unix time falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The HOTP value of `counter` with `digits` digits (RFC 4226 §5.3, dynamic truncation).
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    // HMAC accepts keys of any length, so this never fails; an empty digest would give 0.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        return 0;
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest.last().copied().unwrap_or(0) & 0x0f);
    let word = digest
        .get(offset..offset + 4)
        .map(|b| u32::from_be_bytes([b[0] & 0x7f, b[1], b[2], b[3]]))
        .unwrap_or(0);
    word % 10_u32.pow(digits)
}

/// The 6-digit code of a step, zero-padded.
pub fn code_for_step(secret: &[u8], step: i64) -> String {
    let counter = u64::try_from(step).unwrap_or(0);
    format!(
        "{:0width$}",
        hotp(secret, counter, DIGITS),
        width = DIGITS as usize
    )
}

/// The step whose code `code` is, among the current step and its neighbours, if it is later
/// than `last_used` (a code already used, or an older one, is refused: no replay).
pub fn accepted_step(secret: &[u8], code: &str, unix_seconds: i64, last_used: Option<i64>) -> Option<i64> {
    let code = code.trim();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(unix_seconds);
    (now - DRIFT_STEPS..=now + DRIFT_STEPS)
        .filter(|step| last_used.is_none_or(|used| *step > used))
        .find(|step| constant_time_eq(code_for_step(secret, *step).as_bytes(), code.as_bytes()))
}

/// The `otpauth://` URI authenticator apps read from a QR code (Google Authenticator's key
/// URI format): the label is `issuer:account`, and the issuer is repeated as a parameter.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let issuer_enc = percent_encode(issuer);
    format!(
        "otpauth://totp/{issuer_enc}:{}?secret={}&issuer={issuer_enc}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        percent_encode(account),
        base32_encode(secret),
    )
}

/// Percent-encodes everything except RFC 3986 unreserved characters (UTF-8 bytes, so 校办
/// becomes `%E6%A0%A1%E5%8A%9E`).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
