//! 办事指南 / 操作手册 imported from a spreadsheet: every bad row named with its line and
//! Chinese column, all rows as drafts or none, and the sample file imports as it is.

use serde_json::Value;
use xiaoban_tests::TestApp;

use super::support::School;

const IMPORT: &str = "/api/v1/guides/import";

async fn import(school: &School, token: &str, dry_run: bool, name: &str, bytes: &[u8]) -> (u16, Value) {
    let path = format!("{IMPORT}?dryRun={dry_run}");
    let res = school.app.post_file(token, &path, name, bytes).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn written(app: &TestApp) -> (i64, i64, i64) {
    (
        app.count("SELECT COUNT(*) FROM guides").await,
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'guide.create'")
            .await,
        app.count("SELECT COUNT(*) FROM record_events WHERE module = 'guide'")
            .await,
    )
}

fn refused(status: u16, body: &Value, expected: u16, code: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["code"], code, "{body}");
}

/// `(line, field, column)` of every problem in a report.
fn problems(report: &Value) -> Vec<(u64, String, String)> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap().to_owned();
            (e["line"].as_u64().unwrap(), text("field"), text("column"))
        })
        .collect()
}

#[tokio::test]
async fn a_dry_run_names_every_bad_row_by_line_and_chinese_column_and_writes_nothing() {
    let school = School::open().await;
    let director = &school.director;
    school
        .app
        .draft_guide(director, "guide", "已有的指南", "第一步", false)
        .await;
    let before = written(&school.app).await;
    let csv = "\u{feff}类型,分类,标题,正文,是否公开,负责人账号\n\
               办事指南,人事服务,在职证明开具,一、提交申请,是,\n\
               公文,人事服务,错误类型,,,\n\
               操作手册,,缺少分类,,否,\n\
               办事指南,人事服务,已有的指南,,,\n\
               办事指南,人事服务,在职证明开具,,,\n\
               操作手册,公文处理,负责人不存在,,也许,nobody.here\n\
               操作手册,公文处理,收文登记,,,\n";
    let (status, report) = import(&school, director, true, "指南.csv", csv.as_bytes()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["dryRun"], true);
    assert_eq!(report["rows"], 7);
    assert_eq!(
        report["toCreate"], 2,
        "the first and the last row are fine: {report}"
    );
    let expected: Vec<(u64, String, String)> = [
        (3, "kind", "类型"),
        (4, "category", "分类"),
        (5, "title", "标题"),
        (6, "title", "标题"),
        (7, "isPublic", "是否公开"),
        (7, "owner", "负责人账号"),
    ]
    .into_iter()
    .map(|(l, f, c)| (l, f.to_owned(), c.to_owned()))
    .collect();
    assert_eq!(problems(&report), expected);
    assert_eq!(report["errors"][2]["message"], "已有同类型、同标题的指南");
    assert_eq!(report["errors"][3]["message"], "文件中标题重复");
    assert_eq!(written(&school.app).await, before, "a dry run writes nothing");
}

