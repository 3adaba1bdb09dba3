//! Requests for the users, their roles and the roster import operations (tag `users`).

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    let d = &fx.department_id;
    Some(match op_id {
        "reset_user_totp" => req(
            Method::POST,
            format!("/api/v1/users/{}/reset-totp", fresh_user(app, fx).await),
            Empty,
        ),
        "list_users" => req(Method::GET, "/api/v1/users", Empty),
        "export_users" => req(Method::GET, "/api/v1/users/export.xlsx", Empty),
        "create_user" => req(
            Method::POST,
            "/api/v1/users",
            Json(
                json!({"username": unique("u"), "name": "新用户", "departmentIds": [d], "primaryDepartmentId": d}),
            ),
        ),
        "get_user" => req(
            Method::GET,
            format!("/api/v1/users/{}", fresh_user(app, fx).await),
            Empty,
        ),
        "patch_user" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::PATCH,
                format!("/api/v1/users/{id}"),
                Json(json!({"position": "教师", "version": 1})),
            )
        }
        "disable_user" => req(
            Method::POST,
            format!("/api/v1/users/{}/disable", fresh_user(app, fx).await),
            Empty,
        ),
        "enable_user" => {
            let id = fresh_user(app, fx).await;
            let res = app
                .as_user(&fx.admin, Method::POST, &format!("/api/v1/users/{id}/disable"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "fixture disable");
            req(Method::POST, format!("/api/v1/users/{id}/enable"), Empty)
        }
        "reset_user_password" => req(
            Method::POST,
            format!("/api/v1/users/{}/reset-password", fresh_user(app, fx).await),
            Empty,
        ),
        "unlock_user" => req(
            Method::POST,
            format!("/api/v1/users/{}/unlock", fresh_user(app, fx).await),
            Empty,
        ),
        "set_user_clearance" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::PUT,
                format!("/api/v1/users/{id}/clearance"),
                Json(json!({"clearance": 2})),
            )
        }
        "assign_user_role" => {
            let id = fresh_user(app, fx).await;
            req(
                Method::POST,
                format!("/api/v1/users/{id}/roles"),
                Json(json!({"roleCode": "staff", "scope": {"kind": "self"}})),
            )
        }
        "remove_user_role" => {
            let id = fresh_user(app, fx).await;
            let grant = json!({"roleCode": "staff", "scope": {"kind": "self"}});
            let res = app
                .post_as(&fx.admin, &format!("/api/v1/users/{id}/roles"), &grant)
                .await;
            assert_eq!(res.status(), 201, "fixture role grant");
            let user: Value = res.json().await.unwrap();
            let assignment = user["roles"][0]["assignmentId"].as_str().unwrap().to_owned();
            req(
                Method::DELETE,
                format!("/api/v1/users/{id}/roles/{assignment}"),
                Empty,
            )
        }
        "import_roster" => {
            let csv = format!(
                "username,name,departmentCode,departmentName\n{},导入用户,matrix,矩阵测试部\n",
                unique("imp")
            );
            req(Method::POST, "/api/v1/roster/import?dryRun=true", multipart(&csv))
        }
        "get_roster_template" => req(Method::GET, "/api/v1/roster/import/template.xlsx", Empty),
        _ => return None,
    })
}
