use super::*;

#[test]
fn the_examples_of_the_brief_parse() {
    for src in [
        "days > 3",
        "amount >= 500000",
        "type in ['事假','病假']",
        "not (a or b) and c",
        "period.days > 3 && !urgent || type == \"病假\"",
        "uses contains '科研'",
        "level not in [1, 2, 3]",
        "true",
        "x != -1 and y <= 0.5",
    ] {
        assert!(Condition::parse(src).is_ok(), "{src}");
    }
}

#[test]
fn the_source_is_kept_unchanged_and_serialised_as_text() {
    let condition = Condition::parse("  days>3 ").unwrap();
    assert_eq!(condition.source(), "  days>3 ");
    assert_eq!(serde_json::to_value(&condition).unwrap(), json!("  days>3 "));
    let back: Condition = serde_json::from_value(json!("  days>3 ")).unwrap();
    assert_eq!(back, condition);
}

#[test]
fn deserialising_a_bad_stored_condition_fails_loudly() {
    let error = serde_json::from_value::<Condition>(json!("days >")).unwrap_err();
    assert!(error.to_string().contains("at character 6"), "{error}");
    assert!(serde_json::from_value::<Condition>(json!(3)).is_err());
}

#[test]
fn fields_lists_the_base_keys_once_in_order_of_use() {
    let condition = Condition::parse(
        "period.days > 3 and (type in ['事假'] or not urgent) and period.start >= '2026-01-01' and true",
    )
    .unwrap();
    assert_eq!(condition.fields(), ["period", "type", "urgent"]);
    assert!(Condition::parse("false").unwrap().fields().is_empty());
}

#[test]
fn errors_point_at_the_character_where_the_problem_starts() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "条件不能为空"),
        ("   ", 0, "条件不能为空"),
        ("days >", 6, "此处应为数字、带引号的文本或 true/false"),
        ("days = 3", 5, "比较相等请用 =="),
        ("days > 3 and", 12, "条件不完整：此处应为字段、括号或 true/false"),
        ("(days > 3", 9, "缺少右括号“)”"),
        ("days > 3)", 8, "此处应为 and、or 或条件结束"),
        ("days 3", 5, "此处应为 and、or 或条件结束"),
        ("type == '事假", 8, "文本缺少结尾的引号"),
        ("type == '事\\n'", 10, "只支持 \\'、\\\" 和 \\\\ 转义"),
        ("类型 == '事假'", 0, "无法识别的字符“类”"),
        ("days > 3days", 8, "数字后不能紧跟字母或小数点"),
        ("days > 3.", 8, "小数点后应有数字"),
        (
            "period.weeks > 1",
            7,
            "不支持的属性“.weeks”，可用 .days、.start、.end",
        ),
        ("a.b.c", 3, "字段名中最多一个“.”"),
        ("type in []", 9, "列表至少要有一项"),
        ("type in '事假'", 8, "in 后应为列表 [ … ]"),
        ("type in ['a' 'b']", 13, "列表项之间用逗号分隔，以“]”结束"),
        ("type in ['a',]", 13, "此处应为数字、带引号的文本或 true/false"),
        ("days > 3 & b", 9, "“与”请写 && 或 and"),
        ("a | b", 2, "“或”请写 || 或 or"),
        ("and", 0, "此处应为字段、括号或 true/false"),
        ("days > x", 7, "此处应为数字、带引号的文本或 true/false"),
    ];
    for &(src, position, zh) in cases {
        let error = refused(src);
        assert_eq!((error.position, error.zh.as_str()), (position, zh), "{src}");
        assert!(!error.en.is_empty());
    }
}

#[test]
fn positions_count_characters_not_bytes() {
    assert_eq!(refused("type == '事假' and").position, 16);
    assert_eq!(
        refused("type == '事假' and").zh,
        "条件不完整：此处应为字段、括号或 true/false"
    );
}

#[test]
fn the_error_displays_both_languages_and_the_position() {
    let text = refused("days >").to_string();
    assert_eq!(
        text,
        "条件第 7 个字符处：此处应为数字、带引号的文本或 true/false（condition at character 6: expected a number, a quoted text, true or false）"
    );
}

#[test]
fn keywords_are_case_sensitive() {
    // `AND` is a field, so `a AND b` is a field followed by another: an error at `AND`.
    assert_eq!(refused("a AND b").position, 2);
    assert!(Condition::parse("TRUE").unwrap().fields() == ["TRUE"]);
}

#[test]
fn a_condition_has_at_most_five_hundred_characters() {
    let long = format!("x == '{}'", "a".repeat(493));
    assert_eq!(long.chars().count(), 500);
    assert!(Condition::parse(&long).is_ok());
    let longer = format!("x == '{}'", "字".repeat(494));
    let error = refused(&longer);
    assert_eq!((error.position, error.zh.as_str()), (500, "条件最多 500 个字符"));
}

#[test]
fn nesting_stops_at_thirty_two_levels() {
    let nested = |depth: usize| format!("{}a{}", "(".repeat(depth), ")".repeat(depth));
    assert!(Condition::parse(&nested(32)).is_ok());
    let error = refused(&nested(33));
    assert_eq!((error.position, error.zh.as_str()), (32, "嵌套不能超过 32 层"));
    assert!(Condition::parse(&format!("{}a", "not ".repeat(32))).is_ok());
    assert_eq!(refused(&format!("{}a", "!".repeat(33))).position, 32);
    assert_eq!(refused(&format!("{}(a)", "not ".repeat(32))).position, 128);
}

#[test]
fn a_list_has_at_most_one_hundred_items() {
    let list = |n: usize| format!("x in [{}]", vec!["1"; n].join(","));
    assert!(Condition::parse(&list(100)).is_ok());
    let error = refused(&list(101));
    assert_eq!((error.position, error.zh.as_str()), (206, "列表最多 100 项"));
}

#[test]
fn long_flat_chains_are_fine() {
    let chain = vec!["a"; 100].join(" or ");
    assert!(Condition::parse(&chain).is_ok());
}

#[test]
fn date_range_fields_lists_the_fields_read_by_part() {
    let condition =
        Condition::parse("period.days > 3 and trip.start > '2026-01-01' and period and days > 1").unwrap();
    assert_eq!(condition.date_range_fields(), ["period", "trip"]);
    assert_eq!(condition.fields(), ["period", "trip", "days"]);
}
