//! User administration as the three administrators (三员) and department heads see it.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{TestApp, assert_problem};

const USERS: &str = "/api/v1/users";
const PASSWORD: &str = "Start#Pass2026";

async fn department(app: &TestApp, token: &str, code: &str, parent: Option<&Value>) -> Value {
    let body = json!({"code": code, "name": code, "parentId": parent.map(|p| &p["id"])});
    let res = app.post_as(token, "/api/v1/departments", &body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// Creates a user in `dept` with a known password; returns the created body's `user`.
async fn user(app: &TestApp, token: &str, username: &str, dept: &Value, extra: Value) -> Value {
    let mut body = json!({
        "username": username,
        "name": format!("{username}的名字"),
        "departmentIds": [dept["id"]],
        "primaryDepartmentId": dept["id"],
        "password": PASSWORD,
    });
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let res = app.post_as(token, USERS, &body).await;
    assert_eq!(res.status(), 201, "create {username}");
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["initialPassword"], Value::Null);
    created["user"].clone()
}

/// Signs the user in and changes the password; returns an access token.
async fn sign_in(app: &TestApp, username: &str, password: &str) -> String {
    let body = app.login(username, password).await;
    app.change_password(body["accessToken"].as_str().unwrap(), password, READY_PASSWORD)
        .await
}

fn path(user: &Value, tail: &str) -> String {
    format!("{USERS}/{}{tail}", user["id"].as_str().unwrap())
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status(), status);
    res.json().await.unwrap()
}

