//! Uploads (附件): judged by their bytes, stored once per content, downloaded intact by those who
//! may read them, and never half-stored.

use std::path::{Path, PathBuf};

use reqwest::{Method, Response};
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_tests::{TestApp, TestOptions, assert_problem};

const FILES: &str = "/api/v1/files";
const BOUNDARY: &str = "xiaoban-file-boundary-Zq81";
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1,
];

fn form(filename: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(app: &TestApp, token: &str, filename: &str, bytes: &[u8]) -> Response {
    app.as_user(token, Method::POST, FILES)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(filename, bytes))
        .send()
        .await
        .unwrap()
}

async fn uploaded(app: &TestApp, token: &str, filename: &str, bytes: &[u8]) -> Value {
    let res = upload(app, token, filename, bytes).await;
    assert_eq!(res.status(), 201, "upload {filename}");
    res.json().await.unwrap()
}

/// A minimal docx: a stored zip whose central directory lists `[Content_Types].xml`.
fn docx() -> Vec<u8> {
    let names = ["[Content_Types].xml", "word/document.xml"];
    let mut out = Vec::new();
    let mut central = Vec::new();
    for name in names {
        let offset = u32::try_from(out.len()).unwrap();
        let len = u16::try_from(name.len()).unwrap();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[0; 22]);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[0; 24]);
        central.extend_from_slice(&len.to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_len) = (
        u32::try_from(out.len()).unwrap(),
        u32::try_from(central.len()).unwrap(),
    );
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x02\0\x02\0");
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// Every file under the upload store (blobs and anything left behind).
fn stored_files(app: &TestApp) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.config.data_dir.join("files"), &mut out);
    out
}

fn header<'r>(res: &'r Response, name: &str) -> &'r str {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn uploads_with_chinese_names_download_byte_for_byte_with_safe_headers() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "关于寒假安排的请示.pdf",
            b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".to_vec(),
            "application/pdf",
        ),
        ("校门照片.png", PNG.to_vec(), "image/png"),
        (
            "会议纪要.docx",
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "值班表.csv",
            "日期,值班人\n2026-11-23,王主任\n".as_bytes().to_vec(),
            "text/csv; charset=utf-8",
        ),
    ];
    for (name, bytes, content_type) in cases {
        let res = upload(&app, &token, name, &bytes).await;
        assert_eq!(res.status(), 201, "{name}");
        let location = header(&res, "location").to_owned();
        let body: Value = res.json().await.unwrap();
        let sha = hex::encode(Sha256::digest(&bytes));
        assert_eq!(location, format!("{FILES}/{}", body["id"].as_str().unwrap()));
        assert_eq!(body["name"], name);
        assert_eq!(body["contentType"], content_type);
        assert_eq!(body["size"], bytes.len());
        assert_eq!(body["sha256"], sha);

        let meta: Value = app.get_as(&token, &location).await.json().await.unwrap();
        assert_eq!(meta, body);

        let res = app.get_as(&token, &format!("{location}/content")).await;
        assert_eq!(res.status(), 200, "{name}");
        assert_eq!(header(&res, "content-type"), content_type);
        assert_eq!(header(&res, "content-length"), bytes.len().to_string());
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert_eq!(header(&res, "etag"), format!("\"{sha}\""));
        let disposition = header(&res, "content-disposition").to_owned();
        let encoded: String = name
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b == b'.' {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        assert!(
            disposition.starts_with("attachment; filename=\""),
            "{disposition}"
        );
        assert!(
            disposition.ends_with(&format!("filename*=UTF-8''{encoded}")),
            "{disposition}"
        );
        assert_eq!(res.bytes().await.unwrap().as_ref(), bytes.as_slice(), "{name}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'file.upload'")
            .await,
        4
    );
}

