//! List exports (`…/export.xlsx`): the list's filters and reach, Chinese headers, masking, and
//! registers longer than any batch.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::Utc;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_persistence::entities::user;
use xiaoban_persistence::identity::users::new_row;
use xiaoban_tests::{TestApp, assert_problem};

const EXPORT: &str = "/api/v1/users/export.xlsx";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn rows_of(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

async fn export(app: &TestApp, token: &str, query: &str) -> Vec<Vec<String>> {
    let res = app.get_as(token, &format!("{EXPORT}?{query}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], XLSX);
    assert_eq!(res.headers()["cache-control"], "no-store");
    rows_of(&res.bytes().await.unwrap(), "用户名单")
}

/// Inserts `n` users named `bulk00000`… with a phone and ID number, 500 rows a statement.
async fn bulk_users(app: &TestApp, n: usize) {
    let now = Utc::now();
    let rows: Vec<user::ActiveModel> = (0..n)
        .map(|i| {
            let mut row = new_row(Uuid::now_v7(), &format!("bulk{i:05}"), "批量", None, false, now);
            row.phone = Some(format!("139{i:08}"));
            row.id_number = Some("11010519900101123X".to_owned());
            row.into()
        })
        .collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<user::ActiveModel> = rows.by_ref().take(500).collect();
        user::Entity::insert_many(chunk).exec(app.db()).await.unwrap();
    }
}

#[tokio::test]
async fn ten_thousand_users_export_whole_in_username_order_and_masked() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let n = 10_050;
    bulk_users(&app, n).await;
    let rows = export(&app, &admin, "q=bulk").await;
    assert_eq!(rows.len(), n + 1, "the header and every user");
    assert_eq!(rows[0][..3], ["用户名", "姓名", "工号/学号"]);
    assert_eq!(rows[1][0], "bulk00000");
    assert_eq!(rows[n][0], format!("bulk{:05}", n - 1));
    let sorted = rows[1..].windows(2).all(|w| w[0][0] < w[1][0]);
    assert!(sorted, "no row repeated or out of order across batches");
    assert_eq!(
        rows[2][5], "139****0001",
        "phone masked without user.view_sensitive"
    );
    assert_eq!(rows[2][6], "110105********123X");
}

#[tokio::test]
async fn the_users_export_takes_the_list_filters_and_reach_shows_full_numbers_to_who_may_and_is_audited() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let dept = app
        .post_as(
            &admin,
            "/api/v1/departments",
            &json!({"code": "jwc", "name": "教务处"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    for (username, name) in [("zhang.wei", "张伟"), ("li.na", "李娜"), ("wang.fang", "王芳")] {
        let body = json!({
            "username": username, "name": name, "phone": "13812341234",
            "departmentIds": [dept["id"]], "primaryDepartmentId": dept["id"],
        });
        assert_eq!(app.post_as(&admin, "/api/v1/users", &body).await.status(), 201);
    }
    let in_dept = export(
        &app,
        &admin,
        &format!("departmentId={}", dept["id"].as_str().unwrap()),
    )
    .await;
    let names: Vec<&str> = in_dept[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["li.na", "wang.fang", "zhang.wei"]);
    assert!(
        in_dept[1..]
            .iter()
            .all(|r| r[3] == "教务处" && r[5] == "138****1234")
    );
    let searched = export(&app, &admin, "q=%E7%8E%8B").await;
    assert_eq!(searched.len(), 2, "q=王 finds 王芳 only: {searched:?}");

    let (_, secadmin) = app.user_with_role("secadmin").await;
    let full = export(&app, &secadmin, "q=li.na").await;
    assert_eq!(full[1][5], "13812341234");

    let (_, teacher) = app.user_with_role("staff").await;
    assert_problem(app.get_as(&teacher, EXPORT).await, 403, "forbidden").await;
    let bad = app.get_as(&admin, &format!("{EXPORT}?status=lost")).await;
    assert_problem(bad, 422, "validation_failed").await;

    let (_, auditor) = app.user_with_role("auditor").await;
    let audit: Value = app
        .get_as(&auditor, "/api/v1/audit-events?action=user.export")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(audit["total"], 3, "{audit}");
}
