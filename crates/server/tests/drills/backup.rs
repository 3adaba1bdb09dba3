//! Backup while the server keeps writing, restore into an empty data directory and database,
//! and find everything again through the API of a server started on the copy.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::Method;
use serde_json::{Value, json};

use crate::school::{Accounts, Api, leave, leave_template};
use crate::support::{Backend, Scratch, Server, has_no_files};

/// Each writer stops after this many writes even if the backup is still running.
const WRITES_PER_WRITER: usize = 150;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_writes_go_on_restores_into_an_empty_data_directory_with_every_record_and_file()
{
    let backend = Backend::of_this_run();
    let source = Scratch::new(&backend).await;
    let server = Server::start(&source, true);
    let api = Api::new(&server.base);
    let accounts = Accounts::sign_in(&source, &api).await;
    let before = arrange_requests_with_attachments(&api, &accounts).await;

    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|writer| tokio::spawn(keep_writing(api.clone(), accounts.clone(), writer, stop.clone())))
        .collect();
    let dir = source.path("backup");
    let dir_arg = dir.display().to_string();
    let out = tokio::task::block_in_place(|| source.run(&["backup", &dir_arg], ""));
    stop.store(true, Ordering::SeqCst);
    let mut written_meanwhile = 0;
    for writer in writers {
        written_meanwhile += writer.await.unwrap();
    }
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    eprintln!("backup drill: {written_meanwhile} writes acknowledged while the backup ran");
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let backed_up_events = manifest["auditChain"]["events"].as_u64().unwrap();

    let mut targets = vec![backend.clone()];
    if backend != Backend::Sqlite {
        // Cross-database: the PostgreSQL pass also restores its backup into SQLite.
        targets.push(Backend::Sqlite);
    }
    for target_backend in targets {
        let target = Scratch::new(&target_backend).await;
        assert!(has_no_files(&target.data_dir()));
        target.run_ok(&["restore", &dir_arg]);
        let restored = Server::start(&target, false);
        let copy = Api::new(&restored.base);
        let copy_accounts = Accounts::sign_in_again(&copy).await;
        let events = the_copy_has_the_backed_up_chain_and_one_restore_event(
            (&api, &accounts),
            (&copy, &copy_accounts),
            backed_up_events,
        )
        .await;
        records_of_the_copy_match_its_audit_rows_and_the_source(
            (&api, &accounts),
            (&copy, &copy_accounts),
            &events,
        )
        .await;
        for (request, files) in &before {
            let detail = copy
                .get(&copy_accounts.teacher, &format!("/api/v1/approvals/{request}"))
                .await;
            assert_eq!(detail.status, 200, "request {request} made before the backup");
            for file in files {
                let bytes = copy.download(&copy_accounts.teacher, file).await;
                assert_eq!(bytes, api.download(&accounts.teacher, file).await);
            }
        }
    }
}

/// Requests with uploaded attachments, one approved and one commented; returns each request
/// with its file ids.
async fn arrange_requests_with_attachments(api: &Api, accounts: &Accounts) -> Vec<(String, Vec<String>)> {
    let template = leave_template(api, &accounts.teacher).await;
    let mut made = Vec::new();
    for n in 0..4 {
        let note = api
            .upload(
                &accounts.teacher,
                &format!("病假条-{n}.txt"),
                &format!("医院证明 {n}"),
            )
            .await
            .unwrap();
        assert_eq!(note.status, 201, "{}", note.body);
        let body = leave(&template, &format!("备份演练 {n}"), &[note.id()]);
        let started = api.post(&accounts.teacher, "/api/v1/approvals", &body).await;
        assert_eq!(started.status, 201, "{}", started.body);
        made.push((started.id(), vec![note.id()]));
    }
    let approve = format!("/api/v1/approvals/{}/approve", made[0].0);
    let approved = api
        .post(&accounts.head, &approve, &json!({ "comment": "同意" }))
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    let comment = format!("/api/v1/approvals/{}/comment", made[1].0);
    let commented = api
        .post(&accounts.teacher, &comment, &json!({ "comment": "补充说明" }))
        .await;
    assert_eq!(commented.status, 200, "{}", commented.body);
    made
}

/// Departments and uploads until told to stop; returns how many were acknowledged.
async fn keep_writing(api: Api, accounts: Accounts, writer: usize, stop: Arc<AtomicBool>) -> usize {
    let mut acknowledged = 0;
    for i in 0..WRITES_PER_WRITER {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let tag = format!("{writer}-{i}");
        let answer = if i % 2 == 0 {
            let body = json!({ "code": format!("BK-{tag}"), "name": format!("备份期间 {tag}") });
            api.send(&accounts.admin, Method::POST, "/api/v1/departments", Some(&body))
                .await
                .unwrap()
        } else {
            api.upload(
                &accounts.teacher,
                &format!("bk-{tag}.txt"),
                &format!("备份期间 {tag}"),
            )
            .await
            .unwrap()
        };
        assert!(answer.is_success(), "{} {}", answer.status, answer.body);
        acknowledged += 1;
    }
    acknowledged
}

