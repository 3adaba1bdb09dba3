//! The request examples in the OpenAPI document work as written: an integrator can start from them.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::School;

fn example(doc: &Value, path: &str) -> Value {
    doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["example"].clone()
}

#[tokio::test]
async fn the_documented_template_start_and_action_are_accepted() {
    let school = School::open().await;
    let doc: Value = school.app.get("/api/openapi.json").await.json().await.unwrap();

    let res = school
        .post_template(&example(&doc, "/api/v1/approval-templates"))
        .await;
    assert_eq!(res.status(), 201, "the template example");
    let template: Value = res.json().await.unwrap();

    let mut start = example(&doc, "/api/v1/approvals");
    start["templateId"] = template["id"].clone();
    let teacher = school.token("he.laoshi").await;
    let res = school.app.post_as(&teacher, "/api/v1/approvals", &start).await;
    assert_eq!(res.status(), 201, "the start example");
    let request: Value = res.json().await.unwrap();

    let action = example(&doc, "/api/v1/approvals/{id}/withdraw");
    assert_eq!(action["version"], 3, "the example names a version");
    let stale = assert_problem(
        school
            .act("he.laoshi", &request["id"], "withdraw", action.clone())
            .await,
        409,
        "version_conflict",
    )
    .await;
    assert_eq!(stale["currentVersion"], request["version"]);
    let current = json!({"comment": action["comment"], "version": request["version"]});
    let withdrawn = school.ok("he.laoshi", &request["id"], "withdraw", current).await;
    assert_eq!(withdrawn["status"], "withdrawn");
}
