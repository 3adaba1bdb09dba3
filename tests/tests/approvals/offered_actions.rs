//! The request's `actions` list is exactly what the endpoints accept, in every state the flows
//! reach: each offered action succeeds, each other one is refused and changes nothing.

use serde_json::{Value, json};

use super::support::School;

const ALL: [&str; 11] = [
    "approve",
    "reject",
    "return",
    "transfer",
    "add-signer",
    "recall",
    "resubmit",
    "withdraw",
    "urge",
    "cancel",
    "comment",
];

const VIEWERS: [&str; 6] = [
    "he.laoshi",
    "li.wenshu",
    "zhao.zhuanyuan",
    "sun.dangan",
    "kong.laoshi",
    "wang.zhuren",
];

#[derive(Debug, Clone, Copy)]
enum State {
    Fresh,
    FirstApproved,
    NextTransferred,
    ReturnedToApplicant,
    SignerAddedBefore,
    Urged,
    Approved,
}

/// 初审 by 李文书 (copied to 冯馆长), then 复核 by 赵专员; 何老师 applies.
async fn install(school: &School) {
    let [clerk, second, librarian] = [
        school.user_id("li.wenshu").await,
        school.user_id("zhao.zhuanyuan").await,
        school.user_id("feng.tushu").await,
    ];
    school
        .template(
            "two-steps",
            super::support::definition(json!([
                { "name": "初审", "rule": { "type": "users", "userIds": [clerk] },
                  "cc": [ { "type": "users", "userIds": [librarian] } ] },
                { "name": "复核", "rule": { "type": "users", "userIds": [second] } }
            ])),
        )
        .await;
}

async fn reach(school: &School, state: State) -> Value {
    let request = school
        .start("he.laoshi", "two-steps", json!({ "amount": 1000 }))
        .await;
    let id = &request["id"];
    let colleague = school.user_id("kong.laoshi").await;
    let archivist = school.user_id("sun.dangan").await;
    match state {
        State::Fresh => {}
        State::FirstApproved => {
            school.ok("li.wenshu", id, "approve", json!({})).await;
        }
        State::NextTransferred => {
            school.ok("li.wenshu", id, "approve", json!({})).await;
            school
                .ok("zhao.zhuanyuan", id, "transfer", json!({ "userId": archivist }))
                .await;
        }
        State::ReturnedToApplicant => {
            school
                .ok("li.wenshu", id, "return", json!({ "comment": "请补充材料" }))
                .await;
        }
        State::SignerAddedBefore => {
            school
                .ok("li.wenshu", id, "add-signer", json!({ "userId": colleague }))
                .await;
        }
        State::Urged => {
            school.ok("he.laoshi", id, "urge", json!({})).await;
        }
        State::Approved => {
            school.ok("li.wenshu", id, "approve", json!({})).await;
            school.ok("zhao.zhuanyuan", id, "approve", json!({})).await;
        }
    }
    school.detail("he.laoshi", id).await
}

fn body(action: &str, other: &str) -> Value {
    match action {
        "reject" | "return" | "cancel" => json!({ "comment": "理由" }),
        "transfer" | "add-signer" => json!({ "userId": other }),
        "comment" => json!({ "comment": "备注" }),
        _ => json!({}),
    }
}

