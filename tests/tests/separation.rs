//! 三员分立 as the attacks of issue 10 tried to break it: keys that outgrow their creator,
//! administrators resetting each other's passwords, administrator accounts made through the API,
//! and concurrent grants.

use std::future::Future;
use std::pin::Pin;

use futures_util::future::join_all;
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_persistence::entities::{audit_event, role_assignment};
use xiaoban_persistence::identity::api_keys::{self, ApiKeyRow};
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{TestApp, assert_problem};

const KEYS: &str = "/api/v1/api-keys";

async fn me(app: &TestApp, token: &str) -> Value {
    app.get_as(token, "/api/v1/me").await.json().await.unwrap()
}

async fn id_of(app: &TestApp, token: &str) -> Uuid {
    me(app, token).await["id"].as_str().unwrap().parse().unwrap()
}

/// A key written straight into the database, as an older release (or a key minting keys) could
/// have left it: the API no longer issues such keys.
async fn planted_key(app: &TestApp, creator: Uuid, scopes: &[&str]) -> String {
    let prefix = hex::encode(&Uuid::now_v7().as_bytes()[12..]);
    let key = format!("xb_{prefix}_{}", hex::encode(Sha256::digest(prefix.as_bytes())));
    let row = ApiKeyRow {
        id: Uuid::now_v7(),
        name: "planted".to_owned(),
        prefix,
        key_hash: hex::encode(Sha256::digest(key.as_bytes())),
        scopes: serde_json::to_string(scopes).unwrap(),
        created_by: Some(creator),
        created_at: chrono::Utc::now(),
        expires_at: None,
        last_used_at: None,
        revoked_at: None,
        version: 1,
    };
    api_keys::insert(app.db(), row).await.unwrap();
    key
}

/// A teacher (staff) created by the first administrator; returns its id.
async fn teacher(app: &TestApp) -> (String, Uuid) {
    let (username, token) = app.user_with_role("staff").await;
    (username, id_of(app, &token).await)
}

fn role_codes(user: &Value) -> Vec<String> {
    user["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_security_admin_cannot_mint_a_key_with_user_management_scopes() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    for scopes in [
        json!(["role.assign"]),
        json!(["user.manage"]),
        json!(["user.read", "role.assign", "user.manage"]),
    ] {
        let res = app
            .post_as(&secadmin, KEYS, &json!({"name": "提权", "scopes": scopes}))
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        let reasons = problem["errors"]["scopes"].as_array().unwrap();
        assert!(
            reasons.iter().any(|r| r.as_str().unwrap().contains("role.assign")
                || r.as_str().unwrap().contains("user.manage")),
            "{problem}"
        );
    }
    let listed: Vec<Value> = app.get_as(&secadmin, KEYS).await.json().await.unwrap();
    assert!(listed.is_empty());
}

#[tokio::test]
async fn a_key_can_never_carry_api_key_management_even_for_its_holder() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let res = app
        .post_as(
            &secadmin,
            KEYS,
            &json!({"name": "钥匙工厂", "scopes": ["api_key.manage", "user.read"]}),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(
        problem["errors"]["scopes"][0]
            .as_str()
            .unwrap()
            .contains("api_key.manage")
    );
}

#[tokio::test]
async fn a_key_holding_api_key_management_cannot_mint_keys() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let creator = id_of(&app, &secadmin).await;
    let key = planted_key(&app, creator, &["api_key.manage", "user.read"]).await;
    assert_eq!(app.get_as(&key, "/api/v1/users").await.status(), 200);
    let minted = app
        .post_as(&key, KEYS, &json!({"name": "子钥匙", "scopes": ["user.read"]}))
        .await;
    assert_problem(minted, 403, "forbidden").await;
    assert_problem(app.get_as(&key, KEYS).await, 403, "forbidden").await;
    assert_eq!(app.audit_count("api_key.create").await, 0);
}

