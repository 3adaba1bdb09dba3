//! In-app notifications: the outbox delivers each committed notice exactly once per recipient,
//! retries with backoff, and each user reads, counts and marks their own.

use chrono::Duration;
use futures_util::future::join_all;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_persistence::begin_write;
use xiaoban_persistence::entities::{notification, outbox_message};
use xiaoban_persistence::notifications::outbox;
use xiaoban_services::notifications::{DeliveryReport, Notice, NoticeKind, enqueue};
use xiaoban_tests::{TestApp, assert_problem};

const NOTIFICATIONS: &str = "/api/v1/notifications";

/// A signed-in staff member: (id, token).
async fn member(app: &TestApp) -> (Uuid, String) {
    let token = app.staff_token().await;
    let me: Value = app.get_as(&token, "/api/v1/me").await.json().await.unwrap();
    (me["id"].as_str().unwrap().parse().unwrap(), token)
}

fn notice(recipients: Vec<Uuid>, title: &str) -> Notice {
    let instance = Uuid::now_v7();
    Notice {
        kind: NoticeKind::TaskAssigned,
        recipients,
        title: title.to_owned(),
        body: "王老师提交了请假申请，请审批".to_owned(),
        link: Some(format!("/approvals/{instance}")),
        subject: Some(("approval".to_owned(), instance)),
        data: json!({"instanceId": instance}),
    }
}

/// Enqueues in a transaction of its own and commits it.
async fn send(app: &TestApp, notice: Notice) {
    let tx = begin_write(app.db()).await.unwrap();
    enqueue(&tx, app.services.now(), notice).await.unwrap();
    tx.commit().await.unwrap();
}

async fn deliver(app: &TestApp) -> DeliveryReport {
    app.services.deliver_outbox(100).await.unwrap()
}

fn delivered(n: u64) -> DeliveryReport {
    DeliveryReport {
        delivered: n,
        ..Default::default()
    }
}

