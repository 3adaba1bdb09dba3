//! Every demo account, every demo template it may start: the request is driven to its end by
//! approving as whoever holds a task, and it never ends approved without someone else's decision,
//! nor gives the applicant a task. Students are offered only the templates meant for them.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use xiaoban_services::demo::demo_usernames;
use xiaoban_tests::assert_problem;

use super::support::{School, leave};

fn form_for(code: &str) -> Value {
    match code {
        "leave" => leave(5.0),
        "reimbursement" => super::support::claim("差旅费", 9_000),
        "certificate" => json!({ "certificateType": "在职证明", "purpose": "办理签证", "copies": 1 }),
        "supplies" => json!({ "items": "A4 纸 2 箱" }),
        "room-booking" => {
            json!({ "room": "第一会议室", "date": "2026-11-25", "time": "14:00-16:00", "attendees": 10, "purpose": "教研活动" })
        }
        other => panic!("no form for the demo template {other}"),
    }
}

/// The codes of the templates `who` is offered, or `None` when they may not use approvals.
async fn offered(school: &School, who: &str) -> Option<Vec<String>> {
    let res = school
        .app
        .get_as(&school.token(who).await, "/api/v1/approval-templates")
        .await;
    if res.status() == 403 {
        return None;
    }
    assert_eq!(res.status(), 200, "{who} lists templates");
    let list: Vec<Value> = res.json().await.unwrap();
    Some(
        list.iter()
            .map(|t| t["code"].as_str().unwrap().to_owned())
            .collect(),
    )
}

/// Approves as the holder of the first pending task until the request ends; returns it.
async fn drive(school: &School, applicant: &str, request: Value, names: &BTreeMap<String, String>) -> Value {
    let applicant_id = school.user_id(applicant).await;
    let mut detail = request;
    for _ in 0..10 {
        for task in detail["tasks"].as_array().unwrap() {
            assert_ne!(
                task["assigneeId"],
                applicant_id.as_str(),
                "{applicant} holds a task: {detail}"
            );
        }
        if detail["status"] != "running" {
            return detail;
        }
        let holder = detail["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["status"] == "pending")
            .and_then(|t| names.get(t["assigneeId"].as_str().unwrap()))
            .unwrap_or_else(|| panic!("a running request with no pending demo approver: {detail}"))
            .clone();
        detail = school.ok(&holder, &detail["id"], "approve", json!({})).await;
    }
    panic!("{applicant}'s request did not end after ten approvals: {detail}");
}

#[tokio::test]
async fn no_demo_account_gets_a_demo_request_approved_without_someone_else_s_decision() {
    let school = School::open().await;
    let mut names = BTreeMap::new();
    for who in demo_usernames() {
        names.insert(school.user_id(who).await, who.to_owned());
    }
    let mut finished = 0;
    for who in demo_usernames() {
        let Some(codes) = offered(&school, who).await else {
            continue;
        };
        let me = school.user_id(who).await;
        for code in codes {
            let request = school.start(who, &code, form_for(&code)).await;
            let end = drive(&school, who, request, &names).await;
            assert_eq!(end["status"], "approved", "{who} {code}");
            let by_others = end["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["action"] == "approve" && e["actorId"] != me.as_str())
                .count();
            assert!(by_others > 0, "{who}'s {code} was approved by nobody else: {end}");
            finished += 1;
        }
    }
    assert!(finished >= 5 * 25, "only {finished} requests were tried");
}

#[tokio::test]
async fn students_are_offered_only_the_templates_meant_for_them() {
    let school = School::open().await;
    let codes = offered(&school, "cao.tongxue").await.unwrap();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes.contains(&"certificate".to_owned()) && codes.contains(&"room-booking".to_owned()));
    let res = school.try_start("cao.tongxue", "leave", leave(1.0)).await;
    assert_problem(res, 422, "validation_failed").await;
    let staff = offered(&school, "he.laoshi").await.unwrap();
    assert_eq!(staff.len(), 5, "{staff:?}");
}
