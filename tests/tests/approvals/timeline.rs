//! A request's 流转记录 on the shared record timeline: who did what, when, and how the status
//! moved; and the migration that moved the old approval events onto it.

use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait;
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use xiaoban_persistence::connect;
use xiaoban_persistence::db::migration_names;
use xiaoban_persistence::migrations::Migrator;

use super::support::{School, definition};

const MIGRATION: &str = "m20261203_000021_record_events";

async fn two_steps(school: &School) {
    let first = school.users(&["wu.houqin"]).await;
    let second = school.users(&["li.wenshu"]).await;
    let steps = json!([
        { "name": "初审", "rule": { "type": "users", "userIds": first } },
        { "name": "复核", "rule": { "type": "users", "userIds": second } }
    ]);
    school.template("tl", definition(steps)).await;
}

/// Started, returned to the applicant, resubmitted and approved by both steps.
async fn returned_then_approved(school: &School) -> Value {
    let request = school.start("he.laoshi", "tl", json!({ "amount": 100 })).await;
    let id = &request["id"];
    let comment = json!({ "comment": "请补充说明" });
    school.ok("wu.houqin", id, "return", comment).await;
    school.ok("he.laoshi", id, "resubmit", json!({})).await;
    school
        .ok("wu.houqin", id, "approve", json!({ "comment": "同意" }))
        .await;
    school.ok("li.wenshu", id, "approve", json!({})).await
}

fn events(detail: &Value) -> &Vec<Value> {
    detail["timeline"].as_array().unwrap()
}

#[tokio::test]
async fn the_timeline_says_who_did_what_and_how_the_status_moved() {
    let school = School::open().await;
    two_steps(&school).await;
    let detail = returned_then_approved(&school).await;
    assert_eq!(detail["status"], "approved");
    let moves: Vec<(Value, Value, Value)> = events(&detail)
        .iter()
        .filter(|e| !e["toStatus"].is_null())
        .map(|e| {
            (
                e["action"].clone(),
                e["fromStatus"].clone(),
                e["toStatus"].clone(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            (json!("submit"), Value::Null, json!("running")),
            (json!("return"), json!("running"), json!("returned")),
            (json!("resubmit"), json!("returned"), json!("running")),
            (json!("finished"), json!("running"), json!("approved")),
        ]
    );
    let approve = events(&detail)
        .iter()
        .find(|e| e["action"] == "approve" && e["actorName"] == "吴处长")
        .expect("吴处长's approval");
    assert_eq!(approve["comment"], "同意");
    assert_eq!(approve["stepIndex"], 0);
    assert_eq!(approve["stepName"], "初审");
    assert_eq!(approve["actorId"], school.user_id("wu.houqin").await.as_str());
    let finished = events(&detail).last().unwrap();
    assert_eq!(finished["action"], "finished");
    assert!(
        finished["actorId"].is_null() && finished["actorName"].is_null(),
        "the system ends it"
    );
    assert_eq!(finished["data"], json!({ "status": "approved" }));
    let times: Vec<&str> = events(&detail)
        .iter()
        .map(|e| e["at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "oldest first");
}

/// What a round trip through the old table keeps: everything but the status moves, which the old
/// table had no columns for.
fn without_moves(detail: &Value) -> Vec<Value> {
    events(detail)
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e["fromStatus"] = Value::Null;
            e["toStatus"] = Value::Null;
            e
        })
        .collect()
}

async fn count(school: &School, sql: &str) -> i64 {
    let db = school.app.db();
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test]
async fn the_migration_moves_every_approval_event_and_back() {
    let school = School::open().await;
    two_steps(&school).await;
    let first = returned_then_approved(&school).await;
    let second = school.start("lv.laoshi", "tl", json!({ "amount": 5 })).await;
    let second = school
        .ok(
            "lv.laoshi",
            &second["id"],
            "withdraw",
            json!({ "comment": "不需要了" }),
        )
        .await;
    let events_then = count(
        &school,
        "SELECT COUNT(*) FROM record_events WHERE module = 'approval'",
    )
    .await;
    let shown = events(&first).len() + events(&second).len();
    assert_eq!(usize::try_from(events_then).unwrap(), shown);

    let names = migration_names();
    let at = names.iter().position(|n| n == MIGRATION).unwrap();
    let undone = u32::try_from(names.len() - at).unwrap();
    // One connection of its own: a pooled connection still reading at the old schema would see
    // the dropped table's index.
    let migrator = connect(school.app.config.database_url.expose_secret(), 1)
        .await
        .unwrap();
    Migrator::down(&migrator, Some(undone)).await.unwrap();
    assert_eq!(
        count(&school, "SELECT COUNT(*) FROM approval_events").await,
        events_then
    );
    Migrator::up(&migrator, None).await.unwrap();
    migrator.close().await.unwrap();

    assert_eq!(
        count(
            &school,
            "SELECT COUNT(*) FROM record_events WHERE module = 'approval'"
        )
        .await,
        events_then
    );
    let first_after = school.detail("he.laoshi", &first["id"]).await;
    assert_eq!(without_moves(&first_after), without_moves(&first));
    let second_after = school.detail("lv.laoshi", &second["id"]).await;
    assert_eq!(without_moves(&second_after), without_moves(&second));
    assert_eq!(events(&second_after).last().unwrap()["action"], "finished");
}

#[tokio::test]
async fn the_timeline_alone_is_the_requests_timeline_and_hidden_from_outsiders() {
    let school = School::open().await;
    two_steps(&school).await;
    let detail = returned_then_approved(&school).await;
    let path = format!("/api/v1/approvals/{}/timeline", detail["id"].as_str().unwrap());
    let res = school.app.get_as(&school.token("he.laoshi").await, &path).await;
    assert_eq!(res.status(), 200);
    let alone: Value = res.json().await.unwrap();
    assert_eq!(&alone, &detail["timeline"]);
    let outsider = school.app.get_as(&school.token("kong.laoshi").await, &path).await;
    xiaoban_tests::assert_problem(outsider, 404, "not_found").await;
}
