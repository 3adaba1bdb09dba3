//! 批量审批: a head decides several requests of the 待办 box at once; each is decided alone, by
//! the same rules as a single decision, and the answer says what became of each.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, actions, fields, leave};

async fn batch(school: &School, who: &str, decision: &str, body: Value) -> reqwest::Response {
    let path = format!("/api/v1/approvals/batch/{decision}");
    school.app.post_as(&school.token(who).await, &path, &body).await
}

async fn batch_ok(school: &School, who: &str, decision: &str, body: Value) -> Value {
    let res = batch(school, who, decision, body).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{who} batch {decision}: {text}");
    serde_json::from_str(&text).unwrap()
}

fn items(ids: &[&Value]) -> Value {
    Value::Array(ids.iter().map(|id| json!({ "id": id })).collect())
}

#[tokio::test]
async fn a_head_approves_three_pending_leaves_at_once_and_each_moves_on() {
    let school = School::open().await;
    let short = school.start("he.laoshi", "leave", leave(1.0)).await;
    let long = school.start("lv.laoshi", "leave", leave(5.0)).await;
    let other = school.start("he.laoshi", "leave", leave(2.0)).await;
    let ids = [&short["id"], &long["id"], &other["id"]];

    let answer = batch_ok(
        &school,
        "wei.xinxi",
        "approve",
        json!({ "items": items(&ids), "comment": "同意" }),
    )
    .await;
    assert_eq!(answer["succeeded"], 3);
    assert_eq!(answer["failed"], 0);
    let results = answer["results"].as_array().unwrap();
    let in_order: Vec<&Value> = results.iter().map(|r| &r["id"]).collect();
    assert_eq!(in_order, ids);
    assert!(results.iter().all(|r| r["ok"] == true && r["problem"].is_null()));
    assert_eq!(results[0]["status"], "approved");
    assert_eq!(
        results[1]["status"], "running",
        "over three days: on to the leader in charge"
    );
    assert_eq!(results[2]["status"], "approved");

    assert_eq!(
        school.detail("he.laoshi", &short["id"]).await["status"],
        "approved"
    );
    let moved_on = school.detail("lv.laoshi", &long["id"]).await;
    assert_eq!(moved_on["currentStepName"], "分管校领导审批");
    let approval = moved_on["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "approve")
        .expect("the head's approval on the timeline");
    assert_eq!(approval["comment"], "同意");
    assert!(school.inbox("wei.xinxi", "pending").await.is_empty());
    assert_eq!(school.inbox("chen.fuxiaozhang", "pending").await.len(), 1);

    let audit: Value = school
        .app
        .get_as(
            &school.token("shenji").await,
            "/api/v1/audit-events?action=approval.approve",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit["total"], 3, "one audit row per request: {audit}");
}

#[tokio::test]
async fn a_request_withdrawn_or_changed_in_between_fails_alone_and_the_others_succeed() {
    let school = School::open().await;
    let first = school.start("he.laoshi", "leave", leave(1.0)).await;
    let withdrawn = school.start("lv.laoshi", "leave", leave(1.0)).await;
    let stale = school.start("he.laoshi", "leave", leave(2.0)).await;
    let seen_version = stale["version"].clone();
    school
        .ok("lv.laoshi", &withdrawn["id"], "withdraw", json!({}))
        .await;
    school
        .ok(
            "he.laoshi",
            &stale["id"],
            "comment",
            json!({ "comment": "补充说明" }),
        )
        .await;

    let body = json!({
        "items": [
            { "id": first["id"] },
            { "id": withdrawn["id"] },
            { "id": stale["id"], "version": seen_version },
        ],
        "comment": "同意",
    });
    let answer = batch_ok(&school, "wei.xinxi", "approve", body).await;
    assert_eq!(
        (answer["succeeded"].clone(), answer["failed"].clone()),
        (json!(1), json!(2))
    );
    let results = answer["results"].as_array().unwrap();
    assert_eq!(results[0]["ok"], true);
    assert_eq!(results[0]["status"], "approved");
    assert_eq!(results[1]["ok"], false);
    assert_eq!(results[1]["problem"]["status"], 409, "{}", results[1]);
    assert!(results[1]["problem"]["detail"].is_string());
    assert_eq!(results[2]["ok"], false);
    assert_eq!(results[2]["problem"]["status"], 409);
    assert_eq!(results[2]["problem"]["code"], "version_conflict");

    assert_eq!(
        school.detail("lv.laoshi", &withdrawn["id"]).await["status"],
        "withdrawn"
    );
    let untouched = school.detail("he.laoshi", &stale["id"]).await;
    assert_eq!(untouched["status"], "running");
    assert!(!actions(&untouched).contains(&"approve".to_owned()));
}

#[tokio::test]
async fn an_outsider_s_request_in_the_batch_is_a_404_for_that_item_only() {
    let school = School::open().await;
    let mine = school.start("he.laoshi", "leave", leave(1.0)).await;
    let outsider = school.start("shi.laoshi", "leave", leave(1.0)).await;
    let unknown = json!("0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a");

    let answer = batch_ok(
        &school,
        "wei.xinxi",
        "reject",
        json!({ "items": items(&[&outsider["id"], &mine["id"], &unknown]), "comment": "材料不全" }),
    )
    .await;
    let results = answer["results"].as_array().unwrap();
    assert_eq!(answer["succeeded"], 1);
    assert_eq!(results[0]["problem"]["status"], 404);
    assert_eq!(results[0]["problem"]["code"], "not_found");
    assert_eq!(
        results[0]["problem"], results[2]["problem"],
        "an outsider's request looks like none"
    );
    assert_eq!(results[1]["status"], "rejected");
    assert_eq!(
        school.detail("shi.laoshi", &outsider["id"]).await["status"],
        "running"
    );
}

#[tokio::test]
async fn a_batch_rejection_without_a_reason_is_refused_and_decides_nothing() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let res = batch(
        &school,
        "wei.xinxi",
        "reject",
        json!({ "items": items(&[&request["id"]]), "comment": "  " }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["comment"]);
    assert_eq!(
        school.detail("he.laoshi", &request["id"]).await["status"],
        "running"
    );
}

#[tokio::test]
async fn a_repeated_request_or_an_empty_or_oversized_batch_is_refused_and_decides_nothing() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    let res = batch(
        &school,
        "wei.xinxi",
        "approve",
        json!({ "items": items(&[id, id]) }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["items[1].id"]);
    assert_eq!(school.detail("he.laoshi", id).await["status"], "running");

    let res = batch(&school, "wei.xinxi", "approve", json!({ "items": [] })).await;
    assert_eq!(
        fields(&assert_problem(res, 422, "validation_failed").await),
        ["items"]
    );
    let many: Vec<Value> = (0..51).map(|_| json!({ "id": uuid::Uuid::now_v7() })).collect();
    let res = batch(&school, "wei.xinxi", "approve", json!({ "items": many })).await;
    assert_eq!(
        fields(&assert_problem(res, 422, "validation_failed").await),
        ["items"]
    );
}

#[tokio::test]
async fn a_repeated_batch_with_the_same_idempotency_key_decides_each_request_once() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let body = json!({ "items": items(&[&request["id"]]), "comment": "同意" });
    let mut answers = Vec::new();
    for _ in 0..2 {
        let res = school
            .app
            .as_user(
                &school.token("wei.xinxi").await,
                reqwest::Method::POST,
                "/api/v1/approvals/batch/approve",
            )
            .header("Idempotency-Key", "batch-approve-1")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        answers.push(res.json::<Value>().await.unwrap());
    }
    assert_eq!(answers[0], answers[1], "the repeat replays the first answer");
    assert_eq!(answers[1]["results"][0]["status"], "approved");
    let detail = school.detail("he.laoshi", &request["id"]).await;
    assert_eq!(actions(&detail).iter().filter(|a| *a == "approve").count(), 1);
}

