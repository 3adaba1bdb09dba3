//! Requests of the notices, guides and public operations (tags `notices`, `guides`, `public`): each builds a fresh notice or guide as the office director,
//! addressed to everyone, so that the matrix's student is a reader.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::TestApp;

use super::*;

fn everyone() -> Value {
    json!({"kind": "all"})
}

async fn draft(app: &TestApp, fx: &Fixture) -> String {
    let notice = app
        .draft_notice(&fx.approvals.director, "矩阵通知", everyone(), true)
        .await;
    notice["id"].as_str().unwrap().to_owned()
}

async fn published(app: &TestApp, fx: &Fixture) -> String {
    let notice = app
        .published_notice(&fx.approvals.director, "矩阵通知", everyone(), true)
        .await;
    notice["id"].as_str().unwrap().to_owned()
}

/// A fresh draft each call: titles are unique within a kind.
async fn guide_draft(app: &TestApp, fx: &Fixture) -> Value {
    let title = format!("矩阵指南 {}", uuid::Uuid::now_v7());
    app.draft_guide(&fx.approvals.director, "guide", &title, "第一步", true)
        .await
}

/// A public guide published twice, with a flowchart in its current version.
async fn guide_published(app: &TestApp, fx: &Fixture) -> String {
    let director = &fx.approvals.director;
    let guide = guide_draft(app, fx).await;
    let id = guide["id"].as_str().unwrap().to_owned();
    let once = app.publish_guide(director, &id).await;
    let flowchart = app.upload_png(director, "流程图.png").await;
    app.edit_guide(
        director,
        &once,
        json!({"body": "第一步\n第二步", "flowchartFileId": flowchart}),
    )
    .await;
    app.publish_guide(director, &id).await;
    id
}

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    let request = match op_id {
        "list_notices" => req(Method::GET, "/api/v1/notices?read=false", Empty),
        "create_notice" => req(
            Method::POST,
            "/api/v1/notices",
            Json(json!({"title": "矩阵通知", "body": "正文", "audience": everyone()})),
        ),
        "get_notice" => req(
            Method::GET,
            format!("/api/v1/notices/{}", published(app, fx).await),
            Empty,
        ),
        "patch_notice" => req(
            Method::PATCH,
            format!("/api/v1/notices/{}", draft(app, fx).await),
            Json(json!({"title": "改过的通知", "version": 1})),
        ),
        "publish_notice" => req(
            Method::POST,
            format!("/api/v1/notices/{}/publish", draft(app, fx).await),
            Json(json!({})),
        ),
        "withdraw_notice" => req(
            Method::POST,
            format!("/api/v1/notices/{}/withdraw", published(app, fx).await),
            Json(json!({})),
        ),
        "pin_notice" => req(
            Method::POST,
            format!("/api/v1/notices/{}/pin", published(app, fx).await),
            Json(json!({"pinned": true})),
        ),
        "read_notice" => req(
            Method::POST,
            format!("/api/v1/notices/{}/read", published(app, fx).await),
            Empty,
        ),
        "get_notice_timeline" => req(
            Method::GET,
            format!("/api/v1/notices/{}/timeline", published(app, fx).await),
            Empty,
        ),
        "get_guide_timeline" => req(
            Method::GET,
            format!("/api/v1/guides/{}/timeline", guide_published(app, fx).await),
            Empty,
        ),
        "list_notice_receipts" => req(
            Method::GET,
            format!("/api/v1/notices/{}/receipts?read=false", published(app, fx).await),
            Empty,
        ),
        "remind_notice_readers" => req(
            Method::POST,
            format!("/api/v1/notices/{}/receipts/remind", published(app, fx).await),
            Empty,
        ),
        "export_notice_receipts" => req(
            Method::GET,
            format!(
                "/api/v1/notices/{}/receipts/export.xlsx",
                published(app, fx).await
            ),
            Empty,
        ),
        "import_guides" => {
            let csv = format!("标题,分类\n{},矩阵分类\n", unique("矩阵导入"));
            req(Method::POST, "/api/v1/guides/import?dryRun=true", multipart(&csv))
        }
        "get_guides_import_template" => req(Method::GET, "/api/v1/guides/import/template.xlsx", Empty),
        "list_guide_categories" => req(Method::GET, "/api/v1/guides/categories", Empty),
        "list_guides" => req(
            Method::GET,
            "/api/v1/guides?kind=guide&q=%E7%9F%A9%E9%98%B5",
            Empty,
        ),
        "create_guide" => req(
            Method::POST,
            "/api/v1/guides",
            Json(json!({"kind": "sop", "category": "发文", "title": "矩阵手册", "body": "拟稿"})),
        ),
        "get_guide" => req(
            Method::GET,
            format!("/api/v1/guides/{}", guide_published(app, fx).await),
            Empty,
        ),
        "patch_guide" => {
            let guide = guide_draft(app, fx).await;
            req(
                Method::PATCH,
                format!("/api/v1/guides/{}", guide["id"].as_str().unwrap()),
                Json(json!({"body": "第一步\n第二步", "version": guide["version"]})),
            )
        }
        "publish_guide" => {
            let guide = guide_draft(app, fx).await;
            req(
                Method::POST,
                format!("/api/v1/guides/{}/publish", guide["id"].as_str().unwrap()),
                Json(json!({})),
            )
        }
        "withdraw_guide" => req(
            Method::POST,
            format!("/api/v1/guides/{}/withdraw", guide_published(app, fx).await),
            Json(json!({})),
        ),
        "list_guide_versions" => req(
            Method::GET,
            format!("/api/v1/guides/{}/versions", guide_published(app, fx).await),
            Empty,
        ),
        "get_guide_version" => req(
            Method::GET,
            format!("/api/v1/guides/{}/versions/2", guide_published(app, fx).await),
            Empty,
        ),
        "get_guide_diff" => req(
            Method::GET,
            format!(
                "/api/v1/guides/{}/diff?from=1&to=2",
                guide_published(app, fx).await
            ),
            Empty,
        ),
        "list_public_notices" => req(Method::GET, "/api/v1/public/notices", Empty),
        "get_public_notice" => req(
            Method::GET,
            format!("/api/v1/public/notices/{}", published(app, fx).await),
            Empty,
        ),
        "list_public_guides" => req(Method::GET, "/api/v1/public/guides?kind=guide", Empty),
        "get_public_guide" => req(
            Method::GET,
            format!("/api/v1/public/guides/{}", guide_published(app, fx).await),
            Empty,
        ),
        "get_public_guide_flowchart" => req(
            Method::GET,
            format!(
                "/api/v1/public/guides/{}/flowchart",
                guide_published(app, fx).await
            ),
            Empty,
        ),
        _ => return None,
    };
    Some(request)
}