#[tokio::test]
async fn a_real_import_with_one_bad_row_writes_nothing_and_a_good_one_writes_every_row_as_a_draft() {
    let school = School::open().await;
    let director = &school.director;
    let (teacher_id, _) = {
        let dept = school.department("rsc", "人事处", None).await;
        school.teacher(&dept).await
    };
    let (_, teacher) = school
        .get(&school.admin, &format!("/api/v1/users/{teacher_id}"))
        .await;
    let owner = teacher["username"].as_str().unwrap().to_owned();
    let before = written(&school.app).await;

    let bad = "标题,分类,类型\n调课申请办事指南,教学管理,办事指南\n,教学管理,办事指南\n";
    let (status, body) = import(&school, director, false, "指南.csv", bad.as_bytes()).await;
    refused(status, &body, 422, "validation_failed");
    assert!(body["errors"]["lines[3].title"].is_array(), "{body}");
    assert_eq!(written(&school.app).await, before, "all or nothing");

    let good = format!(
        "标题,分类,类型,正文,是否公开,负责人账号\n\
         调课申请办事指南,教学管理,办事指南,\"一、填写调课单\n二、教务处审核\",是,{owner}\n\
         档案借阅操作手册,档案管理,操作手册,,否,\n"
    );
    let (status, report) = import(&school, director, false, "指南.csv", good.as_bytes()).await;
    assert_eq!(status, 200, "{report}");
    let created: Vec<String> = report["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(created.len(), 2);
    let (_, first) = school
        .get(director, &format!("/api/v1/guides/{}", created[0]))
        .await;
    assert_eq!(first["title"], "调课申请办事指南");
    assert_eq!(
        first["body"], "一、填写调课单\n二、教务处审核",
        "a quoted cell keeps its lines"
    );
    assert_eq!(
        first["status"], "draft",
        "imported guides wait for the office to publish them"
    );
    assert_eq!(first["kind"], "guide");
    assert_eq!(first["isPublic"], true);
    assert_eq!(first["ownerId"], teacher_id.as_str());
    let (_, second) = school
        .get(director, &format!("/api/v1/guides/{}", created[1]))
        .await;
    assert_eq!(second["kind"], "sop");
    assert_eq!(second["isPublic"], false);
    let (_, timeline) = school
        .get(director, &format!("/api/v1/guides/{}/timeline", created[1]))
        .await;
    assert_eq!(timeline[0]["action"], "create", "{timeline}");
    let (guides, audits, events) = written(&school.app).await;
    assert_eq!(
        (guides, audits, events),
        (before.0 + 2, before.1 + 2, before.2 + 2)
    );

    let (_, again) = import(&school, director, true, "指南.csv", good.as_bytes()).await;
    assert_eq!(
        again["toCreate"], 0,
        "the same file twice is refused row by row: {again}"
    );
}

#[tokio::test]
async fn the_sample_file_imports_as_it_is_and_only_the_office_may_import() {
    let school = School::open().await;
    let director = &school.director;
    let res = school
        .app
        .get_as(director, "/api/v1/guides/import/template.xlsx")
        .await;
    assert_eq!(res.status(), 200);
    let sample = res.bytes().await.unwrap().to_vec();
    let header = crate::sheets::header_row(&sample);
    assert_eq!(header, ["类型", "分类", "标题", "正文", "是否公开", "负责人账号"]);

    let (status, report) = import(&school, director, false, "模板.xlsx", &sample).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["created"].as_array().unwrap().len(), 2);

    let dept = school.department("jwc", "教务处", None).await;
    let (_, teacher) = school.teacher(&dept).await;
    let before = written(&school.app).await;
    let (status, body) = import(&school, &teacher, false, "模板.xlsx", &sample).await;
    refused(status, &body, 403, "forbidden");
    let res = school
        .app
        .get_as(&teacher, "/api/v1/guides/import/template.xlsx")
        .await;
    assert_eq!(res.status(), 403);
    let (status, body) = import(&school, director, true, "指南.pdf", b"%PDF-1.4").await;
    refused(status, &body, 415, "unsupported_media_type");
    assert_eq!(written(&school.app).await, before);
}

#[tokio::test]
async fn two_clerks_importing_the_same_file_at_once_create_its_guides_once() {
    let school = School::open().await;
    let (_, clerk) = school.app.user_with_role("office_clerk").await;
    let before = written(&school.app).await;
    let file = "标题,分类\n成绩单打印办事指南,学籍服务\n校园卡补办办事指南,后勤服务\n";
    let (first, second) = tokio::join!(
        import(&school, &school.director, false, "指南.csv", file.as_bytes()),
        import(&school, &clerk, false, "指南.csv", file.as_bytes()),
    );
    let mut statuses = [first.0, second.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 422], "one import wins: {first:?} {second:?}");
    let loser = if first.0 == 422 { &first.1 } else { &second.1 };
    assert!(loser["errors"]["lines[2].title"].is_array(), "{loser}");
    let (guides, audits, events) = written(&school.app).await;
    assert_eq!(
        (guides, audits, events),
        (before.0 + 2, before.1 + 2, before.2 + 2)
    );
}
