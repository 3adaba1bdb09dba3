//! kill -9 in the middle of concurrent writes: what was acknowledged is there after the restart,
//! every record has its audit row and every audit row its record, and the chain verifies.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::Method;
use serde_json::json;
use tokio::sync::Mutex;

use crate::school::{Accounts, Answer, Api, leave, leave_template};
use crate::support::{Backend, Scratch, Server};

const CLIENTS: usize = 8;
/// Each client stops after this many writes even if the server is still up.
const WRITES_PER_CLIENT: usize = 60;
/// The server is killed once this many writes were acknowledged (progress, not time).
const KILL_AFTER_ACKNOWLEDGED: usize = 120;

/// What the server acknowledged with a 2xx.
#[derive(Debug, Default)]
struct Acknowledged {
    departments: Vec<(String, String)>,
    files: Vec<(String, String)>,
    approvals: Vec<String>,
    /// (approval id, comment text)
    comments: Vec<(String, String)>,
    /// Answers that were neither 2xx nor a lost connection.
    unexpected: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_during_concurrent_writes_keeps_every_acknowledged_write_and_its_audit_trail() {
    let scratch = Scratch::new(&Backend::of_this_run()).await;
    let mut server = Server::start(&scratch, true);
    let api = Api::new(&server.base);
    let accounts = Accounts::sign_in(&scratch, &api).await;
    let template = leave_template(&api, &accounts.teacher).await;

    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let count = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (api, accounts, template) = (api.clone(), accounts.clone(), template.clone());
            let (acknowledged, count) = (acknowledged.clone(), count.clone());
            tokio::spawn(async move {
                for i in 0..WRITES_PER_CLIENT {
                    let kept = write_one(&api, &accounts, &template, client, i, &acknowledged).await;
                    if !kept {
                        break;
                    }
                    count.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    while count.load(Ordering::SeqCst) < KILL_AFTER_ACKNOWLEDGED {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.kill9();
    for client in clients {
        client.await.unwrap();
    }
    let acknowledged = Arc::try_unwrap(acknowledged).unwrap().into_inner();
    assert!(
        acknowledged.unexpected.is_empty(),
        "{:?}",
        acknowledged.unexpected
    );
    eprintln!(
        "crash drill: killed after {} departments, {} files, {} requests, {} comments acknowledged",
        acknowledged.departments.len(),
        acknowledged.files.len(),
        acknowledged.approvals.len(),
        acknowledged.comments.len()
    );
    assert!(
        acknowledged.departments.len() + acknowledged.files.len() + acknowledged.approvals.len()
            >= KILL_AFTER_ACKNOWLEDGED / 2
    );

    let server = Server::start(&scratch, false);
    let api = Api::new(&server.base);
    let accounts = Accounts::sign_in_again(&api).await;
    every_acknowledged_write_is_stored(&api, &accounts, &acknowledged).await;
    records_and_audit_rows_match(&api, &accounts).await;
    api.assert_chain_intact(&accounts.auditor).await;
}

/// One write by `client`; false once the server stopped answering.
async fn write_one(
    api: &Api,
    accounts: &Accounts,
    template: &str,
    client: usize,
    i: usize,
    acknowledged: &Mutex<Acknowledged>,
) -> bool {
    let tag = format!("{client}-{i}");
    match (client + i) % 3 {
        0 => {
            let body = json!({ "code": format!("DRILL-{tag}"), "name": format!("演练部门 {tag}") });
            let answer = api
                .send(&accounts.admin, Method::POST, "/api/v1/departments", Some(&body))
                .await;
            keep(answer, acknowledged, |ack, a| {
                ack.departments.push((a.id(), format!("演练部门 {tag}")))
            })
            .await
        }
        1 => {
            let text = format!("演练附件 {tag}");
            let answer = api
                .upload(&accounts.teacher, &format!("drill-{tag}.txt"), &text)
                .await;
            keep(answer, acknowledged, |ack, a| ack.files.push((a.id(), text))).await
        }
        _ => {
            let body = leave(template, &format!("演练请假 {tag}"), &[]);
            let answer = api
                .send(&accounts.teacher, Method::POST, "/api/v1/approvals", Some(&body))
                .await;
            let Ok(started) = answer else { return false };
            let id = started.body["id"].as_str().unwrap_or_default().to_owned();
            if !keep(Ok(started), acknowledged, |ack, a| ack.approvals.push(a.id())).await {
                return false;
            }
            let comment = format!("演练意见 {tag}");
            let path = format!("/api/v1/approvals/{id}/comment");
            let answer = api
                .send(
                    &accounts.teacher,
                    Method::POST,
                    &path,
                    Some(&json!({ "comment": comment })),
                )
                .await;
            keep(answer, acknowledged, |ack, _| {
                ack.comments.push((id.clone(), comment))
            })
            .await
        }
    }
}

async fn keep(
    answer: Result<Answer, reqwest::Error>,
    acknowledged: &Mutex<Acknowledged>,
    record: impl FnOnce(&mut Acknowledged, &Answer),
) -> bool {
    let Ok(answer) = answer else { return false };
    let mut ack = acknowledged.lock().await;
    if answer.is_success() {
        record(&mut ack, &answer);
        true
    } else {
        ack.unexpected.push(format!("{} {}", answer.status, answer.body));
        false
    }
}

async fn every_acknowledged_write_is_stored(api: &Api, accounts: &Accounts, ack: &Acknowledged) {
    for (id, name) in &ack.departments {
        let answer = api
            .get(&accounts.admin, &format!("/api/v1/departments/{id}"))
            .await;
        assert_eq!(answer.status, 200, "acknowledged department {id} is gone");
        assert_eq!(answer.body["name"], name.as_str());
    }
    for (id, text) in &ack.files {
        assert_eq!(
            api.download(&accounts.teacher, id).await,
            text.as_bytes(),
            "file {id}"
        );
    }
    for id in &ack.approvals {
        let answer = api
            .get(&accounts.teacher, &format!("/api/v1/approvals/{id}"))
            .await;
        assert_eq!(answer.status, 200, "acknowledged request {id} is gone");
    }
    for (id, comment) in &ack.comments {
        let detail = api
            .get(&accounts.teacher, &format!("/api/v1/approvals/{id}"))
            .await;
        let timeline = detail.body["timeline"].as_array().unwrap();
        assert!(
            timeline.iter().any(|e| e["comment"] == comment.as_str()),
            "acknowledged comment {comment:?} on {id} is gone"
        );
    }
}

/// What the audit design promises: a created record has exactly one creation row naming it,
/// and a creation row names a record that exists.
async fn records_and_audit_rows_match(api: &Api, accounts: &Accounts) {
    let departments = api.get(&accounts.admin, "/api/v1/departments").await;
    let drill_departments: BTreeSet<String> = departments
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("DRILL-"))
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        entity_ids(api, accounts, "department.create").await,
        drill_departments
    );

    for id in entity_ids(api, accounts, "file.upload").await {
        let answer = api.get(&accounts.teacher, &format!("/api/v1/files/{id}")).await;
        assert_eq!(answer.status, 200, "an audited upload {id} has no file");
        let bytes = api.download(&accounts.teacher, &id).await;
        assert_eq!(answer.body["size"], bytes.len(), "file {id}");
    }

    let started: BTreeSet<String> = api
        .all_pages(&accounts.teacher, "/api/v1/approval-tasks?box=started")
        .await
        .iter()
        .map(|item| item["instanceId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(entity_ids(api, accounts, "approval.start").await, started);

    let comment_rows = api.audit(&accounts.auditor, "approval.comment").await;
    for id in &started {
        let detail = api
            .get(&accounts.teacher, &format!("/api/v1/approvals/{id}"))
            .await;
        let comments = detail.body["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "comment")
            .count();
        let audited = comment_rows
            .iter()
            .filter(|r| r["entityId"] == id.as_str())
            .count();
        assert_eq!(comments, audited, "comments of {id} and their audit rows");
    }
}

async fn entity_ids(api: &Api, accounts: &Accounts, action: &str) -> BTreeSet<String> {
    let rows = api.audit(&accounts.auditor, action).await;
    let ids: BTreeSet<String> = rows
        .iter()
        .map(|r| r["entityId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), rows.len(), "{action}: one row per record");
    ids
}
