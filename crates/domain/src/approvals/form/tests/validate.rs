use serde_json::json;
use uuid::Uuid;

use super::*;

/// A one-field form.
fn only(field: FieldDef) -> FormSchema {
    FormSchema { fields: vec![field] }
}

fn one_issue(form: &FormSchema, value: serde_json::Value) -> String {
    let issues = rejected(form, json!({ "x": value }));
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, "x");
    issues[0].1.clone()
}

#[test]
fn a_complete_leave_application_is_accepted_and_normalised() {
    let substitute = Uuid::now_v7();
    let file = Uuid::now_v7();
    let checked = leave_form()
        .validate(&json!({
            "type": " 事假 ",
            "days": 5,
            "period": {"start": "2026-11-23", "end": "2026-11-27"},
            "reason": "  家中有事\n ",
            "substitute": substitute.simple().to_string().to_uppercase(),
            "proof": [file.to_string()],
        }))
        .unwrap();
    assert_eq!(
        serde_json::Value::Object(checked.values),
        json!({
            "type": "事假",
            "days": 5,
            "period": {"start": "2026-11-23", "end": "2026-11-27"},
            "reason": "家中有事",
            "substitute": substitute.to_string(),
            "proof": [file.to_string()],
        })
    );
    assert_eq!(checked.users, vec![("substitute".to_owned(), substitute)]);
    assert!(checked.departments.is_empty());
    assert_eq!(checked.files, vec![("proof".to_owned(), file)]);
}

#[test]
fn every_missing_required_field_is_named_with_its_label() {
    assert_eq!(
        rejected(&leave_form(), json!({})),
        vec![
            ("type".to_owned(), "请选择请假类型".to_owned()),
            ("days".to_owned(), "请填写请假天数".to_owned()),
            ("period".to_owned(), "请选择请假时间".to_owned()),
        ]
    );
    let issues = leave_form().validate(&json!({})).unwrap_err();
    assert_eq!(issues[1].en, "请假天数 is required");
}

#[test]
fn null_empty_text_blank_text_and_empty_lists_count_as_not_given() {
    let form = leave_form();
    let issues = rejected(
        &form,
        json!({"type": "  ", "days": null, "period": {"start": "", "end": ""}, "proof": []}),
    );
    let fields: Vec<_> = issues.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(fields, ["type", "days", "period"]);
    let optional = json!({"type": "病假", "days": 1, "period": {"start": "2026-01-05", "end": "2026-01-05"},
        "reason": "", "substitute": null, "proof": []});
    let checked = form.validate(&optional).unwrap();
    assert_eq!(checked.values.len(), 3, "optional fields not given are left out");
    assert!(checked.users.is_empty() && checked.files.is_empty());
}

#[test]
fn unknown_keys_and_non_objects_are_refused() {
    let values =
        json!({"type": "事假", "days": 1, "period": {"start": "2026-01-05", "end": "2026-01-05"}, "dayz": 3});
    assert_eq!(
        rejected(&leave_form(), values),
        vec![("dayz".to_owned(), "表单中没有字段“dayz”".to_owned())]
    );
    assert_eq!(
        rejected(&leave_form(), json!([1])),
        vec![(String::new(), "表单内容应为对象".to_owned())]
    );
}

#[test]
fn text_is_trimmed_and_limited_in_characters() {
    let form = only(FieldDef {
        min_length: Some(2),
        max_length: Some(5),
        ..field("x", "标题", FieldKind::Text)
    });
    assert_eq!(
        accepted(&form, json!({"x": " 校办通知 "}), "x"),
        json!("校办通知")
    );
    assert_eq!(
        accepted(&form, json!({"x": "一二三四五"}), "x"),
        json!("一二三四五")
    );
    assert_eq!(one_issue(&form, json!("一二三四五六")), "不能超过 5 个字");
    assert_eq!(one_issue(&form, json!("一")), "至少 2 个字");
    assert_eq!(one_issue(&form, json!(12)), "应为文本");
}

#[test]
fn text_without_max_length_has_the_default_limit_of_its_kind() {
    let short = only(field("x", "标题", FieldKind::Text));
    assert!(short.validate(&json!({"x": "字".repeat(200)})).is_ok());
    assert_eq!(one_issue(&short, json!("字".repeat(201))), "不能超过 200 个字");
    let long = only(field("x", "说明", FieldKind::LongText));
    assert!(long.validate(&json!({"x": "字".repeat(5000)})).is_ok());
    assert_eq!(one_issue(&long, json!("字".repeat(5001))), "不能超过 5000 个字");
}

