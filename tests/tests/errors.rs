//! Bad input of every kind gets a clear problem+json answer and changes nothing.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::{TestApp, assert_problem};

const PROBES: &str = "/api/v1/test-probes";

async fn probe_count(app: &TestApp) -> u64 {
    let body: Value = app.get(PROBES).await.json().await.unwrap();
    body["total"].as_u64().unwrap()
}

#[tokio::test]
async fn malformed_json_is_a_400_that_says_where() {
    let app = TestApp::spawn().await;
    let res = app
        .send_raw(Method::POST, PROBES, "application/json", "{\"title\": \"缺引号}")
        .await;
    let body = assert_problem(res, 400, "malformed_json").await;
    assert!(body["detail"].as_str().unwrap().contains("第 1 行"));
    assert_eq!(probe_count(&app).await, 0);
}

#[tokio::test]
async fn a_wrong_type_is_a_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let res = app
        .post_json(PROBES, &json!({"title": "打印机", "quantity": "three"}))
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(
        body["errors"]["quantity"][0]
            .as_str()
            .unwrap()
            .contains("类型不正确")
    );
    assert_eq!(probe_count(&app).await, 0);
}

#[tokio::test]
async fn a_missing_field_is_named_as_required() {
    let app = TestApp::spawn().await;
    let body = assert_problem(
        app.post_json(PROBES, &json!({"quantity": 1})).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"]["title"], json!(["必填"]));
}

#[tokio::test]
async fn unknown_fields_are_refused_rather_than_ignored() {
    let app = TestApp::spawn().await;
    let res = app
        .post_json(PROBES, &json!({"title": "a", "quantity": 1, "qantity": 2}))
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(
        body["errors"]["qantity"][0]
            .as_str()
            .unwrap()
            .contains("不认识的字段")
    );
}

#[tokio::test]
async fn broken_rules_list_every_field_in_the_clients_language() {
    let app = TestApp::spawn().await;
    let bad = json!({"title": "", "quantity": 5000});
    let zh = assert_problem(app.post_json(PROBES, &bad).await, 422, "validation_failed").await;
    assert_eq!(zh["title"], "提交的数据未通过校验");
    assert_eq!(zh["errors"]["title"], json!(["长度须在 1 到 50 之间"]));
    assert_eq!(zh["errors"]["quantity"], json!(["须在 0 到 1000 之间"]));

    let res = app
        .request(Method::POST, PROBES)
        .header("Accept-Language", "en-US,en;q=0.9")
        .json(&bad)
        .send()
        .await
        .unwrap();
    let en = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(en["title"], "The submitted data is invalid");
    assert_eq!(en["errors"]["quantity"], json!(["must be between 0 and 1000"]));
    assert_eq!(probe_count(&app).await, 0);
}

#[tokio::test]
async fn an_unknown_route_is_a_404_problem() {
    let app = TestApp::spawn().await;
    let body = assert_problem(app.get("/api/v1/no-such-thing").await, 404, "route_not_found").await;
    assert!(body["detail"].as_str().unwrap().contains("/api/v1/no-such-thing"));
}

#[tokio::test]
async fn a_wrong_method_is_a_405_listing_the_allowed_ones() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::DELETE, "/api/v1/calendar/days")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["allow"], "GET");
    assert_problem(res, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn a_bad_query_parameter_is_a_400_naming_it() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = assert_problem(
        app.get_as(&token, "/api/v1/calendar/days?from=yesterday&to=2026-10-01")
            .await,
        400,
        "invalid_query",
    )
    .await;
    assert!(body["errors"]["from"].is_array());
    let body = assert_problem(
        app.get(&format!("{PROBES}?pageSize=lots")).await,
        400,
        "invalid_query",
    )
    .await;
    assert!(body["errors"]["pageSize"].is_array());
}

#[tokio::test]
async fn an_oversize_body_is_a_413_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let huge = format!("{{\"title\": \"{}\", \"quantity\": 1}}", "字".repeat(400_000));
    assert_problem(
        app.send_raw(Method::POST, PROBES, "application/json", huge).await,
        413,
        "payload_too_large",
    )
    .await;
    assert_eq!(probe_count(&app).await, 0);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415() {
    let app = TestApp::spawn().await;
    let res = app
        .send_raw(Method::POST, PROBES, "text/plain", "title=打印机")
        .await;
    assert_problem(res, 415, "unsupported_media_type").await;
}

#[tokio::test]
async fn a_malformed_id_in_the_path_is_a_400() {
    let app = TestApp::spawn().await;
    assert_problem(
        app.get(&format!("{PROBES}/not-a-uuid")).await,
        400,
        "invalid_path",
    )
    .await;
}

#[tokio::test]
async fn a_missing_record_is_a_404() {
    let app = TestApp::spawn().await;
    let res = app.get(&format!("{PROBES}/{}", uuid::Uuid::now_v7())).await;
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn a_server_error_says_nothing_about_its_cause() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, &format!("{PROBES}/explode"))
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 500, "internal").await;
    let keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["code", "requestId", "status", "title", "type"]);
    assert!(!body.to_string().contains("hunter2"));
}

#[tokio::test]
async fn a_trailing_slash_is_another_path() {
    let app = TestApp::spawn().await;
    assert_problem(app.get("/api/v1/health/").await, 404, "route_not_found").await;
}

