use super::*;

/// The SHA-1 secret of RFC 6238 Appendix B: the ASCII bytes "12345678901234567890".
const RFC_SECRET: &[u8] = b"12345678901234567890";

#[test]
fn the_rfc_6238_sha1_test_vectors_give_their_eight_digit_values() {
    let vectors = [
        (59, 94_287_082),
        (1_111_111_109, 7_081_804),
        (1_111_111_111, 14_050_471),
        (1_234_567_890, 89_005_924),
        (2_000_000_000, 69_279_037),
        (20_000_000_000, 65_353_130),
    ];
    for (time, expected) in vectors {
        let counter = u64::try_from(step_at(time)).unwrap();
        assert_eq!(hotp(RFC_SECRET, counter, 8), expected, "T = {time}");
    }
}

#[test]
fn six_digit_codes_are_the_last_six_digits_of_the_vectors_zero_padded() {
    assert_eq!(code_for_step(RFC_SECRET, step_at(59)), "287082");
    assert_eq!(code_for_step(RFC_SECRET, step_at(1_111_111_109)), "081804");
    assert_eq!(code_for_step(RFC_SECRET, step_at(1_234_567_890)), "005924");
}

#[test]
fn the_rfc_4226_hotp_vectors_hold() {
    let expected = [
        755_224, 287_082, 359_152, 969_429, 338_314, 254_676, 287_922, 162_583, 399_871, 520_489,
    ];
    for (counter, value) in expected.into_iter().enumerate() {
        assert_eq!(hotp(RFC_SECRET, counter as u64, 6), value, "counter {counter}");
    }
}

#[test]
fn a_code_of_the_step_before_or_after_is_accepted_but_not_two_steps_away() {
    let now = 1_234_567_890;
    let step = step_at(now);
    for (offset, accepted) in [(-2, false), (-1, true), (0, true), (1, true), (2, false)] {
        let code = code_for_step(RFC_SECRET, step + offset);
        assert_eq!(
            accepted_step(RFC_SECRET, &code, now, None),
            accepted.then_some(step + offset),
            "offset {offset}"
        );
    }
}

#[test]
fn a_used_step_and_any_earlier_one_are_refused() {
    let now = 1_234_567_890;
    let step = step_at(now);
    let code = code_for_step(RFC_SECRET, step);
    assert_eq!(accepted_step(RFC_SECRET, &code, now, Some(step)), None);
    let before = code_for_step(RFC_SECRET, step - 1);
    assert_eq!(accepted_step(RFC_SECRET, &before, now, Some(step - 1)), None);
    assert_eq!(accepted_step(RFC_SECRET, &code, now, Some(step - 1)), Some(step));
}

#[test]
fn malformed_or_wrong_codes_are_refused() {
    let now = 59;
    for code in ["", "28708", "2870821", "28708a", "000000", "２８７０８２"] {
        assert_eq!(accepted_step(RFC_SECRET, code, now, None), None, "{code:?}");
    }
    assert_eq!(accepted_step(RFC_SECRET, " 287082 ", now, None), Some(1));
}

#[test]
fn base32_follows_rfc_4648_without_padding() {
    assert_eq!(base32_encode(b""), "");
    assert_eq!(base32_encode(b"f"), "MY");
    assert_eq!(base32_encode(b"foo"), "MZXW6");
    assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
    assert_eq!(base32_encode(RFC_SECRET), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

#[test]
fn base32_decodes_what_it_encodes_ignoring_case_spaces_and_padding() {
    for bytes in [
        &b""[..],
        b"f",
        b"fo",
        b"foo",
        b"foob",
        b"fooba",
        b"foobar",
        RFC_SECRET,
    ] {
        assert_eq!(base32_decode(&base32_encode(bytes)).as_deref(), Some(bytes));
    }
    assert_eq!(
        base32_decode("mzxw 6ytb oi======").as_deref(),
        Some(&b"foobar"[..])
    );
    assert_eq!(base32_decode("MZXW1"), None);
}

#[test]
fn the_otpauth_uri_names_issuer_account_and_parameters() {
    let uri = otpauth_uri("校办", "li.wenshu", RFC_SECRET);
    assert_eq!(
        uri,
        "otpauth://totp/%E6%A0%A1%E5%8A%9E:li.wenshu?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
         &issuer=%E6%A0%A1%E5%8A%9E&algorithm=SHA1&digits=6&period=30"
    );
}
