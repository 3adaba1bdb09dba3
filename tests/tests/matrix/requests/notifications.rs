//! Requests for the the signed-in user's notifications operations (tag `notifications`).

use reqwest::Method;
use xiaoban_tests::TestApp;

use super::*;

pub async fn build(app: &TestApp, fx: &Fixture, op_id: &str) -> Option<Request> {
    use Body::None as Empty;
    Some(match op_id {
        "list_notifications" => req(Method::GET, "/api/v1/notifications?unread=true", Empty),
        "get_unread_notification_count" => req(Method::GET, "/api/v1/notifications/unread-count", Empty),
        "mark_notification_read" => {
            let id = notification_of_student(app, fx).await;
            req(Method::POST, format!("/api/v1/notifications/{id}/read"), Empty)
        }
        "mark_all_notifications_read" => req(Method::POST, "/api/v1/notifications/read-all", Empty),
        _ => return None,
    })
}
