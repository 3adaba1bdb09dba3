//! Files attached to a request: by the form and by comments, readable by its participants only.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, leave};

async fn upload(school: &School, who: &str, name: &str, text: &str) -> Value {
    let boundary = "xiaobanattach";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n"
    );
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
    res.json().await.unwrap()
}

async fn download(school: &School, who: &str, file: &Value) -> reqwest::Response {
    let path = format!("/api/v1/files/{}/content", file["id"].as_str().unwrap());
    school.app.get_as(&school.token(who).await, &path).await
}

#[tokio::test]
async fn attachments_of_the_form_and_comments_are_readable_by_participants_only() {
    let school = School::open().await;
    let note = upload(&school, "he.laoshi", "病假条.txt", "医院证明").await;
    let mut form = leave(2.0);
    form["attachments"] = json!([note["id"]]);
    let request = school.start("he.laoshi", "leave", form).await;
    assert_eq!(request["attachments"][0]["name"], "病假条.txt");
    let res = download(&school, "wei.xinxi", &note).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "医院证明");
    assert_problem(download(&school, "lv.laoshi", &note).await, 404, "not_found").await;

    let reply = upload(&school, "wei.xinxi", "调课安排.txt", "周三调至周五").await;
    let commented = school
        .ok(
            "wei.xinxi",
            &request["id"],
            "comment",
            json!({ "attachments": [reply["id"]] }),
        )
        .await;
    assert_eq!(commented["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(download(&school, "he.laoshi", &reply).await.status(), 200);

    let foreign = upload(&school, "lv.laoshi", "别人的.txt", "x").await;
    let mut stolen = leave(1.0);
    stolen["attachments"] = json!([foreign["id"]]);
    let res = school.try_start("he.laoshi", "leave", stolen).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(
        super::support::fields(&problem)
            .iter()
            .any(|f| f.starts_with("form.attachments")),
        "{problem}"
    );
}
