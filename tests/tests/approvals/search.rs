//! The inbox's search and order: the same answers on SQLite and PostgreSQL.

use serde_json::{Value, json};

use super::support::{School, definition};

async fn pending(school: &School, who: &str, query: &[(&str, &str)]) -> Vec<Value> {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("box", "pending")
        .extend_pairs(query)
        .finish();
    let path = format!("/api/v1/approval-tasks?{query}");
    let res = school.app.get_as(&school.token(who).await, &path).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["items"].as_array().unwrap().clone()
}

/// Two requests waiting for the clerk: one with an 8-hour deadline, one without.
async fn two_requests(school: &School) {
    let clerk = school.users(&["li.wenshu"]).await;
    let rule = json!({ "type": "users", "userIds": clerk });
    let timed = json!({ "name": "办理", "rule": rule, "deadlineHours": 8 });
    let open = json!({ "name": "办理", "rule": rule });
    school.template("timed", definition(json!([timed]))).await;
    school.template("open", definition(json!([open]))).await;
    school.start("he.laoshi", "open", json!({ "amount": 1 })).await;
    school.start("he.laoshi", "timed", json!({ "amount": 2 })).await;
}

#[tokio::test]
async fn tasks_without_a_deadline_sort_last_whichever_way_the_deadline_is_sorted() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    two_requests(&school).await;
    for sort in ["dueAt", "-dueAt"] {
        let items = pending(&school, "li.wenshu", &[("sort", sort)]).await;
        let without: Vec<bool> = items.iter().map(|t| t["dueAt"].is_null()).collect();
        assert_eq!(without, [false, true], "sort={sort}");
    }
}

#[tokio::test]
async fn inbox_search_ignores_case_finds_chinese_and_takes_wildcards_literally() {
    let school = School::open_at("2026-11-23T01:00:00Z").await;
    two_requests(&school).await;
    let cases: [(&str, usize); 6] = [
        ("TIMED", 1),
        ("Open", 1),
        ("何老师", 2),
        ("老", 2),
        ("%", 0),
        ("_", 0),
    ];
    for (q, expected) in cases {
        let items = pending(&school, "li.wenshu", &[("q", q)]).await;
        assert_eq!(items.len(), expected, "q={q}: {items:?}");
    }
}

#[tokio::test]
async fn a_percent_sign_in_the_people_picker_finds_nobody() {
    let school = School::open().await;
    let token = school.token("he.laoshi").await;
    let res = school.app.get_as(&token, "/api/v1/directory/people?q=%25").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap(), json!([]));
}
