//! Roster import (花名册导入): every bad row reported with its line, all or nothing.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::accounts::READY_PASSWORD;
use xiaoban_tests::{TestApp, assert_problem};

const IMPORT: &str = "/api/v1/roster/import";
const BOUNDARY: &str = "xiaoban-test-boundary-7MA4YWxk";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER: &str = "部门编码,部门名称,上级部门编码,用户名,姓名,工号/学号,手机,邮箱,职务,角色";

fn form(filename: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
         Content-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(
    app: &TestApp,
    token: &str,
    dry_run: bool,
    filename: &str,
    content_type: &str,
    bytes: &[u8],
) -> reqwest::Response {
    app.as_user(token, Method::POST, &format!("{IMPORT}?dryRun={dry_run}"))
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(filename, content_type, bytes))
        .send()
        .await
        .unwrap()
}

async fn csv(app: &TestApp, token: &str, dry_run: bool, text: &str) -> reqwest::Response {
    upload(app, token, dry_run, "名单.csv", "text/csv", text.as_bytes()).await
}

async fn written(app: &TestApp) -> (i64, i64, i64) {
    (
        app.count("SELECT COUNT(*) FROM departments").await,
        app.count("SELECT COUNT(*) FROM users").await,
        app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('user.create', 'department.create')")
            .await,
    )
}

async fn sysadmin(app: &TestApp) -> String {
    app.admin_token().await
}

#[tokio::test]
async fn a_dry_run_reports_every_bad_row_with_its_line_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let before = written(&app).await;
    let text = format!(
        "\u{feff}{HEADER}\n\
         JWC,教务处,,zhangsan,张三,T001,13800000001,zs@school.cn,干事,staff\n\
         JWC,教务处,,张三,张三,,,,,\n\
         \n\
         JWC,教务处,,zhangsan,张三二,T001,,not-an-email,,\n\
         JWC,教务处,,lisi,李四,,12ab,,,nope\n\
         ZWC,,,admin,管理员,,,,,sysadmin\n"
    );
    let res = csv(&app, &token, true, &text).await;
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["dryRun"], true);
    assert_eq!(
        report["summary"],
        json!({"rows": 5, "departmentsToCreate": 1, "usersToCreate": 1})
    );
    let found: Vec<(u64, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        (3, "username"),
        (5, "username"),
        (5, "number"),
        (5, "email"),
        (6, "phone"),
        (6, "roleCode"),
        (7, "username"),
        (7, "roleCode"),
        (7, "departmentName"),
    ];
    let expected: Vec<(u64, String)> = expected.iter().map(|(l, f)| (*l, (*f).to_owned())).collect();
    assert_eq!(found, expected, "{report}");
    let repeat = &report["errors"][1];
    assert_eq!(repeat["message"], "与第 2 行的用户名重复");
    assert_eq!(report["users"], json!([]));
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn a_real_run_with_one_bad_row_writes_nothing() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let before = written(&app).await;
    let text = format!("{HEADER}\nJWC,教务处,,zhangsan,张三,,,,,\nJWC,教务处,,bad name,李四,,,,,\n");
    let problem = assert_problem(csv(&app, &token, false, &text).await, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["lines[3].username"]
    );
    assert_eq!(written(&app).await, before);
    let login = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"username": "zhangsan", "password": "whatever#A1"}),
        )
        .await;
    assert_problem(login, 401, "invalid_credentials").await;
}

#[tokio::test]
async fn a_good_csv_creates_departments_and_users_who_must_change_the_password() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let before = written(&app).await;
    // The child comes before its parent in the file; the import orders them.
    let text = format!(
        "{HEADER}\n\
         JWC-KW,考务科,JWC,wangwu,王五,T100,13900000003,,科长,dept_head\n\
         JWC,教务处,,zhangsan,张三,T101,13800000001,zs@school.cn,干事,\n\
         JWC,,,lisi,李四,,,,,\n"
    );
    let res = csv(&app, &token, false, &text).await;
    assert_eq!(res.status(), 200);
    let outcome: Value = res.json().await.unwrap();
    assert_eq!(outcome["dryRun"], false);
    assert_eq!(
        outcome["summary"],
        json!({"rows": 3, "departmentsToCreate": 2, "usersToCreate": 3})
    );
    let users = outcome["users"].as_array().unwrap();
    assert_eq!(users.len(), 3);
    assert_eq!(written(&app).await, (before.0 + 2, before.1 + 3, before.2 + 5));

    let wangwu = users.iter().find(|u| u["username"] == "wangwu").unwrap();
    let password = wangwu["initialPassword"].as_str().unwrap();
    let signed_in = app.login("wangwu", password).await;
    assert_eq!(signed_in["user"]["mustChangePassword"], true);
    let access = signed_in["accessToken"].as_str().unwrap();
    let fresh = app.change_password(access, password, READY_PASSWORD).await;
    let me: Value = app.get_as(&fresh, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["departments"][0]["code"], "JWC-KW");
    assert_eq!(me["roles"][0]["code"], "dept_head");
    assert_eq!(me["roles"][0]["scope"]["kind"], "department");
    assert_eq!(me["number"], "T100");
    let parent = app
        .count(
            "SELECT COUNT(*) FROM departments c JOIN departments p ON c.parent_id = p.id \
         WHERE c.code = 'JWC-KW' AND p.code = 'JWC'",
        )
        .await;
    assert_eq!(parent, 1);
    // Importing the same file again: every username exists now.
    let again = assert_problem(csv(&app, &token, false, &text).await, 422, "validation_failed").await;
    assert_eq!(again["errors"].as_object().unwrap().len(), 5, "{again}");
}

