//! Checks for the numbers people type into rosters: mainland mobile numbers and resident ID
//! numbers (GB 11643), so an import names the bad cell instead of storing it.

/// The 11 digits of a mainland mobile number (`1` then `3`–`9`), from `13812341234`,
/// `138 1234 1234`, `138-1234-1234` or with `+86`/`86` in front; `None` for anything else.
pub fn mainland_mobile(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = digits
        .strip_prefix("+86")
        .or_else(|| digits.strip_prefix("86").filter(|rest| rest.len() == 11))
        .unwrap_or(&digits);
    let bytes = digits.as_bytes();
    let shaped = bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1]);
    shaped.then(|| digits.to_owned())
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Whether `raw` is an 18-character resident ID number whose last character is the check digit
/// of the first 17 (`x` accepted for `X`).
pub fn resident_id_ok(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let expected = CHECK[(sum % 11) as usize];
    bytes[17].to_ascii_uppercase() == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_are_read_with_spaces_dashes_and_country_code() {
        for raw in [
            "13812341234",
            "138 1234 1234",
            "138-1234-1234",
            "+8613812341234",
            "8613812341234",
        ] {
            assert_eq!(mainland_mobile(raw).as_deref(), Some("13812341234"), "{raw}");
        }
        for raw in ["12812341234", "1381234123", "010-12345678", "1381234123a", ""] {
            assert_eq!(mainland_mobile(raw), None, "{raw}");
        }
    }

    #[test]
    fn resident_ids_need_the_right_check_digit() {
        assert!(resident_id_ok("11010519491231002X"));
        assert!(resident_id_ok("11010519491231002x"));
        assert!(!resident_id_ok("110105194912310021"));
        assert!(!resident_id_ok("11010519491231002"));
        assert!(!resident_id_ok("1101051949123100XX"));
    }
}
