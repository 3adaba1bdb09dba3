//! Health, readiness, the API reference and the site around the API.

use serde_json::Value;
use xiaoban_tests::{TestApp, TestOptions};

#[tokio::test]
async fn health_answers_ok_with_the_running_version() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn ready_reports_a_reachable_and_migrated_database() {
    let app = TestApp::spawn().await;
    let body: Value = app.get("/api/v1/ready").await.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"status": "ready", "databaseReachable": true, "pendingMigrations": 0})
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_platform_routes_with_problem_errors() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/health",
        "/api/v1/ready",
        "/api/v1/calendar/days",
        "/api/v1/calendar/deadline",
    ] {
        let op = &doc["paths"][path]["get"];
        assert!(op.is_object(), "{path} missing from the document");
        assert!(op["operationId"].is_string());
        assert_eq!(
            op["responses"]["default"]["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem"
        );
    }
}

#[tokio::test]
async fn the_api_reference_page_and_its_assets_are_served_locally() {
    let app = TestApp::spawn().await;
    let redirect = app.get("/api/docs").await;
    assert_eq!(redirect.status(), 308);
    assert_eq!(redirect.headers()["location"], "/api/docs/");
    let page = app.get("/api/docs/").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "the page loads something remote"
    );
    for asset in ["swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js"] {
        let res = app.get(&format!("/api/docs/{asset}")).await;
        assert_eq!(res.status(), 200, "{asset}");
    }
    let init = app
        .get("/api/docs/swagger-initializer.js")
        .await
        .text()
        .await
        .unwrap();
    assert!(init.contains("/api/openapi.json"));
}

#[tokio::test]
async fn without_a_built_spa_the_root_page_links_to_the_api_reference() {
    let app = TestApp::spawn().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("/api/docs/") && html.contains("校办"));
}

#[tokio::test]
async fn a_built_spa_is_served_with_fallback_and_long_caching_for_hashed_assets() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>校办</title><div id=app></div>",
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/index-3f9a.js"), "console.log(1)").unwrap();
    let app = TestApp::spawn_with(TestOptions {
        frontend_dir: Some(dist.path().into()),
        ..Default::default()
    })
    .await;

    let asset = app.get("/assets/index-3f9a.js").await;
    assert_eq!(asset.status(), 200);
    assert!(
        asset.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );

    let deep_link = app.get("/approvals/123").await;
    assert_eq!(deep_link.status(), 200);
    assert_eq!(deep_link.headers()["cache-control"], "no-cache");
    assert!(deep_link.text().await.unwrap().contains("id=app"));

    let escape = app.get("/..%2f..%2fCargo.toml").await;
    assert!(
        escape.text().await.unwrap().contains("id=app"),
        "path traversal must fall back to the app"
    );
}

#[tokio::test]
async fn request_ids_are_echoed_when_sent_and_generated_otherwise() {
    let app = TestApp::spawn().await;
    let res = app
        .request(reqwest::Method::GET, "/api/v1/health")
        .header("X-Request-Id", "dingtalk-42")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "dingtalk-42");
    let res = app
        .request(reqwest::Method::GET, "/api/v1/health")
        .header("X-Request-Id", "bad id\twith spaces")
        .send()
        .await
        .unwrap();
    let generated = res.headers()["x-request-id"].to_str().unwrap();
    assert!(uuid::Uuid::parse_str(generated).is_ok(), "{generated}");
}

#[tokio::test]
async fn tests_run_on_the_database_that_was_asked_for() {
    let app = TestApp::spawn().await;
    let wants_postgres = std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"));
    let expected = if wants_postgres {
        xiaoban_persistence::Backend::Postgres
    } else {
        xiaoban_persistence::Backend::Sqlite
    };
    assert_eq!(app.backend(), expected);
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_enforced() {
    let app = TestApp::spawn().await;
    if app.backend() != xiaoban_persistence::Backend::Sqlite {
        return;
    }
    assert_eq!(pragma(&app, "journal_mode").await, "wal");
    assert_eq!(pragma(&app, "foreign_keys").await, "1");
    assert_eq!(pragma(&app, "busy_timeout").await, "10000");
}

async fn pragma(app: &TestApp, name: &str) -> String {
    use sea_orm::{ConnectionTrait, Statement};
    let sql = Statement::from_string(app.db().get_database_backend(), format!("PRAGMA {name}"));
    let row = app.db().query_one_raw(sql).await.unwrap().unwrap();
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
        .unwrap()
}
