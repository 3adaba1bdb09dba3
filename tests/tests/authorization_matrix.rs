//! Walks EVERY operation of the OpenAPI document three ways: without a token (401 unless the
//! operation is public), as a signed-in user who lacks the permission (403, or 404 outside the
//! data scope), and as a user whose role holds it (2xx). A route without a rule here fails the
//! test, so every route a module adds is walked too.

mod matrix;

use matrix::rules::{Access, rule_for};
use matrix::{Fixture, send};
use serde_json::Value;
use xiaoban_tests::TestApp;

#[tokio::test]
async fn every_operation_checks_authentication_and_permission() {
    let app = TestApp::spawn().await;
    let fx = Fixture::new(&app).await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let mut missing = Vec::new();
    let mut walked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(op_id) = op["operationId"].as_str() else {
                continue;
            };
            let Some(rule) = rule_for(op_id) else {
                missing.push(format!("{method} {path} ({op_id})"));
                continue;
            };
            // Public operations carry the empty requirement `security: [{}]`.
            let documented_public = op["security"].as_array().is_none_or(|all| {
                all.iter()
                    .any(|req| req.as_object().is_some_and(|r| r.is_empty()))
            });
            assert_eq!(
                documented_public,
                rule.access == Access::Public,
                "{op_id}: security in the document"
            );
            walk(&app, &fx, op_id, &rule).await;
            walked += 1;
        }
    }
    assert!(
        missing.is_empty(),
        "operations without a rule in tests/tests/matrix/rules.rs: {missing:#?}"
    );
    assert!(walked >= 30, "only {walked} operations walked");
}

async fn walk(app: &TestApp, fx: &Fixture, op_id: &str, rule: &matrix::rules::Rule) {
    let anonymous = send(app, fx, op_id, None).await;
    match rule.access {
        Access::Public => assert!(
            anonymous.is_success(),
            "{op_id} is public but answered {anonymous} without a token"
        ),
        _ => assert_eq!(anonymous.as_u16(), 401, "{op_id} without a token"),
    }
    if let Access::Role(role) = rule.access {
        let weak = send(app, fx, op_id, Some(&fx.student)).await;
        assert!(
            matches!(weak.as_u16(), 403 | 404),
            "{op_id} as a student answered {weak}"
        );
        let allowed = send(app, fx, op_id, Some(fx.token_of(role))).await;
        assert!(allowed.is_success(), "{op_id} as {role} answered {allowed}");
    }
    if rule.access == Access::SignedIn {
        // Signing out or changing the password ends the caller's sessions: use a caller of its own.
        let caller = if matches!(op_id, "logout" | "change_my_password") {
            matrix::requests::own_token(app).await
        } else {
            fx.student.clone()
        };
        let allowed = send(app, fx, op_id, Some(&caller)).await;
        assert!(
            allowed.is_success(),
            "{op_id} as a signed-in student answered {allowed}"
        );
    }
}
