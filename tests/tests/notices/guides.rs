//! Guides and manuals: every publication kept, readers see only what was published, the
//! differences between versions, flowcharts and search.

use reqwest::Method;
use serde_json::json;
use xiaoban_tests::assert_problem;

use super::support::{School, titles};

const FIRST: &str = "一、携带身份证、学历证书原件\n二、到人事处填写入职登记表\n三、领取工作证";
const SECOND: &str =
    "一、携带身份证、学历证书原件\n二、在线填写入职登记表\n三、领取工作证\n四、开通校园网账号";

#[tokio::test]
async fn every_publication_is_kept_and_readers_see_only_what_was_published() {
    let school = School::open().await;
    let teacher = school.app.staff_token().await;
    let guide = school
        .app
        .draft_guide(&school.director, "guide", "新教职工入职办事指南", FIRST, false)
        .await;
    let id = guide["id"].as_str().unwrap();
    assert_eq!(
        school.get(&teacher, &format!("/api/v1/guides/{id}")).await.0,
        404,
        "a draft is not shown"
    );

    let one = school.app.publish_guide(&school.director, id).await;
    assert_eq!(
        (one["publishedVersion"].as_i64(), one["status"].as_str()),
        (Some(1), Some("published"))
    );
    let edited = school
        .app
        .edit_guide(&school.director, &one, json!({"body": SECOND}))
        .await;
    let (_, seen) = school.get(&teacher, &format!("/api/v1/guides/{id}")).await;
    assert_eq!(
        seen["body"], FIRST,
        "readers keep the published text while the office edits"
    );
    assert_eq!(seen["actions"], json!([]));

    let stale = school
        .app
        .as_user(&school.director, Method::PATCH, &format!("/api/v1/guides/{id}"))
        .json(&json!({"title": "旧版本上的修改", "version": one["version"]}))
        .send()
        .await
        .unwrap();
    assert_problem(stale, 409, "version_conflict").await;

    let two = school.app.publish_guide(&school.director, id).await;
    assert_eq!(two["publishedVersion"], 2);
    assert_eq!(
        school.get(&teacher, &format!("/api/v1/guides/{id}")).await.1["body"],
        SECOND
    );
    let (_, versions) = school
        .get(&teacher, &format!("/api/v1/guides/{id}/versions"))
        .await;
    let numbers: Vec<i64> = versions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(
        school
            .get(&teacher, &format!("/api/v1/guides/{id}/versions/1"))
            .await
            .1["body"],
        FIRST
    );

    let (status, diff) = school
        .get(&teacher, &format!("/api/v1/guides/{id}/diff?from=1&to=2"))
        .await;
    assert_eq!(status, 200);
    let changed: Vec<String> = diff["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["change"] != "same")
        .map(|l| {
            format!(
                "{} {}",
                l["change"].as_str().unwrap(),
                l["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            "removed 二、到人事处填写入职登记表",
            "added 二、在线填写入职登记表",
            "added 四、开通校园网账号"
        ]
    );
    assert_eq!(
        school
            .get(&teacher, &format!("/api/v1/guides/{id}/versions/3"))
            .await
            .0,
        404
    );
    assert!(edited["version"].as_i64() < two["version"].as_i64());
}

#[tokio::test]
async fn readers_search_what_was_published_in_chinese_and_wildcards_match_themselves() {
    let school = School::open().await;
    let teacher = school.app.staff_token().await;
    let room = school
        .app
        .draft_guide(
            &school.director,
            "guide",
            "会议室预约",
            "提前一天在系统中预约，100%按时归还",
            false,
        )
        .await;
    let id = room["id"].as_str().unwrap();
    let published = school.app.publish_guide(&school.director, id).await;
    school
        .app
        .edit_guide(&school.director, &published, json!({"body": "草稿中的秘密修改"}))
        .await;
    let onboarding = school
        .app
        .draft_guide(&school.director, "sop", "发文流程", "拟稿、核稿、签发", false)
        .await;
    school
        .app
        .publish_guide(&school.director, onboarding["id"].as_str().unwrap())
        .await;

    let search = |q: &str| format!("/api/v1/guides?q={}", urlencoding(q));
    assert_eq!(
        titles(&school.get(&teacher, &search("预约")).await.1),
        ["会议室预约"]
    );
    assert_eq!(titles(&school.get(&teacher, &search("签")).await.1), ["发文流程"]);
    assert_eq!(
        titles(&school.get(&teacher, &search("100%")).await.1),
        ["会议室预约"]
    );
    assert!(titles(&school.get(&teacher, &search("%%")).await.1).is_empty());
    assert!(
        titles(&school.get(&teacher, &search("秘密")).await.1).is_empty(),
        "drafts are not searched"
    );
    assert_eq!(
        titles(&school.get(&school.director, &search("秘密")).await.1),
        ["会议室预约"]
    );
    assert_eq!(
        titles(&school.get(&teacher, "/api/v1/guides?kind=sop").await.1),
        ["发文流程"]
    );
}

#[tokio::test]
async fn a_flowchart_is_an_image_its_readers_can_open() {
    let school = School::open().await;
    let teacher = school.app.staff_token().await;
    let sop = school
        .app
        .draft_guide(&school.director, "sop", "发文流程", "拟稿\n核稿\n签发", false)
        .await;
    let notes = school
        .app
        .upload(&school.director, "说明.txt", "拟稿、核稿、签发".as_bytes())
        .await;
    let text = school
        .app
        .post_as(
            &school.director,
            "/api/v1/guides",
            &json!({"kind": "sop", "category": "发文",
        "title": "流程图不是图片", "body": "", "flowchartFileId": notes}),
        )
        .await;
    let problem = assert_problem(text, 422, "validation_failed").await;
    assert!(problem["errors"]["flowchartFileId"].is_array(), "{problem}");

    let image = school.app.upload_png(&school.director, "发文流程图.png").await;
    let with_chart = school
        .app
        .edit_guide(&school.director, &sop, json!({"flowchartFileId": image}))
        .await;
    school
        .app
        .publish_guide(&school.director, with_chart["id"].as_str().unwrap())
        .await;
    let (_, seen) = school
        .get(
            &teacher,
            &format!("/api/v1/guides/{}", sop["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(seen["flowchart"]["id"], image.as_str());
    let res = school
        .app
        .get_as(&teacher, &format!("/api/v1/files/{image}/content"))
        .await;
    assert_eq!(res.status(), 200, "a reader of the guide opens its flowchart");
}

fn urlencoding(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn readers_see_and_filter_by_the_published_category_and_the_office_by_every_guide_s() {
    let school = School::open().await;
    let director = &school.director;
    let dept = school.department("jwc", "教务处", None).await;
    let (_, teacher) = school.teacher(&dept).await;
    let app = &school.app;
    let published = app
        .draft_guide(director, "guide", "调课申请", "一、填写调课单", false)
        .await;
    let id = published["id"].as_str().unwrap();
    let once = app.publish_guide(director, id).await;
    app.edit_guide(director, &once, json!({"category": "教学管理"}))
        .await;
    app.draft_guide(director, "sop", "印章使用", "一、登记", false)
        .await;

    let (_, office) = school.get(director, "/api/v1/guides/categories").await;
    assert_eq!(
        office,
        json!([{"category": "教学管理", "count": 1}, {"category": "综合服务", "count": 1}]),
        "the office counts every guide's working copy"
    );
    let (_, reader) = school.get(&teacher, "/api/v1/guides/categories").await;
    assert_eq!(
        reader,
        json!([{"category": "综合服务", "count": 1}]),
        "a reader sees the published category, never a draft's or an unpublished edit's"
    );
    let (_, found) = school
        .get(
            &teacher,
            "/api/v1/guides?category=%E7%BB%BC%E5%90%88%E6%9C%8D%E5%8A%A1",
        )
        .await;
    assert_eq!(found["total"], 1, "{found}");
    let (_, probed) = school
        .get(
            &teacher,
            "/api/v1/guides?category=%E6%95%99%E5%AD%A6%E7%AE%A1%E7%90%86",
        )
        .await;
    assert_eq!(
        probed["total"], 0,
        "the working copy's new category does not find it: {probed}"
    );
}

#[tokio::test]
async fn a_title_its_kind_already_has_is_refused_even_when_two_clerks_create_it_at_once() {
    let school = School::open().await;
    let director = &school.director;
    let body = |kind: &str, title: &str| json!({"kind": kind, "category": "综合服务", "title": title, "body": "正文"});
    let first = school
        .app
        .draft_guide(director, "guide", "学生证补办", "正文", false)
        .await;
    let (status, problem) = school
        .post(director, "/api/v1/guides", body("guide", " 学生证补办 "))
        .await;
    assert_eq!(
        (status, problem["code"].as_str()),
        (409, Some("conflict")),
        "{problem}"
    );
    assert!(
        problem["detail"].as_str().unwrap().contains("学生证补办"),
        "{problem}"
    );
    let (status, _) = school
        .post(director, "/api/v1/guides", body("sop", "学生证补办"))
        .await;
    assert_eq!(status, 201, "a manual may share a guide's title");

    let other = school
        .app
        .draft_guide(director, "guide", "校园卡挂失", "正文", false)
        .await;
    let rename = |title: &'static str, guide: &serde_json::Value| {
        school
            .app
            .as_user(
                director,
                Method::PATCH,
                &format!("/api/v1/guides/{}", guide["id"].as_str().unwrap()),
            )
            .json(&json!({"title": title, "version": guide["version"]}))
            .send()
    };
    assert_problem(rename("学生证补办", &other).await.unwrap(), 409, "conflict").await;
    assert_eq!(
        rename("学生证补办", &first).await.unwrap().status(),
        200,
        "keeping its own title"
    );

    let same = (0..4).map(|_| school.post(director, "/api/v1/guides", body("guide", "毕业证明开具")));
    let mut statuses: Vec<u16> = futures_util::future::join_all(same)
        .await
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409, 409, 409], "four clerks at once: one guide");
}
