use super::*;
use crate::approvals::Condition;

fn condition(src: &str) -> Condition {
    Condition::parse(src).unwrap()
}

#[test]
fn a_condition_on_fields_of_the_form_passes() {
    let form = leave_form();
    assert_eq!(
        form.check_condition(&condition("days > 3 and type in ['事假'] or period.days > 3")),
        Ok(())
    );
    assert_eq!(form.check_condition(&condition("true")), Ok(()));
}

#[test]
fn unknown_fields_and_parts_of_non_ranges_are_named() {
    let issues = leave_form()
        .check_condition(&condition(
            "amount > 5000 or days.days > 1 or period.start > '2026-01-01'",
        ))
        .unwrap_err();
    let found: Vec<_> = issues
        .iter()
        .map(|issue| (issue.field.as_str(), issue.zh.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("amount", "条件中的字段“amount”不在表单中"),
            ("days", "“days”不是日期范围字段，不能用 .days、.start、.end"),
        ]
    );
}
