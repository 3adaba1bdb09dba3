//! The demo school that `scripts/run` seeds for people trying Xiaoban out.

use sea_orm::{EntityTrait, PaginatorTrait};
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

async fn site(app: &TestApp) -> Value {
    let res = app.get("/api/v1/site").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_start_without_demo_seeds_no_shared_password_and_the_site_says_it_is_no_demo() {
    let app = TestApp::spawn().await;
    assert_eq!(site(&app).await, serde_json::json!({"demo": false}));
    for username in [
        "admin",
        "wang.zhuren",
        "li.wenshu",
        "zhang.xiaozhang",
        "anquan",
        "shenji",
        "he.laoshi",
    ] {
        let res = app
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"username": username, "password": DEMO_PASSWORD}),
            )
            .await;
        assert_eq!(res.status(), 401, "{username} signs in with the demo password");
    }
    let users = xiaoban_persistence::entities::user::Entity::find()
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(
        users, 1,
        "only the first administrator, with a password of its own"
    );
}

#[tokio::test]
async fn once_the_demo_school_is_seeded_the_site_tells_the_web_app_to_show_the_banner() {
    let app = TestApp::spawn().await;
    app.services.seed_demo().await.unwrap();
    assert_eq!(site(&app).await, serde_json::json!({"demo": true}));
}

/// The actions on a record's timeline, in order.
async fn timeline(app: &TestApp, token: &str, path: &str) -> Vec<String> {
    let res = app.get_as(token, path).await;
    assert_eq!(res.status(), 200, "{path}");
    let events: Value = res.json().await.unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_demo_notices_and_guides_carry_their_history_and_reach_their_audience() {
    let app = TestApp::spawn().await;
    app.services.seed_demo().await.unwrap();
    let director = app.login("wang.zhuren", DEMO_PASSWORD).await;
    let director = director["accessToken"].as_str().unwrap().to_owned();
    let page: Value = app
        .get_as(&director, "/api/v1/notices")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 4, "{page}");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items[0]["pinned"], true, "pinned first");
    let published = items.iter().find(|n| n["status"] == "published").unwrap();
    let id = published["id"].as_str().unwrap();
    let actions = timeline(&app, &director, &format!("/api/v1/notices/{id}/timeline")).await;
    assert_eq!(actions, ["create", "publish"]);

    let guides: Value = app
        .get_as(&director, "/api/v1/guides?q=入职")
        .await
        .json()
        .await
        .unwrap();
    let onboarding = &guides["items"][0];
    assert_eq!(onboarding["publishedVersion"], 2, "{guides}");
    let id = onboarding["id"].as_str().unwrap();
    let actions = timeline(&app, &director, &format!("/api/v1/guides/{id}/timeline")).await;
    assert_eq!(actions, ["create", "publish", "publish"]);

    let teacher = app.login("he.laoshi", DEMO_PASSWORD).await;
    let teacher = teacher["accessToken"].as_str().unwrap().to_owned();
    let seen: Value = app
        .get_as(&teacher, "/api/v1/notices")
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = seen["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"第三周教学常规检查安排"), "{titles:?}");
    assert!(
        !titles.contains(&"关于报送下学期办公用品需求的通知"),
        "a draft reaches nobody"
    );
    let public: Value = app.get("/api/v1/public/notices").await.json().await.unwrap();
    assert_eq!(public["items"][0]["title"], "服务大厅开放时间调整的公告");
    assert_eq!(public["total"], 1);
}
