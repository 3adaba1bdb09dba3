use super::*;

fn leave() -> Value {
    json!({
        "type": "事假",
        "days": 5,
        "amount": 500000,
        "period": {"start": "2026-11-23", "end": "2026-11-27"},
        "uses": ["教学", "科研"],
        "urgent": true,
        "note": "",
        "zero": 0,
    })
}

#[test]
fn numbers_compare_numerically() {
    assert!(holds("days > 3", leave()));
    assert!(!holds("days > 5", leave()));
    assert!(holds(
        "days >= 5 and days <= 5 and days == 5 and days != 4",
        leave()
    ));
    assert!(holds("days < 5.5", leave()));
    assert!(holds("days > -1", leave()));
}

#[test]
fn money_is_compared_in_fen() {
    assert!(holds("amount >= 500000", leave()));
    assert!(!holds("amount >= 500000", json!({"amount": 499_999})));
    assert!(!holds("amount > 500000", leave()));
}

#[test]
fn texts_compare_for_equality_lists_and_order() {
    assert!(holds("type == '事假'", leave()));
    assert!(holds("type != \"病假\"", leave()));
    assert!(holds("type in ['事假','病假']", leave()));
    assert!(!holds("type in ['病假', '年假']", leave()));
    assert!(holds("type not in ['病假', '年假']", leave()));
    assert!(!holds("type not in ['事假']", leave()));
    let on = json!({"on": "2026-11-23"});
    assert!(holds(
        "on < '2026-12-01' and on > '2026-09-30' and on >= '2026-11-23'",
        on.clone()
    ));
    assert!(!holds("on < '2026-11-23'", on));
}

#[test]
fn quotes_and_backslashes_can_be_escaped() {
    assert!(holds(r#"name == 'O\'Brien'"#, json!({"name": "O'Brien"})));
    assert!(holds(r#"name == "say \"hi\"""#, json!({"name": "say \"hi\""})));
    assert!(holds(r"path == 'a\\b'", json!({"path": "a\\b"})));
}

#[test]
fn a_date_range_has_days_start_and_end() {
    assert!(holds("period.days == 5", leave()));
    assert!(holds("period.days > 3", leave()));
    assert!(holds(
        "period.start >= '2026-11-01' and period.end < '2026-12-01'",
        leave()
    ));
    let one_day = json!({"period": {"start": "2026-12-31", "end": "2026-12-31"}});
    assert!(holds("period.days == 1", one_day));
    let over_new_year = json!({"period": {"start": "2026-12-30", "end": "2027-01-02"}});
    assert!(holds("period.days == 4", over_new_year));
    assert!(!holds(
        "period.days > 0",
        json!({"period": {"start": "2026-12-30", "end": "2026-12-01"}})
    ));
    assert!(!holds("period.days > 0", json!({"period": "2026-12-30"})));
    assert!(!holds("type.days > 0", leave()));
}

#[test]
fn contains_looks_into_multi_select_lists() {
    assert!(holds("uses contains '科研'", leave()));
    assert!(!holds("uses contains '行政'", leave()));
    assert!(
        !holds("type contains '事'", leave()),
        "contains is for lists, not substrings"
    );
    assert!(holds("levels contains 2", json!({"levels": [1, 2]})));
}

#[test]
fn not_binds_tighter_than_and_which_binds_tighter_than_or() {
    let values = json!({"a": false, "b": false, "c": true});
    assert!(holds("not (a or b) and c", values.clone()));
    assert!(!holds("not (a or b) and a", values.clone()));
    // a or (b and c) — not (a or b) and c
    assert!(holds("c or a and b", values.clone()));
    assert!(!holds("(c or a) and b", values.clone()));
    assert!(holds("not a and not b", values.clone()));
    assert!(!holds("not (not a and not b)", values.clone()));
    assert!(holds("!a && c || b", values.clone()));
    assert!(holds("not not c", values));
}

#[test]
fn a_bare_field_is_true_when_given_and_non_empty() {
    let values = leave();
    assert!(holds(
        "urgent and type and days and uses and period",
        values.clone()
    ));
    assert!(!holds("note", values.clone()));
    assert!(!holds("zero", values.clone()));
    assert!(!holds("missing", values.clone()));
    assert!(!holds("empty", json!({"empty": []})));
    assert!(!holds("nothing", json!({"nothing": null})));
}

#[test]
fn a_missing_field_makes_every_comparison_false() {
    let empty = json!({});
    for src in [
        "days > 3",
        "days <= 3",
        "days == 3",
        "days != 3",
        "type in ['a']",
        "type not in ['a']",
        "uses contains 'a'",
        "period.days > 0",
    ] {
        assert!(!holds(src, empty.clone()), "{src}");
    }
    assert!(holds("not (type == '事假')", empty.clone()));
    assert!(holds("days > 3 or true", empty));
}

#[test]
fn a_type_mismatch_makes_the_comparison_false() {
    let values = leave();
    for src in [
        "days == '5'",
        "days != '5'",
        "type > 3",
        "type != 3",
        "urgent > false",
        "urgent == 1",
        "uses == '教学'",
        "period == '2026-11-23'",
        "days in ['5']",
        "days not in ['5']",
    ] {
        assert!(!holds(src, values.clone()), "{src}");
    }
    assert!(holds("urgent == true and urgent != false", values.clone()));
    assert!(
        holds("days in ['5', 5]", values.clone()),
        "items of another type are ignored"
    );
    assert!(holds("days not in ['5', 4]", values));
}

#[test]
fn constants_need_no_values() {
    assert!(holds("true", json!({})));
    assert!(!holds("false", json!({})));
    assert!(holds("true and not false", json!({})));
}