#[tokio::test]
async fn a_client_that_has_the_bytes_gets_304() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let file = uploaded(&app, &token, "说明.txt", "你好".as_bytes()).await;
    let path = format!("{FILES}/{}/content", file["id"].as_str().unwrap());
    let res = app
        .as_user(&token, Method::GET, &path)
        .header(
            "If-None-Match",
            format!("\"{}\"", file["sha256"].as_str().unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
}

#[tokio::test]
async fn the_same_bytes_uploaded_twice_are_one_blob_on_disk_and_two_files() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let other = app.staff_token().await;
    let first = uploaded(&app, &token, "通知.pdf", b"%PDF-1.4 same bytes").await;
    let second = uploaded(&app, &other, "通知（副本）.pdf", b"%PDF-1.4 same bytes").await;
    assert_ne!(first["id"], second["id"]);
    assert_eq!(first["sha256"], second["sha256"]);
    assert_eq!(second["name"], "通知（副本）.pdf");
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, 2);
    let blobs = stored_files(&app);
    assert_eq!(blobs.len(), 1, "{blobs:?}");
    let sha = first["sha256"].as_str().unwrap();
    assert!(blobs[0].ends_with(format!("{}/{sha}", &sha[..2])), "{blobs:?}");
}

#[tokio::test]
async fn content_that_disagrees_with_its_name_or_is_not_accepted_is_415_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = assert_problem(
        upload(&app, &token, "报告.pdf", PNG).await,
        415,
        "unsupported_file_type",
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("PNG"), "{body}");
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";
    assert_problem(
        upload(&app, &token, "setup.exe", exe).await,
        415,
        "unsupported_file_type",
    )
    .await;
    assert_problem(
        upload(&app, &token, "请示.docx", exe).await,
        415,
        "unsupported_file_type",
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, 0);
    assert!(stored_files(&app).is_empty());
}

#[tokio::test]
async fn an_upload_over_the_limit_is_413_and_leaves_no_row_no_blob_and_no_temp_file() {
    let app = TestApp::spawn_with(TestOptions {
        max_upload_bytes: Some(1024),
        ..Default::default()
    })
    .await;
    let token = app.staff_token().await;
    let too_big = vec![b'a'; 1025];
    let body = assert_problem(
        upload(&app, &token, "大文件.txt", &too_big).await,
        413,
        "payload_too_large",
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("1024"), "{body}");
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, 0);
    assert!(stored_files(&app).is_empty(), "{:?}", stored_files(&app));
    // Far over the limit: refused from the declared length, before reading.
    let huge = vec![b'a'; 200 * 1024];
    assert_problem(
        upload(&app, &token, "大文件.txt", &huge).await,
        413,
        "payload_too_large",
    )
    .await;
    // Exactly the limit is fine.
    uploaded(&app, &token, "刚好.txt", &too_big[..1024]).await;
    assert_eq!(stored_files(&app).len(), 1);
}

#[tokio::test]
async fn another_users_file_is_404_and_a_missing_one_too() {
    let app = TestApp::spawn().await;
    let owner = app.staff_token().await;
    let stranger = app.staff_token().await;
    let file = uploaded(&app, &owner, "私人.txt", b"mine").await;
    let path = format!("{FILES}/{}", file["id"].as_str().unwrap());
    assert_problem(app.get_as(&stranger, &path).await, 404, "not_found").await;
    assert_problem(
        app.get_as(&stranger, &format!("{path}/content")).await,
        404,
        "not_found",
    )
    .await;
    let missing = format!("{FILES}/{}", Uuid::now_v7());
    assert_problem(app.get_as(&owner, &missing).await, 404, "not_found").await;
}

#[tokio::test]
async fn every_file_endpoint_needs_a_signed_in_user() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let file = uploaded(&app, &token, "a.txt", b"a").await;
    let path = format!("{FILES}/{}", file["id"].as_str().unwrap());
    assert_problem(app.get(&path).await, 401, "unauthorized").await;
    assert_problem(app.get(&format!("{path}/content")).await, 401, "unauthorized").await;
    let res = app
        .request(Method::POST, FILES)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form("a.txt", b"a"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;
}