async fn list(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app.get_as(token, &format!("{NOTIFICATIONS}{query}")).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn unread_count(app: &TestApp, token: &str) -> u64 {
    let res = app.get_as(token, &format!("{NOTIFICATIONS}/unread-count")).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["count"].as_u64().unwrap()
}

async fn stored_for(app: &TestApp, recipient: Uuid) -> u64 {
    notification::Entity::find()
        .filter(notification::Column::RecipientId.eq(recipient))
        .count(app.db())
        .await
        .unwrap()
}

async fn outbox_row(app: &TestApp, id: Uuid) -> outbox_message::Model {
    outbox::find(app.db(), id).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_committed_notice_reaches_each_recipient_exactly_once() {
    let app = TestApp::spawn().await;
    let (alice, alice_token) = member(&app).await;
    let (bob, bob_token) = member(&app).await;
    let mut n = notice(vec![alice, bob, alice], "待审批：请假申请（王老师）");
    n.kind = NoticeKind::Urged;
    let instance = n.subject.clone().unwrap().1;
    send(&app, n).await;
    assert_eq!(
        list(&app, &alice_token, "").await["total"],
        0,
        "nothing before delivery"
    );

    assert_eq!(deliver(&app).await, delivered(1));
    for token in [&alice_token, &bob_token] {
        let page = list(&app, token, "").await;
        assert_eq!(page["total"], 1);
        let item = &page["items"][0];
        assert_eq!(item["kind"], "urged");
        assert_eq!(item["title"], "待审批：请假申请（王老师）");
        assert_eq!(item["body"], "王老师提交了请假申请，请审批");
        assert_eq!(item["link"], format!("/approvals/{instance}"));
        assert_eq!(item["subjectModule"], "approval");
        assert_eq!(item["subjectId"], instance.to_string());
        assert_eq!(item["data"], json!({"instanceId": instance}));
        assert_eq!(item["readAt"], Value::Null);
    }
    assert_eq!(
        deliver(&app).await,
        delivered(0),
        "a second run finds nothing due"
    );
    assert_eq!(stored_for(&app, alice).await, 1);
    assert_eq!(stored_for(&app, bob).await, 1);
}

#[tokio::test]
async fn a_rolled_back_notice_is_never_delivered() {
    let app = TestApp::spawn().await;
    let (alice, alice_token) = member(&app).await;
    let tx = begin_write(app.db()).await.unwrap();
    enqueue(&tx, app.services.now(), notice(vec![alice], "不会送达"))
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    assert_eq!(deliver(&app).await, delivered(0));
    assert_eq!(list(&app, &alice_token, "").await["total"], 0);
    assert_eq!(outbox_message::Entity::find().count(app.db()).await.unwrap(), 0);
}

#[tokio::test]
async fn a_notice_without_recipients_writes_nothing() {
    let app = TestApp::spawn().await;
    send(&app, notice(vec![], "无人接收")).await;
    assert_eq!(outbox_message::Entity::find().count(app.db()).await.unwrap(), 0);
}

#[tokio::test]
async fn redelivery_after_a_crash_before_marking_creates_no_duplicates() {
    let app = TestApp::spawn().await;
    let (alice, alice_token) = member(&app).await;
    let (bob, _) = member(&app).await;
    send(&app, notice(vec![alice, bob], "待审批")).await;
    assert_eq!(deliver(&app).await, delivered(1));
    let id = list(&app, &alice_token, "").await["items"][0]["id"].clone();
    let res = app
        .post_as(
            &alice_token,
            &format!("{NOTIFICATIONS}/{}/read", id.as_str().unwrap()),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), 204);

    // The worker delivered but died before its mark was committed: the row is due again.
    outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::DeliveredAt,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .exec(app.db())
        .await
        .unwrap();
    assert_eq!(deliver(&app).await, delivered(1));

    assert_eq!(stored_for(&app, alice).await, 1);
    assert_eq!(stored_for(&app, bob).await, 1);
    let page = list(&app, &alice_token, "").await;
    assert_eq!(page["items"][0]["id"], id, "the same notification, still read");
    assert_ne!(page["items"][0]["readAt"], Value::Null);
}

#[tokio::test]
async fn recipients_that_no_longer_exist_are_skipped_and_disabled_ones_kept() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (alice, _) = member(&app).await;
    let (bob, _) = member(&app).await;
    let res = app
        .post_as(&admin, &format!("/api/v1/users/{bob}/disable"), &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let ghost = Uuid::now_v7();
    send(&app, notice(vec![ghost, alice, bob], "部分接收")).await;

    assert_eq!(deliver(&app).await, delivered(1));
    assert_eq!(stored_for(&app, alice).await, 1);
    assert_eq!(stored_for(&app, bob).await, 1);
    assert_eq!(stored_for(&app, ghost).await, 0);
}

#[tokio::test]
async fn a_failing_message_backs_off_and_is_given_up_after_ten_attempts() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (alice, alice_token) = member(&app).await;
    let broken = outbox::insert(app.db(), "in_app", "{not json".to_owned(), app.services.now())
        .await
        .unwrap();
    send(&app, notice(vec![alice], "照常送达")).await;

    let report = deliver(&app).await;
    assert_eq!(
        report,
        DeliveryReport {
            delivered: 1,
            retried: 1,
            failed: 0
        }
    );
    assert_eq!(
        unread_count(&app, &alice_token).await,
        1,
        "one bad message blocks no other"
    );
    let row = outbox_row(&app, broken).await;
    assert_eq!(row.attempts, 1);
    assert_eq!(row.next_attempt_at, app.services.now() + Duration::minutes(2));
    assert!(row.last_error.unwrap().contains("payload"));
    assert_eq!(row.delivered_at, None);

    clock.advance(Duration::minutes(1));
    assert_eq!(deliver(&app).await, delivered(0), "not due before its time");
    assert_eq!(outbox_row(&app, broken).await.attempts, 1);

    let mut wait = Duration::minutes(1);
    for attempt in 2..=9 {
        clock.advance(wait);
        let report = deliver(&app).await;
        assert_eq!(report.retried, 1, "attempt {attempt}");
        let row = outbox_row(&app, broken).await;
        assert_eq!(row.attempts, attempt);
        let expected = Duration::minutes(2_i64.pow(attempt as u32).min(60));
        assert_eq!(
            row.next_attempt_at,
            app.services.now() + expected,
            "attempt {attempt}"
        );
        assert_eq!(row.failed_at, None);
        wait = expected;
    }
    clock.advance(wait);
    assert_eq!(
        deliver(&app).await,
        DeliveryReport {
            delivered: 0,
            retried: 0,
            failed: 1
        }
    );
    let row = outbox_row(&app, broken).await;
    assert_eq!(row.attempts, 10);
    assert_eq!(row.failed_at, Some(app.services.now()));

    clock.advance(Duration::days(1));
    assert_eq!(
        deliver(&app).await,
        delivered(0),
        "a failed message is never tried again"
    );
    assert_eq!(outbox_row(&app, broken).await.attempts, 10);
}