#[tokio::test]
async fn a_key_cannot_make_a_teacher_a_sysadmin() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let (_, teacher_id) = teacher(&app).await;
    let grant = json!({"roleCode": "sysadmin", "scope": {"kind": "all"}});
    let path = format!("/api/v1/users/{teacher_id}/roles");

    // A key planted with system scopes by the security administrator acts with none of them.
    let from_secadmin = planted_key(
        &app,
        id_of(&app, &secadmin).await,
        &["role.assign", "user.manage"],
    )
    .await;
    assert_problem(app.post_as(&from_secadmin, &path, &grant).await, 403, "forbidden").await;
    // Even a key of the system administrator, who holds role.assign, cannot hand out sysadmin.
    let from_sysadmin = planted_key(&app, id_of(&app, &admin).await, &["role.assign", "user.read"]).await;
    assert_problem(
        app.post_as(&from_sysadmin, &path, &grant).await,
        403,
        "server_only",
    )
    .await;

    let teacher: Value = app
        .get_as(&admin, &format!("/api/v1/users/{teacher_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(role_codes(&teacher), ["staff"]);
}

#[tokio::test]
async fn a_key_loses_what_its_creator_loses() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (secadmin_name, secadmin) = app.user_with_role("secadmin").await;
    let issued: Value = app
        .post_as(&secadmin, KEYS, &json!({"name": "查询", "scopes": ["user.read"]}))
        .await
        .json()
        .await
        .unwrap();
    let key = issued["key"].as_str().unwrap();
    assert_eq!(app.get_as(key, "/api/v1/users").await.status(), 200);

    let holder = me(&app, &secadmin).await;
    let assignment = holder["roles"][0]["assignmentId"].as_str().unwrap();
    let path = format!(
        "/api/v1/users/{}/roles/{assignment}",
        holder["id"].as_str().unwrap()
    );
    let removed = app.as_user(&admin, Method::DELETE, &path).send().await.unwrap();
    assert_eq!(removed.status(), 204);
    assert_problem(app.get_as(key, "/api/v1/users").await, 403, "forbidden").await;

    app.services
        .admin_grant_role(&secadmin_name, "secadmin", None)
        .await
        .unwrap();
    assert_eq!(app.get_as(key, "/api/v1/users").await.status(), 200);
    let disable = format!("/api/v1/users/{}/disable", holder["id"].as_str().unwrap());
    assert_eq!(app.post_as(&admin, &disable, &json!({})).await.status(), 200);
    assert_problem(app.get_as(key, "/api/v1/users").await, 401, "unauthorized").await;
}

async fn try_reset(app: &TestApp, token: &str, user: Uuid) -> reqwest::Response {
    app.post_as(token, &format!("/api/v1/users/{user}/reset-password"), &json!({}))
        .await
}

#[tokio::test]
async fn a_security_admin_cannot_reset_the_system_administrators_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let admin_id = id_of(&app, &admin).await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let problem = assert_problem(try_reset(&app, &secadmin, admin_id).await, 403, "server_only").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("xiaoban admin reset-password"),
        "{problem}"
    );
    let body = app.login("admin", READY_PASSWORD).await;
    assert_eq!(
        body["user"]["mustChangePassword"], false,
        "the password is unchanged"
    );
    assert_eq!(app.audit_count("user.password_reset").await, 0);
    assert_eq!(app.audit_count("access.server_only").await, 1);
}

#[tokio::test]
async fn a_security_admin_cannot_reset_the_auditors_nor_a_custom_administrators_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let (_, auditor) = app.user_with_role("auditor").await;
    let auditor_id = id_of(&app, &auditor).await;
    assert_problem(try_reset(&app, &secadmin, auditor_id).await, 403, "server_only").await;

    let role = json!({"code": "calendar_keeper", "name": "校历管理员", "permissions": ["calendar.manage"]});
    assert_eq!(app.post_as(&admin, "/api/v1/roles", &role).await.status(), 201);
    let (keeper, keeper_id) = teacher(&app).await;
    app.services
        .admin_grant_role(&keeper, "calendar_keeper", None)
        .await
        .unwrap();
    assert_problem(try_reset(&app, &secadmin, keeper_id).await, 403, "server_only").await;
    let (_, plain_teacher) = teacher(&app).await;
    assert_eq!(try_reset(&app, &secadmin, plain_teacher).await.status(), 200);
}

#[tokio::test]
async fn the_server_resets_an_administrators_password_and_audits_it() {
    let app = TestApp::spawn().await;
    app.admin_token().await;
    let password = app.services.admin_reset_password("admin").await.unwrap();
    let body = app.login("admin", &password).await;
    assert_eq!(body["user"]["mustChangePassword"], true);
    let row = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("user.password_reset"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.actor_kind, "system");
}

#[tokio::test]
async fn a_system_administrator_cannot_create_a_security_administrator_with_a_chosen_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let dept = app.department(&admin, "xxzx", "信息中心").await;
    for roles in [
        json!([{"roleCode": "secadmin", "scope": {"kind": "all"}}]),
        json!([{"roleCode": "auditor", "scope": {"kind": "all"}}]),
        json!([{"roleCode": "staff", "scope": {"kind": "all"}}, {"roleCode": "sysadmin", "scope": {"kind": "all"}}]),
    ] {
        let body = json!({"username": "shadow.sec", "name": "影子", "departmentIds": [dept["id"]],
            "primaryDepartmentId": dept["id"], "password": "Shadow#Pass2026x", "roles": roles});
        let problem = assert_problem(
            app.post_as(&admin, "/api/v1/users", &body).await,
            403,
            "server_only",
        )
        .await;
        assert!(
            problem["detail"].as_str().unwrap().contains("xiaoban admin"),
            "{problem}"
        );
    }
    let found: Value = app
        .get_as(&admin, "/api/v1/users?q=shadow")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["total"], 0);
}