#[tokio::test]
async fn an_xlsx_roster_is_imported_too() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["departmentCode", "departmentName", "username", "name", "phone"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "ZWC").unwrap();
    sheet.write_string(1, 1, "总务处").unwrap();
    sheet.write_string(1, 2, "zhaoliu").unwrap();
    sheet.write_string(1, 3, "赵六").unwrap();
    sheet.write_number(1, 4, 13700000004.0).unwrap();
    sheet.write_string(3, 0, "ZWC").unwrap();
    sheet.write_string(3, 2, "Bad Name").unwrap();
    sheet.write_string(3, 3, "坏").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let report: Value = upload(&app, &token, true, "roster.xlsx", XLSX, &bytes)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["summary"]["rows"], 2);
    assert_eq!(report["errors"][0]["line"], 4, "{report}");
    assert_eq!(report["errors"][0]["field"], "username");

    sheet_fixed_import(&app, &token).await;
}

async fn sheet_fixed_import(app: &TestApp, token: &str) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["部门编码", "部门名称", "用户名", "姓名", "手机"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (col, value) in ["ZWC", "总务处", "zhaoliu", "赵六"].iter().enumerate() {
        sheet.write_string(1, col as u16, *value).unwrap();
    }
    sheet.write_number(1, 4, 13700000004.0).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let res = upload(app, token, false, "roster.xlsx", XLSX, &bytes).await;
    assert_eq!(res.status(), 200);
    let outcome: Value = res.json().await.unwrap();
    let password = outcome["users"][0]["initialPassword"].as_str().unwrap();
    let body = app.login("zhaoliu", password).await;
    assert_eq!(body["user"]["mustChangePassword"], true);
    assert_eq!(body["user"]["departments"][0]["code"], "ZWC");
    let phone = app
        .count("SELECT COUNT(*) FROM users WHERE phone = '13700000004'")
        .await;
    assert_eq!(phone, 1);
}

#[tokio::test]
async fn wrong_types_sizes_and_callers_are_refused_as_problems() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let text = upload(&app, &token, true, "roster.txt", "text/plain", b"a,b").await;
    assert_problem(text, 415, "unsupported_media_type").await;
    let json_body = app.post_as(&token, IMPORT, &json!({"file": "x"})).await;
    assert_problem(json_body, 415, "unsupported_media_type").await;
    let big = vec![b'a'; 5 * 1024 * 1024 + 10];
    assert_problem(
        upload(&app, &token, true, "big.csv", "text/csv", &big).await,
        413,
        "payload_too_large",
    )
    .await;
    let not_xlsx = upload(&app, &token, true, "roster.xlsx", XLSX, b"not a zip").await;
    let problem = assert_problem(not_xlsx, 422, "validation_failed").await;
    assert!(problem["errors"]["file"].is_array());
    let no_columns = csv(&app, &token, true, "a,b\n1,2\n").await;
    assert!(assert_problem(no_columns, 422, "validation_failed").await["errors"]["file"].is_array());
    let broken = app
        .as_user(&token, Method::POST, IMPORT)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body("garbage without a boundary")
        .send()
        .await
        .unwrap();
    assert!(broken.status().is_client_error());
    assert_eq!(broken.headers()["content-type"], "application/problem+json");

    let staff = app.staff_token().await;
    let body = format!("{HEADER}\nJWC,教务处,,zhangsan,张三,,,,,\n");
    assert_problem(csv(&app, &staff, true, &body).await, 403, "forbidden").await;
    let anonymous = app
        .request(Method::POST, IMPORT)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form("a.csv", "text/csv", body.as_bytes()))
        .send()
        .await
        .unwrap();
    assert_problem(anonymous, 401, "unauthorized").await;
}