#[tokio::test]
async fn an_administrator_creates_reads_and_edits_a_user() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = department(&app, &admin, "office", None).await;
    let created_before = app.audit_count("user.create").await;
    let res = app
        .post_as(
            &admin,
            USERS,
            &json!({"username": "zhangsan", "name": "张三", "number": "T001", "departmentIds": [office["id"]],
                    "primaryDepartmentId": office["id"], "roles": [{"roleCode": "staff", "scope": {"kind": "all"}}]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let created: Value = res.json().await.unwrap();
    let initial = created["initialPassword"].as_str().unwrap().to_owned();
    let user = &created["user"];
    assert_eq!(location, path(user, ""));
    assert_eq!(user["mustChangePassword"], true);
    assert_eq!(user["departments"][0]["primary"], true);
    assert_eq!(user["roles"][0]["code"], "staff");
    let signed_in = app.login("zhangsan", &initial).await;
    assert_eq!(signed_in["user"]["mustChangePassword"], true);

    let fetched = app.get_as(&admin, &location).await;
    assert_eq!(fetched.headers()["etag"], "\"1\"");
    let edited = app
        .as_user(&admin, Method::PATCH, &location)
        .json(&json!({"name": "张三丰", "phone": "13812341234", "position": "干事", "version": 1}))
        .send()
        .await
        .unwrap();
    let edited = json_of(edited, 200).await;
    assert_eq!(edited["name"], "张三丰");
    assert_eq!(edited["version"], 2);
    let stale = app
        .as_user(&admin, Method::PATCH, &location)
        .json(&json!({"name": "旧", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_problem(stale, 409, "version_conflict").await;

    let dup = app
        .post_as(
            &admin,
            USERS,
            &json!({"username": "zhangsan", "name": "x", "departmentIds": [office["id"]],
                                         "primaryDepartmentId": office["id"]}),
        )
        .await;
    let problem = assert_problem(dup, 409, "conflict").await;
    assert_eq!(
        problem["errors"]["username"],
        json!(["已被占用，请换一个"]),
        "the clashing field is named"
    );
    let dup_number = app
        .post_as(&admin, USERS, &json!({"username": "lisi", "name": "x", "number": "T001",
                                         "departmentIds": [office["id"]], "primaryDepartmentId": office["id"]}))
        .await;
    let problem = assert_problem(dup_number, 409, "conflict").await;
    assert!(problem["errors"]["number"].is_array(), "{problem}");
    let weak = app
        .post_as(&admin, USERS, &json!({"username": "wangwu", "name": "x", "password": "123",
                                         "departmentIds": [office["id"]], "primaryDepartmentId": office["id"]}))
        .await;
    let problem = assert_problem(weak, 422, "validation_failed").await;
    assert!(problem["errors"]["password"].is_array());
    let wrong_primary = app
        .post_as(
            &admin,
            USERS,
            &json!({"username": "zhaoliu", "name": "x", "departmentIds": [office["id"]],
                                         "primaryDepartmentId": uuid::Uuid::now_v7()}),
        )
        .await;
    let problem = assert_problem(wrong_primary, 422, "validation_failed").await;
    assert!(problem["errors"]["primaryDepartmentId"].is_array());
    assert_eq!(app.audit_count("user.create").await, created_before + 1);
    assert_eq!(app.audit_count("user.update").await, 1);
}

#[tokio::test]
async fn the_list_searches_filters_and_pages() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let school = department(&app, &admin, "school", None).await;
    let office = department(&app, &admin, "office", Some(&school)).await;
    let other = department(&app, &admin, "other", None).await;
    user(&app, &admin, "alpha", &office, json!({"number": "S100"})).await;
    user(&app, &admin, "beta", &school, json!({})).await;
    let gamma = user(
        &app,
        &admin,
        "gamma",
        &other,
        json!({"roles": [{"roleCode": "dept_head", "scope": {"kind": "all"}}]}),
    )
    .await;

    let page = json_of(
        app.get_as(
            &admin,
            &format!("{USERS}?departmentId={}", school["id"].as_str().unwrap()),
        )
        .await,
        200,
    )
    .await;
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alpha", "beta"], "sub-departments count");
    let found = json_of(app.get_as(&admin, &format!("{USERS}?q=S10")).await, 200).await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["username"], "alpha");
    let heads = json_of(
        app.get_as(&admin, &format!("{USERS}?roleCode=dept_head")).await,
        200,
    )
    .await;
    assert_eq!(heads["total"], 1);
    assert_eq!(heads["items"][0]["id"], gamma["id"]);

    app.post_as(&admin, &path(&gamma, "/disable"), &json!({})).await;
    let disabled = json_of(app.get_as(&admin, &format!("{USERS}?status=disabled")).await, 200).await;
    assert_eq!(disabled["total"], 1);

    let first = json_of(
        app.get_as(&admin, &format!("{USERS}?pageSize=2&sort=-username"))
            .await,
        200,
    )
    .await;
    assert_eq!(first["total"], 4, "admin plus three");
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["items"][0]["username"], "gamma");
    let bad_sort = app.get_as(&admin, &format!("{USERS}?sort=password")).await;
    assert_problem(bad_sort, 422, "validation_failed").await;
}

#[tokio::test]
async fn phone_numbers_are_masked_unless_the_caller_may_see_them() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = department(&app, &admin, "office", None).await;
    let u = user(
        &app,
        &admin,
        "phoney",
        &office,
        json!({"phone": "13812341234", "idNumber": "110105199001011234"}),
    )
    .await;
    assert_eq!(u["phone"], "138****1234");
    let (_, secadmin) = app.user_with_role("secadmin").await;

    let as_sec = json_of(app.get_as(&secadmin, &path(&u, "")).await, 200).await;
    assert_eq!(as_sec["phone"], "13812341234");
    assert_eq!(as_sec["idNumber"], "110105199001011234");
    let as_sys = json_of(app.get_as(&admin, &path(&u, "")).await, 200).await;
    assert_eq!(as_sys["phone"], "138****1234");
    assert_eq!(as_sys["idNumber"], "110105********1234");
    let list = json_of(app.get_as(&admin, &format!("{USERS}?q=phoney")).await, 200).await;
    assert_eq!(list["items"][0]["phone"], "138****1234");
    let list = json_of(app.get_as(&secadmin, &format!("{USERS}?q=1381234")).await, 200).await;
    assert_eq!(list["items"][0]["phone"], "13812341234");
}

#[tokio::test]
async fn a_department_head_sees_only_their_department_subtree() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let dept = department(&app, &admin, "teaching", None).await;
    let sub = department(&app, &admin, "teaching-sub", Some(&dept)).await;
    let elsewhere = department(&app, &admin, "logistics", None).await;
    let scope = json!({"kind": "department", "departmentId": dept["id"]});
    user(
        &app,
        &admin,
        "head",
        &dept,
        json!({"roles": [{"roleCode": "dept_head", "scope": scope}]}),
    )
    .await;
    let inside = user(&app, &admin, "inside", &sub, json!({})).await;
    let outside = user(&app, &admin, "outside", &elsewhere, json!({})).await;
    let head = sign_in(&app, "head", PASSWORD).await;

    let page = json_of(app.get_as(&head, USERS).await, 200).await;
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["head", "inside"]);
    assert_eq!(page["total"], 2);
    assert_eq!(app.get_as(&head, &path(&inside, "")).await.status(), 200);
    assert_problem(app.get_as(&head, &path(&outside, "")).await, 404, "not_found").await;
    let create = app
        .post_as(
            &head,
            USERS,
            &json!({"username": "nope", "name": "x",
        "departmentIds": [dept["id"]], "primaryDepartmentId": dept["id"]}),
        )
        .await;
    assert_problem(create, 403, "forbidden").await;

    let staff = app.staff_token().await;
    let create = app
        .post_as(
            &staff,
            USERS,
            &json!({"username": "nope", "name": "x",
        "departmentIds": [dept["id"]], "primaryDepartmentId": dept["id"]}),
        )
        .await;
    assert_problem(create, 403, "forbidden").await;
}