/// The copy's log is the source's first `backed_up` events, unchanged, then its restore event.
async fn the_copy_has_the_backed_up_chain_and_one_restore_event(
    (api, accounts): (&Api, &Accounts),
    (copy, copy_accounts): (&Api, &Accounts),
    backed_up: u64,
) -> Vec<Value> {
    let checked = copy.assert_chain_intact(&copy_accounts.auditor).await;
    let all_of = |api: &Api, token: &str| {
        let (api, token) = (api.clone(), token.to_owned());
        async move { api.all_pages(&token, "/api/v1/audit-events?sort=id").await }
    };
    let source_events = all_of(api, &accounts.auditor).await;
    let copy_events = all_of(copy, &copy_accounts.auditor).await;
    let restore_at = copy_events
        .iter()
        .position(|e| e["action"] == "backup.restore")
        .expect("the restore is in the copy's log");
    assert_eq!(restore_at as u64, backed_up);
    assert!(checked > backed_up);
    for (copied, original) in copy_events[..restore_at].iter().zip(&source_events) {
        assert_eq!(copied, original, "audit event {} differs", original["id"]);
    }
    assert!(
        source_events[restore_at..]
            .iter()
            .any(|e| e["action"] == "backup.create"),
        "the backup is in the source's log"
    );
    copy_events
}

/// Snapshot consistency: the copy holds exactly the records its log says were created, each
/// equal to the source's, and every file's bytes.
async fn records_of_the_copy_match_its_audit_rows_and_the_source(
    (api, accounts): (&Api, &Accounts),
    (copy, copy_accounts): (&Api, &Accounts),
    events: &[Value],
) {
    let created = |action: &str| -> BTreeSet<String> {
        events
            .iter()
            .filter(|e| e["action"] == action)
            .map(|e| e["entityId"].as_str().unwrap().to_owned())
            .collect()
    };
    let source_departments = by_id(api.get(&accounts.admin, "/api/v1/departments").await.body);
    let copy_departments = by_id(copy.get(&copy_accounts.admin, "/api/v1/departments").await.body);
    let made_by_drill: BTreeSet<String> = copy_departments
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("BK-"))
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(made_by_drill, created("department.create"));
    for department in &copy_departments {
        assert!(source_departments.contains(department), "{department}");
    }

    for id in created("file.upload") {
        let path = format!("/api/v1/files/{id}");
        assert_eq!(
            copy.get(&copy_accounts.teacher, &path).await.body,
            api.get(&accounts.teacher, &path).await.body
        );
        assert_eq!(
            copy.download(&copy_accounts.teacher, &id).await,
            api.download(&accounts.teacher, &id).await
        );
    }

    let started: BTreeSet<String> = copy
        .all_pages(&copy_accounts.teacher, "/api/v1/approval-tasks?box=started")
        .await
        .iter()
        .map(|item| item["instanceId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(started, created("approval.start"));
    for id in &started {
        let path = format!("/api/v1/approvals/{id}");
        assert_eq!(
            copy.get(&copy_accounts.teacher, &path).await.body,
            api.get(&accounts.teacher, &path).await.body
        );
    }
}

fn by_id(list: Value) -> Vec<Value> {
    let mut items = list.as_array().unwrap().clone();
    items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    items
}

/// A seeded database (no server) and a backup of it.
async fn seeded_backup(backend: &Backend) -> (Scratch, String) {
    let source = Scratch::new(backend).await;
    source.run_ok(&["seed-demo"]);
    let dir = source.path("backup").display().to_string();
    source.run_ok(&["backup", &dir]);
    (source, dir)
}

#[tokio::test]
async fn a_restore_into_a_database_that_holds_data_is_refused_and_changes_nothing() {
    let backend = Backend::of_this_run();
    let (_source, dir) = seeded_backup(&backend).await;
    let target = Scratch::new(&backend).await;
    target.run_ok(&["seed-demo"]);
    let before = target.run_ok(&["audit", "verify"]);
    let out = target.run(&["restore", &dir], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not empty") && err.contains("users"), "{err}");
    assert_eq!(target.run_ok(&["audit", "verify"]), before);
}

#[tokio::test]
async fn a_backup_part_changed_after_writing_is_refused_before_anything_is_restored() {
    let backend = Backend::of_this_run();
    let (_source, dir) = seeded_backup(&backend).await;
    let part = Path::new(&dir).join("tables/users.jsonl");
    let original = std::fs::read(&part).unwrap();
    let forged = String::from_utf8(original.clone())
        .unwrap()
        .replacen("he.laoshi", "he.laosh1", 1);
    std::fs::write(&part, forged).unwrap();

    let target = Scratch::new(&backend).await;
    let out = target.run(&["restore", &dir], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("users.jsonl") && err.contains("does not match the manifest"),
        "{err}"
    );
    assert!(has_no_files(&target.data_dir().join("files")));

    // Nothing was half-restored: with the part put back, the same target takes the backup.
    std::fs::write(&part, original).unwrap();
    let out = target.run_ok(&["restore", &dir]);
    assert!(out.contains("audit log intact"), "{out}");
}

#[tokio::test]
async fn a_backup_into_a_directory_that_holds_files_is_refused() {
    let backend = Backend::of_this_run();
    let source = Scratch::new(&backend).await;
    source.run_ok(&["migrate"]);
    let dir = source.path("occupied");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let out = source.run(&["backup", &dir.display().to_string()], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}
