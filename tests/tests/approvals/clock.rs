//! Deadlines on the working calendar: a reminder before, then the step's timeout action.

use chrono::Duration;
use serde_json::json;

use super::support::{School, actions, definition, pending_names};

#[tokio::test]
async fn deadlines_remind_then_mark_overdue_escalate_and_auto_approve() {
    // Monday 2026-11-23 09:00 in Shanghai. Eight working hours (08:00-12:00, 14:00-17:30) later
    // is Tuesday 09:30.
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let clerk = school.users(&["li.wenshu"]).await;
    for (code, timeout) in [
        ("remind", json!({ "action": "remind" })),
        (
            "escalate",
            json!({ "action": "escalate", "role": "school_leader" }),
        ),
        ("auto", json!({ "action": "auto_approve" })),
    ] {
        let step = json!({ "name": "办理", "rule": { "type": "users", "userIds": clerk }, "deadlineHours": 8, "timeout": timeout });
        school.template(code, definition(json!([step]))).await;
    }
    let remind = school.start("he.laoshi", "remind", json!({ "amount": 1 })).await;
    let escalate = school
        .start("he.laoshi", "escalate", json!({ "amount": 1 }))
        .await;
    let auto = school.start("he.laoshi", "auto", json!({ "amount": 1 })).await;
    assert_eq!(remind["tasks"][0]["dueAt"], "2026-11-24T01:30:00Z");

    let services = &school.app.services;
    assert_eq!(services.run_approval_timers().await.unwrap().reminded, 0);

    school.advance(Duration::hours(23)).await; // Tuesday 08:00, 90 minutes before the deadline
    let report = services.run_approval_timers().await.unwrap();
    assert_eq!((report.reminded, report.overdue), (3, 0));
    assert_eq!(
        services.run_approval_timers().await.unwrap().reminded,
        0,
        "reminded once"
    );

    school.advance(Duration::minutes(91)).await; // Tuesday 09:31
    let report = services.run_approval_timers().await.unwrap();
    assert_eq!(
        (report.overdue, report.escalated, report.auto_approved),
        (3, 2, 1)
    );
    assert_eq!(
        services.run_approval_timers().await.unwrap().overdue,
        0,
        "handled once"
    );

    let reminded = school.detail("he.laoshi", &remind["id"]).await;
    assert_eq!(reminded["status"], "running");
    assert_eq!(reminded["tasks"][0]["overdue"], true);
    assert!(actions(&reminded).contains(&"overdue".to_owned()));

    let escalated = school.detail("he.laoshi", &escalate["id"]).await;
    let mut expected = vec!["李文书", "陈副校长", "张校长"];
    expected.sort_unstable();
    assert_eq!(pending_names(&escalated), expected);
    let by_leader = school
        .ok("zhang.xiaozhang", &escalate["id"], "approve", json!({}))
        .await;
    assert_eq!(by_leader["status"], "approved");

    // The only decision was the system's: a person other than the applicant must still approve.
    let auto_done = school.detail("he.laoshi", &auto["id"]).await;
    assert_eq!(auto_done["status"], "running");
    let decision = auto_done["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "approve")
        .unwrap();
    assert_eq!(decision["comment"], "超时自动通过");
    assert_eq!(decision["actorId"], serde_json::Value::Null);
    let clerk_task = auto_done["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == "李文书")
        .unwrap();
    // Put aside when the step went to the superior; still marked as the system's decision.
    assert_eq!(
        (&clerk_task["status"], &clerk_task["decidedBySystem"]),
        (&json!("superseded"), &json!(true))
    );

    let overdue = school.inbox("li.wenshu", "pending").await;
    assert!(overdue.iter().all(|i| i["overdue"] == true));
}

#[tokio::test]
async fn a_step_set_to_reject_on_timeout_ends_the_request_rejected_and_tells_the_applicant_why() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let clerk = school.users(&["li.wenshu"]).await;
    let step = json!({ "name": "办理", "rule": { "type": "users", "userIds": clerk }, "deadlineHours": 8,
        "timeout": { "action": "auto_reject" } });
    school.template("booking", definition(json!([step]))).await;
    let request = school.start("he.laoshi", "booking", json!({ "amount": 1 })).await;
    let services = &school.app.services;

    school.advance(Duration::hours(8)).await; // Monday 17:00: not yet past the deadline
    assert_eq!(services.run_approval_timers().await.unwrap().auto_rejected, 0);
    assert_eq!(
        school.detail("he.laoshi", &request["id"]).await["status"],
        "running"
    );

    school.advance(Duration::hours(17)).await; // Tuesday 10:00, past Tuesday 09:30
    let report = services.run_approval_timers().await.unwrap();
    assert_eq!(
        (report.overdue, report.auto_rejected, report.auto_approved),
        (1, 1, 0)
    );
    assert_eq!(
        services.run_approval_timers().await.unwrap().auto_rejected,
        0,
        "once"
    );

    let done = school.detail("he.laoshi", &request["id"]).await;
    assert_eq!(done["status"], "rejected");
    let decision = done["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "reject")
        .unwrap();
    assert_eq!(decision["comment"], "超时自动驳回");
    assert_eq!(decision["actorId"], serde_json::Value::Null);
    assert!(school.inbox("li.wenshu", "pending").await.is_empty());
    services.deliver_outbox(100).await.unwrap();
    let told = school.notifications("he.laoshi").await;
    assert!(
        told.iter()
            .any(|n| n["title"].as_str().is_some_and(|t| t.contains("驳回"))),
        "{told:?}"
    );
}

#[tokio::test]
async fn an_approval_the_system_gave_on_timeout_is_not_enough_the_applicants_superior_still_decides() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let clerk = school.users(&["li.wenshu"]).await;
    let step = json!({ "name": "办理", "rule": { "type": "users", "userIds": clerk }, "deadlineHours": 8,
        "timeout": { "action": "auto_approve" } });
    school.template("lapse", definition(json!([step]))).await;
    let request = school.start("he.laoshi", "lapse", json!({ "amount": 1 })).await;
    let services = &school.app.services;

    school.advance(Duration::hours(25)).await; // Tuesday 10:00, past Tuesday 09:30
    assert_eq!(services.run_approval_timers().await.unwrap().auto_approved, 1);

    let after = school.detail("he.laoshi", &request["id"]).await;
    assert_eq!(after["status"], "running", "{after:#}");
    assert_eq!(pending_names(&after), ["卫主任"], "the head of 信息工程系");
    assert!(
        after["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "superior_required"),
        "{after:#}"
    );

    let done = school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}
