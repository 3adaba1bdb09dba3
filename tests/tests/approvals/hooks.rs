//! A module's record as the subject of a request: started in the module's transaction, told
//! every transition (step entered, step passed, return, resubmit, end) in the action's
//! transaction; a module without its hook cannot start requests, and a module installed twice
//! stops the server from starting.

use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_tests::assert_problem;
use xiaoban_tests::probe::approval;

use std::sync::Arc;
use xiaoban_server::{Application, Options};

use xiaoban_tests::probe::ProbeModule;

use super::support::{School, pending_names};

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

/// 核稿 by 吴处长, then 签发 by 李文书 — a 发文-like flow whose module acts at 签发.
async fn signing_template(school: &School, code: &str) {
    let drafter = school.users(&["wu.houqin"]).await;
    let leader = school.users(&["li.wenshu"]).await;
    let definition = json!({
        "form": { "fields": [ { "key": "amount", "label": "金额", "kind": "money", "required": true } ] },
        "steps": [
            { "name": "核稿", "rule": { "type": "users", "userIds": drafter } },
            { "name": "签发", "rule": { "type": "users", "userIds": leader } }
        ]
    });
    school.template(code, definition).await;
}

async fn submit_signing(school: &School, title: &str) -> (Value, Uuid) {
    signing_template(school, "signing").await;
    let record = probe(school, title).await;
    let applicant: Uuid = school.user_id("he.laoshi").await.parse().unwrap();
    let subject: Uuid = record["id"].as_str().unwrap().parse().unwrap();
    let id = approval::submit_to(
        &school.app.services,
        applicant,
        subject,
        "signing",
        approval::MODULE,
        json!({ "amount": 100 }),
    )
    .await
    .unwrap();
    (json!(id.to_string()), subject)
}

#[tokio::test]
async fn the_signing_hook_runs_when_the_leaders_step_passes() {
    let school = School::open().await;
    let (id, subject) = submit_signing(&school, "发文稿").await;
    let calls = || approval::hook_calls(&school.app.services, subject);
    assert_eq!(calls().await, ["entered 0 核稿"]);
    school.ok("wu.houqin", &id, "approve", json!({})).await;
    assert_eq!(
        calls().await,
        ["entered 0 核稿", "passed 0 核稿", "entered 1 签发"]
    );
    school.ok("li.wenshu", &id, "approve", json!({})).await;
    assert_eq!(
        calls().await,
        [
            "entered 0 核稿",
            "passed 0 核稿",
            "entered 1 签发",
            "passed 1 签发",
            "finished approved"
        ]
    );
    assert_eq!(
        probe_title(&school, &json!(subject.to_string())).await,
        "approved"
    );
}

#[tokio::test]
async fn a_return_to_the_applicant_and_the_resubmit_are_told_in_order() {
    let school = School::open().await;
    let (id, subject) = submit_signing(&school, "发文稿").await;
    school.ok("wu.houqin", &id, "approve", json!({})).await;
    school
        .ok("li.wenshu", &id, "return", json!({ "comment": "请修改措辞" }))
        .await;
    school
        .ok("he.laoshi", &id, "resubmit", json!({ "comment": "已修改" }))
        .await;
    assert_eq!(
        approval::hook_calls(&school.app.services, subject).await[3..],
        ["returned 1 to applicant", "resubmitted", "entered 0 核稿"]
    );
}

#[tokio::test]
async fn a_failing_hook_on_return_leaves_the_request_where_it_was() {
    let school = School::open().await;
    let (id, subject) = submit_signing(&school, approval::REFUSING_RETURN).await;
    school.ok("wu.houqin", &id, "approve", json!({})).await;
    let before = school.detail("he.laoshi", &id).await;
    let refused = school
        .act(
            "li.wenshu",
            &id,
            "return",
            json!({ "comment": "请修改措辞", "targetStep": 0 }),
        )
        .await;
    let problem = assert_problem(refused, 409, "conflict").await;
    assert_eq!(problem["detail"], "探针拒绝");
    let after = school.detail("he.laoshi", &id).await;
    assert_eq!(after["status"], "running");
    assert_eq!(after["currentStep"], 1);
    assert_eq!(pending_names(&after), ["李文书"]);
    assert_eq!(after["timeline"], before["timeline"]);
    assert_eq!(
        approval::hook_calls(&school.app.services, subject).await,
        ["entered 0 核稿", "passed 0 核稿", "entered 1 签发"]
    );
}

#[tokio::test]
async fn a_hook_that_fails_unexpectedly_answers_409_naming_the_module() {
    let school = School::open().await;
    let (id, subject) = submit_signing(&school, approval::FAILING).await;
    school.ok("wu.houqin", &id, "approve", json!({})).await;
    let refused = school.act("li.wenshu", &id, "approve", json!({})).await;
    let problem = assert_problem(refused, 409, "conflict").await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("probe") && detail.contains("未生效"), "{detail}");
    assert!(
        !detail.contains("unavailable"),
        "the cause stays in the log: {detail}"
    );
    assert_eq!(school.detail("he.laoshi", &id).await["status"], "running");
    assert_eq!(approval::hook_calls(&school.app.services, subject).await.len(), 3);
}

#[tokio::test]
async fn a_request_for_a_module_installed_without_its_hook_is_refused_at_start() {
    let school = School::open().await;
    let record = probe(&school, "未登记").await;
    let applicant: Uuid = school.user_id("he.laoshi").await.parse().unwrap();
    let subject: Uuid = record["id"].as_str().unwrap().parse().unwrap();
    let form = json!({ "certificateType": "在职证明", "purpose": "探针", "copies": 1 });
    let refused = approval::submit_to(
        &school.app.services,
        applicant,
        subject,
        "certificate",
        "forgotten",
        form,
    )
    .await;
    let err = refused.expect_err("an undeclared module may not start requests");
    assert!(err.to_string().contains("forgotten"), "{err}");
}

#[tokio::test]
async fn the_server_refuses_to_start_when_a_module_is_installed_twice() {
    let school = School::open().await;
    let options = Options {
        migrate: false,
        modules: vec![Arc::new(ProbeModule), Arc::new(ProbeModule)],
        ..Options::default()
    };
    let Err(refused) = Application::build(&school.app.config, options).await else {
        panic!("the server started with the probe installed twice");
    };
    assert_eq!(refused.to_string(), "module `probe` is installed twice");
}

#[tokio::test]
async fn the_server_refuses_to_pause_a_clock_job_no_module_declares() {
    let school = School::open().await;
    let options = Options {
        migrate: false,
        paused_jobs: vec!["notification.outbox", "calendar.yearcheck"],
        ..Options::default()
    };
    let Err(refused) = Application::build(&school.app.config, options).await else {
        panic!("the server started pausing a job that does not exist");
    };
    assert_eq!(
        refused.to_string(),
        "clock job `calendar.yearcheck` is paused but no module declares it"
    );
}
