//! Who sees what of a template: designers everything; everyone else only the templates they may
//! start, in a slim view without the ids of the people a template names.

use serde_json::{Value, json};

use super::support::{School, definition};

async fn templates_of(school: &School, who: &str) -> Vec<Value> {
    let res = school
        .app
        .get_as(&school.token(who).await, "/api/v1/approval-templates")
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn named_ids(template: &Value) -> Vec<Value> {
    let def = &template["definition"];
    let mut rules: Vec<&Value> = Vec::new();
    for step in def["steps"].as_array().unwrap() {
        rules.push(&step["rule"]);
        rules.extend(step["cc"].as_array().into_iter().flatten());
    }
    rules.push(&def["options"]["fallback"]);
    rules
        .into_iter()
        .filter_map(|r| r["userIds"].as_array())
        .flatten()
        .cloned()
        .collect()
}

#[tokio::test]
async fn people_without_template_management_see_only_what_they_may_start_without_approver_ids() {
    let school = School::open().await;
    let [clerk, librarian, fallback] = [
        school.user_id("li.wenshu").await,
        school.user_id("feng.tushu").await,
        school.user_id("zhao.zhuanyuan").await,
    ];
    let mut def = definition(
        json!([{ "name": "审核", "rule": { "type": "users", "userIds": [clerk] },
        "cc": [ { "type": "users", "userIds": [librarian] } ] }]),
    );
    def["options"] = json!({ "fallback": { "type": "users", "userIds": [fallback] } });
    for (code, role) in [("for-staff", "staff"), ("for-students", "student")] {
        let body = json!({ "code": code, "name": code, "category": "测试",
            "starters": { "roles": [role] }, "definition": def });
        let res = school.post_template(&body).await;
        assert_eq!(res.status(), 201);
    }

    let teacher = templates_of(&school, "he.laoshi").await;
    let codes: Vec<&str> = teacher.iter().map(|t| t["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"for-staff"), "{codes:?}");
    assert!(!codes.contains(&"for-students"), "{codes:?}");
    assert!(teacher.iter().all(|t| t["full"] == false));
    assert!(teacher.iter().all(|t| named_ids(t).is_empty()), "no approver ids");
    let mine = teacher.iter().find(|t| t["code"] == "for-staff").unwrap();
    assert_eq!(mine["definition"]["steps"][0]["rule"]["type"], "users");

    let path = format!("/api/v1/approval-templates/{}", mine["id"].as_str().unwrap());
    let one: Value = school
        .app
        .get_as(&school.token("he.laoshi").await, &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["full"], false);
    assert!(named_ids(&one).is_empty());

    let designer: Value = school
        .app
        .get_as(&school.token("wang.zhuren").await, &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(designer["full"], true);
    assert_eq!(
        named_ids(&designer),
        [json!(clerk), json!(librarian), json!(fallback)]
    );

    let started = school
        .start("he.laoshi", "for-staff", json!({ "amount": 100 }))
        .await;
    assert_eq!(
        super::support::pending_names(&started),
        ["李文书"],
        "the slim view changes nothing for requests"
    );
}
