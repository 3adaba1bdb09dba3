//! Nothing gets stuck: nobody who cannot act holds an open task (disabled, without
//! `approval.use`, the auditor), administrators reassign, delegation follows chains, and an
//! overdue step escalates to someone who can decide it.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, definition, fields, pending_names};

/// One step decided by `approver`; when its rule finds nobody, 赵专员 (the template's fallback).
async fn one_step(school: &School, approver: &str) -> Value {
    let [who, fallback] = [
        school.user_id(approver).await,
        school.user_id("zhao.zhuanyuan").await,
    ];
    let mut def = definition(json!([{ "name": "审核", "rule": { "type": "users", "userIds": [who] } }]));
    def["options"] = json!({ "fallback": { "type": "users", "userIds": [fallback] } });
    school.template("one-step", def).await;
    school
        .start("he.laoshi", "one-step", json!({ "amount": 1000 }))
        .await
}

async fn disable(school: &School, username: &str) {
    let id = school.user_id(username).await;
    let res = school
        .app
        .post_as(
            &school.admin().await,
            &format!("/api/v1/users/{id}/disable"),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), 200, "disable {username}");
}

fn event<'a>(detail: &'a Value, action: &str) -> &'a Value {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["action"] == action)
        .unwrap_or_else(|| panic!("no {action} event"))
}

#[tokio::test]
async fn transfer_and_add_signer_refuse_a_disabled_person_and_the_auditor() {
    let school = School::open().await;
    let request = one_step(&school, "li.wenshu").await;
    let id = &request["id"];
    let auditor = school.user_id("shenji").await;
    let colleague = school.user_id("lv.laoshi").await;
    disable(&school, "lv.laoshi").await;
    for (action, to) in [
        ("transfer", &auditor),
        ("transfer", &colleague),
        ("add-signer", &auditor),
        ("add-signer", &colleague),
    ] {
        let res = school.act("li.wenshu", id, action, json!({ "userId": to })).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["userId"], "{action}");
    }
    let now = school.detail("he.laoshi", id).await;
    assert_eq!(now["version"], request["version"]);
    assert_eq!(pending_names(&now), ["李文书"]);
}

