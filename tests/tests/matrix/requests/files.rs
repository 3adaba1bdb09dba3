//! Requests for the uploaded files operations (tag `files`).

use reqwest::Method;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::None as Empty;
    Some(match op_id {
        "upload_file" => req(Method::POST, "/api/v1/files", upload("矩阵.txt", "矩阵测试")),
        "get_file" => req(
            Method::GET,
            format!("/api/v1/files/{}", student_file(app, fx).await),
            Empty,
        ),
        "get_file_content" => req(
            Method::GET,
            format!("/api/v1/files/{}/content", student_file(app, fx).await),
            Empty,
        ),
        _ => return None,
    })
}
