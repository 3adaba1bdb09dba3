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

/// The security headers every response must carry, with their values.
fn assert_security_headers(res: &reqwest::Response, what: &str) {
    let header = |name: &str| {
        res.headers()
            .get(name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap()
            .to_owned()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: {csp}"
    );
    assert_eq!(header("x-frame-options"), "DENY", "{what}");
    assert_eq!(header("referrer-policy"), "no-referrer", "{what}");
    assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
}

#[tokio::test]
async fn no_answer_can_be_framed_sniffed_or_leak_its_address_to_another_site() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/landing.css",
        "/api/v1/health",
        "/api/v1/users",
        "/api/v1/no-such-thing",
        "/api/docs/",
        "/api/docs/swagger-initializer.js",
        "/api/openapi.json",
        "/no-such-page",
    ] {
        let res = app.get(path).await;
        assert_security_headers(&res, path);
    }
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><div id=app></div>",
    )
    .unwrap();
    let spa = TestApp::spawn_with(TestOptions {
        frontend_dir: Some(dist.path().into()),
        ..Default::default()
    })
    .await;
    assert_security_headers(&spa.get("/approvals/123").await, "the SPA");
}

#[tokio::test]
async fn api_answers_are_never_kept_by_a_browser_or_a_proxy() {
    let app = TestApp::spawn().await;
    let token = app.admin_token().await;
    for res in [
        app.get_as(&token, "/api/v1/me").await,
        app.get_as(&token, "/api/v1/users").await,
        app.get("/api/v1/users").await,
        app.get("/api/v1/health").await,
    ] {
        let url = res.url().to_string();
        assert_eq!(res.headers()["cache-control"], "no-store", "{url}");
    }
}

/// Inline script or style in a page: a `<script>` without `src`, a `<style>` element, a `style=`
/// or `on…=` attribute, a `javascript:` link. The policy would block each of them.
fn inline_code(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut found = Vec::new();
    for tag in lower.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if tag.starts_with("script") && !tag.contains("src=") {
            found.push(format!("<{tag}>"));
        }
        if tag.starts_with("style") {
            found.push("<style>".to_owned());
        }
        let attributes = tag.split_whitespace().skip(1);
        for attribute in attributes {
            if attribute.starts_with("style=")
                || (attribute.starts_with("on") && attribute.contains('='))
                || attribute.contains("javascript:")
            {
                found.push(attribute.to_owned());
            }
        }
    }
    found
}

#[tokio::test]
async fn the_landing_page_the_reference_and_the_spa_shell_run_without_inline_script() {
    let app = TestApp::spawn().await;
    for path in ["/", "/api/docs/"] {
        let html = app.get(path).await.text().await.unwrap();
        assert_eq!(inline_code(&html), Vec::<String>::new(), "{path}");
    }
    let css = app.get("/landing.css").await;
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    // Vite's build keeps the shell's tags and adds only external module scripts and styles.
    let shell =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../frontend/index.html")).unwrap();
    assert_eq!(inline_code(&shell), Vec::<String>::new(), "frontend/index.html");
    assert_eq!(
        inline_code("<p style=\"x\" onclick=\"y\"><script>z</script>"),
        ["style=\"x\"", "onclick=\"y\"", "<script>"]
    );
}
