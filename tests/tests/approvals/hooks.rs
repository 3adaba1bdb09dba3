//! A module's record as the subject of a request: started in the module's transaction, told the
//! outcome in the decision's transaction.

use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_tests::assert_problem;
use xiaoban_tests::probe::approval;

use super::support::School;

async fn probe(school: &School, title: &str) -> Value {
    let token = school.admin().await;
    let res = school
        .app
        .post_as(
            &token,
            "/api/v1/test-probes",
            &json!({ "title": title, "quantity": 1 }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn probe_title(school: &School, id: &Value) -> String {
    let token = school.admin().await;
    let res = school
        .app
        .get_as(&token, &format!("/api/v1/test-probes/{}", id.as_str().unwrap()))
        .await;
    let body: Value = res.json().await.unwrap();
    body["title"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_module_is_told_the_outcome_in_the_same_transaction() {
    let school = School::open().await;
    let record = probe(&school, "待审批").await;
    let applicant: Uuid = school.user_id("he.laoshi").await.parse().unwrap();
    let subject: Uuid = record["id"].as_str().unwrap().parse().unwrap();
    let id = approval::submit(&school.app.services, applicant, subject)
        .await
        .unwrap();
    let id = json!(id.to_string());
    let detail = school.detail("he.laoshi", &id).await;
    assert_eq!(detail["subjectModule"], "probe");
    assert_eq!(detail["title"], "探针审批");
    assert_eq!(probe_title(&school, &record["id"]).await, "待审批");
    school.ok("li.wenshu", &id, "approve", json!({})).await;
    assert_eq!(probe_title(&school, &record["id"]).await, "approved");
}

#[tokio::test]
async fn a_refusing_hook_rolls_the_decision_back() {
    let school = School::open().await;
    let record = probe(&school, approval::REFUSING).await;
    let applicant: Uuid = school.user_id("he.laoshi").await.parse().unwrap();
    let subject: Uuid = record["id"].as_str().unwrap().parse().unwrap();
    let id = json!(
        approval::submit(&school.app.services, applicant, subject)
            .await
            .unwrap()
            .to_string()
    );
    let refused = school.act("li.wenshu", &id, "approve", json!({})).await;
    assert_problem(refused, 409, "conflict").await;
    let detail = school.detail("he.laoshi", &id).await;
    assert_eq!(detail["status"], "running");
    assert_eq!(super::support::pending_names(&detail), ["李文书", "赵专员"]);
    assert_eq!(probe_title(&school, &record["id"]).await, approval::REFUSING);
}
