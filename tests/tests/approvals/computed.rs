//! Values that decide the route are computed: a leave's days come from its period on the school
//! calendar, whatever number was typed, and the leader's step reads the computed days.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields, pending_names};

fn leave_over(period: Value, typed_days: f64) -> Value {
    json!({ "leaveType": "事假", "period": period, "days": typed_days, "reason": "家中有事" })
}

#[tokio::test]
async fn five_working_days_filed_as_two_still_reach_the_leader_in_charge() {
    let school = School::open().await;
    let form = leave_over(json!({ "start": "2026-11-23", "end": "2026-11-27" }), 2.0);
    let request = school.start("he.laoshi", "leave", form).await;
    assert_eq!(request["form"]["days"], 5.0);
    let next = school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert_eq!(next["status"], "running");
    assert_eq!(pending_names(&next), ["陈副校长"]);
}

#[tokio::test]
async fn a_leave_over_a_weekend_counts_only_its_working_days_and_half_days_count_half() {
    let school = School::open().await;
    let period = json!({ "start": "2026-11-26", "end": "2026-12-01", "startHalf": "pm", "endHalf": "am" });
    let request = school.start("he.laoshi", "leave", leave_over(period, 9.0)).await;
    // Thu afternoon, Fri, Mon, Tue morning: 3 working days, so no leader's step.
    assert_eq!(request["form"]["days"], 3.0);
    let done = school.ok("wei.xinxi", &request["id"], "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_leave_without_a_working_day_is_refused_on_its_period() {
    let school = School::open().await;
    let weekend = leave_over(json!({ "start": "2026-11-28", "end": "2026-11-29" }), 1.0);
    let res = school.try_start("he.laoshi", "leave", weekend).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.period"]);
    let backwards = json!({ "start": "2026-11-23", "end": "2026-11-23", "startHalf": "pm", "endHalf": "am" });
    let res = school
        .try_start("he.laoshi", "leave", leave_over(backwards, 1.0))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.period"]);
}

#[tokio::test]
async fn a_resubmitted_leave_is_counted_again() {
    let school = School::open().await;
    let short = leave_over(json!({ "start": "2026-11-23", "end": "2026-11-24" }), 2.0);
    let request = school.start("he.laoshi", "leave", short).await;
    let id = &request["id"];
    school
        .ok("wei.xinxi", id, "return", json!({ "comment": "时间填错" }))
        .await;
    let longer = leave_over(json!({ "start": "2026-11-23", "end": "2026-11-27" }), 2.0);
    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "form": longer }))
        .await;
    assert_eq!(again["form"]["days"], 5.0);
}