#[tokio::test]
async fn a_missing_query_parameter_is_a_422_naming_it() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = assert_problem(
        app.get_as(&token, "/api/v1/calendar/days?from=2026-10-01").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"]["to"], json!(["必填"]));
}

#[tokio::test]
async fn a_page_number_beyond_any_list_is_a_422_and_the_connection_survives() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    for page in ["10000001", "9223372036854775808", "18446744073709551616"] {
        for list in [PROBES, "/api/v1/notifications", "/api/v1/approval-tasks?box=cc&"] {
            let sep = if list.ends_with('&') { "" } else { "?" };
            let body = assert_problem(
                app.get_as(&token, &format!("{list}{sep}page={page}")).await,
                422,
                "validation_failed",
            )
            .await;
            assert!(body["errors"]["page"].is_array(), "{list} page={page}: {body}");
        }
    }
    let last = app
        .get_as(&token, &format!("{PROBES}?page=10000000&pageSize=100"))
        .await;
    assert_eq!(last.status(), 200);
    let body: Value = last.json().await.unwrap();
    assert_eq!(body["items"], json!([]));
}

/// Rows of `table` on whichever database the test runs.
async fn rows(app: &TestApp, table: &str) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let sql = format!("SELECT COUNT(*) FROM {table}");
    let stmt = Statement::from_string(app.db().get_database_backend(), sql);
    let row = app.db().query_one_raw(stmt).await.unwrap().unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test]
async fn a_nul_byte_in_a_department_name_is_a_422_naming_the_field_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let before = rows(&app, "departments").await;
    for name in ["教务\u{0}处", "escape\u{1b}[31m", "del\u{7f}", "c1\u{85}"] {
        let res = app
            .post_as(
                &admin,
                "/api/v1/departments",
                &json!({"code": "jwc", "name": name}),
            )
            .await;
        let body = assert_problem(res, 422, "validation_failed").await;
        assert!(
            body["errors"]["name"][0].as_str().unwrap().contains("控制字符"),
            "{body}"
        );
    }
    assert_eq!(rows(&app, "departments").await, before);
}

#[tokio::test]
async fn a_control_character_nested_in_a_body_is_named_by_its_path() {
    let app = TestApp::spawn().await;
    let res = app
        .send_raw(
            Method::POST,
            PROBES,
            "application/json",
            r#"{"title": "ok", "quantity": 1, "tags": ["a", "b\u0000"]}"#,
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["tags[1]"].is_array(), "{body}");
    assert_eq!(probe_count(&app).await, 0);
}

#[tokio::test]
async fn line_breaks_and_tabs_in_free_text_are_still_accepted() {
    let app = TestApp::spawn().await;
    let res = app
        .post_json(PROBES, &json!({"title": "第一行\n第二行\t附注", "quantity": 1}))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(probe_count(&app).await, 1);
}

#[tokio::test]
async fn a_nul_byte_in_a_search_or_an_audit_filter_is_a_422_naming_the_parameter() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app.get_as(&admin, "/api/v1/users?q=ab%00cd").await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["q"].is_array(), "{body}");
    let res = app.get_as(&admin, "/api/v1/users?q=a%0Ab").await;
    assert_problem(res, 422, "validation_failed").await;
    let (_, auditor) = app.user_with_role("auditor").await;
    for param in ["actor", "entity", "action", "entityId"] {
        let res = app
            .get_as(&auditor, &format!("/api/v1/audit-events?{param}=x%00"))
            .await;
        let body = assert_problem(res, 422, "validation_failed").await;
        assert!(body["errors"][param].is_array(), "{param}: {body}");
    }
}

#[tokio::test]
async fn a_nul_byte_in_a_path_segment_is_a_422_naming_the_segment() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app.get_as(&admin, "/api/v1/departments/%00").await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["id"].is_array(), "{body}");
}

#[tokio::test]
async fn calendar_dates_in_year_zero_or_beyond_2200_are_a_422_naming_the_parameter() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app
        .get_as(&admin, "/api/v1/calendar/days?from=0000-01-01&to=0000-01-31")
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(
        body["errors"]["from"][0].as_str().unwrap().contains("2200-12-31"),
        "{body}"
    );
    let res = app
        .get_as(
            &admin,
            "/api/v1/calendar/deadline?start=%2B10009-01-01T00:00:00Z&workingDays=1",
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["start"].is_array(), "{body}");
    let res = app
        .request(Method::PUT, "/api/v1/calendar/days/0000-01-01")
        .bearer_auth(&admin)
        .json(&json!({"kind": "holiday", "name": "元旦"}))
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["date"].is_array(), "{body}");
}

#[tokio::test]
async fn an_audit_filter_dated_year_10009_is_a_422_naming_the_filter() {
    let app = TestApp::spawn().await;
    let (_, auditor) = app.user_with_role("auditor").await;
    for (param, value) in [
        ("from", "%2B10009-01-01T00:00:00Z"),
        ("to", "0000-01-01T00:00:00Z"),
    ] {
        let res = app
            .get_as(&auditor, &format!("/api/v1/audit-events?{param}={value}"))
            .await;
        let body = assert_problem(res, 422, "validation_failed").await;
        assert!(body["errors"][param].is_array(), "{param}: {body}");
    }
}
