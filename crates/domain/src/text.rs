//! Which characters text input may carry. Control characters make no sense in names, keywords
//! or identifiers, and PostgreSQL refuses NUL outright (a 500 there, silently stored on SQLite),
//! so every input path refuses them with the same rule.

/// A C0 control (U+0000–U+001F), DEL or a C1 control (U+0080–U+009F) other than the three
/// whitespace controls free text may carry (`\t`, `\n`, `\r`).
pub fn is_forbidden_in_free_text(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Any control character: single-line values (query parameters, path segments, roster cells)
/// have no use even for tabs and line breaks.
pub fn is_forbidden_in_single_line(c: char) -> bool {
    c.is_control()
}

/// Bidirectional formatting characters (embeddings, overrides, isolates, marks): they reorder
/// how a name is shown, so `invoice\u{202E}gpj.txt` displays as `invoicetxt.jpg`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_del_and_c1_controls_are_refused_but_line_breaks_in_free_text_are_not() {
        for c in ['\0', '\u{1}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert!(is_forbidden_in_free_text(c), "{c:?}");
            assert!(is_forbidden_in_single_line(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r'] {
            assert!(!is_forbidden_in_free_text(c));
            assert!(is_forbidden_in_single_line(c));
        }
        for c in ['a', '中', ' ', '\u{a0}', '%'] {
            assert!(!is_forbidden_in_single_line(c));
        }
    }

    #[test]
    fn every_bidirectional_control_is_recognised_and_arabic_letters_are_not() {
        let controls = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}";
        assert!(controls.chars().all(is_bidi_control));
        assert!(!"عربي abc 中文\u{200B}".chars().any(is_bidi_control));
    }
}