#[tokio::test]
async fn a_body_that_is_not_multipart_is_415_and_a_form_without_a_file_is_422() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let res = app
        .as_user(&token, Method::POST, FILES)
        .header("Content-Type", "application/pdf")
        .body(b"%PDF-1.7".to_vec())
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;
    let no_file = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--{BOUNDARY}--\r\n"
    );
    let res = app
        .as_user(&token, Method::POST, FILES)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(no_file)
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["file"].is_array(), "{body}");
    let body = assert_problem(
        upload(&app, &token, "空.txt", b"").await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["file"].is_array(), "{body}");
}

/// Modules attach uploads inside their own transaction with `link_files`. A link grants reading
/// only to those the module lets read the record (here a request that does not exist), so the
/// linked file stays readable by its owner only.
#[tokio::test]
async fn only_the_owners_own_uploads_can_be_attached_and_attachments_list_in_order() {
    use xiaoban_services::files::{link_files, linked_files};
    let app = TestApp::spawn().await;
    let owner = app.staff_token().await;
    let other = app.staff_token().await;
    let a = uploaded(&app, &owner, "一.txt", b"1").await;
    let b = uploaded(&app, &owner, "二.txt", b"2").await;
    let foreign = uploaded(&app, &other, "三.txt", b"3").await;
    let id = |v: &Value| v["id"].as_str().unwrap().parse::<Uuid>().unwrap();
    let owner_id = a["ownerId"].as_str().unwrap().parse::<Uuid>().unwrap();
    let record = Uuid::now_v7();
    let now = app.services.now();

    let err = link_files(
        app.db(),
        owner_id,
        &[id(&a), id(&foreign)],
        "approval",
        record,
        now,
        "attachments",
    )
    .await
    .unwrap_err();
    assert!(format!("{err:?}").contains("attachments[1]"), "{err:?}");
    let err = link_files(
        app.db(),
        owner_id,
        &[Uuid::now_v7()],
        "approval",
        record,
        now,
        "attachments",
    )
    .await
    .unwrap_err();
    assert!(format!("{err:?}").contains("attachments[0]"), "{err:?}");

    let record = Uuid::now_v7();
    link_files(
        app.db(),
        owner_id,
        &[id(&b), id(&a)],
        "approval",
        record,
        now,
        "attachments",
    )
    .await
    .unwrap();
    link_files(
        app.db(),
        owner_id,
        &[id(&b)],
        "approval",
        record,
        now,
        "attachments",
    )
    .await
    .unwrap();
    let listed: Vec<String> = linked_files(app.db(), "approval", record)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(listed, ["一.txt", "二.txt"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM file_links").await, 2);
    let path = format!("{FILES}/{}", id(&a));
    assert_eq!(app.get_as(&owner, &path).await.status(), 200);
    assert_problem(app.get_as(&other, &path).await, 404, "not_found").await;
}

#[tokio::test]
async fn an_api_key_cannot_upload_because_files_belong_to_people() {
    let app = TestApp::spawn().await;
    let (_, secadmin) = app.user_with_role("secadmin").await;
    let res = app
        .post_as(
            &secadmin,
            "/api/v1/api-keys",
            &serde_json::json!({"name": "同步脚本", "scopes": ["user.read"]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let key = res.json::<Value>().await.unwrap()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_problem(upload(&app, &key, "a.txt", b"a").await, 403, "forbidden").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM files").await, 0);
}

#[tokio::test]
async fn a_right_to_left_override_cannot_make_a_txt_pose_as_a_jpg() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = uploaded(&app, &token, "假照片\u{202E}gpj.txt", "纯文本".as_bytes()).await;
    assert_eq!(body["name"], "假照片gpj.txt");
    let body = uploaded(
        &app,
        &token,
        "\u{2067}报告\u{2069}\u{200E}\u{200F}\u{061C}\u{202A}.txt",
        b"text",
    )
    .await;
    assert_eq!(body["name"], "报告.txt");
}
