//! The half-yearly review: the owner is reminded once, on the working day the review falls due.

use chrono::Duration;
use serde_json::json;
use xiaoban_domain::paging::PageRequest;
use xiaoban_persistence::notifications;
use xiaoban_tests::TestApp;

use super::support::School;

#[tokio::test]
async fn the_owner_is_reminded_once_when_the_review_falls_due_on_a_working_day() {
    // Monday 2026-09-14, 10:00 in Shanghai. Six months later is Sunday 2027-03-14, so the review
    // falls on Monday 2027-03-15.
    let (app, clock) = TestApp::spawn_at("2026-09-14T02:00:00Z").await;
    let school = School::with(app).await;
    let (_, owner) = school.app.user_with_role("office_clerk").await;
    let me = school.get(&owner, "/api/v1/me").await.1;
    let body = json!({"kind": "sop", "category": "办公用品", "title": "办公用品领用流程",
        "body": "填写领用单\n部门负责人签字\n到办公室领取", "ownerId": me["id"]});
    let (status, guide) = school.post(&school.director, "/api/v1/guides", body).await;
    assert_eq!(status, 201);
    let id = guide["id"].as_str().unwrap();
    let published = school.app.publish_guide(&school.director, id).await;
    assert_eq!(published["reviewDue"], "2027-03-15");

    let services = &school.app.services;
    assert_eq!(services.remind_guide_reviews().await.unwrap().reminded, 0);
    clock.advance(Duration::days(179)); // Friday 2027-03-12
    assert_eq!(
        services.remind_guide_reviews().await.unwrap().reminded,
        0,
        "not due yet"
    );
    clock.advance(Duration::days(3)); // Monday 2027-03-15, 10:00
    assert_eq!(services.remind_guide_reviews().await.unwrap().reminded, 1);
    assert_eq!(
        services.remind_guide_reviews().await.unwrap().reminded,
        0,
        "reminded once"
    );

    // Half a year without signing in locks the owner out; their inbox is read from the store.
    school.app.services.deliver_outbox(100).await.unwrap();
    let owner_id = me["id"].as_str().unwrap().parse().unwrap();
    let request = PageRequest::parse(None, None, None, None, &[]).unwrap();
    let inbox = notifications::list(school.app.db(), owner_id, false, &request)
        .await
        .unwrap();
    let titles: Vec<&str> = inbox.items.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["请复核：办公用品领用流程"]);
    assert_eq!(school.app.audit_count("guide.review_reminded").await, 1);

    // The director's token of half a year ago has expired: a director signed in today.
    let (_, director) = school.app.user_with_role("office_director").await;
    let republished = school.app.publish_guide(&director, id).await;
    assert_eq!(
        republished["reviewDue"], "2027-09-15",
        "a new version starts a new half year"
    );
}
