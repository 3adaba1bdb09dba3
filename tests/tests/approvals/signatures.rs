//! Handwritten signatures (手写签名): a step may require one on decisions; it must be the signer's
//! own PNG, and the request (and so its print view) shows it with the decision.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields};

pub(super) const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1,
];

pub(super) async fn upload(school: &School, who: &str, name: &str, bytes: &[u8]) -> String {
    let boundary = "xiaobansignature";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = school
        .app
        .as_user(&school.token(who).await, reqwest::Method::POST, "/api/v1/files")
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.unwrap();
    file["id"].as_str().unwrap().to_owned()
}

/// A one-step template whose approver (the department head) must sign.
async fn signed_request(school: &School) -> Value {
    let definition = json!({
        "form": { "fields": [ { "key": "reason", "label": "事由", "kind": "text", "required": true } ] },
        "steps": [ { "name": "部门审核", "rule": { "type": "department_head" }, "signatureRequired": true } ]
    });
    school.template("signed", definition).await;
    school
        .start("he.laoshi", "signed", json!({ "reason": "外出培训" }))
        .await
}

#[tokio::test]
async fn a_decision_without_the_required_signature_is_refused() {
    let school = School::open().await;
    let request = signed_request(&school).await;
    let id = &request["id"];
    let seen = school.detail("wei.xinxi", id).await;
    assert_eq!(seen["myDecision"]["signatureRequired"], true);
    for (action, body) in [("approve", json!({})), ("reject", json!({ "comment": "不同意" }))] {
        let res = school.act("wei.xinxi", id, action, body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["signatureFileId"], "{action}");
    }
    let unchanged = school.detail("he.laoshi", id).await;
    assert_eq!(unchanged["status"], "running");
    assert_eq!(unchanged["version"], request["version"]);
}

#[tokio::test]
async fn a_signature_that_is_not_the_signers_own_png_is_refused() {
    let school = School::open().await;
    let request = signed_request(&school).await;
    let id = &request["id"];
    let someone_elses = upload(&school, "he.laoshi", "签名.png", PNG).await;
    let text = upload(&school, "wei.xinxi", "签名.txt", "魏主任".as_bytes()).await;
    for file in [someone_elses, text, uuid::Uuid::now_v7().to_string()] {
        let res = school
            .act("wei.xinxi", id, "approve", json!({ "signatureFileId": file }))
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&problem), ["signatureFileId"]);
    }
    assert_eq!(school.detail("he.laoshi", id).await["status"], "running");
}

#[tokio::test]
async fn the_print_view_shows_the_signers_signature() {
    let school = School::open().await;
    let request = signed_request(&school).await;
    let id = &request["id"];
    let signature = upload(&school, "wei.xinxi", "signature.png", PNG).await;
    let body = json!({ "comment": "同意", "signatureFileId": signature });
    let done = school.ok("wei.xinxi", id, "approve", body).await;
    assert_eq!(done["status"], "approved");

    // What the print view reads: the applicant's view of the request.
    let sheet = school.detail("he.laoshi", id).await;
    let decision = sheet["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["status"] == "approved")
        .expect("the decision");
    assert_eq!(decision["signatureFileId"], signature);
    assert_eq!(decision["comment"], "同意");
    // The signature is the decision's, not one of the request's attachments.
    assert_eq!(sheet["attachments"], json!([]));
    let path = format!("/api/v1/files/{signature}/content");
    let image = school.app.get_as(&school.token("he.laoshi").await, &path).await;
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.bytes().await.unwrap().as_ref(), PNG);
    // Someone outside the request still cannot read it.
    let outsider = school.app.get_as(&school.token("lv.laoshi").await, &path).await;
    assert_eq!(outsider.status(), 404);
}

#[tokio::test]
async fn finance_deciding_without_signature_or_account_code_is_told_both_at_once() {
    let school = School::open().await;
    let definition = json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "accountCode", "label": "会计科目", "kind": "text" }
        ]},
        "steps": [ { "name": "财务审核", "rule": { "type": "department_head" },
                     "fieldRights": { "accountCode": "required" }, "signatureRequired": true } ]
    });
    school.template("signed_claim", definition).await;
    let request = school
        .start("he.laoshi", "signed_claim", json!({ "amount": 100 }))
        .await;
    let res = school
        .act("wei.xinxi", &request["id"], "approve", json!({}))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(named, ["form.accountCode", "signatureFileId"]);
}