#[tokio::test]
async fn a_roster_cell_with_a_nul_byte_is_refused_naming_its_line_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let before = written(&app).await;
    let text = format!(
        "{HEADER}\n\
         JWC,教务处,,zhangsan,张\u{0}三,,,,,\n\
         JWC,教务处,,lisi,李四,T\u{7}01,,,,\n"
    );
    let report: Value = csv(&app, &token, true, &text).await.json().await.unwrap();
    let fields: Vec<(u64, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(fields, [(2, "name"), (3, "number")], "{report}");
    let res = csv(&app, &token, false, &text).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["lines[2].name"].is_array(), "{body}");
    assert_eq!(written(&app).await, before);
}

#[tokio::test]
async fn a_roster_import_hashes_within_a_one_hash_pool_and_still_completes() {
    let app = TestApp::spawn_with(xiaoban_tests::TestOptions {
        hash_pool: Some((1, 0)),
        ..Default::default()
    })
    .await;
    let token = sysadmin(&app).await;
    let rows: String = (0..12)
        .map(|i| format!("JWC,教务处,,teacher{i},教师{i},,,,,\n"))
        .collect();
    let res = csv(&app, &token, false, &format!("{HEADER}\n{rows}")).await;
    assert_eq!(res.status(), 200);
    let outcome: Value = res.json().await.unwrap();
    assert_eq!(outcome["summary"]["usersToCreate"], 12, "{outcome}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE username LIKE 'teacher%'")
            .await,
        12
    );
}

#[tokio::test]
async fn cells_are_read_as_the_ui_shows_them_and_bad_numbers_name_their_chinese_column() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let made = app
        .post_as(
            &token,
            "/api/v1/departments",
            &json!({"code": "jwc", "name": "教务处"}),
        )
        .await;
    assert_eq!(made.status(), 201);
    let text = "部门编码,用户名,姓名,手机,身份证号,角色\n\
                教务处,wang.wu,王五,+86 138-1234-5678,11010519491231002x,教职工\n\
                jwc,zhao.qi,赵七,12812345678,110105194912310021,学生\n";
    let report: Value = csv(&app, &token, true, text).await.json().await.unwrap();
    let found: Vec<(u64, &str, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["field"].as_str().unwrap(),
                e["column"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(3, "phone", "手机"), (3, "idNumber", "身份证号")],
        "{report}"
    );

    let good = "部门编码,用户名,姓名,手机,身份证号,角色\n\
                教务处,wang.wu,王五,+86 138-1234-5678,11010519491231002x,教职工\n";
    let res = csv(&app, &token, false, good).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let stored = app
        .count(
            "SELECT COUNT(*) FROM users WHERE username = 'wang.wu' AND phone = '13812345678' \
         AND id_number = '11010519491231002X'",
        )
        .await;
    assert_eq!(
        stored, 1,
        "the phone stored as 11 digits, the ID number upper-case"
    );
    let roles = app
        .count(
            "SELECT COUNT(*) FROM role_assignments a JOIN roles r ON r.id = a.role_id \
         JOIN users u ON u.id = a.user_id WHERE u.username = 'wang.wu' AND r.code = 'staff'",
        )
        .await;
    assert_eq!(roles, 1, "教职工 is the role staff");
}

#[tokio::test]
async fn the_sample_file_names_every_column_in_chinese_and_its_row_passes_the_check() {
    let app = TestApp::spawn().await;
    let token = sysadmin(&app).await;
    let res = app.get_as(&token, "/api/v1/roster/import/template.xlsx").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], XLSX);
    let bytes = res.bytes().await.unwrap().to_vec();
    let header = crate::sheets::header_row(&bytes);
    assert_eq!(
        header[..5],
        ["部门编码", "部门名称", "上级部门编码", "用户名", "姓名"]
    );
    assert!(header.contains(&"身份证号".to_owned()));
    let report: Value = upload(&app, &token, true, "模板.xlsx", XLSX, &bytes)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["errors"], json!([]), "{report}");
    assert_eq!(report["summary"]["usersToCreate"], 1);

    let (_, staff) = app.user_with_role("staff").await;
    let refused = app.get_as(&staff, "/api/v1/roster/import/template.xlsx").await;
    assert_problem(refused, 403, "forbidden").await;
}