#[tokio::test]
async fn disabling_an_approver_moves_their_open_task_to_the_step_fallback_on_the_timeline() {
    let school = School::open().await;
    let request = one_step(&school, "li.wenshu").await;
    let id = &request["id"];
    disable(&school, "li.wenshu").await;
    let now = school.detail("he.laoshi", id).await;
    assert_eq!(pending_names(&now), ["赵专员"]);
    let old = now["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == "李文书")
        .unwrap();
    assert_eq!(old["status"], "reassigned");
    let moved = event(&now, "reassign");
    assert_eq!(moved["actorId"], Value::Null);
    assert!(moved["comment"].as_str().unwrap().contains("李文书"), "{moved}");
    assert_eq!(school.inbox("zhao.zhuanyuan", "pending").await.len(), 1);
    let done = school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn removing_the_role_that_gave_approval_use_moves_the_open_tasks() {
    let school = School::open().await;
    let request = one_step(&school, "li.wenshu").await;
    let clerk = school.user_id("li.wenshu").await;
    let admin = school.admin().await;
    let user: Value = school
        .app
        .get_as(&admin, &format!("/api/v1/users/{clerk}"))
        .await
        .json()
        .await
        .unwrap();
    for role in user["roles"].as_array().unwrap() {
        let path = format!(
            "/api/v1/users/{clerk}/roles/{}",
            role["assignmentId"].as_str().unwrap()
        );
        let res = school
            .app
            .as_user(&admin, Method::DELETE, &path)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "remove {}", role["code"]);
    }
    let now = school.detail("he.laoshi", &request["id"]).await;
    assert_eq!(pending_names(&now), ["赵专员"]);
}

#[tokio::test]
async fn an_approvals_administrator_reassigns_an_open_task_with_a_reason() {
    let school = School::open().await;
    let request = one_step(&school, "li.wenshu").await;
    let id = &request["id"];
    let task = request["tasks"][0]["id"].clone();
    let [second, applicant, auditor] = [
        school.user_id("zhao.zhuanyuan").await,
        school.user_id("he.laoshi").await,
        school.user_id("shenji").await,
    ];
    let director = school.detail("wang.zhuren", id).await;
    assert!(
        director["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("reassign"))
    );
    let clerk = school.detail("li.wenshu", id).await;
    assert!(!clerk["actions"].as_array().unwrap().contains(&json!("reassign")));

    let refused = [
        (
            json!({ "taskId": task, "toUserId": second, "reason": " " }),
            "reason",
        ),
        (
            json!({ "taskId": task, "toUserId": applicant, "reason": "休假" }),
            "toUserId",
        ),
        (
            json!({ "taskId": task, "toUserId": auditor, "reason": "休假" }),
            "toUserId",
        ),
        (
            json!({ "taskId": id, "toUserId": second, "reason": "休假" }),
            "taskId",
        ),
    ];
    for (body, field) in refused {
        let res = school.act("wang.zhuren", id, "reassign", body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), [field]);
    }
    let res = school
        .act(
            "li.wenshu",
            id,
            "reassign",
            json!({ "taskId": task, "toUserId": second, "reason": "休假" }),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;

    let moved = school
        .ok(
            "wang.zhuren",
            id,
            "reassign",
            json!({ "taskId": task, "toUserId": second, "reason": "李文书出差一周" }),
        )
        .await;
    assert_eq!(pending_names(&moved), ["赵专员"]);
    let entry = event(&moved, "reassign");
    assert_eq!(entry["actorName"], "王主任");
    assert_eq!(entry["comment"], "李文书出差一周");
    let again = school
        .act(
            "wang.zhuren",
            id,
            "reassign",
            json!({ "taskId": task, "toUserId": second, "reason": "再改" }),
        )
        .await;
    assert_problem(again, 409, "conflict").await;

    school.app.services.deliver_outbox(100).await.unwrap();
    let told = school.notifications("li.wenshu").await;
    assert!(
        told.iter()
            .any(|n| n["title"] == "待办已改派：one-step（何老师）" || n["kind"] == "system"),
        "{told:?}"
    );
    let new_holder = school.notifications("zhao.zhuanyuan").await;
    assert!(new_holder.iter().any(|n| n["kind"] == "task_assigned"));
    let audit: Value = school
        .app
        .get_as(
            &school.token("shenji").await,
            &format!(
                "/api/v1/audit-events?action=approval.reassign&entityId={}",
                id.as_str().unwrap()
            ),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit["total"], 1, "{audit}");
}

async fn delegate(school: &School, from: &str, to: &str) {
    let to_id = school.user_id(to).await;
    let body = json!({
        "delegateId": to_id,
        "startsAt": (Utc::now() - Duration::hours(1)).to_rfc3339(),
        "endsAt": (Utc::now() + Duration::days(3)).to_rfc3339(),
    });
    let res = school
        .app
        .post_as(&school.token(from).await, "/api/v1/approval-delegations", &body)
        .await;
    let status = res.status();
    assert!(
        status.is_success(),
        "{from} → {to}: {}",
        res.text().await.unwrap()
    );
}

#[tokio::test]
async fn delegation_follows_a_chain_and_the_timeline_shows_all_of_it() {
    let school = School::open().await;
    delegate(&school, "wang.zhuren", "li.wenshu").await;
    delegate(&school, "li.wenshu", "zhao.zhuanyuan").await;
    let request = one_step(&school, "wang.zhuren").await;
    assert_eq!(pending_names(&request), ["赵专员"]);
    let entry = event(&request, "delegated");
    assert_eq!(entry["comment"], "王主任 → 李文书 → 赵专员（委托）");
    assert_eq!(entry["data"]["chain"].as_array().unwrap().len(), 3);
    let done = school
        .ok("zhao.zhuanyuan", &request["id"], "approve", json!({}))
        .await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_delegation_loop_stops_at_the_last_available_person() {
    let school = School::open().await;
    delegate(&school, "wang.zhuren", "li.wenshu").await;
    delegate(&school, "li.wenshu", "zhao.zhuanyuan").await;
    delegate(&school, "zhao.zhuanyuan", "wang.zhuren").await;
    let request = one_step(&school, "wang.zhuren").await;
    assert_eq!(pending_names(&request), ["赵专员"]);
    assert_eq!(
        event(&request, "delegated")["comment"],
        "王主任 → 李文书 → 赵专员（委托）"
    );
}

#[tokio::test]
async fn a_chain_stops_before_a_delegate_who_can_no_longer_act() {
    let school = School::open().await;
    delegate(&school, "wang.zhuren", "li.wenshu").await;
    delegate(&school, "li.wenshu", "sun.dangan").await;
    disable(&school, "sun.dangan").await;
    let request = one_step(&school, "wang.zhuren").await;
    assert_eq!(pending_names(&request), ["李文书"]);
    assert_eq!(event(&request, "delegated")["comment"], "王主任 → 李文书（委托）");
}

#[tokio::test]
async fn an_overdue_countersign_is_decided_by_the_escalation_target_alone_with_its_own_deadline() {
    // Monday 2026-11-23 09:00 in Shanghai; eight working hours later is Tuesday 09:30.
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let signers = school.users(&["li.wenshu", "zhao.zhuanyuan"]).await;
    let step = json!({ "name": "会签", "rule": { "type": "users", "userIds": signers }, "mode": "all",
        "deadlineHours": 8, "timeout": { "action": "escalate", "role": "office_director" } });
    school.template("countersign", definition(json!([step]))).await;
    let request = school
        .start("he.laoshi", "countersign", json!({ "amount": 1 }))
        .await;
    let id = &request["id"];
    school.ok("li.wenshu", id, "approve", json!({})).await;

    school.advance(Duration::hours(25)).await; // Tuesday 10:00
    let report = school.app.services.run_approval_timers().await.unwrap();
    assert_eq!(report.escalated, 1);
    let escalated = school.detail("he.laoshi", id).await;
    let task = escalated["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["origin"] == "escalation")
        .unwrap();
    assert_eq!(task["assigneeName"], "王主任");
    assert_eq!(
        task["dueAt"], "2026-11-25T02:30:00Z",
        "eight working hours from Tuesday 10:00: Wednesday 10:30"
    );
    assert_eq!(task["overdue"], false);

    let decided = school.ok("wang.zhuren", id, "approve", json!({})).await;
    assert_eq!(decided["status"], "approved", "赵专员 need not sign as well");
    let left = decided["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == "赵专员")
        .unwrap();
    assert_eq!(left["status"], "closed");
}

#[tokio::test]
async fn an_escalation_target_who_rejects_rejects_the_step() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let signers = school.users(&["li.wenshu", "zhao.zhuanyuan"]).await;
    let step = json!({ "name": "会签", "rule": { "type": "users", "userIds": signers }, "mode": "all",
        "deadlineHours": 8, "timeout": { "action": "escalate", "role": "office_director" } });
    school.template("countersign", definition(json!([step]))).await;
    let request = school
        .start("he.laoshi", "countersign", json!({ "amount": 1 }))
        .await;
    school.advance(Duration::hours(25)).await;
    school.app.services.run_approval_timers().await.unwrap();
    let decided = school
        .ok(
            "wang.zhuren",
            &request["id"],
            "reject",
            json!({ "comment": "超期未办，不予批准" }),
        )
        .await;
    assert_eq!(decided["status"], "rejected");
}
