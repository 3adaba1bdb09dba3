//! The department tree as an administrator manages it.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::{TestApp, assert_problem};

const DEPARTMENTS: &str = "/api/v1/departments";

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_as(token, DEPARTMENTS, &body).await;
    assert_eq!(res.status(), 201, "create {body}");
    res.json().await.unwrap()
}

async fn patch(app: &TestApp, token: &str, id: &Value, body: Value) -> reqwest::Response {
    app.as_user(
        token,
        Method::PATCH,
        &format!("{DEPARTMENTS}/{}", id.as_str().unwrap()),
    )
    .json(&body)
    .send()
    .await
    .unwrap()
}

async fn list(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app.get_as(token, &format!("{DEPARTMENTS}{query}")).await;
    assert_eq!(res.status(), 200);
    res.json::<Vec<Value>>().await.unwrap()
}

#[tokio::test]
async fn departments_are_listed_parents_first_then_by_sort_order_and_code() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let school = create(&app, &admin, json!({"code": "school", "name": "学校"})).await;
    assert_eq!(school["active"], true);
    assert_eq!(school["memberCount"], 0);
    assert_eq!(school["version"], 1);
    let b = create(
        &app,
        &admin,
        json!({"code": "b-office", "name": "办公室", "parentId": school["id"], "sortOrder": 1}),
    )
    .await;
    create(
        &app,
        &admin,
        json!({"code": "a-teaching", "name": "教务处", "parentId": school["id"], "sortOrder": 2}),
    )
    .await;
    create(
        &app,
        &admin,
        json!({"code": "b-archive", "name": "档案室", "parentId": b["id"]}),
    )
    .await;
    let codes: Vec<String> = list(&app, &admin, "")
        .await
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .filter(|c| ["school", "b-office", "a-teaching", "b-archive"].contains(&c.as_str()))
        .collect();
    assert_eq!(codes, ["school", "b-office", "b-archive", "a-teaching"]);

    let res = app
        .get_as(&admin, &format!("{DEPARTMENTS}/{}", b["id"].as_str().unwrap()))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"1\"");
    assert_eq!(app.audit_count("department.create").await, 4);
}

#[tokio::test]
async fn a_search_finds_departments_by_name_or_code_with_their_parents() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let school = create(&app, &admin, json!({"code": "school", "name": "学校"})).await;
    let it = create(
        &app,
        &admin,
        json!({"code": "XXGC", "name": "信息工程系", "parentId": school["id"]}),
    )
    .await;
    create(
        &app,
        &admin,
        json!({"code": "net-lab", "name": "网络实训室_50%", "parentId": it["id"]}),
    )
    .await;
    create(
        &app,
        &admin,
        json!({"code": "jdgc", "name": "机电工程系", "parentId": school["id"]}),
    )
    .await;
    let codes = |found: Vec<Value>| -> Vec<String> {
        found
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        codes(list(&app, &admin, "?q=%E5%B7%A5%E7%A8%8B").await),
        ["school", "XXGC", "jdgc"],
        "工程"
    );
    assert_eq!(
        codes(list(&app, &admin, "?q=xxgc").await),
        ["school", "XXGC"],
        "the code, any case"
    );
    assert_eq!(
        codes(list(&app, &admin, "?q=%E5%AE%9E%E8%AE%AD").await),
        ["school", "XXGC", "net-lab"],
        "实训: a grandchild brings its parents"
    );
    assert_eq!(
        codes(list(&app, &admin, "?q=_50%25").await),
        ["school", "XXGC", "net-lab"],
        "_ and % are literal"
    );
    assert!(
        list(&app, &admin, "?q=%25%25").await.is_empty(),
        "%% matches nothing"
    );
    let res = app
        .get_as(&admin, &format!("{DEPARTMENTS}?q={}", "长".repeat(101)))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"]["q"][0], "长度不能超过 100", "{problem}");
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    create(&app, &admin, json!({"code": "office", "name": "办公室"})).await;
    let dup = app
        .post_as(&admin, DEPARTMENTS, &json!({"code": "office", "name": "另一个"}))
        .await;
    let problem = assert_problem(dup, 409, "conflict").await;
    assert!(problem["errors"]["code"].is_array(), "{problem}");
    let bad_code = app
        .post_as(&admin, DEPARTMENTS, &json!({"code": "办公室", "name": "x"}))
        .await;
    let problem = assert_problem(bad_code, 422, "validation_failed").await;
    assert!(problem["errors"]["code"].is_array());
    let unknown_parent = app
        .post_as(
            &admin,
            DEPARTMENTS,
            &json!({"code": "orphan", "name": "x", "parentId": uuid::Uuid::now_v7()}),
        )
        .await;
    let problem = assert_problem(unknown_parent, 422, "validation_failed").await;
    assert!(problem["errors"]["parentId"].is_array());
    let unknown_head = app
        .post_as(
            &admin,
            DEPARTMENTS,
            &json!({"code": "headless", "name": "x", "headUserId": uuid::Uuid::now_v7()}),
        )
        .await;
    let problem = assert_problem(unknown_head, 422, "validation_failed").await;
    assert!(problem["errors"]["headUserId"].is_array());
}

