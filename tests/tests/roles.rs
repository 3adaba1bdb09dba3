//! Roles and the permission catalogue: custom roles within the separation of duties (三员分立),
//! built-in roles protected.

use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use xiaoban_tests::{TestApp, assert_problem};

const ROLES: &str = "/api/v1/roles";

async fn audit_actions(app: &TestApp, prefix: &str) -> Vec<String> {
    let sql = format!("SELECT action FROM audit_events WHERE action LIKE '{prefix}%' ORDER BY id");
    let stmt = Statement::from_string(app.db().get_database_backend(), sql);
    let rows = app.db().query_all_raw(stmt).await.unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect()
}

async fn create(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_as(token, ROLES, &body).await
}

async fn patch(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.as_user(token, Method::PATCH, &format!("{ROLES}/{id}"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn role_by_code(app: &TestApp, token: &str, code: &str) -> Value {
    let all: Vec<Value> = app.get_as(token, ROLES).await.json().await.unwrap();
    all.into_iter().find(|r| r["code"] == code).unwrap()
}

#[tokio::test]
async fn any_signed_in_user_reads_the_permission_catalogue() {
    let app = TestApp::spawn().await;
    assert_problem(app.get("/api/v1/permissions").await, 401, "unauthorized").await;
    let staff = app.staff_token().await;
    let res = app.get_as(&staff, "/api/v1/permissions").await;
    assert_eq!(res.status(), 200);
    let catalogue: Vec<Value> = res.json().await.unwrap();
    assert_eq!(catalogue.len(), xiaoban_domain::access::CATALOGUE.len());
    let audit = catalogue.iter().find(|p| p["code"] == "audit.read").unwrap();
    assert_eq!(
        audit,
        &json!({"code": "audit.read", "group": "audit", "name": "查看审计日志",
                "nameEn": "Read the audit log", "duty": "audit"})
    );
}

#[tokio::test]
async fn roles_are_listed_with_permissions_and_holders_for_readers_only() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let sysadmin = role_by_code(&app, &admin, "sysadmin").await;
    assert_eq!(sysadmin["builtin"], true);
    assert_eq!(sysadmin["holderCount"], 1);
    assert!(
        sysadmin["permissions"]
            .as_array()
            .unwrap()
            .contains(&json!("role.manage"))
    );
    let one = app
        .get_as(&admin, &format!("{ROLES}/{}", sysadmin["id"].as_str().unwrap()))
        .await;
    assert_eq!(one.status(), 200);
    assert_eq!(one.headers()["etag"], "\"1\"");

    let staff = app.staff_token().await;
    assert_problem(app.get_as(&staff, ROLES).await, 403, "forbidden").await;
    let missing = app
        .get_as(&admin, &format!("{ROLES}/{}", uuid::Uuid::now_v7()))
        .await;
    assert_problem(missing, 404, "not_found").await;
}

#[tokio::test]
async fn a_search_finds_roles_by_name_or_code() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let codes = |found: Vec<Value>| -> Vec<String> {
        found
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let found = |q: &'static str| {
        let app = &app;
        let admin = &admin;
        async move {
            let res = app.get_as(admin, &format!("{ROLES}?q={q}")).await;
            assert_eq!(res.status(), 200);
            res.json::<Vec<Value>>().await.unwrap()
        }
    };
    let all = codes(found("").await);
    assert!(all.len() > 3, "{all:?}");
    let admins = codes(found("ADMIN").await);
    assert!(
        !admins.is_empty() && admins.iter().all(|c| c.contains("admin")),
        "{admins:?}"
    );
    // 系统管理员 by its Chinese name.
    let by_name = found("%E7%B3%BB%E7%BB%9F%E7%AE%A1%E7%90%86").await;
    assert!(
        !by_name.is_empty()
            && by_name
                .iter()
                .all(|r| r["name"].as_str().unwrap().contains("系统管理")),
        "{by_name:?}"
    );
    assert!(found("%25").await.is_empty(), "% is literal");
}

#[tokio::test]
async fn a_custom_role_is_created_edited_and_deleted_with_audit_rows() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let body =
        json!({"code": "dorm_manager", "name": "宿管员", "permissions": ["notification.read", "user.read"]});
    let res = app
        .as_user(&admin, Method::POST, ROLES)
        .header("Idempotency-Key", "role-1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let role: Value = res.json().await.unwrap();
    assert_eq!(location, format!("{ROLES}/{}", role["id"].as_str().unwrap()));
    assert_eq!(role["builtin"], false);
    assert_eq!(role["permissions"], json!(["notification.read", "user.read"]));
    assert_eq!(role["description"], "");
    let replay = app
        .as_user(&admin, Method::POST, ROLES)
        .header("Idempotency-Key", "role-1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_problem(create(&app, &admin, body).await, 409, "conflict").await;

    let id = role["id"].as_str().unwrap();
    let edited = patch(
        &app,
        &admin,
        id,
        json!({"name": "宿舍管理员", "permissions": ["notification.read"], "version": 1}),
    )
    .await;
    assert_eq!(edited.status(), 200);
    assert_eq!(edited.headers()["etag"], "\"2\"");
    let edited: Value = edited.json().await.unwrap();
    assert_eq!(
        (edited["name"].clone(), edited["permissions"].clone()),
        (json!("宿舍管理员"), json!(["notification.read"]))
    );
    let stale = patch(&app, &admin, id, json!({"name": "x", "version": 1})).await;
    assert_eq!(
        assert_problem(stale, 409, "version_conflict").await["currentVersion"],
        2
    );

    let res = app
        .as_user(&admin, Method::DELETE, &format!("{ROLES}/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_problem(
        app.get_as(&admin, &format!("{ROLES}/{id}")).await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(
        audit_actions(&app, "role.").await,
        ["role.create", "role.update", "role.delete"]
    );
}

#[tokio::test]
async fn unknown_permissions_bad_codes_and_duty_conflicts_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let unknown = create(
        &app,
        &admin,
        json!({"code": "x_role", "name": "X", "permissions": ["audit.delete"]}),
    )
    .await;
    let problem = assert_problem(unknown, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"]["permissions"],
        json!(["未知权限：audit.delete"])
    );
    let bad_code = create(
        &app,
        &admin,
        json!({"code": "Bad-Code", "name": "X", "permissions": []}),
    )
    .await;
    assert!(assert_problem(bad_code, 422, "validation_failed").await["errors"]["code"].is_array());
    let mixed = create(
        &app,
        &admin,
        json!({"code": "super_admin", "name": "全能", "permissions": ["user.manage", "audit.read"]}),
    )
    .await;
    let problem = assert_problem(mixed, 422, "validation_failed").await;
    let message = problem["errors"]["permissions"][0].as_str().unwrap();
    assert!(message.starts_with("三员分立"), "{message}");
    let staff = app.staff_token().await;
    let refused = create(
        &app,
        &staff,
        json!({"code": "mine", "name": "X", "permissions": []}),
    )
    .await;
    assert_problem(refused, 403, "forbidden").await;
    assert!(audit_actions(&app, "role.").await.is_empty());
}

#[tokio::test]
async fn built_in_roles_keep_name_and_permissions_and_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let staff_role = role_by_code(&app, &admin, "staff").await;
    let id = staff_role["id"].as_str().unwrap();
    let res = patch(
        &app,
        &admin,
        id,
        json!({"permissions": ["notification.read", "user.read"], "version": 1}),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(
        problem["errors"]["permissions"][0]
            .as_str()
            .unwrap()
            .contains("内置角色")
    );
    let res = patch(&app, &admin, id, json!({"name": "老师", "version": 1})).await;
    assert!(assert_problem(res, 422, "validation_failed").await["errors"]["name"].is_array());
    let res = patch(
        &app,
        &admin,
        id,
        json!({"description": "全体教职工", "version": 1}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = app
        .as_user(&admin, Method::DELETE, &format!("{ROLES}/{id}"))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, 409, "conflict").await;
    assert_eq!(problem["detail"], "内置角色不能删除");
}

#[tokio::test]
async fn a_held_role_cannot_be_deleted_nor_changed_to_break_a_holders_duties() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = create(
        &app,
        &admin,
        json!({"code": "front_desk", "name": "前台", "permissions": ["notification.read"]}),
    )
    .await;
    let role: Value = res.json().await.unwrap();
    let id = role["id"].as_str().unwrap();
    // A holder who is also the auditor: the role may not gain a business permission.
    app.services
        .admin_create_user("desk1", "前台一", "front_desk", None)
        .await
        .unwrap();
    let user = xiaoban_persistence::identity::users::find_by_username(app.db(), "desk1")
        .await
        .unwrap()
        .unwrap();
    let auditor = xiaoban_persistence::identity::roles::find_by_code(app.db(), "auditor")
        .await
        .unwrap()
        .unwrap();
    xiaoban_persistence::identity::roles::assign(
        app.db(),
        user.id,
        auditor.id,
        "all",
        None,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let res = patch(
        &app,
        &admin,
        id,
        json!({"permissions": ["notification.read", "user.read"], "version": 1}),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let message = problem["errors"]["permissions"][0].as_str().unwrap();
    assert!(
        message.contains("1 名持有该角色的用户") && message.contains("三员分立"),
        "{message}"
    );
    // On its own the set is fine: nothing changed.
    assert_eq!(role_by_code(&app, &admin, "front_desk").await["version"], 1);
    assert_eq!(role_by_code(&app, &admin, "front_desk").await["holderCount"], 1);

    let res = app
        .as_user(&admin, Method::DELETE, &format!("{ROLES}/{id}"))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, 409, "conflict").await;
    assert!(problem["detail"].as_str().unwrap().contains("1 名用户"));
}