#[test]
fn numbers_respect_min_and_max() {
    let form = leave_form();
    let base = |days: serde_json::Value| json!({"type": "事假", "days": days, "period": {"start": "2026-01-05", "end": "2026-01-06"}});
    assert_eq!(accepted(&form, base(json!(0.5)), "days"), json!(0.5));
    assert_eq!(accepted(&form, base(json!(30)), "days"), json!(30));
    assert_eq!(
        rejected(&form, base(json!(31))),
        vec![("days".to_owned(), "不能大于 30".to_owned())]
    );
    assert_eq!(
        rejected(&form, base(json!(0.25))),
        vec![("days".to_owned(), "不能小于 0.5".to_owned())]
    );
    assert_eq!(
        rejected(&form, base(json!("5"))),
        vec![("days".to_owned(), "应为数字".to_owned())]
    );
}

#[test]
fn money_is_whole_fen_not_negative_and_at_most_ten_to_the_twelfth() {
    let form = only(field("x", "金额", FieldKind::Money));
    assert_eq!(accepted(&form, json!({"x": 123450}), "x"), json!(123450));
    assert_eq!(accepted(&form, json!({"x": 1200.0}), "x"), json!(1200));
    assert_eq!(
        accepted(&form, json!({"x": 1_000_000_000_000_i64}), "x"),
        json!(1_000_000_000_000_i64)
    );
    assert_eq!(one_issue(&form, json!(12.5)), "金额应为以分为单位的整数");
    assert_eq!(one_issue(&form, json!("100")), "金额应为以分为单位的整数");
    assert_eq!(one_issue(&form, json!(-1)), "金额不能为负数");
    assert_eq!(
        one_issue(&form, json!(1_000_000_000_001_i64)),
        "不能大于 ¥10,000,000,000.00"
    );
}

#[test]
fn money_bounds_are_in_fen_and_shown_in_yuan() {
    let form = only(FieldDef {
        min: Some(-50_000.0),
        max: Some(500_000.0),
        ..field("x", "金额", FieldKind::Money)
    });
    assert_eq!(accepted(&form, json!({"x": -50_000}), "x"), json!(-50_000));
    assert_eq!(one_issue(&form, json!(500_001)), "不能大于 ¥5,000.00");
    assert_eq!(one_issue(&form, json!(-50_001)), "不能小于 -¥500.00");
}

#[test]
fn dates_are_real_days_written_yyyy_mm_dd() {
    let form = only(field("x", "日期", FieldKind::Date));
    assert_eq!(
        accepted(&form, json!({"x": "2028-02-29"}), "x"),
        json!("2028-02-29")
    );
    for bad in [
        "2026-1-5",
        "2026/01/05",
        "05-01-2026",
        "2026-01-05T00:00",
        "二〇二六年",
    ] {
        assert_eq!(one_issue(&form, json!(bad)), "日期格式应为 YYYY-MM-DD", "{bad}");
    }
    assert_eq!(one_issue(&form, json!(20260105)), "日期格式应为 YYYY-MM-DD");
    assert_eq!(one_issue(&form, json!("2026-02-29")), "日期不存在");
    assert_eq!(one_issue(&form, json!("2026-13-01")), "日期不存在");
}

#[test]
fn a_date_range_needs_both_ends_in_order() {
    let form = only(field("x", "时间", FieldKind::DateRange));
    let same_day = json!({"start": "2026-11-23", "end": "2026-11-23"});
    assert_eq!(accepted(&form, json!({"x": same_day}), "x"), same_day);
    assert_eq!(
        one_issue(&form, json!({"start": "2026-11-27", "end": "2026-11-23"})),
        "结束日期不能早于开始日期"
    );
    assert_eq!(
        one_issue(&form, json!({"start": "2026-11-23"})),
        "请填写开始日期和结束日期"
    );
    assert_eq!(
        one_issue(&form, json!({"start": "2026-11-23", "end": "11/27"})),
        "日期格式应为 YYYY-MM-DD"
    );
    assert_eq!(
        one_issue(
            &form,
            json!({"start": "2026-11-23", "end": "2026-11-27", "days": 5})
        ),
        "日期范围应包含开始日期和结束日期"
    );
    assert_eq!(
        one_issue(&form, json!("2026-11-23")),
        "日期范围应包含开始日期和结束日期"
    );
}

