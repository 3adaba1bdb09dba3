//! Nobody approves their own request: a step whose only approver is the applicant goes to their
//! superior (department head, leader in charge, principal), is confirmed by the applicant only
//! where the template says so, or is skipped only when someone else decides later.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, actions, definition, fields, leave, pending_names};

/// Approves as whoever holds the request's only pending task, once; returns the request.
async fn approve_as(school: &School, who: &str, request: &Value) -> Value {
    school.ok(who, &request["id"], "approve", json!({})).await
}

fn assignee_ids(detail: &Value) -> Vec<String> {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["assigneeId"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_department_head_s_own_leave_goes_to_the_leader_in_charge() {
    let school = School::open().await;
    let request = school.start("liu.jiaowu", "leave", leave(2.0)).await;
    assert_eq!(request["status"], "running");
    assert_eq!(request["steps"][0]["status"], "current");
    assert_eq!(pending_names(&request), ["陈副校长"]);
    assert!(actions(&request).contains(&"to_superior".to_owned()));
    let done = approve_as(&school, "chen.fuxiaozhang", &request).await;
    assert_eq!(done["status"], "approved");
    let me = school.user_id("liu.jiaowu").await;
    assert!(!assignee_ids(&done).contains(&me));
}

#[tokio::test]
async fn the_finance_head_s_own_claim_is_not_approved_by_herself() {
    let school = School::open().await;
    let claim = super::support::claim("办公费", 4_999);
    let request = school.start("zheng.caiwu", "reimbursement", claim).await;
    assert_eq!(request["status"], "running");
    assert_eq!(pending_names(&request), ["张校长"]);
    let done = approve_as(&school, "zhang.xiaozhang", &request).await;
    assert_eq!(done["status"], "approved");
    let me = school.user_id("zheng.caiwu").await;
    assert!(!assignee_ids(&done).contains(&me), "{done}");
}

#[tokio::test]
async fn the_director_s_own_leave_goes_to_the_principal() {
    let school = School::open().await;
    let request = school.start("wang.zhuren", "leave", leave(1.0)).await;
    assert_eq!(request["status"], "running");
    assert_eq!(pending_names(&request), ["张校长"]);
}

#[tokio::test]
async fn a_teacher_s_leave_still_goes_to_the_head_of_department() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert!(!actions(&request).contains(&"to_superior".to_owned()));
}

#[tokio::test]
async fn a_request_to_which_no_step_applies_still_goes_to_the_superior() {
    let school = School::open().await;
    let steps = json!([{ "name": "大额审批", "rule": { "type": "role", "role": "school_leader" }, "condition": "amount > 100000" }]);
    school.template("small-claims", definition(steps)).await;
    let request = school
        .start("he.laoshi", "small-claims", json!({ "amount": 100 }))
        .await;
    assert_eq!(request["status"], "running");
    assert_eq!(pending_names(&request), ["卫主任"]);
    assert!(actions(&request).contains(&"superior_required".to_owned()));
}

#[tokio::test]
async fn the_applicant_s_confirmation_is_recorded_and_someone_else_still_decides() {
    let school = School::open().await;
    let director = school.user_id("wang.zhuren").await;
    let steps = json!([
        { "name": "部门确认", "rule": { "type": "department_head" }, "applicantIsApprover": "applicantConfirms" },
        { "name": "办公室审批", "rule": { "type": "users", "userIds": [director] } }
    ]);
    school.template("confirm-then-office", definition(steps)).await;
    let request = school
        .start("wei.xinxi", "confirm-then-office", json!({ "amount": 100 }))
        .await;
    let timeline = actions(&request);
    assert!(
        timeline.contains(&"applicant_confirmed".to_owned()),
        "{timeline:?}"
    );
    assert_eq!(request["steps"][0]["status"], "passed");
    assert_eq!(pending_names(&request), ["王主任"]);
}

#[tokio::test]
async fn a_template_of_only_the_applicant_s_confirmations_is_approved_on_submission() {
    let school = School::open().await;
    let steps = json!([{ "name": "本人确认", "rule": { "type": "department_head" }, "applicantIsApprover": "applicantConfirms" }]);
    school.template("register", definition(steps)).await;
    let request = school
        .start("wei.xinxi", "register", json!({ "amount": 100 }))
        .await;
    assert_eq!(request["status"], "approved");
    assert!(actions(&request).contains(&"applicant_confirmed".to_owned()));
}

#[tokio::test]
async fn a_lone_applicant_confirmation_in_a_mixed_template_falls_to_the_superior() {
    let school = School::open().await;
    let steps = json!([
        { "name": "本人确认", "rule": { "type": "department_head" }, "applicantIsApprover": "applicantConfirms" },
        { "name": "大额", "rule": { "type": "role", "role": "school_leader" }, "condition": "amount > 100000" }
    ]);
    school.template("confirm-or-big", definition(steps)).await;
    let request = school
        .start("wei.xinxi", "confirm-or-big", json!({ "amount": 100 }))
        .await;
    assert_eq!(request["status"], "running");
    assert_eq!(pending_names(&request), ["陈副校长"]);
}

#[tokio::test]
async fn skipping_the_applicant_s_step_hands_the_decision_to_the_later_step() {
    let school = School::open().await;
    let director = school.user_id("wang.zhuren").await;
    let steps = json!([
        { "name": "部门审核", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" },
        { "name": "办公室审批", "rule": { "type": "users", "userIds": [director] } }
    ]);
    school.template("skip-head", definition(steps)).await;
    let own = school
        .start("wei.xinxi", "skip-head", json!({ "amount": 100 }))
        .await;
    assert_eq!(own["steps"][0]["status"], "skipped");
    assert_eq!(pending_names(&own), ["王主任"]);
    let teacher = school
        .start("he.laoshi", "skip-head", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&teacher), ["卫主任"]);
}

#[tokio::test]
async fn skipping_without_a_later_step_for_the_superior_is_refused() {
    let school = School::open().await;
    let steps = json!([
        { "name": "部门审核", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" },
        { "name": "大额", "rule": { "type": "role", "role": "school_leader" }, "condition": "amount > 100000" }
    ]);
    let body =
        json!({ "code": "skip-alone", "name": "skip", "category": "测试", "definition": definition(steps) });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["definition.steps[0].applicantIsApprover"]);
}

#[tokio::test]
async fn a_transfer_or_an_added_signer_cannot_be_the_applicant() {
    let school = School::open().await;
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    let id = &request["id"];
    let applicant = school.user_id("he.laoshi").await;
    for (action, body) in [
        ("transfer", json!({ "userId": applicant })),
        ("add-signer", json!({ "userId": applicant, "position": "before" })),
    ] {
        let res = school.act("wei.xinxi", id, action, body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["userId"], "{action}");
    }
    assert_eq!(pending_names(&school.detail("wei.xinxi", id).await), ["卫主任"]);
}

#[tokio::test]
async fn a_delegation_to_the_applicant_goes_to_their_superior_instead() {
    let school = School::open_at("2026-11-23T02:00:00Z").await;
    let delegate = school.user_id("he.laoshi").await;
    let body = json!({ "delegateId": delegate, "startsAt": "2026-11-23T00:00:00Z", "endsAt": "2026-11-30T00:00:00Z" });
    let res = school
        .app
        .post_as(
            &school.token("wei.xinxi").await,
            "/api/v1/approval-delegations",
            &body,
        )
        .await;
    assert_eq!(res.status(), 200);
    let request = school.start("he.laoshi", "leave", leave(1.0)).await;
    assert_eq!(pending_names(&request), ["卫主任"]);
    let colleague = school.start("lv.laoshi", "leave", leave(1.0)).await;
    assert_eq!(pending_names(&colleague), ["何老师"]);
}

#[tokio::test]
async fn the_applicant_cannot_pick_themself_or_name_themself_as_approver() {
    let school = School::open().await;
    let steps = json!([{ "name": "自选", "rule": { "type": "applicant_picks" } }]);
    school.template("picks", definition(steps)).await;
    let me = school.user_id("he.laoshi").await;
    let template_id = school.template_id("picks").await;
    let body = json!({ "templateId": template_id, "form": { "amount": 100 }, "approvers": { "0": [me] } });
    let res = school
        .app
        .post_as(&school.token("he.laoshi").await, "/api/v1/approvals", &body)
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["approvers.0"]);

    let form_user = json!({
        "form": { "fields": [ { "key": "reviewer", "label": "审核人", "kind": "user", "required": true } ] },
        "steps": [{ "name": "指定审核", "rule": { "type": "form_user", "field": "reviewer" } }]
    });
    school.template("named-reviewer", form_user).await;
    let res = school
        .try_start("he.laoshi", "named-reviewer", json!({ "reviewer": me }))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.reviewer"]);
}

#[tokio::test]
async fn administrators_name_a_department_s_leader_in_charge() {
    let school = School::open().await;
    let admin = school.admin().await;
    let academic = school.department_id("academic").await;
    let path = format!("/api/v1/departments/{academic}");
    let department: Value = school.app.get_as(&admin, &path).await.json().await.unwrap();
    assert_eq!(department["leaderName"], "陈副校长");
    let patch = |body: Value| {
        school
            .app
            .as_user(&admin, reqwest::Method::PATCH, &path)
            .json(&body)
            .send()
    };
    let unknown = patch(json!({ "leaderUserId": uuid::Uuid::now_v7(), "version": department["version"] }))
        .await
        .unwrap();
    let problem = assert_problem(unknown, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["leaderUserId"]);
    let principal = school.user_id("zhang.xiaozhang").await;
    let res = patch(json!({ "leaderUserId": principal, "version": department["version"] }))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["leaderName"], "张校长");
    let request = school.start("liu.jiaowu", "leave", leave(2.0)).await;
    assert_eq!(pending_names(&request), ["张校长"]);
}
