//! The shared mechanisms every module relies on, proven on a test-only resource: the list
//! convention, optimistic concurrency, idempotent creates and gapless numbers.

use chrono::Duration;
use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use xiaoban_tests::{TestApp, TestOptions, assert_problem};

const PROBES: &str = "/api/v1/test-probes";

async fn create(app: &TestApp, title: &str, quantity: i32) -> Value {
    let res = app
        .post_json(PROBES, &json!({"title": title, "quantity": quantity}))
        .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn list(app: &TestApp, query: &str) -> Value {
    let res = app.get(&format!("{PROBES}?{query}")).await;
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn lists_page_sort_and_search_with_a_total() {
    let app = TestApp::spawn().await;
    for i in 0..25 {
        let title = if i % 5 == 0 {
            format!("打印机维修 {i}")
        } else {
            format!("办公用品 {i}")
        };
        create(&app, &title, i).await;
    }
    let page = list(&app, "page=2&pageSize=10&sort=-quantity").await;
    assert_eq!(
        (
            page["total"].as_u64(),
            page["page"].as_u64(),
            page["pageSize"].as_u64()
        ),
        (Some(25), Some(2), Some(10))
    );
    let quantities: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["quantity"].as_i64().unwrap())
        .collect();
    assert_eq!(quantities, (5..=14).rev().collect::<Vec<i64>>());

    let searched = list(&app, "q=维修").await;
    assert_eq!(
        searched["total"], 5,
        "a two-character Chinese keyword finds its rows"
    );
    let last = list(&app, "page=3&pageSize=10").await;
    assert_eq!(last["items"].as_array().unwrap().len(), 5);
    assert_eq!(list(&app, "page=9").await["items"], json!([]));
}

#[tokio::test]
async fn list_parameters_out_of_range_are_refused() {
    let app = TestApp::spawn().await;
    let body = assert_problem(
        app.get(&format!("{PROBES}?pageSize=101")).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        body["errors"]["pageSize"],
        json!(["每页条数必须在 1 到 100 之间"])
    );
    let body = assert_problem(
        app.get(&format!("{PROBES}?page=0")).await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["page"].is_array());
    let body = assert_problem(
        app.get(&format!("{PROBES}?sort=secret")).await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["sort"][0].as_str().unwrap().contains("secret"));
}

#[tokio::test]
async fn an_update_based_on_the_current_version_succeeds_and_bumps_it() {
    let app = TestApp::spawn().await;
    let probe = create(&app, "投影仪", 1).await;
    let path = format!("{PROBES}/{}", probe["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"quantity": 2, "version": 1})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        (body["quantity"].as_i64(), body["version"].as_i64()),
        (Some(2), Some(2))
    );
}

#[tokio::test]
async fn a_stale_version_is_a_409_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let probe = create(&app, "投影仪", 1).await;
    let path = format!("{PROBES}/{}", probe["id"].as_str().unwrap());
    assert_eq!(
        app.patch_json(&path, &json!({"title": "张老师改的", "version": 1}))
            .await
            .status(),
        200
    );

    let stale = app
        .patch_json(&path, &json!({"title": "李老师改的", "version": 1}))
        .await;
    let body = assert_problem(stale, 409, "version_conflict").await;
    assert_eq!(body["currentVersion"], 2);
    let now: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(
        (now["title"].as_str(), now["version"].as_i64()),
        (Some("张老师改的"), Some(2))
    );
}

#[tokio::test]
async fn if_match_carries_the_version_too_and_a_missing_version_is_refused() {
    let app = TestApp::spawn().await;
    let probe = create(&app, "投影仪", 1).await;
    let path = format!("{PROBES}/{}", probe["id"].as_str().unwrap());
    let etag = app.get(&path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let res = app
        .request(Method::PATCH, &path)
        .header("If-Match", &etag)
        .json(&json!({"quantity": 9}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = app
        .request(Method::PATCH, &path)
        .header("If-Match", &etag)
        .json(&json!({"quantity": 10}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "version_conflict").await;
    let body = assert_problem(
        app.patch_json(&path, &json!({"quantity": 11})).await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["version"].is_array());
}

#[tokio::test]
async fn concurrent_updates_from_the_same_version_let_exactly_one_win() {
    let app = TestApp::spawn().await;
    let probe = create(&app, "会议室", 1).await;
    let path = format!("{PROBES}/{}", probe["id"].as_str().unwrap());
    let attempts = (0..8).map(|i| {
        let (app, path) = (&app, &path);
        async move {
            app.patch_json(path, &json!({"quantity": 100 + i, "version": 1}))
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = join_all(attempts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 7, "{statuses:?}");
    let now: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(now["version"], 2);
}

#[tokio::test]
async fn repeating_a_create_with_the_same_idempotency_key_replays_the_first_response() {
    let app = TestApp::spawn().await;
    let send = || {
        app.request(Method::POST, PROBES)
            .header("Idempotency-Key", "mini-program-7f3a")
            .json(&json!({"title": "新生报到材料", "quantity": 3}))
            .send()
    };
    let first = send().await.unwrap();
    assert_eq!(first.status(), 201);
    let location = first.headers()["location"].to_str().unwrap().to_owned();
    let first: Value = first.json().await.unwrap();
    let again = send().await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["location"].to_str().unwrap(), location);
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    assert_eq!(list(&app, "").await["total"], 1);
}

#[tokio::test]
async fn the_same_idempotency_key_with_another_body_is_refused() {
    let app = TestApp::spawn().await;
    let post = |title: &'static str| {
        app.request(Method::POST, PROBES)
            .header("Idempotency-Key", "k-1")
            .json(&json!({"title": title, "quantity": 1}))
            .send()
    };
    assert_eq!(post("第一份").await.unwrap().status(), 201);
    assert_problem(post("第二份").await.unwrap(), 422, "idempotency_key_reused").await;
    assert_eq!(list(&app, "").await["total"], 1);
}

#[tokio::test]
async fn idempotency_keys_expire_after_a_day() {
    let (app, clock) = TestApp::spawn_at("2026-03-02T09:00:00+08:00").await;
    let post = || {
        app.request(Method::POST, PROBES)
            .header("Idempotency-Key", "daily")
            .json(&json!({"title": "日报", "quantity": 1}))
            .send()
    };
    assert_eq!(post().await.unwrap().status(), 201);
    clock.advance(Duration::hours(23));
    assert!(
        post()
            .await
            .unwrap()
            .headers()
            .contains_key("idempotent-replayed")
    );
    clock.advance(Duration::hours(2));
    let later = post().await.unwrap();
    assert_eq!(later.status(), 201);
    assert!(!later.headers().contains_key("idempotent-replayed"));
    assert_eq!(list(&app, "").await["total"], 2);
}

#[tokio::test]
async fn concurrent_repeats_of_one_idempotent_create_make_one_record() {
    let app = TestApp::spawn().await;
    let attempts = (0..10).map(|_| async {
        let res = app
            .request(Method::POST, PROBES)
            .header("Idempotency-Key", "double-click")
            .json(&json!({"title": "双击提交", "quantity": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    });
    let ids: BTreeSet<String> = join_all(attempts).await.into_iter().collect();
    assert_eq!(ids.len(), 1, "every repeat answers with the one record");
    assert_eq!(list(&app, "").await["total"], 1);
}

#[tokio::test]
async fn an_invalid_idempotency_key_is_a_400() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app
        .request(Method::POST, PROBES)
        .bearer_auth(&admin)
        .header("Idempotency-Key", "x".repeat(201))
        .json(&json!({"title": "a", "quantity": 1}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 400, "invalid_header").await;
}

#[tokio::test]
async fn a_caller_without_credentials_hears_401_before_an_invalid_idempotency_key() {
    let app = TestApp::spawn().await;
    let res = app
        .request(Method::POST, "/api/v1/departments")
        .header("Idempotency-Key", "x".repeat(201))
        .json(&json!({"code": "k", "name": "无凭据"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;
}

#[tokio::test]
async fn a_path_of_its_own_refuses_the_method_of_the_route_it_resembles() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app
        .request(Method::PATCH, "/api/v1/users/export.xlsx")
        .bearer_auth(&admin)
        .json(&json!({"name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["allow"], "GET");
    assert_problem(res, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn numbers_follow_the_pattern_and_restart_each_year() {
    let (app, clock) = TestApp::spawn_at("2026-12-31T15:00:00+08:00").await;
    assert_eq!(create(&app, "a", 1).await["number"], "2026-探-0001");
    assert_eq!(create(&app, "b", 1).await["number"], "2026-探-0002");
    // 2027-01-01 00:30 in Shanghai is still 2026 in UTC: the school's year counts.
    clock.advance(Duration::hours(9) + Duration::minutes(30));
    assert_eq!(create(&app, "c", 1).await["number"], "2027-探-0001");
}

#[tokio::test]
async fn fifty_concurrent_creates_get_fifty_consecutive_numbers() {
    let app = TestApp::spawn_with(TestOptions {
        db_max_connections: 20,
        ..Default::default()
    })
    .await;
    let creates = (0..50).map(|i| {
        let app = &app;
        async move {
            let res = app
                .post_json(PROBES, &json!({"title": format!("并发 {i}"), "quantity": 1}))
                .await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["number"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    });
    let numbers: BTreeSet<String> = join_all(creates).await.into_iter().collect();
    let year = chrono::Utc::now()
        .with_timezone(&chrono_tz_shanghai())
        .format("%Y")
        .to_string();
    let expected: BTreeSet<String> = (1..=50).map(|n| format!("{year}-探-{n:04}")).collect();
    assert_eq!(numbers, expected);
}

#[tokio::test]
async fn a_rolled_back_allocation_leaves_no_gap() {
    let app = TestApp::spawn().await;
    assert_eq!(
        create(&app, "a", 1).await["number"]
            .as_str()
            .unwrap()
            .rsplit('-')
            .next(),
        Some("0001")
    );
    let tx = xiaoban_persistence::begin_write(app.db()).await.unwrap();
    let taken = xiaoban_services::numbering::allocate(&tx, "probe", 2026)
        .await
        .unwrap();
    assert_eq!(taken, "2026-探-0002");
    drop(tx);
    let next = create(&app, "b", 1).await;
    assert!(next["number"].as_str().unwrap().ends_with("-0002"), "{next}");
}

fn chrono_tz_shanghai() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

#[tokio::test]
async fn a_series_without_a_year_never_restarts() {
    let app = TestApp::spawn().await;
    xiaoban_services::numbering::ensure_series(app.db(), "archive", "档案号", "GD-{seq:06}", "archive")
        .await
        .unwrap();
    let mut numbers = Vec::new();
    for year in [2026, 2026, 2027] {
        let tx = xiaoban_persistence::begin_write(app.db()).await.unwrap();
        numbers.push(
            xiaoban_services::numbering::allocate(&tx, "archive", year)
                .await
                .unwrap(),
        );
        tx.commit().await.unwrap();
    }
    assert_eq!(numbers, ["GD-000001", "GD-000002", "GD-000003"]);
}
