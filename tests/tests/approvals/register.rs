//! The approvals register (审批台账): who sees which requests, the office's filters, and the
//! Excel export with the same filters.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;
use xiaoban_tests::assert_problem;

use super::support::{School, leave};

async fn register(school: &School, who: &str, query: &str) -> Value {
    let res = school
        .app
        .get_as(&school.token(who).await, &format!("/api/v1/approvals?{query}"))
        .await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{who} ?{query}: {text}");
    serde_json::from_str(&text).unwrap()
}

fn numbers(page: &Value) -> Vec<String> {
    let mut out: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

/// Three running leaves: two teachers of the IT centre and one of another department.
async fn three_leaves(school: &School) -> [String; 3] {
    let mut out = Vec::new();
    for who in ["he.laoshi", "lv.laoshi", "shi.laoshi"] {
        let request = school.start(who, "leave", leave(1.0)).await;
        out.push(request["number"].as_str().unwrap().to_owned());
    }
    [out[0].clone(), out[1].clone(), out[2].clone()]
}

#[tokio::test]
async fn each_person_s_register_holds_exactly_the_requests_they_may_open() {
    let school = School::open().await;
    let [he, lv, shi] = three_leaves(&school).await;

    let own = register(&school, "he.laoshi", "").await;
    assert_eq!(numbers(&own), std::slice::from_ref(&he));
    assert_eq!(own["items"][0]["status"], "running");
    assert_eq!(own["items"][0]["statusLabel"], "审批中");
    assert_eq!(own["items"][0]["applicantName"], "何老师");
    assert_eq!(own["items"][0]["templateName"], "请假");

    let head = register(&school, "wei.xinxi", "").await;
    assert_eq!(
        numbers(&head),
        [he.clone(), lv.clone()],
        "the IT head decides both"
    );

    let director = register(&school, "wang.zhuren", "").await;
    assert_eq!(director["total"], 3);
    assert_eq!(numbers(&director), [he.clone(), lv.clone(), shi.clone()]);

    let student = register(&school, "cao.tongxue", "").await;
    assert_eq!(student["total"], 0);
    assert_problem(
        school
            .app
            .get_as(&school.token("shenji").await, "/api/v1/approvals")
            .await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn the_director_filters_the_register_like_the_office_books() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    let [he, lv, shi] = three_leaves(&school).await;
    let it = school.department_id("it-dept").await;
    let he_id = school.user_id("he.laoshi").await;
    let leave_id = school.template_id("leave").await;

    let by_department = register(&school, "wang.zhuren", &format!("departmentId={it}")).await;
    assert_eq!(numbers(&by_department), [he.clone(), lv.clone()]);
    let by_applicant = register(&school, "wang.zhuren", &format!("applicantId={he_id}")).await;
    assert_eq!(numbers(&by_applicant), std::slice::from_ref(&he));
    let by_template = register(
        &school,
        "wang.zhuren",
        &format!("templateId={leave_id}&status=running"),
    )
    .await;
    assert_eq!(by_template["total"], 3);
    assert_eq!(
        register(&school, "wang.zhuren", "status=approved").await["total"],
        0
    );
    let by_name = register(&school, "wang.zhuren", "q=吕老师").await;
    assert_eq!(numbers(&by_name), std::slice::from_ref(&lv));
    let today = register(
        &school,
        "wang.zhuren",
        "submittedFrom=2026-11-23&submittedTo=2026-11-23",
    )
    .await;
    assert_eq!(today["total"], 3);
    assert_eq!(
        register(&school, "wang.zhuren", "submittedFrom=2026-11-24").await["total"],
        0
    );
    assert_eq!(register(&school, "wang.zhuren", "overdue=true").await["total"], 0);

    // A week later nobody has decided: every leave is past its deadline.
    school.advance(chrono::Duration::days(7)).await;
    let late = register(&school, "wang.zhuren", "overdue=true&sort=number").await;
    assert_eq!(numbers(&late), [he, lv, shi]);
    assert_eq!(late["items"][0]["overdue"], true);
}

#[tokio::test]
async fn bad_register_filters_are_refused_by_name() {
    let school = School::open().await;
    let token = school.token("wang.zhuren").await;
    for (query, field) in [
        ("status=lost", "status"),
        ("submittedFrom=yesterday", "submittedFrom"),
        ("fallbak=1", "fallbak"),
        ("sort=title", "sort"),
    ] {
        let res = school
            .app
            .get_as(&token, &format!("/api/v1/approvals?{query}"))
            .await;
        let status = res.status().as_u16();
        assert!(status == 400 || status == 422, "{query}: {status}");
        let body: Value = res.json().await.unwrap();
        assert!(
            body["errors"].get(field).is_some() || body["detail"].as_str().is_some_and(|d| d.contains(field)),
            "{query}: {body}"
        );
    }
    assert_problem(
        school
            .app
            .get_as(
                &token,
                "/api/v1/approvals?submittedFrom=2026-11-24&submittedTo=2026-11-23",
            )
            .await,
        422,
        "validation_failed",
    )
    .await;
}

fn sheet_rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("审批台账").unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_register_exports_to_excel_with_the_same_filters_and_the_export_is_audited() {
    let school = School::open().await;
    let [he, lv, _] = three_leaves(&school).await;
    let it = school.department_id("it-dept").await;
    let res = school
        .app
        .get_as(
            &school.token("wang.zhuren").await,
            &format!("/api/v1/approvals/export.xlsx?departmentId={it}"),
        )
        .await;
    assert_eq!(res.status(), 200);
    let headers = res.headers().clone();
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''%E5%AE%A1%E6%89%B9"),
        "审批台账: {disposition}"
    );
    assert_eq!(headers["cache-control"], "no-store");
    let rows = sheet_rows(res.bytes().await.unwrap().to_vec());
    assert_eq!(rows[0][..3], ["编号", "标题", "审批类型"]);
    let mut exported: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    exported.sort();
    assert_eq!(exported, [he.clone(), lv]);
    assert!(
        rows[1..].iter().all(|r| r[5] == "审批中" && r[4] == "信息工程系"),
        "{rows:?}"
    );

    let own = school
        .app
        .get_as(&school.token("he.laoshi").await, "/api/v1/approvals/export.xlsx")
        .await;
    let own_rows = sheet_rows(own.bytes().await.unwrap().to_vec());
    assert_eq!(own_rows.len(), 2, "a teacher exports only their own request");
    assert_eq!(own_rows[1][0], he);

    let audit = school
        .app
        .get_as(
            &school.token("shenji").await,
            "/api/v1/audit-events?action=approval.export",
        )
        .await;
    let audit: Value = audit.json().await.unwrap();
    assert_eq!(audit["total"], 2, "{audit}");
}
