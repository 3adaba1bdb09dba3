//! A draft's attachments: an edit names the set it keeps, a colleague's file already attached
//! stays, only one's own uploads are added, and a reader opens only what is attached.

use reqwest::Method;
use serde_json::{Value, json};

use super::support::School;

/// The draft edited to `files`: `(status, body)`.
async fn set(school: &School, token: &str, notice: &Value, files: &[&str]) -> (u16, Value) {
    let id = notice["id"].as_str().unwrap();
    let res = school
        .app
        .as_user(token, Method::PATCH, &format!("/api/v1/notices/{id}"))
        .json(&json!({"attachmentIds": files, "version": notice["version"]}))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn names(notice: &Value) -> Vec<String> {
    notice["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_edit_keeps_the_files_it_names_detaches_the_rest_and_adds_only_the_editor_s_uploads() {
    let school = School::open().await;
    let app = &school.app;
    let (_, clerk) = app.user_with_role("office_clerk").await;
    let dept = school.department("jwc", "教务处", None).await;
    let (_, teacher) = school.teacher(&dept).await;
    let schedule = app
        .upload(&school.director, "作息时间表.txt", "八点上课".as_bytes())
        .await;
    let draft = school
        .post(
            &school.director,
            "/api/v1/notices",
            json!({"title": "冬季作息时间调整", "body": "见附件。", "audience": {"kind": "all"}, "attachmentIds": [schedule]}),
        )
        .await
        .1;
    assert_eq!(names(&draft), ["作息时间表.txt"]);

    let map = app.upload(&clerk, "校区平面图.txt", "平面图".as_bytes()).await;
    let (status, edited) = set(&school, &clerk, &draft, &[&schedule, &map]).await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(
        names(&edited),
        ["作息时间表.txt", "校区平面图.txt"],
        "the director's file stays in the clerk's edit"
    );

    let foreign = app.upload(&teacher, "别人的文件.txt", "x".as_bytes()).await;
    let (status, refused) = set(&school, &clerk, &edited, &[&schedule, &map, &foreign]).await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused["errors"]["attachmentIds[2]"].is_array(), "{refused}");
    let (_, unchanged) = school
        .get(
            &clerk,
            &format!("/api/v1/notices/{}", draft["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(names(&unchanged), ["作息时间表.txt", "校区平面图.txt"]);

    let (status, fewer) = set(&school, &school.director, &unchanged, &[&map]).await;
    assert_eq!(status, 200, "{fewer}");
    assert_eq!(names(&fewer), ["校区平面图.txt"], "the file left out is detached");

    let id = draft["id"].as_str().unwrap();
    let (status, _) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/publish"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, seen) = school.get(&teacher, &format!("/api/v1/notices/{id}")).await;
    assert_eq!(names(&seen), ["校区平面图.txt"]);
    assert_eq!(
        app.get_as(&teacher, &format!("/api/v1/files/{map}/content"))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.get_as(&teacher, &format!("/api/v1/files/{schedule}/content"))
            .await
            .status(),
        404,
        "a detached file is no longer the reader's to open"
    );
}
