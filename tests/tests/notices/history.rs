//! The module on the kit: the shared timeline records the office's steps, and a reader may
//! open only the files of what was published.

use serde_json::{Value, json};

use super::support::School;

fn actions(timeline: &Value) -> Vec<(String, Option<String>, Option<String>)> {
    let word = |v: &Value| v.as_str().map(str::to_owned);
    timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                word(&e["fromStatus"]),
                word(&e["toStatus"]),
            )
        })
        .collect()
}

fn step(action: &str, moved: Option<(&str, &str)>) -> (String, Option<String>, Option<String>) {
    (
        action.to_owned(),
        moved.map(|m| m.0.to_owned()),
        moved.map(|m| m.1.to_owned()),
    )
}

#[tokio::test]
async fn a_notice_s_timeline_names_each_step_and_its_actor_and_is_the_office_s_only() {
    let school = School::open().await;
    let teacher = school.app.staff_token().await;
    let notice = school
        .app
        .published_notice(
            &school.director,
            "关于期中考试安排的通知",
            json!({"kind": "all"}),
            false,
        )
        .await;
    let id = notice["id"].as_str().unwrap();
    let (status, _) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/pin"),
            json!({"pinned": true}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = school
        .post(
            &school.director,
            &format!("/api/v1/notices/{id}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);

    let (status, timeline) = school
        .get(&school.director, &format!("/api/v1/notices/{id}/timeline"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        actions(&timeline),
        vec![
            step("create", None),
            step("publish", Some(("draft", "published"))),
            step("pin", None),
            step("withdraw", Some(("published", "withdrawn"))),
        ]
    );
    assert!(timeline[0]["actorName"].as_str().is_some_and(|n| !n.is_empty()));

    let (status, _) = school
        .get(&teacher, &format!("/api/v1/notices/{id}/timeline"))
        .await;
    assert_eq!(status, 403, "a reader does not see the office's record");
    let missing = uuid::Uuid::now_v7();
    let (status, _) = school
        .get(&school.director, &format!("/api/v1/notices/{missing}/timeline"))
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_guide_s_timeline_counts_its_published_versions() {
    let school = School::open().await;
    let guide = school
        .app
        .draft_guide(&school.director, "guide", "学生证补办指南", "一、提交申请", false)
        .await;
    let id = guide["id"].as_str().unwrap();
    let one = school.app.publish_guide(&school.director, id).await;
    school
        .app
        .edit_guide(&school.director, &one, json!({"body": "一、线上提交申请"}))
        .await;
    school.app.publish_guide(&school.director, id).await;

    let (status, timeline) = school
        .get(&school.director, &format!("/api/v1/guides/{id}/timeline"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        actions(&timeline),
        vec![
            step("create", None),
            step("publish", Some(("draft", "published"))),
            step("edit", None),
            step("publish", None),
        ]
    );
    assert_eq!(timeline[3]["data"]["publishedVersion"], 2);
}

#[tokio::test]
async fn a_reader_opens_the_published_flowchart_but_not_the_working_copy_s() {
    let school = School::open().await;
    let teacher = school.app.staff_token().await;
    let published_chart = school.app.upload_png(&school.director, "流程图-第一版.png").await;
    let guide = school
        .app
        .draft_guide(
            &school.director,
            "sop",
            "公章使用操作手册",
            "一、填写用印申请",
            false,
        )
        .await;
    let id = guide["id"].as_str().unwrap();
    school
        .app
        .edit_guide(
            &school.director,
            &guide,
            json!({"flowchartFileId": published_chart}),
        )
        .await;
    let one = school.app.publish_guide(&school.director, id).await;

    let draft_chart = school.app.upload_png(&school.director, "流程图-修订中.png").await;
    school
        .app
        .edit_guide(&school.director, &one, json!({"flowchartFileId": draft_chart}))
        .await;

    let content = |file: &str| format!("/api/v1/files/{file}/content");
    let res = school.app.get_as(&teacher, &content(&published_chart)).await;
    assert_eq!(res.status(), 200, "the published version's flowchart");
    let res = school.app.get_as(&teacher, &content(&draft_chart)).await;
    assert_eq!(res.status(), 404, "the working copy's flowchart is not published");
    let res = school.app.get_as(&school.director, &content(&draft_chart)).await;
    assert_eq!(res.status(), 200, "the office reads the working copy");

    school.app.publish_guide(&school.director, id).await;
    let res = school.app.get_as(&teacher, &content(&draft_chart)).await;
    assert_eq!(res.status(), 200, "published now");
}
