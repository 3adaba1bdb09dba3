//! Two approvers of an or-sign step deciding at the same instant: exactly one decision counts.

use serde_json::json;

use super::support::{School, actions};

#[tokio::test]
async fn two_simultaneous_or_sign_approvals_record_exactly_one_decision() {
    let school = School::open().await;
    for round in 0..5 {
        let request = school
            .start(
                "he.laoshi",
                "certificate",
                json!({ "certificateType": "在职证明", "purpose": format!("第{round}次"), "copies": 1 }),
            )
            .await;
        let id = &request["id"];
        let (a, b) = tokio::join!(
            school.act("li.wenshu", id, "approve", json!({ "comment": "甲" })),
            school.act("zhao.zhuanyuan", id, "approve", json!({ "comment": "乙" })),
        );
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let loser = if a.status() == 409 { a } else { b };
        // Lost at the guarded write (`conflict`), or retried on fresh data and found the
        // request already approved (`invalid_transition`): either way nothing changed.
        let problem: serde_json::Value = loser.json().await.unwrap();
        assert!(
            ["conflict", "invalid_transition"].contains(&problem["code"].as_str().unwrap_or("")),
            "round {round}: {problem}"
        );
        let detail = school.detail("he.laoshi", id).await;
        assert_eq!(detail["status"], "approved");
        assert_eq!(
            actions(&detail).iter().filter(|x| *x == "approve").count(),
            1,
            "round {round}"
        );
    }
}
