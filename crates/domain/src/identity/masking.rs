//! Masking of personal data for display to those without `user.view_sensitive`.

/// Keeps the first `head` and last `tail` characters and stars the `middle` ones (or all if too short).
fn mask(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n < head + tail {
        return "*".repeat(n);
    }
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(n - head - tail));
    out.extend(&chars[n - tail..]);
    out
}

/// `13812341234` → `138****1234`; other lengths of at least 7 keep the first 3 and last 2
/// characters; shorter values are all stars. Counts characters, not bytes.
pub fn mask_phone(s: &str) -> String {
    match s.chars().count() {
        11 => mask(s, 3, 4),
        n if n >= 7 => mask(s, 3, 2),
        n => "*".repeat(n),
    }
}

/// An 18-character resident ID keeps the first 6 and last 4: `110105********1234`; other lengths
/// of at least 6 keep the first 2 and last 2; shorter values are all stars.
pub fn mask_id_number(s: &str) -> String {
    match s.chars().count() {
        18 => mask(s, 6, 4),
        n if n >= 6 => mask(s, 2, 2),
        n => "*".repeat(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mainland_mobile_keeps_three_and_four() {
        assert_eq!(mask_phone("13812341234"), "138****1234");
    }

    #[test]
    fn other_phone_lengths_keep_three_and_two_or_hide_everything() {
        assert_eq!(mask_phone("010-62751234"), "010*******34");
        assert_eq!(mask_phone("6275123"), "627**23");
        assert_eq!(mask_phone("627512"), "******");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn a_resident_id_keeps_six_and_four() {
        assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id_number("110105199001011234"), "110105********1234");
    }

    #[test]
    fn other_id_lengths_keep_two_and_two_or_hide_everything() {
        assert_eq!(mask_id_number("E12345678"), "E1*****78");
        assert_eq!(mask_id_number("G12345"), "G1**45");
        assert_eq!(mask_id_number("12345"), "*****");
    }

    #[test]
    fn masking_counts_characters_not_bytes() {
        assert_eq!(mask_id_number("港澳通行证号码"), "港澳***号码");
        assert_eq!(mask_phone("电话一二三四五"), "电话一**四五");
        assert_eq!(mask_phone("电话"), "**");
    }
}