#[test]
fn a_select_takes_one_listed_option() {
    let form = only(select("x", "类型", FieldKind::Select, &["事假", "病假"]));
    assert_eq!(accepted(&form, json!({"x": "病假"}), "x"), json!("病假"));
    assert_eq!(one_issue(&form, json!("婚假")), "请选择列表中的选项");
    assert_eq!(one_issue(&form, json!(["事假"])), "请选择列表中的选项");
}

#[test]
fn a_multi_select_takes_distinct_listed_options_within_the_item_limits() {
    let form = only(FieldDef {
        min_length: Some(1),
        max_length: Some(2),
        ..select("x", "用途", FieldKind::MultiSelect, &["教学", "科研", "行政"])
    });
    assert_eq!(
        accepted(&form, json!({"x": ["科研", "教学"]}), "x"),
        json!(["科研", "教学"])
    );
    assert_eq!(one_issue(&form, json!(["教学", "教学"])), "选项不能重复");
    assert_eq!(one_issue(&form, json!(["教学", "后勤"])), "请选择列表中的选项");
    assert_eq!(one_issue(&form, json!(["教学", "科研", "行政"])), "最多选择 2 项");
    assert_eq!(one_issue(&form, json!("教学")), "应为选项列表");
    let at_least_two = only(FieldDef {
        min_length: Some(2),
        ..select("x", "用途", FieldKind::MultiSelect, &["教学", "科研"])
    });
    assert_eq!(one_issue(&at_least_two, json!(["教学"])), "至少选择 2 项");
}

#[test]
fn users_and_departments_are_uuids_returned_for_the_database_check() {
    let form = FormSchema {
        fields: vec![
            field("who", "经办人", FieldKind::User),
            field("dept", "部门", FieldKind::Department),
        ],
    };
    let (who, dept) = (Uuid::now_v7(), Uuid::now_v7());
    let checked = form
        .validate(&json!({"who": who.to_string(), "dept": dept.to_string()}))
        .unwrap();
    assert_eq!(checked.users, vec![("who".to_owned(), who)]);
    assert_eq!(checked.departments, vec![("dept".to_owned(), dept)]);
    assert_eq!(
        rejected(&form, json!({"who": "wang.zhuren", "dept": 7})),
        vec![
            ("who".to_owned(), "请选择有效的用户".to_owned()),
            ("dept".to_owned(), "请选择有效的部门".to_owned())
        ]
    );
}

#[test]
fn attachments_are_distinct_file_ids_at_most_twenty_by_default() {
    let form = only(field("x", "附件", FieldKind::Attachments));
    let ids: Vec<Uuid> = (0..21).map(|_| Uuid::now_v7()).collect();
    let strings = |n: usize| ids[..n].iter().map(Uuid::to_string).collect::<Vec<_>>();
    let checked = form.validate(&json!({"x": strings(20)})).unwrap();
    assert_eq!(checked.files.len(), 20);
    assert_eq!(checked.files[0], ("x".to_owned(), ids[0]));
    assert_eq!(one_issue(&form, json!(strings(21))), "最多上传 20 个附件");
    assert_eq!(
        one_issue(&form, json!([ids[0].to_string(), ids[0].simple().to_string()])),
        "附件不能重复"
    );
    assert_eq!(one_issue(&form, json!(["scan.pdf"])), "附件应为文件编号列表");
    let more = only(FieldDef {
        min_length: Some(2),
        max_length: Some(30),
        ..field("x", "附件", FieldKind::Attachments)
    });
    assert!(more.validate(&json!({"x": strings(21)})).is_ok());
    assert_eq!(one_issue(&more, json!(strings(1))), "至少上传 2 个附件");
}

#[test]
fn a_required_attachment_list_asks_for_an_upload() {
    let form = only(FieldDef {
        required: true,
        ..field("x", "证明材料", FieldKind::Attachments)
    });
    assert_eq!(
        rejected(&form, json!({"x": []})),
        vec![("x".to_owned(), "请上传证明材料".to_owned())]
    );
}

#[test]
fn a_draft_may_leave_required_fields_empty_but_not_give_wrong_values() {
    let schema = leave_form();
    let draft = schema.for_draft();
    assert!(draft.validate(&json!({})).is_ok());
    assert!(schema.validate(&json!({})).is_err());
    let issues = rejected(&draft, json!({ "days": "three" }));
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].0, "days");
}
