use super::*;

/// The `(path, zh)` pairs of a refused schema.
fn problems(form: &FormSchema) -> Vec<(String, String)> {
    match form.check() {
        Ok(()) => panic!("accepted {form:?}"),
        Err(issues) => issues.into_iter().map(|issue| (issue.field, issue.zh)).collect(),
    }
}

fn paths(form: &FormSchema) -> Vec<String> {
    problems(form).into_iter().map(|(path, _)| path).collect()
}

fn with(fields: Vec<FieldDef>) -> FormSchema {
    FormSchema { fields }
}

#[test]
fn a_sound_form_passes_and_an_empty_one_too() {
    assert_eq!(leave_form().check(), Ok(()));
    assert_eq!(FormSchema::default().check(), Ok(()));
}

#[test]
fn keys_follow_the_identifier_rule() {
    for good in [
        "a",
        "days",
        "startDate",
        "item_2",
        &format!("k{}", "x".repeat(39)),
    ] {
        assert_eq!(
            with(vec![field(good, "字段", FieldKind::Text)]).check(),
            Ok(()),
            "{good}"
        );
    }
    for bad in [
        "",
        "Days",
        "2days",
        "_x",
        "请假",
        "a-b",
        "a.b",
        &format!("k{}", "x".repeat(40)),
    ] {
        assert_eq!(
            paths(&with(vec![field(bad, "字段", FieldKind::Text)])),
            ["fields[0].key"],
            "{bad}"
        );
    }
}

#[test]
fn keys_are_unique_and_not_words_of_the_condition_language() {
    let form = with(vec![
        field("days", "天数", FieldKind::Number),
        field("days", "天数二", FieldKind::Number),
        field("not", "否", FieldKind::Text),
    ]);
    assert_eq!(
        problems(&form),
        vec![
            ("fields[1].key".to_owned(), "字段标识“days”重复".to_owned()),
            (
                "fields[2].key".to_owned(),
                "“not”是条件表达式的保留字，不能用作字段标识".to_owned()
            ),
        ]
    );
}

#[test]
fn labels_have_one_to_forty_characters() {
    assert_eq!(
        with(vec![field("a", &"字".repeat(40), FieldKind::Text)]).check(),
        Ok(())
    );
    assert_eq!(
        paths(&with(vec![field("a", &"字".repeat(41), FieldKind::Text)])),
        ["fields[0].label"]
    );
    assert_eq!(
        paths(&with(vec![field("a", "  ", FieldKind::Text)])),
        ["fields[0].label"]
    );
}

#[test]
fn a_form_has_at_most_fifty_fields() {
    let fields: Vec<_> = (0..51)
        .map(|n| field(&format!("f{n}"), "字段", FieldKind::Text))
        .collect();
    assert_eq!(with(fields[..50].to_vec()).check(), Ok(()));
    assert_eq!(
        problems(&with(fields)),
        vec![("fields".to_owned(), "表单最多 50 个字段".to_owned())]
    );
}

#[test]
fn options_belong_to_selects_and_are_one_to_fifty_distinct_non_empty_texts() {
    let kind = FieldKind::Select;
    assert_eq!(
        paths(&with(vec![select("a", "类型", kind.clone(), &[])])),
        ["fields[0].options"]
    );
    let many: Vec<String> = (0..51).map(|n| n.to_string()).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        paths(&with(vec![select("a", "类型", kind.clone(), &many)])),
        ["fields[0].options"]
    );
    assert_eq!(
        with(vec![select("a", "类型", kind.clone(), &many[..50])]).check(),
        Ok(())
    );
    for bad in [&["事假", "事假"][..], &["事假", ""], &["事假 "]] {
        assert_eq!(
            paths(&with(vec![select("a", "类型", kind.clone(), bad)])),
            ["fields[0].options"],
            "{bad:?}"
        );
    }
    assert_eq!(
        problems(&with(vec![
            field("a", "甲", FieldKind::Text),
            select("b", "乙", FieldKind::Number, &["1"])
        ])),
        vec![("fields[1].options".to_owned(), "此类字段不使用该设置".to_owned())]
    );
}

#[test]
fn bounds_belong_to_numbers_and_money_and_min_is_not_above_max() {
    let bounded = |kind: FieldKind, min: f64, max: f64| {
        with(vec![FieldDef {
            min: Some(min),
            max: Some(max),
            ..field("a", "数", kind)
        }])
    };
    assert_eq!(bounded(FieldKind::Number, 0.5, 30.0).check(), Ok(()));
    assert_eq!(
        problems(&bounded(FieldKind::Number, 5.0, 1.0)),
        vec![("fields[0].max".to_owned(), "最大值不能小于最小值".to_owned())]
    );
    assert_eq!(bounded(FieldKind::Money, 0.0, 500_000.0).check(), Ok(()));
    assert_eq!(paths(&bounded(FieldKind::Money, 0.5, 100.0)), ["fields[0].min"]);
    assert_eq!(paths(&bounded(FieldKind::Money, 0.0, 1e13)), ["fields[0].max"]);
    assert_eq!(
        paths(&bounded(FieldKind::Number, f64::NAN, 1.0)),
        ["fields[0].min"]
    );
    assert_eq!(
        paths(&bounded(FieldKind::Date, 1.0, 2.0)),
        ["fields[0].min", "fields[0].max"]
    );
}

#[test]
fn lengths_belong_to_texts_and_lists_and_stay_within_their_caps() {
    let sized = |kind: FieldKind, min: Option<u32>, max: Option<u32>| {
        with(vec![FieldDef {
            min_length: min,
            max_length: max,
            ..field("a", "字段", kind)
        }])
    };
    assert_eq!(sized(FieldKind::Text, Some(2), Some(200)).check(), Ok(()));
    assert_eq!(sized(FieldKind::LongText, None, Some(5000)).check(), Ok(()));
    assert_eq!(sized(FieldKind::Attachments, Some(1), Some(100)).check(), Ok(()));
    assert_eq!(
        paths(&sized(FieldKind::Text, None, Some(201))),
        ["fields[0].maxLength"]
    );
    assert_eq!(
        paths(&sized(FieldKind::Text, None, Some(0))),
        ["fields[0].maxLength"]
    );
    assert_eq!(
        problems(&sized(FieldKind::Text, Some(10), Some(5))),
        vec![("fields[0].minLength".to_owned(), "不能大于 5".to_owned())]
    );
    assert_eq!(
        paths(&sized(FieldKind::Number, Some(1), None)),
        ["fields[0].minLength"]
    );
    assert_eq!(
        paths(&sized(FieldKind::Select, None, Some(1))),
        ["fields[0].maxLength", "fields[0].options"]
    );
    let multi = with(vec![FieldDef {
        min_length: Some(3),
        ..select("a", "用途", FieldKind::MultiSelect, &["教学", "科研"])
    }]);
    assert_eq!(
        problems(&multi),
        vec![("fields[0].minLength".to_owned(), "不能多于选项个数".to_owned())]
    );
}

#[test]
fn every_problem_of_every_field_is_reported_at_once() {
    let form = with(vec![
        FieldDef {
            placeholder: Some("字".repeat(101)),
            ..field("Bad", "", FieldKind::Text)
        },
        FieldDef {
            help: Some("字".repeat(501)),
            ..select("ok", "类型", FieldKind::Select, &[])
        },
    ]);
    assert_eq!(
        paths(&form),
        [
            "fields[0].key",
            "fields[0].label",
            "fields[0].placeholder",
            "fields[1].help",
            "fields[1].options"
        ]
    );
}
