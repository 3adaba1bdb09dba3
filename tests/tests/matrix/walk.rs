//! Walks every operation of one module (OpenAPI tag) three ways: without a token (401 unless
//! public), as a caller without the operation's permission (403, or 404 outside the data
//! scope) and as one whose built-in role holds it (2xx). The permission comes from the
//! operation's `security` scopes in the document; the callers from the roles' bundles.

use serde_json::Value;
use xiaoban_domain::access::find_role;
use xiaoban_tests::TestApp;

use super::rules::{Exception, exception_for};
use super::{Fixture, send};

/// What the matrix expects of one operation.
#[derive(Debug, PartialEq, Eq)]
pub enum Expect {
    Public,
    SignedIn,
    Permission(String),
}

/// The expectation from the document, checked against the exceptions: an operation either
/// names one permission or is an exception, never both and never neither.
pub fn expectation(op_id: &str, op: &Value) -> Result<Expect, String> {
    // Public operations carry the empty requirement `security: [{}]` (or none at all).
    let public = op["security"].as_array().is_none_or(|all| {
        all.iter()
            .any(|req| req.as_object().is_some_and(|r| r.is_empty()))
    });
    let scopes: Option<Vec<&str>> = op["security"].as_array().filter(|_| !public).map(|requirements| {
        requirements
            .iter()
            .filter_map(|r| r["bearerAuth"].as_array())
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    });
    match (exception_for(op_id), scopes.as_deref()) {
        (Some(Exception::Public), None) => Ok(Expect::Public),
        (Some(Exception::SignedIn), Some([])) => Ok(Expect::SignedIn),
        (None, Some([permission])) => Ok(Expect::Permission((*permission).to_owned())),
        (None, Some([])) => Err(format!(
            "{op_id}: names no permission in `security` and is no exception in tests/tests/matrix/rules.rs"
        )),
        (exception, scopes) => Err(format!(
            "{op_id}: exception {exception:?} but security {scopes:?}"
        )),
    }
}

fn holds(role: &str, permission: &str) -> bool {
    find_role(role).is_some_and(|r| r.permissions.contains(&permission))
}

/// The callers for a permission: a fixture role holding it, and one lacking it (the student
/// where possible, the roleless user when every built-in role holds it).
fn callers<'f>(fx: &'f Fixture, permission: &str) -> (&'static str, &'f str) {
    let allowed = Fixture::ROLES
        .into_iter()
        .find(|r| holds(r, permission))
        .unwrap_or_else(|| panic!("no fixture role holds {permission}"));
    let refused = Fixture::ROLES
        .into_iter()
        .find(|r| !holds(r, permission))
        .map_or(fx.roleless.as_str(), |r| fx.token_of(r));
    (allowed, refused)
}

/// The operations of `tag` in the document, with their ids.
pub fn operations<'d>(doc: &'d Value, tag: &str) -> Vec<(&'d str, &'d Value)> {
    let mut out = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            if op["tags"][0] == tag {
                out.push((op["operationId"].as_str().unwrap(), op));
            }
        }
    }
    out
}

pub async fn walk_tag(tag: &str) {
    let app = TestApp::spawn().await;
    let fx = Fixture::new(&app).await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let operations = operations(&doc, tag);
    assert!(!operations.is_empty(), "no operation is tagged {tag}");
    let problems: Vec<String> = operations
        .iter()
        .filter_map(|(op_id, op)| expectation(op_id, op).err())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    for (op_id, op) in operations {
        if let Ok(expect) = expectation(op_id, op) {
            walk(&app, &fx, tag, op_id, &expect).await;
        }
    }
}

async fn walk(app: &TestApp, fx: &Fixture, tag: &str, op_id: &str, expect: &Expect) {
    let anonymous = send(app, fx, tag, op_id, None).await;
    match expect {
        Expect::Public => assert!(
            anonymous.is_success(),
            "{op_id} is public but answered {anonymous} without a token"
        ),
        _ => assert_eq!(anonymous.as_u16(), 401, "{op_id} without a token"),
    }
    match expect {
        Expect::Public => {}
        Expect::Permission(permission) => {
            let (allowed, refused) = callers(fx, permission);
            let weak = send(app, fx, tag, op_id, Some(refused)).await;
            assert!(
                matches!(weak.as_u16(), 403 | 404),
                "{op_id} without {permission} answered {weak}"
            );
            let strong = send(app, fx, tag, op_id, Some(fx.token_of(allowed))).await;
            assert!(
                strong.is_success(),
                "{op_id} as {allowed} ({permission}) answered {strong}"
            );
        }
        Expect::SignedIn => {
            // Signing out or changing the password ends the caller's sessions: use a caller of its own.
            let caller = if matches!(op_id, "logout" | "change_my_password") {
                super::requests::own_token(app).await
            } else {
                fx.student.clone()
            };
            let allowed = send(app, fx, tag, op_id, Some(&caller)).await;
            assert!(
                allowed.is_success(),
                "{op_id} as a signed-in student answered {allowed}"
            );
        }
    }
}
