//! Passwords an attacker tries first. Three checks, any of which refuses:
//! 1. the list of the commonest passwords ([`super::common_passwords`]);
//! 2. Chinese shapes the frequency lists of `zxcvbn` do not know: love-number codes
//!    (`5201314`, `woaini1314`), pinyin phrases, and QQ-number, phone or birthday digits with a
//!    token decoration (`Qq123456789!`, `Aa19900101!`);
//! 3. `zxcvbn`'s estimate (dictionaries, keyboard patterns like `1qaz@WSX`, l33t, dates and
//!    repeats) below score 3, about 10⁸ guesses.

use super::common_passwords::is_common;

/// Fragments common in Chinese passwords, longest first so that `5201314` goes before `520`.
#[rustfmt::skip]
const CHINESE_FRAGMENTS: &[&str] = &[
    "52013145201314", "woaini1314", "wodemima", "iloveyou", "1314520", "5201314", "5211314",
    "3344520", "woaini", "aini", "woshi", "nihao", "mima", "laopo", "laogong", "baobei", "qinai",
    "zhongguo", "beijing", "1314", "520", "qq",
];

/// Digit runs this long read as a QQ number, phone number or date.
const LONG_DIGITS: usize = 5;
/// At most this many characters may be left around the fragments and long digit runs.
const MAX_DECORATION: usize = 4;
/// `zxcvbn` scores below this are refused.
const MIN_SCORE: u8 = 3;
/// `zxcvbn` gets slow on long inputs; the first characters decide anyway.
const ZXCVBN_PREFIX: usize = 64;

/// Whether the password is a Chinese fragment or long digits with a little decoration.
fn has_weak_chinese_shape(password: &str) -> bool {
    let mut rest = password.to_lowercase();
    for fragment in CHINESE_FRAGMENTS {
        rest = rest.replace(fragment, "");
    }
    let mut left = 0;
    let mut digits = 0;
    for c in rest.chars().chain([' ']) {
        if c.is_ascii_digit() {
            digits += 1;
            continue;
        }
        if digits < LONG_DIGITS {
            left += digits;
        }
        digits = 0;
        left += usize::from(c != ' ');
    }
    left <= MAX_DECORATION
}

/// `zxcvbn`'s score, with the owner's username and name as words it knows.
fn score(password: &str, personal: &[&str]) -> u8 {
    let prefix: String = password.chars().take(ZXCVBN_PREFIX).collect();
    zxcvbn::zxcvbn(&prefix, personal).score() as u8
}

/// Whether `password` is too easy to guess (see the module docs).
pub fn is_guessable(password: &str, personal: &[&str]) -> bool {
    is_common(password) || has_weak_chinese_shape(password) || score(password, personal) < MIN_SCORE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passwords_attackers_try_first_are_refused() {
        for weak in [
            "Password123!",
            "Qwerty@123",
            "1qaz@WSX",
            "P@ssw0rd",
            "Aa123456!",
            "Admin@123",
            "Abc@1234",
            "Qwer1234!",
        ] {
            assert!(is_guessable(weak, &[]), "{weak}");
        }
    }

    #[test]
    fn chinese_love_codes_pinyin_phrases_and_qq_numbers_are_refused() {
        for weak in [
            "woaini1314!A",
            "Woaini1314@",
            "5201314Aa!",
            "Qq123456789!",
            "Aa19900101!",
            "Li#13812345678",
            "Wodemima@520",
        ] {
            assert!(has_weak_chinese_shape(weak), "{weak}");
            assert!(is_guessable(weak, &[]), "{weak}");
        }
        assert!(!has_weak_chinese_shape("Lab520#Secure"));
        assert!(!has_weak_chinese_shape("Xiaoban@2026"));
    }

    #[test]
    fn strong_passwords_pass_including_the_demo_and_test_passwords() {
        for strong in [
            "Xiaoban@2026",
            "Xiaoban#2026!",
            "Initial#Pass2026",
            "Lab#Secure2026",
            "Kq7#mVt2pL9x",
        ] {
            assert!(!is_guessable(strong, &["zhangsan"]), "{strong}");
        }
    }

    #[test]
    fn long_passwords_are_scored_on_their_start() {
        let long = format!("{}{}", "Kq7#mVt2pL9x".repeat(10), "a".repeat(200));
        assert!(!is_guessable(&long, &[]));
    }
}
