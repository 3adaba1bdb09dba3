//! Requests for the health, readiness and the site operations (tag `platform`).

use reqwest::Method;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::None as Empty;
    let _ = app;
    let _ = fx;
    Some(match op_id {
        "get_health" => req(Method::GET, "/api/v1/health", Empty),
        "get_site" => req(Method::GET, "/api/v1/site", Empty),
        "get_readiness" => req(Method::GET, "/api/v1/ready", Empty),
        _ => return None,
    })
}