async fn offered(school: &School, who: &str, id: &Value) -> Option<Vec<String>> {
    let res = school.get(who, id).await;
    if res.status() == 404 {
        return None;
    }
    assert_eq!(res.status(), 200);
    let detail: Value = res.json().await.unwrap();
    Some(
        detail["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_owned())
            .collect(),
    )
}

async fn check(school: &School, state: State) {
    let other = school.user_id("lv.laoshi").await;
    let base = reach(school, state).await;
    let id = &base["id"];
    for who in VIEWERS {
        let offers = offered(school, who, id).await;
        for action in ALL {
            let is_offered = offers.as_ref().is_some_and(|o| o.iter().any(|a| a == action));
            if is_offered {
                let fresh = reach(school, state).await;
                let res = school.act(who, &fresh["id"], action, body(action, &other)).await;
                let status = res.status();
                let text = res.text().await.unwrap();
                assert_eq!(status, 200, "{state:?}: {who} was offered {action}: {text}");
            } else {
                let res = school.act(who, id, action, body(action, &other)).await;
                let status = res.status().as_u16();
                assert!(
                    (400..500).contains(&status),
                    "{state:?}: {who} was not offered {action} but got {status}"
                );
                let now = school.detail("he.laoshi", id).await;
                assert_eq!(now["version"], base["version"], "{state:?}: {who} {action}");
            }
        }
    }
}

#[tokio::test]
async fn every_offered_action_succeeds_and_every_other_is_refused_in_each_state() {
    let school = School::open().await;
    install(&school).await;
    for state in [
        State::Fresh,
        State::FirstApproved,
        State::NextTransferred,
        State::ReturnedToApplicant,
        State::SignerAddedBefore,
        State::Urged,
        State::Approved,
    ] {
        check(&school, state).await;
    }
}

#[tokio::test]
async fn recall_is_not_offered_once_the_next_approver_transferred_the_task() {
    let school = School::open().await;
    install(&school).await;
    let request = reach(&school, State::NextTransferred).await;
    let offers = offered(&school, "li.wenshu", &request["id"]).await.unwrap();
    assert_eq!(offers, ["comment"]);
    let res = school.act("li.wenshu", &request["id"], "recall", json!({})).await;
    assert_eq!(res.status(), 409);
}

async fn cc_box(school: &School, who: &str) -> Vec<Value> {
    school.inbox(who, "cc").await
}

#[tokio::test]
async fn a_recall_withdraws_the_copies_the_step_sent_and_approving_again_copies_once() {
    let school = School::open().await;
    install(&school).await;
    let request = reach(&school, State::FirstApproved).await;
    let id = &request["id"];
    assert_eq!(cc_box(&school, "feng.tushu").await.len(), 1);
    school.ok("li.wenshu", id, "recall", json!({})).await;
    assert!(
        cc_box(&school, "feng.tushu").await.is_empty(),
        "the copy went with the approval"
    );
    school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(cc_box(&school, "feng.tushu").await.len(), 1);
    let counts: Value = school
        .app
        .get_as(&school.token("feng.tushu").await, "/api/v1/approval-tasks/counts")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(counts["ccUnread"], 1);
}

/// 李文书 approves, 赵专员 returns it to the applicant, who resubmits, and 李文书 approves again.
async fn decided_twice(school: &School) -> Value {
    let request = reach(school, State::FirstApproved).await;
    let id = &request["id"];
    school
        .ok("zhao.zhuanyuan", id, "return", json!({ "comment": "金额有误" }))
        .await;
    school
        .ok("he.laoshi", id, "resubmit", json!({ "form": { "amount": 900 } }))
        .await;
    school.ok("li.wenshu", id, "approve", json!({})).await
}

#[tokio::test]
async fn a_resubmitted_request_does_not_copy_the_same_person_twice() {
    let school = School::open().await;
    install(&school).await;
    let after = decided_twice(&school).await;
    assert_eq!(after["currentStepName"], "复核");
    let copies = cc_box(&school, "feng.tushu").await;
    assert_eq!(copies.len(), 1, "{copies:?}");
}

#[tokio::test]
async fn the_done_box_lists_a_request_once_however_often_it_was_decided() {
    let school = School::open().await;
    install(&school).await;
    let after = decided_twice(&school).await;
    let done = school.inbox("li.wenshu", "done").await;
    assert_eq!(done.len(), 1, "{done:?}");
    assert_eq!(done[0]["instanceId"], after["id"]);
    assert_eq!(done[0]["taskStatus"], "approved");
    let counts: Value = school
        .app
        .get_as(&school.token("li.wenshu").await, "/api/v1/approval-tasks/counts")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(counts["done"], 1);
}

#[tokio::test]
async fn a_return_to_a_step_that_does_not_apply_or_to_step_minus_one_is_refused() {
    let school = School::open().await;
    let [clerk, director, second] = [
        school.user_id("li.wenshu").await,
        school.user_id("wang.zhuren").await,
        school.user_id("zhao.zhuanyuan").await,
    ];
    school
        .template(
            "big-amounts",
            super::support::definition(json!([
                { "name": "初审", "rule": { "type": "users", "userIds": [clerk] } },
                { "name": "大额审批", "rule": { "type": "users", "userIds": [director] },
                  "condition": "amount > 100000" },
                { "name": "复核", "rule": { "type": "users", "userIds": [second] } }
            ])),
        )
        .await;
    let request = school
        .start("he.laoshi", "big-amounts", json!({ "amount": 1000 }))
        .await;
    let id = &request["id"];
    let at_last = school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(at_last["currentStepName"], "复核");
    for target in [1, -1, 2, 7] {
        let res = school
            .act(
                "zhao.zhuanyuan",
                id,
                "return",
                json!({ "comment": "退回", "targetStep": target }),
            )
            .await;
        let problem = xiaoban_tests::assert_problem(res, 422, "validation_failed").await;
        assert_eq!(super::support::fields(&problem), ["targetStep"], "{target}");
    }
    let unchanged = school.detail("he.laoshi", id).await;
    assert_eq!(unchanged["version"], at_last["version"]);
    let back = school
        .ok(
            "zhao.zhuanyuan",
            id,
            "return",
            json!({ "comment": "退回", "targetStep": 0 }),
        )
        .await;
    assert_eq!(back["currentStepName"], "初审");
}
