use super::NumberPattern;
use crate::error::DomainError;

fn rejection(pattern: &str) -> String {
    match NumberPattern::parse(pattern) {
        Err(DomainError::InvalidNumberPattern(reason)) => reason,
        other => panic!("expected `{pattern}` to be rejected, got {other:?}"),
    }
}

#[test]
fn an_incoming_document_number_pads_the_sequence_to_four_digits() {
    let pattern = NumberPattern::parse("{year}-收-{seq:04}").unwrap();
    assert_eq!(pattern.format(2026, 7), "2026-收-0007");
}

#[test]
fn an_official_document_number_keeps_its_chinese_brackets_and_an_unpadded_sequence() {
    let pattern = NumberPattern::parse("X校办〔{year}〕{seq}号").unwrap();
    assert_eq!(pattern.format(2026, 12), "X校办〔2026〕12号");
    assert!(pattern.has_year());
}

#[test]
fn an_asset_number_runs_year_and_sequence_together() {
    let pattern = NumberPattern::parse("ZC{year}{seq:05}").unwrap();
    assert_eq!(pattern.format(2026, 42), "ZC202600042");
}

#[test]
fn a_sequence_wider_than_its_padding_prints_all_digits() {
    let pattern = NumberPattern::parse("{year}-收-{seq:04}").unwrap();
    assert_eq!(pattern.format(2026, 123_456), "2026-收-123456");
    assert_eq!(
        NumberPattern::parse("{seq:012}").unwrap().format(2026, u64::MAX),
        u64::MAX.to_string()
    );
}

#[test]
fn a_pattern_without_a_year_never_resets() {
    let pattern = NumberPattern::parse("GD-{seq:06}").unwrap();
    assert!(!pattern.has_year());
    assert_eq!(pattern.format(2026, 1), "GD-000001");
}

#[test]
fn doubled_braces_are_literal_braces() {
    let pattern = NumberPattern::parse("{{{year}}}-{seq}}}").unwrap();
    assert_eq!(pattern.format(2026, 3), "{2026}-3}");
}

#[test]
fn display_gives_back_the_source_pattern() {
    for source in ["{year}-收-{seq:04}", "X校办〔{year}〕{seq}号", "{{{seq}}}"] {
        assert_eq!(NumberPattern::parse(source).unwrap().to_string(), source);
    }
}

#[test]
fn exactly_one_sequence_token_is_required() {
    assert!(rejection("{year}-收").contains("found 0"));
    assert!(rejection("").contains("found 0"));
    assert!(rejection("{seq}-{seq:04}").contains("found 2"));
}

#[test]
fn unknown_tokens_are_named_in_the_message() {
    let reason = rejection("{yy}-{seq}");
    assert!(
        reason.contains("unknown token `{yy}`") && reason.contains("character 1"),
        "{reason}"
    );
    assert!(rejection("{Year}{seq}").contains("unknown token"));
}

#[test]
fn unbalanced_braces_are_rejected() {
    assert!(rejection("{year}-{seq").contains("unclosed `{`"));
    assert!(rejection("{seq}}-").contains("unmatched `}`"));
    assert!(rejection("收}{seq}").contains("character 2"));
}

#[test]
fn sequence_widths_must_be_zero_padded_and_between_one_and_twelve() {
    for pattern in [
        "{seq:4}",
        "{seq:0}",
        "{seq:00}",
        "{seq:013}",
        "{seq:0x}",
        "{seq:}",
    ] {
        assert!(rejection(pattern).contains("width N from 1 to 12"), "{pattern}");
    }
    assert_eq!(NumberPattern::parse("{seq:01}").unwrap().format(2026, 5), "5");
}

#[test]
fn years_are_printed_with_four_digits() {
    assert_eq!(
        NumberPattern::parse("{year}{seq}").unwrap().format(987, 1),
        "09871"
    );
}

#[test]
fn patterns_that_differ_only_in_padding_have_one_shape() {
    let padded = NumberPattern::parse("QJ-{year}-{seq:04}").unwrap();
    let plain = NumberPattern::parse("QJ-{year}-{seq}").unwrap();
    assert_eq!(padded.shape(), "QJ-{year}-{seq}");
    assert_eq!(padded.shape(), plain.shape());
    assert_ne!(
        padded.shape(),
        NumberPattern::parse("BX-{year}-{seq}").unwrap().shape()
    );
    assert_eq!(NumberPattern::parse("{{{seq}}}").unwrap().shape(), "{{{seq}}}");
}