#[tokio::test]
async fn two_workers_at_once_deliver_each_message_once() {
    let app = TestApp::spawn().await;
    let (alice, _) = member(&app).await;
    for i in 0..30 {
        send(&app, notice(vec![alice], &format!("第 {i} 条"))).await;
    }
    let runs = join_all((0..2).map(|_| app.services.deliver_outbox(100))).await;
    let total: u64 = runs.into_iter().map(|r| r.unwrap().delivered).sum();
    assert_eq!(total, 30, "every message delivered by exactly one worker");
    assert_eq!(stored_for(&app, alice).await, 30);
}

#[tokio::test]
async fn users_list_count_and_mark_their_own_notifications() {
    let (app, clock) = TestApp::spawn_at("2026-11-23T09:00:00+08:00").await;
    let (alice, alice_token) = member(&app).await;
    let (bob, bob_token) = member(&app).await;
    for title in ["第一条", "第二条", "第三条"] {
        send(&app, notice(vec![alice], title)).await;
        // Small steps: access tokens expire on this clock too.
        clock.advance(Duration::minutes(1));
    }
    send(&app, notice(vec![bob], "别人的")).await;
    deliver(&app).await;

    let page = list(&app, &alice_token, "").await;
    let titles: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["第三条", "第二条", "第一条"], "newest first, only mine");
    assert_eq!(page["items"][0]["createdAt"], "2026-11-23T01:02:00Z");
    let second = list(&app, &alice_token, "?page=2&pageSize=2").await;
    assert_eq!(second["total"], 3);
    assert_eq!(second["page"], 2);
    assert_eq!(second["pageSize"], 2);
    assert_eq!(second["items"][0]["title"], "第一条");
    assert_eq!(unread_count(&app, &alice_token).await, 3);

    let newest = page["items"][0]["id"].as_str().unwrap().to_owned();
    let read = |id: &str| format!("{NOTIFICATIONS}/{id}/read");
    assert_eq!(
        app.post_as(&alice_token, &read(&newest), &json!({}))
            .await
            .status(),
        204
    );
    let read_at = list(&app, &alice_token, "").await["items"][0]["readAt"].clone();
    assert_eq!(read_at, "2026-11-23T01:03:00Z");
    clock.advance(Duration::minutes(1));
    assert_eq!(
        app.post_as(&alice_token, &read(&newest), &json!({}))
            .await
            .status(),
        204,
        "again: no change"
    );
    assert_eq!(list(&app, &alice_token, "").await["items"][0]["readAt"], read_at);
    assert_eq!(unread_count(&app, &alice_token).await, 2);
    let unread = list(&app, &alice_token, "?unread=true").await;
    assert_eq!(unread["total"], 2);
    assert_eq!(unread["items"][0]["title"], "第二条");

    // Someone else's notification, or none at all, is not found.
    let bobs = list(&app, &bob_token, "").await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_problem(
        app.post_as(&alice_token, &read(&bobs), &json!({})).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.post_as(&alice_token, &read(&Uuid::now_v7().to_string()), &json!({}))
            .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(unread_count(&app, &bob_token).await, 1, "bob's stays unread");

    let res = app
        .post_as(&alice_token, &format!("{NOTIFICATIONS}/read-all"), &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"updated": 2}));
    assert_eq!(unread_count(&app, &alice_token).await, 0);
    assert_eq!(list(&app, &alice_token, "?unread=true").await["total"], 0);
    let res = app
        .post_as(&alice_token, &format!("{NOTIFICATIONS}/read-all"), &json!({}))
        .await;
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"updated": 0}));
    assert_eq!(
        unread_count(&app, &bob_token).await,
        1,
        "read-all touches only mine"
    );
}

#[tokio::test]
async fn notifications_need_a_signed_in_caller() {
    let app = TestApp::spawn().await;
    assert_problem(app.get(NOTIFICATIONS).await, 401, "unauthorized").await;
    assert_problem(
        app.get(&format!("{NOTIFICATIONS}/unread-count")).await,
        401,
        "unauthorized",
    )
    .await;
}
