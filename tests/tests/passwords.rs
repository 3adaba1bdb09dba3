//! Weak passwords are refused wherever a password is chosen: the well-known ones, keyboard runs,
//! Chinese love codes and QQ numbers, and the person's own username or name.

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{TestApp, assert_problem};

async fn change(app: &TestApp, token: &str, new_password: &str) -> reqwest::Response {
    app.as_user(token, Method::POST, "/api/v1/me/password")
        .json(&json!({"oldPassword": READY_PASSWORD, "newPassword": new_password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn well_known_and_keyboard_pattern_passwords_are_refused() {
    let app = TestApp::spawn().await;
    let (_, token) = app.user_with_role("staff").await;
    for weak in [
        "Password123!",
        "Qwerty@123",
        "1qaz@WSX",
        "P@ssw0rd",
        "Aa123456!",
        "Woaini1314@",
        "5201314Aa!",
        "Qq123456789!",
    ] {
        let problem = assert_problem(change(&app, &token, weak).await, 422, "validation_failed").await;
        let reasons = problem["errors"]["newPassword"].as_array().unwrap();
        assert!(
            reasons.iter().any(|r| r.as_str().unwrap().contains("容易猜到")),
            "{weak}: {problem}"
        );
    }
    assert_eq!(change(&app, &token, "Kq7#mVt2pL9x").await.status(), 200);
}

#[tokio::test]
async fn a_password_with_the_persons_name_in_hanzi_or_pinyin_is_refused() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let dept = app.department(&admin, "jwc", "教务处").await;
    let body = |password: &str| {
        json!({"username": "t2026001", "name": "张三丰", "departmentIds": [dept["id"]],
            "primaryDepartmentId": dept["id"], "password": password})
    };
    for weak in ["Zhangsanfeng#26x", "张三丰Kq7#mVt2", "T2026001#Kq7m"] {
        let res = app.post_as(&admin, "/api/v1/users", &body(weak)).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert!(problem["errors"]["password"].is_array(), "{weak}: {problem}");
    }
    let res = app.post_as(&admin, "/api/v1/users", &body("Kq7#mVt2pL9x")).await;
    assert_eq!(res.status(), 201);
}
