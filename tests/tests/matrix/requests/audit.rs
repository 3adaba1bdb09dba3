//! Requests for the the audit log operations (tag `audit`).

use reqwest::Method;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::None as Empty;
    let _ = app;
    let _ = fx;
    Some(match op_id {
        "list_audit_events" => req(Method::GET, "/api/v1/audit-events", Empty),
        "verify_audit_events" => req(Method::GET, "/api/v1/audit-events/verify", Empty),
        _ => return None,
    })
}