#[tokio::test]
async fn an_idempotent_create_replays_the_first_answer() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let send = || {
        app.as_user(&admin, Method::POST, DEPARTMENTS)
            .header("Idempotency-Key", "dept-create-1")
            .json(&json!({"code": "logistics", "name": "后勤处"}))
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 201);
    let location = first.headers()["location"].to_str().unwrap().to_owned();
    let second = send().await.unwrap();
    assert_eq!(second.status(), 201);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(second.headers()["location"].to_str().unwrap(), location);
    assert_eq!(app.audit_count("department.create").await, 1);
}

#[tokio::test]
async fn moving_a_department_below_itself_is_refused_and_stale_versions_conflict() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let top = create(&app, &admin, json!({"code": "top", "name": "顶层"})).await;
    let mid = create(
        &app,
        &admin,
        json!({"code": "mid", "name": "中层", "parentId": top["id"]}),
    )
    .await;
    let low = create(
        &app,
        &admin,
        json!({"code": "low", "name": "底层", "parentId": mid["id"]}),
    )
    .await;

    let cycle = patch(
        &app,
        &admin,
        &top["id"],
        json!({"parentId": low["id"], "version": 1}),
    )
    .await;
    let problem = assert_problem(cycle, 422, "validation_failed").await;
    assert!(problem["errors"]["parentId"].is_array());
    let own = patch(
        &app,
        &admin,
        &top["id"],
        json!({"parentId": top["id"], "version": 1}),
    )
    .await;
    assert_problem(own, 422, "validation_failed").await;

    let moved = patch(
        &app,
        &admin,
        &low["id"],
        json!({"parentId": top["id"], "name": "底层二", "version": 1}),
    )
    .await;
    assert_eq!(moved.status(), 200);
    assert_eq!(moved.headers()["etag"], "\"2\"");
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["parentId"], top["id"]);
    assert_eq!(moved["name"], "底层二");

    let stale = patch(&app, &admin, &low["id"], json!({"name": "又改", "version": 1})).await;
    let problem = assert_problem(stale, 409, "version_conflict").await;
    assert_eq!(problem["currentVersion"], 2);

    let to_root = patch(&app, &admin, &low["id"], json!({"parentId": null, "version": 2})).await;
    assert_eq!(to_root.status(), 200);
    let to_root: Value = to_root.json().await.unwrap();
    assert_eq!(to_root["parentId"], Value::Null);
    assert_eq!(app.audit_count("department.update").await, 2);
}

#[tokio::test]
async fn deactivation_waits_for_sub_departments_and_hides_the_department() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let parent = create(&app, &admin, json!({"code": "parent", "name": "上级"})).await;
    let child = create(
        &app,
        &admin,
        json!({"code": "child", "name": "下级", "parentId": parent["id"]}),
    )
    .await;

    let refused = patch(
        &app,
        &admin,
        &parent["id"],
        json!({"active": false, "version": 1}),
    )
    .await;
    let problem = assert_problem(refused, 422, "validation_failed").await;
    assert!(problem["errors"]["active"].is_array());

    assert_eq!(
        patch(&app, &admin, &child["id"], json!({"active": false, "version": 1}))
            .await
            .status(),
        200
    );
    assert_eq!(
        patch(
            &app,
            &admin,
            &parent["id"],
            json!({"active": false, "version": 1})
        )
        .await
        .status(),
        200
    );
    let visible = list(&app, &admin, "").await;
    assert!(
        visible
            .iter()
            .all(|d| d["code"] != "parent" && d["code"] != "child")
    );
    let all = list(&app, &admin, "?includeInactive=true").await;
    assert_eq!(
        all.iter()
            .filter(|d| d["code"] == "parent" || d["code"] == "child")
            .count(),
        2
    );
}

#[tokio::test]
async fn staff_may_not_create_departments() {
    let app = TestApp::spawn().await;
    let staff = app.staff_token().await;
    let res = app
        .post_as(&staff, DEPARTMENTS, &json!({"code": "x1", "name": "x"}))
        .await;
    assert_problem(res, 403, "forbidden").await;
    assert_problem(app.get_as(&staff, DEPARTMENTS).await, 403, "forbidden").await;
}

#[tokio::test]
async fn a_department_with_active_members_stays_active() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = create(&app, &admin, json!({"code": "office", "name": "办公室"})).await;
    let res = app
        .post_as(
            &admin,
            "/api/v1/users",
            &json!({"username": "member", "name": "成员", "departmentIds": [office["id"]],
                    "primaryDepartmentId": office["id"]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let head: Value = res.json().await.unwrap();
    let with_head = patch(
        &app,
        &admin,
        &office["id"],
        json!({"headUserId": head["user"]["id"], "version": 1}),
    )
    .await;
    let with_head: Value = with_head.json().await.unwrap();
    assert_eq!(with_head["memberCount"], 1);
    assert_eq!(with_head["headName"], "成员");
    let refused = patch(
        &app,
        &admin,
        &office["id"],
        json!({"active": false, "version": 2}),
    )
    .await;
    let problem = assert_problem(refused, 422, "validation_failed").await;
    assert!(problem["errors"]["active"].is_array());
}
