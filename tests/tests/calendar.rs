//! The working calendar over HTTP: days and deadlines on the Chinese statutory calendar.

use reqwest::Method;
use serde_json::{Value, json};
use xiaoban_tests::{TestApp, assert_problem};

async fn deadline(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app
        .get_as(token, &format!("/api/v1/calendar/deadline?{query}"))
        .await;
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn days_show_holidays_and_make_up_working_days() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let res = app
        .get_as(&token, "/api/v1/calendar/days?from=2026-10-07&to=2026-10-11")
        .await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["timezone"], "Asia/Shanghai");
    assert_eq!(body["schoolHours"], "08:00-12:00,14:00-17:30");
    let summary: Vec<(String, bool, String)> = body["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_owned(),
                d["working"].as_bool().unwrap(),
                d["dayType"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("2026-10-07", false, "holiday"),
        ("2026-10-08", true, "weekday"),
        ("2026-10-09", true, "weekday"),
        ("2026-10-10", true, "make_up_workday"),
        ("2026-10-11", false, "weekend"),
    ];
    let expected: Vec<(String, bool, String)> = expected
        .iter()
        .map(|(d, w, t)| ((*d).to_owned(), *w, (*t).to_owned()))
        .collect();
    assert_eq!(summary, expected);
    assert_eq!(body["days"][3]["name"], "国庆节调休上班");
}

#[tokio::test]
async fn three_working_days_from_national_day_eve_end_on_the_make_up_saturday() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = deadline(&app, &token, "start=2026-09-30T17:00:00%2B08:00&workingDays=3").await;
    assert_eq!(body["deadline"], "2026-10-10T09:30:00Z");
    assert_eq!(body["start"], "2026-09-30T09:00:00Z");
}

#[tokio::test]
async fn working_hours_skip_the_evening_and_the_holiday_week() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    // 16:00 to 17:30 gives 1.5 h; the last half hour is on Thursday 8 October, 08:00-08:30.
    let body = deadline(&app, &token, "start=2026-09-30T16:00:00%2B08:00&workingHours=2").await;
    assert_eq!(body["deadline"], "2026-10-08T00:30:00Z");
    // The lunch break does not count: 11:30 + 1 h = 14:30.
    let body = deadline(&app, &token, "start=2026-11-23T11:30:00%2B08:00&workingHours=1").await;
    assert_eq!(body["deadline"], "2026-11-23T06:30:00Z");
}

#[tokio::test]
async fn the_deadline_starts_now_when_no_start_is_given() {
    let (app, _clock) = TestApp::spawn_at("2026-02-13T10:00:00+08:00").await;
    let token = app.staff_token().await;
    // Friday before Spring Festival: Saturday 14 Feb is a make-up day, then the break to 23 Feb.
    let body = deadline(&app, &token, "workingDays=2").await;
    assert_eq!(body["start"], "2026-02-13T02:00:00Z");
    assert_eq!(body["deadline"], "2026-02-24T09:30:00Z");
}

