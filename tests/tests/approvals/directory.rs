//! The address book pickers use: names and departments only, for anyone who takes part in approvals.

use serde_json::Value;
use xiaoban_tests::assert_problem;

use super::support::School;

#[tokio::test]
async fn a_teacher_finds_colleagues_by_name_with_their_department_and_nothing_more() {
    let school = School::open().await;
    let token = school.token("he.laoshi").await;
    let res = school
        .app
        .get_as(&token, "/api/v1/directory/people?q=%E7%8E%8B")
        .await;
    assert_eq!(res.status(), 200);
    let people: Vec<Value> = res.json().await.unwrap();
    let wang = people
        .iter()
        .find(|p| p["name"] == "王主任")
        .expect("王主任 found by 王");
    assert_eq!(wang["departmentName"], "综合办公室");
    let keys: Vec<&String> = wang.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["departmentName", "id", "name"],
        "no username, phone or roles"
    );

    let ids = format!(
        "{},{}",
        school.user_id("li.wenshu").await,
        school.user_id("sun.dangan").await
    );
    let res = school
        .app
        .get_as(&token, &format!("/api/v1/directory/people?ids={ids}"))
        .await;
    let named: Vec<Value> = res.json().await.unwrap();
    let mut names: Vec<&str> = named.iter().map(|p| p["name"].as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["孙档案", "李文书"]);
    let bad = school
        .app
        .get_as(&token, "/api/v1/directory/people?ids=nope")
        .await;
    assert_problem(bad, 422, "validation_failed").await;

    let res = school.app.get_as(&token, "/api/v1/directory/departments").await;
    let departments: Vec<Value> = res.json().await.unwrap();
    assert!(
        departments
            .iter()
            .any(|d| d["name"] == "信息工程系" && d["parentId"].is_string())
    );

    let res = school.app.get_as(&token, "/api/v1/directory/roles").await;
    let roles: Vec<Value> = res.json().await.unwrap();
    let head = roles
        .iter()
        .find(|r| r["code"] == "dept_head")
        .expect("dept_head listed");
    assert_eq!(head["name"], "部门负责人");
    assert_eq!(head.as_object().unwrap().len(), 2, "code and name only");

    let auditor = school
        .app
        .get_as(&school.token("shenji").await, "/api/v1/directory/people")
        .await;
    assert_problem(auditor, 403, "forbidden").await;
}
