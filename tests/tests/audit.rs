//! The audit log: every change and sign-in recorded, and tampering found where it happened.

use std::process::ExitCode;

use sea_orm::{ConnectionTrait, Statement};
use xiaoban_server::commands::{self, AuditCommand};
use xiaoban_tests::TestApp;

async fn sql(app: &TestApp, statement: &str) {
    let stmt = Statement::from_string(app.db().get_database_backend(), statement.to_owned());
    app.db().execute_raw(stmt).await.unwrap();
}

/// An app whose audit log holds a few events: user creation, sign-ins, a refusal.
async fn app_with_history() -> TestApp {
    let app = TestApp::spawn().await;
    let (_, token) = app.user_with_role("staff").await;
    app.get_as(&token, "/api/v1/me").await;
    app.login("admin", &app.first_admin_password).await;
    app
}

#[tokio::test]
async fn sign_ins_and_changes_are_recorded_and_the_chain_verifies() {
    let app = app_with_history().await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.checked >= 5, "{report:?}");
    let verdict = commands::audit(&app.config, AuditCommand::Verify).await.unwrap();
    assert_eq!(verdict, ExitCode::SUCCESS);
}

#[tokio::test]
async fn an_altered_row_is_named_by_verify() {
    let app = app_with_history().await;
    sql(
        &app,
        "UPDATE audit_events SET actor_name = 'someone else' WHERE id = 3",
    )
    .await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert_eq!(
        (report.ok, report.first_broken_id, report.checked),
        (false, Some(3), 2)
    );
    let verdict = commands::audit(&app.config, AuditCommand::Verify).await.unwrap();
    assert_eq!(verdict, ExitCode::FAILURE);
}

#[tokio::test]
async fn a_deleted_row_is_found_where_it_was() {
    let app = app_with_history().await;
    sql(&app, "DELETE FROM audit_events WHERE id = 2").await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert_eq!(report.first_broken_id, Some(2));
}

#[tokio::test]
async fn deleting_the_newest_rows_is_found_too() {
    let app = app_with_history().await;
    sql(
        &app,
        "DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)",
    )
    .await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert!(!report.ok);
    assert!(report.first_broken_id.is_some());
}

#[tokio::test]
async fn an_inserted_row_breaks_the_chain() {
    let app = app_with_history().await;
    sql(&app, "UPDATE audit_events SET id = id + 1000 WHERE id >= 3").await;
    sql(&app, "UPDATE audit_events SET id = id - 999 WHERE id >= 1003").await;
    let forged = "INSERT INTO audit_events (id, occurred_at, actor_kind, actor_name, action, entity, prev_hash, hash) \
        SELECT 3, occurred_at, 'user', 'intruder', 'user.create', 'user', hash, hash FROM audit_events WHERE id = 2";
    sql(&app, forged).await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert_eq!(report.first_broken_id, Some(3));
}

#[tokio::test]
async fn concurrent_changes_keep_one_unbroken_chain() {
    let app = TestApp::spawn().await;
    let logins = (0..9).map(|_| app.login("admin", &app.first_admin_password));
    futures_util::future::join_all(logins).await;
    let report = app.services.verify_audit_chain().await.unwrap();
    assert!(report.ok, "{report:?}");
}

#[tokio::test]
async fn the_auditor_reads_and_verifies_the_log_and_the_system_administrator_cannot() {
    let app = app_with_history().await;
    let (_, auditor) = app.user_with_role("auditor").await;
    let admin = app.admin_token().await;

    let refused = app.get_as(&admin, "/api/v1/audit-events").await;
    xiaoban_tests::assert_problem(refused, 403, "forbidden").await;

    let page: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events?action=access.denied")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1, "the refused request is itself recorded: {page}");
    assert_eq!(page["items"][0]["actorName"], "admin");
    assert_eq!(page["items"][0]["entityId"], "audit.read");

    let logins: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events?action=auth.login&pageSize=100")
        .await
        .json()
        .await
        .unwrap();
    assert!(logins["total"].as_u64().unwrap() >= 3);
    let ids: Vec<i64> = logins["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");

    let verdict: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events/verify")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(verdict["ok"], true);
    sql(&app, "UPDATE audit_events SET after = '{}' WHERE id = 1").await;
    let verdict: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events/verify")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (verdict["ok"].as_bool(), verdict["firstBrokenId"].as_i64()),
        (Some(false), Some(1))
    );
}

#[tokio::test]
async fn no_route_changes_or_deletes_audit_events() {
    let app = TestApp::spawn().await;
    let (_, auditor) = app.user_with_role("auditor").await;
    for method in [
        reqwest::Method::DELETE,
        reqwest::Method::PATCH,
        reqwest::Method::PUT,
        reqwest::Method::POST,
    ] {
        let res = app
            .as_user(&auditor, method, "/api/v1/audit-events")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405);
        let res = app
            .as_user(&auditor, reqwest::Method::DELETE, "/api/v1/audit-events/1")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
    }
}

#[tokio::test]
async fn the_audit_search_ignores_case_and_a_percent_sign_matches_nothing() {
    let app = xiaoban_tests::TestApp::spawn().await;
    let admin = app.admin_token().await;
    app.department(&admin, "jwc", "教务处").await;
    let (_, auditor) = app.user_with_role("auditor").await;
    let page: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events?q=DEPARTMENT.CREATE")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1, "{page}");
    assert_eq!(page["items"][0]["action"], "department.create");
    let page: serde_json::Value = app
        .get_as(&auditor, "/api/v1/audit-events?q=%25")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 0, "{page}");
}
