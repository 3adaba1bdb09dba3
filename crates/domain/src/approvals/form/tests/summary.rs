use serde_json::json;

use super::*;

fn values(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    value.as_object().cloned().unwrap()
}

#[test]
fn the_summary_shows_the_first_three_fields_with_a_value() {
    let summary = leave_form().summary(&values(json!({
        "type": "事假",
        "days": 5,
        "period": {"start": "2026-11-23", "end": "2026-11-27"},
        "reason": "家中有事",
    })));
    assert_eq!(
        summary,
        "请假类型：事假；请假天数：5；请假时间：2026-11-23 至 2026-11-27"
    );
}

#[test]
fn the_summary_skips_ids_and_empty_fields() {
    let form = FormSchema {
        fields: vec![
            field("who", "经办人", FieldKind::User),
            field("proof", "附件", FieldKind::Attachments),
            field("note", "备注", FieldKind::Text),
            field("amount", "金额", FieldKind::Money),
            select("use", "用途", FieldKind::MultiSelect, &["教学", "科研"]),
        ],
    };
    let summary = form.summary(&values(json!({
        "who": "0194e3a8-0000-7000-8000-000000000000",
        "proof": ["0194e3a8-0000-7000-8000-000000000001"],
        "amount": 123450,
        "use": ["教学", "科研"],
    })));
    assert_eq!(summary, "金额：¥1,234.50；用途：教学、科研");
}

#[test]
fn money_is_shown_in_yuan_with_separators_and_two_decimals() {
    let form = FormSchema {
        fields: vec![field("amount", "金额", FieldKind::Money)],
    };
    let shown = |fen: i64| form.summary(&values(json!({ "amount": fen })));
    assert_eq!(shown(0), "金额：¥0.00");
    assert_eq!(shown(5), "金额：¥0.05");
    assert_eq!(shown(100_000), "金额：¥1,000.00");
    assert_eq!(shown(123_456_789), "金额：¥1,234,567.89");
    assert_eq!(shown(-150), "金额：-¥1.50");
}

#[test]
fn long_text_is_kept_on_one_line_and_cut() {
    let form = FormSchema {
        fields: vec![field("reason", "事由", FieldKind::LongText)],
    };
    let summary = form.summary(&values(
        json!({ "reason": format!("第一行\n第二行 {}", "字".repeat(40)) }),
    ));
    assert_eq!(summary, format!("事由：第一行 第二行 {}…", "字".repeat(22)));
    assert_eq!(form.summary(&values(json!({}))), "");
}