#[tokio::test]
async fn roles_respect_the_separation_of_duties() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = department(&app, &admin, "office", None).await;
    let sys = user(&app, &admin, "sys2", &office, json!({})).await;
    app.services
        .admin_grant_role("sys2", "sysadmin", None)
        .await
        .unwrap();
    let on_the_server = app.services.admin_grant_role("sys2", "auditor", None).await;
    assert!(
        matches!(&on_the_server, Err(xiaoban_services::ServiceError::Invalid(issues)) if issues[0].zh.starts_with("三员分立")),
        "{on_the_server:?}"
    );
    let auditor = user(&app, &admin, "aud2", &office, json!({})).await;
    app.services
        .admin_grant_role("aud2", "auditor", None)
        .await
        .unwrap();
    let res = app
        .post_as(
            &admin,
            &path(&auditor, "/roles"),
            &json!({"roleCode": "office_clerk", "scope": {"kind": "all"}}),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let message = problem["errors"]["roleCode"][0].as_str().unwrap();
    assert!(message.starts_with("三员分立"), "{message}");

    let bad_scope = app.post_as(&admin, &path(&sys, "/roles"),
        &json!({"roleCode": "dept_head", "scope": {"kind": "department", "departmentId": uuid::Uuid::now_v7()}})).await;
    let problem = assert_problem(bad_scope, 422, "validation_failed").await;
    assert!(problem["errors"]["scope.departmentId"].is_array());

    let res = app
        .post_as(
            &admin,
            &path(&sys, "/roles"),
            &json!({"roleCode": "office_clerk", "scope": {"kind": "all"}}),
        )
        .await;
    let updated = json_of(res, 201).await;
    let clerk = updated["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "office_clerk")
        .unwrap();
    let removed = app
        .as_user(
            &admin,
            Method::DELETE,
            &path(
                &sys,
                &format!("/roles/{}", clerk["assignmentId"].as_str().unwrap()),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    assert_eq!(
        app.audit_count("user.role_assign").await,
        3,
        "two on the server, one here"
    );
    assert_eq!(app.audit_count("user.role_remove").await, 1);

    // Disable the second sysadmin: the first administrator is then the last one.
    app.post_as(&admin, &path(&sys, "/disable"), &json!({})).await;
    let me = json_of(app.get_as(&admin, "/api/v1/me").await, 200).await;
    let own = me["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "sysadmin")
        .unwrap();
    let last = app
        .as_user(
            &admin,
            Method::DELETE,
            &path(&me, &format!("/roles/{}", own["assignmentId"].as_str().unwrap())),
        )
        .send()
        .await
        .unwrap();
    let problem = assert_problem(last, 422, "validation_failed").await;
    assert!(problem["errors"]["assignmentId"].is_array());
}

#[tokio::test]
async fn disabling_ends_sessions_and_a_reset_forces_a_new_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = department(&app, &admin, "office", None).await;
    let u = user(&app, &admin, "leaver", &office, json!({})).await;
    let token = sign_in(&app, "leaver", PASSWORD).await;
    assert_eq!(app.get_as(&token, "/api/v1/me").await.status(), 200);

    let disabled = json_of(app.post_as(&admin, &path(&u, "/disable"), &json!({})).await, 200).await;
    assert_eq!(disabled["status"], "disabled");
    assert_problem(app.get_as(&token, "/api/v1/me").await, 401, "unauthorized").await;
    let enabled = json_of(app.post_as(&admin, &path(&u, "/enable"), &json!({})).await, 200).await;
    assert_eq!(enabled["status"], "active");
    let me = json_of(app.get_as(&admin, "/api/v1/me").await, 200).await;
    let own = app.post_as(&admin, &path(&me, "/disable"), &json!({})).await;
    assert_problem(own, 422, "validation_failed").await;

    let (_, secadmin) = app.user_with_role("secadmin").await;
    let body = app.login("leaver", READY_PASSWORD).await;
    let token = body["accessToken"].as_str().unwrap().to_owned();
    assert_problem(
        app.post_as(&admin, &path(&u, "/reset-password"), &json!({}))
            .await,
        403,
        "forbidden",
    )
    .await;
    let reset = json_of(
        app.post_as(&secadmin, &path(&u, "/reset-password"), &json!({}))
            .await,
        200,
    )
    .await;
    assert_problem(app.get_as(&token, "/api/v1/me").await, 401, "unauthorized").await;
    let body = app
        .login("leaver", reset["initialPassword"].as_str().unwrap())
        .await;
    assert_eq!(body["user"]["mustChangePassword"], true);

    let unlocked = app.post_as(&secadmin, &path(&u, "/unlock"), &json!({})).await;
    assert_eq!(unlocked.status(), 200);
    let cleared = app
        .as_user(&secadmin, Method::PUT, &path(&u, "/clearance"))
        .json(&json!({"clearance": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(json_of(cleared, 200).await["clearance"], 2);
    let too_high = app
        .as_user(&secadmin, Method::PUT, &path(&u, "/clearance"))
        .json(&json!({"clearance": 5}))
        .send()
        .await
        .unwrap();
    assert_problem(too_high, 422, "validation_failed").await;

    for action in [
        "user.disable",
        "user.enable",
        "user.password_reset",
        "user.unlock",
        "user.clearance",
    ] {
        assert_eq!(app.audit_count(action).await, 1, "{action}");
    }
    let chain = app.services.verify_audit_chain().await.unwrap();
    assert!(chain.ok);
}

#[tokio::test]
async fn a_department_scoped_assigner_cannot_grant_beyond_their_department() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let role = json!({"code": "dept_user_admin", "name": "部门用户管理员",
        "permissions": ["user.read", "user.manage", "role.assign"]});
    assert_eq!(app.post_as(&admin, "/api/v1/roles", &role).await.status(), 201);
    let dept = app.department(&admin, "lab", "实验中心").await;
    let d = dept["id"].as_str().unwrap();
    let mut assigner = json!({"username": "lab.admin", "name": "实验中心管理员", "departmentIds": [d], "primaryDepartmentId": d,
        "password": "Initial#Pass2026", "roles": [{"roleCode": "dept_user_admin", "scope": {"kind": "department", "departmentId": d}}]});
    // The role carries system administration: it is granted on the server, not here.
    let refused = app.post_as(&admin, "/api/v1/users", &assigner).await;
    assert_problem(refused, 403, "server_only").await;
    assigner["roles"] = json!([]);
    assert_eq!(
        app.post_as(&admin, "/api/v1/users", &assigner).await.status(),
        201
    );
    app.services
        .admin_grant_role("lab.admin", "dept_user_admin", Some("lab"))
        .await
        .unwrap();
    let signed_in = app.login("lab.admin", "Initial#Pass2026").await;
    let token = app
        .change_password(
            signed_in["accessToken"].as_str().unwrap(),
            "Initial#Pass2026",
            "Xiaoban#2026!",
        )
        .await;

    let member =
        json!({"username": "lab.member", "name": "实验员", "departmentIds": [d], "primaryDepartmentId": d});
    let created: Value = app
        .post_as(&token, "/api/v1/users", &member)
        .await
        .json()
        .await
        .unwrap();
    let member_id = created["user"]["id"].as_str().unwrap();
    let roles_path = format!("/api/v1/users/{member_id}/roles");

    let everywhere = app
        .post_as(
            &token,
            &roles_path,
            &json!({"roleCode": "staff", "scope": {"kind": "all"}}),
        )
        .await;
    let body = assert_problem(everywhere, 422, "validation_failed").await;
    assert!(body["errors"]["scope"].is_array(), "{body}");
    let inside = json!({"roleCode": "staff", "scope": {"kind": "department", "departmentId": d}});
    assert_eq!(app.post_as(&token, &roles_path, &inside).await.status(), 201);
}

/// Usernames the user list answers for `q`, in username order.
async fn search(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("q", q), ("pageSize", "100"), ("sort", "username")])
        .finish();
    let res = app.get_as(token, &format!("{USERS}?{query}")).await;
    let page = json_of(res, 200).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn percent_underscore_and_backslash_in_a_search_match_only_themselves_in_any_case() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let office = department(&app, &admin, "office", None).await;
    for (username, name) in [
        ("pct", "涨幅100%"),
        ("under", "下划线_名"),
        ("slash", "反斜杠\\名"),
        ("zhangsan", "Zhang San"),
        ("lisi", "李四"),
    ] {
        user(&app, &admin, username, &office, json!({ "name": name })).await;
    }
    let cases: [(&str, &[&str]); 9] = [
        ("%", &["pct"]),
        ("_", &["under"]),
        ("\\", &["slash"]),
        ("100%", &["pct"]),
        ("线_名", &["under"]),
        ("%名", &[]),
        ("ZHANG san", &["zhangsan"]),
        ("LiSi", &["lisi"]),
        ("四", &["lisi"]),
    ];
    for (q, expected) in cases {
        assert_eq!(search(&app, &admin, q).await, expected, "q={q}");
    }
}