#[tokio::test]
async fn two_batches_racing_on_one_or_sign_request_record_exactly_one_decision() {
    let school = School::open().await;
    for round in 0..5 {
        let request = school
            .start(
                "he.laoshi",
                "certificate",
                json!({ "certificateType": "在职证明", "purpose": format!("第{round}次"), "copies": 1 }),
            )
            .await;
        let body = json!({ "items": items(&[&request["id"]]), "comment": "同意" });
        let (a, b) = tokio::join!(
            batch_ok(&school, "li.wenshu", "approve", body.clone()),
            batch_ok(&school, "zhao.zhuanyuan", "approve", body.clone()),
        );
        let mut succeeded = [a["succeeded"].as_u64(), b["succeeded"].as_u64()];
        succeeded.sort_unstable();
        assert_eq!(succeeded, [Some(0), Some(1)], "round {round}: {a} {b}");
        let loser = if a["succeeded"] == 0 { &a } else { &b };
        assert_eq!(loser["results"][0]["problem"]["status"], 409, "round {round}");
        let detail = school.detail("he.laoshi", &request["id"]).await;
        assert_eq!(detail["status"], "approved");
        assert_eq!(
            actions(&detail).iter().filter(|x| *x == "approve").count(),
            1,
            "round {round}"
        );
    }
}
