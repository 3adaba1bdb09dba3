//! Who sees a notice: its audience once published, the office always.

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, departments};

#[tokio::test]
async fn a_notice_to_two_departments_reaches_their_members_and_sub_departments_only() {
    let school = School::open().await;
    let teaching = school.department("jwc", "教务处", None).await;
    let math = school.department("sxz", "数学教研组", Some(&teaching)).await;
    let general = school.department("zwc", "总务处", None).await;
    let library = school.department("tsg", "图书馆", None).await;
    let (_, dean) = school.teacher(&teaching).await;
    let (_, math_teacher) = school.teacher(&math).await;
    let (_, caretaker) = school.teacher(&general).await;
    let (_, librarian) = school.teacher(&library).await;
    let audience = departments(&[&teaching, &general]);
    let draft = school
        .app
        .draft_notice(&school.director, "第三周教职工例会", audience, false)
        .await;
    let id = draft["id"].as_str().unwrap();
    assert_eq!(
        school.get(&dean, &format!("/api/v1/notices/{id}")).await.0,
        404,
        "a draft is not shown"
    );

    let (status, published) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/publish"),
            json!({}),
        )
        .await;
    assert_eq!((status, published["status"].as_str()), (200, Some("published")));
    let (_, me) = school.get(&school.director, "/api/v1/me").await;
    let director_name = me["name"].as_str().unwrap().to_owned();
    for reader in [&dean, &math_teacher, &caretaker] {
        assert_eq!(school.notice_titles(reader, "").await, ["第三周教职工例会"]);
        let (status, seen) = school.get(reader, &format!("/api/v1/notices/{id}")).await;
        assert_eq!((status, seen["actions"].clone()), (200, json!(["read"])));
        assert_eq!(
            seen["authorName"],
            director_name.as_str(),
            "a reader sees who issued it (发布人)"
        );
    }
    let (_, listed) = school.get(&dean, "/api/v1/notices").await;
    assert_eq!(listed["items"][0]["authorName"], director_name.as_str());
    assert!(school.notice_titles(&librarian, "").await.is_empty());
    assert_eq!(
        school.get(&librarian, &format!("/api/v1/notices/{id}")).await.0,
        404
    );
    assert!(
        school
            .notifications(&math_teacher)
            .await
            .contains(&"新通知：第三周教职工例会".to_owned())
    );
    assert!(school.notifications(&librarian).await.is_empty());
}

#[tokio::test]
async fn a_notice_to_a_role_reaches_its_holders_only() {
    let school = School::open().await;
    let (_, head) = school.app.user_with_role("dept_head").await;
    let staff = school.app.staff_token().await;
    let audience = json!({"kind": "roles", "roleCodes": ["dept_head"]});
    school
        .app
        .published_notice(&school.director, "部门负责人会议", audience, false)
        .await;
    assert_eq!(school.notice_titles(&head, "").await, ["部门负责人会议"]);
    assert!(school.notice_titles(&staff, "").await.is_empty());
}

#[tokio::test]
async fn a_withdrawn_notice_leaves_every_reader_and_stays_with_the_office() {
    let school = School::open().await;
    let staff = school.app.staff_token().await;
    let notice = school
        .app
        .published_notice(&school.director, "错发的通知", json!({"kind": "all"}), false)
        .await;
    let id = notice["id"].as_str().unwrap();
    let (status, withdrawn) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!((status, withdrawn["actions"].clone()), (200, json!([])));
    assert!(school.notice_titles(&staff, "").await.is_empty());
    assert_eq!(school.get(&staff, &format!("/api/v1/notices/{id}")).await.0, 404);
    assert_eq!(
        school.notice_titles(&school.director, "status=withdrawn").await,
        ["错发的通知"]
    );
    let res = school
        .app
        .post_as(&staff, &format!("/api/v1/notices/{id}/read"), &json!({}))
        .await;
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn pinned_notices_come_first_and_steps_the_state_forbids_are_conflicts() {
    let school = School::open().await;
    let staff = school.app.staff_token().await;
    let old = school
        .app
        .published_notice(&school.director, "校园网维护", json!({"kind": "all"}), false)
        .await;
    school
        .app
        .published_notice(&school.director, "食堂开放时间", json!({"kind": "all"}), false)
        .await;
    let id = old["id"].as_str().unwrap();
    let (status, _) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/pin"),
            json!({"pinned": true}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        school.notice_titles(&staff, "").await,
        ["校园网维护", "食堂开放时间"]
    );

    let again = school
        .app
        .post_as(
            &school.director,
            &format!("/api/v1/notices/{id}/publish"),
            &json!({}),
        )
        .await;
    let problem = assert_problem(again, 409, "invalid_transition").await;
    assert_eq!(
        (problem["state"].as_str(), problem["action"].as_str()),
        (Some("published"), Some("publish"))
    );
    let edit = school
        .app
        .as_user(&school.director, Method::PATCH, &format!("/api/v1/notices/{id}"))
        .json(&json!({"title": "改标题", "version": 3}))
        .send()
        .await
        .unwrap();
    let problem = assert_problem(edit, 409, "invalid_transition").await;
    assert_eq!(problem["action"], "edit");
    let as_staff = school
        .app
        .post_as(
            &staff,
            "/api/v1/notices",
            &json!({"title": "x", "body": "", "audience": {"kind": "all"}}),
        )
        .await;
    assert_problem(as_staff, 403, "forbidden").await;
}

#[tokio::test]
async fn an_audience_that_names_nothing_real_is_refused_and_changes_nothing() {
    let school = School::open().await;
    for audience in [
        json!({"kind": "departments", "departmentIds": [uuid::Uuid::now_v7()]}),
        json!({"kind": "roles", "roleCodes": ["no_such_role"]}),
        json!({"kind": "departments", "departmentIds": []}),
        json!({"kind": "all", "roleCodes": ["staff"]}),
    ] {
        let body = json!({"title": "无效范围", "body": "", "audience": audience});
        let res = school
            .app
            .post_as(&school.director, "/api/v1/notices", &body)
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert!(problem["errors"]["audience"].is_array(), "{problem}");
    }
    assert!(school.notice_titles(&school.director, "").await.is_empty());
}
