//! The demo school that `scripts/run` seeds for people trying Xiaoban out.

use serde_json::Value;
use xiaoban_services::demo::DEMO_PASSWORD;
use xiaoban_tests::TestApp;

#[tokio::test]
async fn the_demo_school_has_people_in_every_role_who_can_sign_in() {
    let app = TestApp::spawn().await;
    let report = app.services.seed_demo().await.unwrap();
    assert!(!report.already_present);
    assert_eq!((report.departments, report.users), (12, 30));

    let director = app.login("wang.zhuren", DEMO_PASSWORD).await;
    assert_eq!(director["user"]["mustChangePassword"], false);
    assert_eq!(director["user"]["departments"][0]["name"], "综合办公室");
    assert_eq!(director["user"]["roles"][0]["code"], "office_director");

    let head = app.login("liu.jiaowu", DEMO_PASSWORD).await;
    let scope = &head["user"]["roles"][0]["scope"];
    assert_eq!(scope["kind"], "department");
    assert_eq!(scope["departmentId"], head["user"]["departments"][0]["id"]);

    let auditor = app.login("shenji", DEMO_PASSWORD).await;
    let permissions: Vec<Value> = auditor["user"]["permissions"].as_array().unwrap().clone();
    assert!(permissions.contains(&Value::from("audit.read")));
    assert!(!permissions.contains(&Value::from("user.manage")));
}

#[tokio::test]
async fn seeding_the_demo_twice_changes_nothing() {
    let app = TestApp::spawn().await;
    app.services.seed_demo().await.unwrap();
    let before = app.services.verify_audit_chain().await.unwrap().checked;
    let again = app.services.seed_demo().await.unwrap();
    assert!(again.already_present);
    assert_eq!(app.services.verify_audit_chain().await.unwrap().checked, before);
}
