//! Requests for the the working calendar operations (tag `calendar`).

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::{Json, None as Empty};
    let _ = app;
    let _ = fx;
    Some(match op_id {
        "list_calendar_days" => req(
            Method::GET,
            "/api/v1/calendar/days?from=2026-10-01&to=2026-10-31",
            Empty,
        ),
        "get_deadline" => req(Method::GET, "/api/v1/calendar/deadline?workingDays=3", Empty),
        "set_calendar_day" => {
            let date = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap() + chrono::Days::new(rand_days());
            req(
                Method::PUT,
                format!("/api/v1/calendar/days/{date}"),
                Json(json!({"kind": "holiday", "name": "校庆"})),
            )
        }
        "list_calendar_years" => req(Method::GET, "/api/v1/calendar/years", Empty),
        "import_calendar_year" => {
            let year = 2100 + rand_days() % 90;
            req(
                Method::PUT,
                format!("/api/v1/calendar/years/{year}"),
                Json(json!({"days": [{"date": format!("{year}-01-01"), "kind": "holiday", "name": "元旦"}]})),
            )
        }
        _ => return None,
    })
}
