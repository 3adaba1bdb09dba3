//! The dates the system accepts. Year 0 and year 10009 parse (chrono renders the latter as
//! `+10009-…`), but no school record is dated there, and such values break exports, the calendar
//! and other systems reading the data; so input is held to a range that covers every real case.

/// First accepted year (1900-01-01).
pub const MIN_YEAR: i32 = 1900;
/// Last accepted year (2200-12-31).
pub const MAX_YEAR: i32 = 2200;

/// Whether a date in `year` is accepted.
pub fn year_supported(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// The year of `text` if the whole of it is written as an ISO date or date-time
/// (`2026-03-02`, `+10009-01-01T00:00:00Z`, `-0001-12-31`), else `None`.
pub fn iso_year(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let tail = rest.get(digits..)?.as_bytes();
    let shaped = digits >= 4
        && tail.len() >= 6
        && tail[0] == b'-'
        && tail[1..3].iter().all(u8::is_ascii_digit)
        && tail[3] == b'-'
        && tail[4..6].iter().all(u8::is_ascii_digit)
        && match tail.get(6) {
            None | Some(b'T' | b't') => true,
            Some(b' ') => tail.get(7).is_some_and(u8::is_ascii_digit),
            Some(_) => false,
        };
    if !shaped {
        return None;
    }
    // Far too many digits is out of range too, not an overflow.
    let year: i32 = rest[..digits].parse().unwrap_or(i32::MAX);
    Some(sign * year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_date_times_are_recognised_with_their_year() {
        assert_eq!(iso_year("2026-03-02"), Some(2026));
        assert_eq!(iso_year("2026-03-02T09:00:00+08:00"), Some(2026));
        assert_eq!(iso_year("+10009-01-01T00:00:00Z"), Some(10009));
        assert_eq!(iso_year("0000-01-01"), Some(0));
        assert_eq!(iso_year("-0001-12-31"), Some(-1));
        assert_eq!(iso_year("99999999999999-01-01"), Some(i32::MAX));
    }

    #[test]
    fn other_text_is_not_a_date() {
        for text in [
            "",
            "2026",
            "2026-03",
            "SP-2026-0001",
            "0001-01-01 会议纪要",
            "12-03-02",
            "备注 0001-01-01",
        ] {
            assert_eq!(iso_year(text), None, "{text}");
        }
    }

    #[test]
    fn the_range_is_1900_to_2200_inclusive() {
        assert!(year_supported(1900) && year_supported(2200) && year_supported(2026));
        assert!(!year_supported(1899) && !year_supported(2201) && !year_supported(0));
    }
}
