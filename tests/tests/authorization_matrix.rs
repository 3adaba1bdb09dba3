//! The authorization matrix, one test per module (OpenAPI tag) so that they run in parallel.
//! Each walks every operation of its module without a token, as a caller without the
//! operation's permission and as one holding it; the permission is read from the operation's
//! `security` scopes and the callers from the built-in roles' bundles, so a module's new
//! route is walked without a line here. See `matrix/walk.rs` and `matrix/rules.rs`.

#[path = "matrix/mod.rs"]
mod matrix;

use std::collections::BTreeSet;

use matrix::walk::walk_tag;
use serde_json::Value;
use xiaoban_tests::TestApp;

macro_rules! per_module {
    ($($test:ident => $tag:literal),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $test() {
                walk_tag($tag).await;
            }
        )*
        const TAGS: &[&str] = &[$($tag),*];
    };
}

per_module! {
    platform => "platform",
    auth => "auth",
    me => "me",
    departments => "departments",
    users => "users",
    roles => "roles",
    api_keys => "api-keys",
    security_policy => "settings",
    audit => "audit",
    calendar => "calendar",
    directory => "directory",
    notifications => "notifications",
    approvals => "approvals",
    files => "files",
    notices => "notices",
    guides => "guides",
    public => "public",
}

#[tokio::test]
async fn every_operation_belongs_to_a_declared_module_with_a_matrix_test() {
    let declared: BTreeSet<&str> = xiaoban_domain::MODULES
        .iter()
        .filter_map(|m| m.tag.map(|t| t.name))
        .collect();
    assert_eq!(
        declared,
        TAGS.iter().copied().collect(),
        "one test per module tag"
    );
    let app = TestApp::spawn().await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let documented: Vec<&str> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(documented.iter().copied().collect::<BTreeSet<_>>(), declared);
    let mut walked = 0;
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            let tags = op["tags"].as_array().map(Vec::len);
            assert_eq!(tags, Some(1), "{}: one tag", op["operationId"]);
            assert!(
                declared.contains(op["tags"][0].as_str().unwrap()),
                "{}",
                op["operationId"]
            );
            walked += 1;
        }
    }
    assert!(walked >= 90, "only {walked} operations");
}