#[tokio::test]
async fn a_system_administrator_cannot_grant_any_administrator_role() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, teacher_id) = teacher(&app).await;
    let path = format!("/api/v1/users/{teacher_id}/roles");
    for role in ["sysadmin", "secadmin", "auditor"] {
        let grant = json!({"roleCode": role, "scope": {"kind": "all"}});
        assert_problem(app.post_as(&admin, &path, &grant).await, 403, "server_only").await;
    }
    let custom = json!({"code": "policy_keeper", "name": "策略管理", "permissions": ["security.manage"]});
    assert_eq!(app.post_as(&admin, "/api/v1/roles", &custom).await.status(), 201);
    let grant = json!({"roleCode": "policy_keeper", "scope": {"kind": "all"}});
    assert_problem(app.post_as(&admin, &path, &grant).await, 403, "server_only").await;
    assert_eq!(app.audit_count("user.role_assign").await, 0);
}

#[tokio::test]
async fn a_held_role_cannot_gain_administrative_permissions_through_the_api() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let role = json!({"code": "front_desk", "name": "前台", "permissions": ["notification.read"]});
    let created: Value = app
        .post_as(&admin, "/api/v1/roles", &role)
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let (_, teacher_id) = teacher(&app).await;
    let grant = json!({"roleCode": "front_desk", "scope": {"kind": "all"}});
    let path = format!("/api/v1/users/{teacher_id}/roles");
    assert_eq!(app.post_as(&admin, &path, &grant).await.status(), 201);

    let patch = |permissions: Value, version: i64| {
        app.as_user(&admin, Method::PATCH, &format!("/api/v1/roles/{id}"))
            .json(&json!({"permissions": permissions, "version": version}))
            .send()
    };
    let escalate = patch(json!(["notification.read", "user.manage", "role.assign"]), 1)
        .await
        .unwrap();
    let problem = assert_problem(escalate, 422, "validation_failed").await;
    assert!(
        problem["errors"]["permissions"][0]
            .as_str()
            .unwrap()
            .contains("xiaoban admin grant-role"),
        "{problem}"
    );
    let business = patch(json!(["notification.read", "department.read"]), 1)
        .await
        .unwrap();
    assert_eq!(business.status(), 200);
}

type Attempt<'a> = Pin<Box<dyn Future<Output = bool> + 'a>>;

#[tokio::test]
async fn concurrent_grants_of_two_separated_duties_leave_no_user_holding_both() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let mut users = Vec::new();
    for _ in 0..8 {
        users.push(teacher(&app).await);
    }
    let app = &app;
    let mut attempts: Vec<Attempt<'_>> = Vec::new();
    for (username, id) in &users {
        // The server grants the auditor role while the API grants an office role, which an
        // auditor may not hold.
        attempts.push(Box::pin(async move {
            app.services
                .admin_grant_role(username, "auditor", None)
                .await
                .is_ok()
        }));
        let admin = admin.clone();
        attempts.push(Box::pin(async move {
            let grant = json!({"roleCode": "office_clerk", "scope": {"kind": "all"}});
            let res = app
                .post_as(&admin, &format!("/api/v1/users/{id}/roles"), &grant)
                .await;
            res.status() == 201
        }));
    }
    let outcomes = join_all(attempts).await;
    for (i, (username, id)) in users.iter().enumerate() {
        let user: Value = app
            .get_as(&admin, &format!("/api/v1/users/{id}"))
            .await
            .json()
            .await
            .unwrap();
        let held = role_codes(&user);
        assert!(
            !(held.contains(&"auditor".to_owned()) && held.contains(&"office_clerk".to_owned())),
            "{username} holds {held:?}"
        );
        assert_eq!(
            u8::from(outcomes[2 * i]) + u8::from(outcomes[2 * i + 1]),
            1,
            "exactly one of the two grants to {username} succeeds"
        );
    }
}

#[tokio::test]
async fn concurrent_server_grants_of_system_and_security_administration_never_meet() {
    let app = TestApp::spawn().await;
    let mut users = Vec::new();
    for _ in 0..8 {
        users.push(teacher(&app).await.0);
    }
    let services = &app.services;
    let attempts = users.iter().flat_map(|u| {
        ["sysadmin", "secadmin"]
            .map(|role| async move { services.admin_grant_role(u, role, None).await.is_ok() })
    });
    let outcomes = join_all(attempts).await;
    for (i, username) in users.iter().enumerate() {
        assert_eq!(
            u8::from(outcomes[2 * i]) + u8::from(outcomes[2 * i + 1]),
            1,
            "{username} got exactly one of the two duties"
        );
    }
}

#[tokio::test]
async fn six_concurrent_grants_of_one_role_make_one_assignment() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, teacher_id) = teacher(&app).await;
    let path = format!("/api/v1/users/{teacher_id}/roles");
    let grant = json!({"roleCode": "office_clerk", "scope": {"kind": "self"}});
    let attempts = (0..6).map(|_| async { app.post_as(&admin, &path, &grant).await.status().as_u16() });
    let statuses = join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [201, 409, 422].contains(s)),
        "{statuses:?}"
    );
    let rows = role_assignment::Entity::find()
        .filter(role_assignment::Column::UserId.eq(teacher_id))
        .filter(role_assignment::Column::ScopeKind.eq("self"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(rows, 1);
}
