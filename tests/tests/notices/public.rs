//! The public reads leak nothing: only what is published and marked public, in shapes without
//! internal fields.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::support::{School, titles};

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

async fn anonymous(school: &School, path: &str) -> (u16, Value) {
    let res = school.app.get(path).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn only_published_public_notices_are_shown_without_sign_in() {
    let school = School::open().await;
    let d = &school.director;
    let everyone = || json!({"kind": "all"});
    let shown = school
        .app
        .published_notice(d, "寒假放假安排", everyone(), true)
        .await;
    let draft = school
        .app
        .draft_notice(d, "尚未发布的公开通知", everyone(), true)
        .await;
    let internal = school
        .app
        .published_notice(d, "内部通知", everyone(), false)
        .await;
    let withdrawn = school
        .app
        .published_notice(d, "已撤回的公开通知", everyone(), true)
        .await;
    let id = withdrawn["id"].as_str().unwrap();
    school
        .post(d, &format!("/api/v1/notices/{id}/withdraw"), json!({}))
        .await;

    let (status, page) = anonymous(&school, "/api/v1/public/notices").await;
    assert_eq!((status, titles(&page)), (200, vec!["寒假放假安排".to_owned()]));
    assert_eq!(
        keys(&page["items"][0]),
        set(&["id", "title", "body", "pinned", "publishedAt"])
    );
    let (status, one) = anonymous(
        &school,
        &format!("/api/v1/public/notices/{}", shown["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!((status, one["title"].as_str()), (200, Some("寒假放假安排")));
    for hidden in [&draft, &internal, &withdrawn] {
        let path = format!("/api/v1/public/notices/{}", hidden["id"].as_str().unwrap());
        assert_eq!(anonymous(&school, &path).await.0, 404, "{}", hidden["title"]);
    }
    let (_, searched) = anonymous(&school, "/api/v1/public/notices?q=%E5%86%85%E9%83%A8").await;
    assert!(
        titles(&searched).is_empty(),
        "a search does not reach internal notices"
    );
}

#[tokio::test]
async fn public_guides_show_what_was_published_and_nothing_internal() {
    let school = School::open().await;
    let d = &school.director;
    let hall = school
        .app
        .draft_guide(d, "guide", "校园卡补办指南", "携带身份证到服务大厅", true)
        .await;
    let hall_id = hall["id"].as_str().unwrap().to_owned();
    let published = school.app.publish_guide(d, &hall_id).await;
    let chart = school.app.upload_png(d, "补办流程.png").await;
    school
        .app
        .edit_guide(
            d,
            &published,
            json!({"body": "尚未发布的修改", "flowchartFileId": chart}),
        )
        .await;
    let internal = school
        .app
        .draft_guide(d, "sop", "内部操作手册", "仅限办公室", false)
        .await;
    school
        .app
        .publish_guide(d, internal["id"].as_str().unwrap())
        .await;
    let draft = school
        .app
        .draft_guide(d, "guide", "未发布的公开指南", "草稿", true)
        .await;
    let gone = school
        .app
        .draft_guide(d, "guide", "已停用的公开指南", "旧", true)
        .await;
    let gone_id = gone["id"].as_str().unwrap();
    school.app.publish_guide(d, gone_id).await;
    school
        .post(d, &format!("/api/v1/guides/{gone_id}/withdraw"), json!({}))
        .await;

    let (status, page) = anonymous(&school, "/api/v1/public/guides").await;
    assert_eq!((status, titles(&page)), (200, vec!["校园卡补办指南".to_owned()]));
    let item = &page["items"][0];
    assert_eq!(
        keys(item),
        set(&[
            "id",
            "kind",
            "category",
            "title",
            "body",
            "publishedVersion",
            "publishedAt",
            "hasFlowchart"
        ])
    );
    assert_eq!(
        (item["body"].as_str(), item["hasFlowchart"].as_bool()),
        (Some("携带身份证到服务大厅"), Some(false))
    );
    assert_eq!(
        anonymous(&school, &format!("/api/v1/public/guides/{hall_id}/flowchart"))
            .await
            .0,
        404,
        "the chart is not published yet"
    );
    for hidden in [&internal, &draft, &gone] {
        let path = format!("/api/v1/public/guides/{}", hidden["id"].as_str().unwrap());
        assert_eq!(anonymous(&school, &path).await.0, 404, "{}", hidden["title"]);
    }

    school.app.publish_guide(d, &hall_id).await;
    let (_, one) = anonymous(&school, &format!("/api/v1/public/guides/{hall_id}")).await;
    assert_eq!(
        (one["publishedVersion"].as_i64(), one["hasFlowchart"].as_bool()),
        (Some(2), Some(true))
    );
    let res = school
        .app
        .get(&format!("/api/v1/public/guides/{hall_id}/flowchart"))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.bytes().await.unwrap().as_ref(),
        xiaoban_tests::notices::PNG_1X1
    );
}
