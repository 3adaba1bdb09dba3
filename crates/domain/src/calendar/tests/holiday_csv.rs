use super::*;
use crate::calendar::SpecialDay;
use crate::error::DomainError;

fn error_line(text: &str) -> (usize, String) {
    match parse_holiday_csv(text) {
        Err(DomainError::InvalidCalendarCsv { line, reason }) => (line, reason),
        other => panic!("expected a CSV error, got {other:?}"),
    }
}

#[test]
fn the_2026_excerpt_parses_in_file_order_with_names() {
    let days = parse_holiday_csv(CSV_2026_EXCERPT).unwrap();
    assert_eq!(days.len(), 23);
    assert_eq!(
        days[0],
        SpecialDay {
            date: date(2026, 2, 14),
            kind: Workday,
            name: "春节调休上班".to_owned()
        }
    );
    assert_eq!(days[22].date, date(2026, 10, 10));
    assert_eq!(days[22].kind, Workday);
}

#[test]
fn blank_lines_crlf_and_a_byte_order_mark_are_tolerated() {
    let text =
        "\u{feff}date,kind,name\r\n\r\n2026-10-01,holiday,国庆节\r\n\n2026-10-10,workday,国庆节调休上班\r\n";
    let days = parse_holiday_csv(text).unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(days[1].name, "国庆节调休上班");
}

#[test]
fn a_missing_or_wrong_header_is_reported_on_its_line() {
    assert_eq!(error_line("").0, 1);
    let (line, reason) = error_line("\n2026-10-01,holiday,国庆节\n");
    assert_eq!(line, 2);
    assert!(reason.contains("expected header"), "{reason}");
}

#[test]
fn errors_carry_one_based_line_numbers_counting_blank_lines() {
    let (line, reason) =
        error_line("date,kind,name\n2026-10-01,holiday,国庆节\n\n2026-13-01,holiday,国庆节\n");
    assert_eq!(line, 4);
    assert!(reason.contains("2026-13-01"), "{reason}");
}

#[test]
fn an_unknown_kind_is_rejected() {
    let (line, reason) = error_line("date,kind,name\n2026-10-01,Holiday,国庆节\n");
    assert_eq!(line, 2);
    assert!(reason.contains("`Holiday`"), "{reason}");
}

#[test]
fn rows_need_exactly_three_fields_and_a_name() {
    assert!(
        error_line("date,kind,name\n2026-10-01,holiday\n")
            .1
            .contains("found 2")
    );
    assert!(
        error_line("date,kind,name\n2026-10-01,holiday,a,b\n")
            .1
            .contains("found 4")
    );
    assert!(
        error_line("date,kind,name\n2026-10-01,holiday,\n")
            .1
            .contains("name")
    );
}

#[test]
fn a_duplicate_date_names_both_lines() {
    let (line, reason) = error_line("date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-01,holiday,国庆节\n");
    assert_eq!(line, 3);
    assert!(reason.contains("line 2"), "{reason}");
}

#[test]
fn a_make_up_workday_on_a_weekday_is_rejected() {
    let (line, reason) = error_line("date,kind,name\n2026-10-09,workday,国庆节调休上班\n");
    assert_eq!(line, 2);
    assert!(reason.contains("Saturday or Sunday"), "{reason}");
}

#[test]
fn day_kinds_round_trip_through_their_wire_names() {
    for kind in [Holiday, Workday] {
        assert_eq!(DayKind::parse(kind.as_str()), Some(kind));
        assert_eq!(kind.to_string(), kind.as_str());
    }
    assert_eq!(DayKind::parse("rest"), None);
}
