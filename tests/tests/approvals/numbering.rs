//! Per-template number patterns: `QJ-{year}-{seq:04}` instead of the engine's `SP-{year}-{seq}`,
//! gapless and unique per pattern and year, also when requests are submitted at the same moment.

use futures_util::future::join_all;
use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields};

fn numbered(pattern: &str) -> Value {
    json!({
        "form": { "fields": [ { "key": "note", "label": "说明", "kind": "text" } ] },
        "steps": [ { "name": "部门负责人审批", "rule": { "type": "department_head" } } ],
        "options": { "numberPattern": pattern }
    })
}

#[tokio::test]
async fn two_leaves_submitted_at_once_get_consecutive_qj_numbers() {
    let school = School::open_at("2026-11-20T09:00:00+08:00").await;
    school.template("qj", numbered("QJ-{year}-{seq:04}")).await;
    let (a, b) = tokio::join!(
        school.try_start("he.laoshi", "qj", json!({ "note": "甲" })),
        school.try_start("lv.laoshi", "qj", json!({ "note": "乙" })),
    );
    let mut numbers = Vec::new();
    for res in [a, b] {
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        numbers.push(body["number"].as_str().unwrap().to_owned());
    }
    numbers.sort();
    assert_eq!(numbers, ["QJ-2026-0001", "QJ-2026-0002"]);
    let third = school.start("he.laoshi", "qj", json!({})).await;
    assert_eq!(third["number"], "QJ-2026-0003");
}

#[tokio::test]
async fn twelve_requests_submitted_at_once_get_twelve_consecutive_numbers() {
    let school = School::open_at("2026-11-20T09:00:00+08:00").await;
    school.template("qj-many", numbered("QJ-{year}-{seq:04}")).await;
    // Sign in first, so the starts themselves race.
    for who in ["he.laoshi", "lv.laoshi", "shi.laoshi", "kong.laoshi"] {
        school.token(who).await;
    }
    let starts = (0..12).map(|i| {
        let who = ["he.laoshi", "lv.laoshi", "shi.laoshi", "kong.laoshi"][i % 4];
        school.try_start(who, "qj-many", json!({ "note": format!("第{i}份") }))
    });
    let mut numbers = Vec::new();
    for res in join_all(starts).await {
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        numbers.push(body["number"].as_str().unwrap().to_owned());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=12).map(|n| format!("QJ-2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
}

#[tokio::test]
async fn each_pattern_counts_on_its_own_and_templates_without_one_keep_sp_numbers() {
    let school = School::open_at("2026-11-20T09:00:00+08:00").await;
    school.template("bx", numbered("{year}报销{seq}")).await;
    school.template("qj-own", numbered("QJ-{year}-{seq:04}")).await;
    let claim = school.start("he.laoshi", "bx", json!({})).await;
    let leave = school.start("he.laoshi", "qj-own", json!({})).await;
    let claim2 = school.start("he.laoshi", "bx", json!({})).await;
    let plain = school
        .start(
            "he.laoshi",
            "certificate",
            json!({ "certificateType": "在职证明", "purpose": "签证", "copies": 1 }),
        )
        .await;
    assert_eq!(claim["number"], "2026报销1");
    assert_eq!(leave["number"], "QJ-2026-0001");
    assert_eq!(claim2["number"], "2026报销2");
    assert!(plain["number"].as_str().unwrap().starts_with("SP-2026-"));
}

#[tokio::test]
async fn patterns_that_differ_only_in_padding_share_a_series_so_numbers_stay_unique() {
    let school = School::open_at("2026-11-20T09:00:00+08:00").await;
    school.template("qj-padded", numbered("QJ-{year}-{seq:04}")).await;
    school.template("qj-plain", numbered("QJ-{year}-{seq}")).await;
    let padded = school.start("he.laoshi", "qj-padded", json!({})).await;
    let plain = school.start("he.laoshi", "qj-plain", json!({})).await;
    assert_eq!(padded["number"], "QJ-2026-0001");
    assert_eq!(plain["number"], "QJ-2026-2");
}

#[tokio::test]
async fn an_invalid_number_pattern_is_refused_at_save_naming_the_field() {
    let school = School::open().await;
    let too_long = format!("{}-{{seq}}", "请".repeat(40));
    // 39 characters, but its numbers would not fit the 40 characters a number is stored in.
    let prints_too_long = format!("{}{{seq:012}}", "号".repeat(30));
    let bad = [
        "QJ-{year}",
        "QJ-{seq}-{seq}",
        "QJ-{yr}-{seq}",
        "QJ-{seq:4}",
        "",
        too_long.as_str(),
        prints_too_long.as_str(),
    ];
    for (i, pattern) in bad.into_iter().enumerate() {
        let body = json!({ "code": format!("bad-{i}"), "name": "请假", "category": "测试", "definition": numbered(pattern) });
        let res = school.post_template(&body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(
            fields(&problem),
            ["definition.options.numberPattern"],
            "{pattern}"
        );
    }
    let template = school.template("qj-edit", numbered("QJ-{year}-{seq:04}")).await;
    let path = format!("/api/v1/approval-templates/{}", template["id"].as_str().unwrap());
    let res = school
        .patch(
            "wang.zhuren",
            &path,
            json!({ "definition": numbered("QJ-{year}-{seq"), "version": 1 }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["definition.options.numberPattern"]);
    let now: Value = school
        .app
        .get_as(&school.token("wang.zhuren").await, &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(now["currentVersion"], 1);
    assert_eq!(
        now["definition"]["options"]["numberPattern"],
        "QJ-{year}-{seq:04}"
    );
}
