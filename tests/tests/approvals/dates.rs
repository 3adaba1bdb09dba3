//! Dates no school record has (year 0, year 10009) are refused wherever a request carries them.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, leave};

#[tokio::test]
async fn a_leave_from_year_zero_is_a_422_naming_the_form_field_and_starts_nothing() {
    let school = School::open().await;
    let mut form = leave(1.0);
    form["period"]["start"] = json!("0000-01-01");
    let res = school.try_start("he.laoshi", "leave", form).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(
        body["errors"]["form.period.start"][0]
            .as_str()
            .unwrap()
            .contains("1900-01-01"),
        "{body}"
    );
    let mut form = leave(1.0);
    form["period"]["end"] = json!("+10009-01-01");
    let res = school.try_start("he.laoshi", "leave", form).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert!(body["errors"]["form.period.end"].is_array(), "{body}");
    assert_eq!(school.inbox("he.laoshi", "started").await, Vec::<Value>::new());
}

#[tokio::test]
async fn a_delegation_until_year_10009_is_a_422_naming_its_end() {
    let school = School::open_at("2026-11-23T02:00:00Z").await;
    let delegate = school.user_id("lv.laoshi").await;
    let token = school.token("wei.xinxi").await;
    let body = json!({ "delegateId": delegate, "startsAt": "2026-11-23T00:00:00Z", "endsAt": "+10009-01-01T00:00:00Z" });
    let res = school
        .app
        .post_as(&token, "/api/v1/approval-delegations", &body)
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(problem["errors"]["endsAt"].is_array(), "{problem}");
    let res = school.app.get_as(&token, "/api/v1/approval-delegations").await;
    assert_eq!(res.json::<Value>().await.unwrap(), json!([]));
}