#[tokio::test]
async fn a_day_added_to_the_stored_calendar_moves_deadlines() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let admin = app.admin_token().await;
    let query = "start=2026-11-23T09:00:00%2B08:00&workingDays=1";
    assert_eq!(
        deadline(&app, &token, query).await["deadline"],
        "2026-11-24T09:30:00Z"
    );
    let res = app
        .as_user(&admin, Method::PUT, "/api/v1/calendar/days/2026-11-24")
        .json(&json!({"kind": "holiday", "name": "校庆"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let day: Value = res.json().await.unwrap();
    assert_eq!(
        (
            day["dayType"].as_str(),
            day["working"].as_bool(),
            day["version"].as_i64()
        ),
        (Some("holiday"), Some(false), Some(1))
    );
    assert_eq!(
        deadline(&app, &token, query).await["deadline"],
        "2026-11-25T09:30:00Z"
    );
}

#[tokio::test]
async fn editing_the_calendar_needs_the_right_and_the_current_version() {
    let app = TestApp::spawn().await;
    let staff = app.staff_token().await;
    let admin = app.admin_token().await;
    let put = |token: &str, date: &str, body: Value| {
        app.as_user(token, Method::PUT, &format!("/api/v1/calendar/days/{date}"))
            .json(&body)
            .send()
    };
    let refused = put(&staff, "2027-01-01", json!({"kind": "holiday", "name": "元旦"}))
        .await
        .unwrap();
    assert_problem(refused, 403, "forbidden").await;
    let weekday = put(&admin, "2027-01-04", json!({"kind": "workday", "name": "调休"}))
        .await
        .unwrap();
    let body = assert_problem(weekday, 422, "validation_failed").await;
    assert!(body["errors"]["kind"].is_array());

    assert_eq!(
        put(&admin, "2027-01-01", json!({"kind": "holiday", "name": "元旦"}))
            .await
            .unwrap()
            .status(),
        200
    );
    let unversioned = put(&admin, "2027-01-01", json!({"kind": "holiday", "name": "新年"}))
        .await
        .unwrap();
    assert_problem(unversioned, 422, "validation_failed").await;
    let stale = put(
        &admin,
        "2027-01-01",
        json!({"kind": "holiday", "name": "新年", "version": 7}),
    )
    .await
    .unwrap();
    assert_problem(stale, 409, "version_conflict").await;
    let cleared = put(&admin, "2027-01-01", json!({"kind": null, "version": 1}))
        .await
        .unwrap();
    let day: Value = cleared.json().await.unwrap();
    assert_eq!(
        (day["dayType"].as_str(), day["version"].as_i64()),
        (Some("weekday"), None)
    );
}

#[tokio::test]
async fn the_calendar_needs_a_signed_in_user() {
    let app = TestApp::spawn().await;
    assert_problem(
        app.get("/api/v1/calendar/days?from=2026-10-01&to=2026-10-02")
            .await,
        401,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn bad_calendar_requests_are_refused_with_the_field_named() {
    let app = TestApp::spawn().await;
    let token = app.staff_token().await;
    let body = assert_problem(
        app.get_as(&token, "/api/v1/calendar/days?from=2026-10-10&to=2026-10-01")
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["to"].is_array());
    assert_problem(
        app.get_as(&token, "/api/v1/calendar/days?from=2025-01-01&to=2026-12-31")
            .await,
        422,
        "validation_failed",
    )
    .await;
    let body = assert_problem(
        app.get_as(&token, "/api/v1/calendar/deadline?workingDays=1&workingHours=2")
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert!(body["errors"]["workingDays"].is_array());
    assert_problem(
        app.get_as(&token, "/api/v1/calendar/deadline").await,
        422,
        "validation_failed",
    )
    .await;
    let body = assert_problem(
        app.get_as(&token, "/api/v1/calendar/deadline?workingDays=3000")
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"]["workingDays"], json!(["须在 0 到 2500 之间"]));
    assert_problem(
        app.get_as(
            &token,
            "/api/v1/calendar/deadline?start=2026-09-30T17:00:00+08:00&workingDays=1",
        )
        .await,
        400,
        "invalid_query",
    )
    .await;
}

async fn years(app: &TestApp, token: &str) -> Value {
    let res = app.get_as(token, "/api/v1/calendar/years").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn titles(app: &TestApp, token: &str) -> Vec<String> {
    let res = app.get_as(token, "/api/v1/notifications").await;
    let page: Value = res.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn from_november_the_calendar_admins_are_told_once_that_next_years_holidays_are_missing() {
    let (app, clock) = TestApp::spawn_at("2026-10-30T02:00:00Z").await;
    let staff = app.staff_token().await;
    let october = years(&app, &staff).await;
    assert_eq!(october["missing"], Value::Null, "{october}");
    assert_eq!(app.services.warn_missing_calendar_year().await.unwrap(), None);

    clock.advance(chrono::Duration::days(3)); // 2 November; tokens signed in October expired
    let admin = app.admin_token().await;
    let staff = app.staff_token().await;
    let november = years(&app, &staff).await;
    assert_eq!(november["missing"], 2027);
    let held: Vec<(i64, i64)> = november["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["holidays"].as_i64().unwrap()))
        .collect();
    assert_eq!(held.iter().map(|y| y.0).collect::<Vec<_>>(), [2025, 2026, 2027]);
    assert!(held[1].1 > 20 && held[2].1 == 0, "{held:?}");

    assert_eq!(
        app.services.warn_missing_calendar_year().await.unwrap(),
        Some(2027)
    );
    assert_eq!(
        app.services.warn_missing_calendar_year().await.unwrap(),
        None,
        "once"
    );
    app.services.deliver_outbox(100).await.unwrap();
    assert!(
        titles(&app, &admin)
            .await
            .contains(&"请导入 2027 年节假日安排".to_owned())
    );
    assert!(titles(&app, &staff).await.is_empty());
}

#[tokio::test]
async fn a_years_schedule_is_imported_in_one_step_and_replaces_what_the_year_held() {
    let (app, _clock) = TestApp::spawn_at("2026-12-03T02:00:00Z").await;
    let admin = app.admin_token().await;
    let import = |days: Value| {
        app.as_user(&admin, Method::PUT, "/api/v1/calendar/years/2027")
            .json(&json!({ "days": days }))
            .send()
    };
    let first = import(json!([
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-02-06", "kind": "holiday", "name": "春节"},
        {"date": "2027-02-20", "kind": "workday", "name": "春节调休上班"},
    ]))
    .await
    .unwrap();
    assert_eq!(first.status(), 200);
    let stored: Value = first.json().await.unwrap();
    assert_eq!((&stored["holidays"], &stored["workdays"]), (&json!(2), &json!(1)));
    assert_eq!(years(&app, &admin).await["missing"], Value::Null);

    let again = import(json!([{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]))
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    let res = app
        .get_as(&admin, "/api/v1/calendar/days?from=2027-02-06&to=2027-02-06")
        .await;
    let day: Value = res.json().await.unwrap();
    assert_eq!(day["days"][0]["dayType"], "weekend", "the old 春节 row is gone");
    let res = app
        .get_as(&admin, "/api/v1/calendar/days?from=2027-01-01&to=2027-01-01")
        .await;
    let day: Value = res.json().await.unwrap();
    assert_eq!(
        (&day["days"][0]["dayType"], &day["days"][0]["working"]),
        (&json!("holiday"), &json!(false))
    );
}

#[tokio::test]
async fn a_bad_schedule_is_refused_row_by_row_and_changes_nothing() {
    let (app, _clock) = TestApp::spawn_at("2026-12-03T02:00:00Z").await;
    let admin = app.admin_token().await;
    let staff = app.staff_token().await;
    let body = json!({ "days": [
        {"date": "2028-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-04", "kind": "workday", "name": "调休"},
        {"date": "2027-01-05", "kind": "holiday", "name": "  "},
    ]});
    let refused = app
        .as_user(&staff, Method::PUT, "/api/v1/calendar/years/2027")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(refused, 403, "forbidden").await;
    let bad = app
        .as_user(&admin, Method::PUT, "/api/v1/calendar/years/2027")
        .json(&body)
        .send()
        .await
        .unwrap();
    let problem = assert_problem(bad, 422, "validation_failed").await;
    let mut fields: Vec<&str> = problem["errors"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["days[0].date", "days[2].date", "days[3].kind", "days[4].name"]
    );
    assert_eq!(years(&app, &admin).await["missing"], 2027, "nothing was stored");
}
