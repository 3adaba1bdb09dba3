//! Parallel branches that join (并行分支 / 汇聚), and conditions on the applicant.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, actions, definition, fields, pending_names};

fn users(ids: &[String]) -> Value {
    json!({ "type": "users", "userIds": ids })
}

/// A purchase: finance (初审 by 李文书, then 复核 by 郑处长) and the equipment office (吴处长,
/// only from 5,000 yuan when `equipment_condition` says so) at once, then the vice principal.
async fn purchase(school: &School, code: &str, equipment_condition: Option<&str>) -> Value {
    let [clerk, finance, equipment, vice] = school
        .users(&["li.wenshu", "zheng.caiwu", "wu.houqin", "chen.fuxiaozhang"])
        .await
        .try_into()
        .unwrap();
    let mut equipment_step = json!({ "name": "设备审核", "rule": users(&[equipment]) });
    if let Some(condition) = equipment_condition {
        equipment_step["condition"] = json!(condition);
    }
    let steps = json!([
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [
                { "name": "初审", "rule": users(&[clerk]) },
                { "name": "复核", "rule": users(&[finance]) }
            ] },
            { "name": "设备", "steps": [ equipment_step ] }
        ] },
        { "name": "校领导审批", "rule": users(&[vice]) }
    ]);
    school.template(code, definition(steps)).await
}

fn task_of<'a>(detail: &'a Value, name: &str) -> &'a Value {
    detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|t| t["assigneeName"] == name)
        .unwrap_or_else(|| panic!("a task of {name}"))
}

fn branch_statuses(detail: &Value) -> Vec<String> {
    detail["steps"][0]["branches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            format!(
                "{}:{}",
                b["name"].as_str().unwrap(),
                b["status"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn a_purchase_goes_to_finance_and_to_the_equipment_office_at_once_and_passes_only_when_both_approved() {
    let school = School::open().await;
    purchase(&school, "purchase", None).await;
    let request = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    let id = &request["id"];
    assert_eq!(pending_names(&request), ["吴处长", "李文书"]);
    assert_eq!(branch_statuses(&request), ["财务:current", "设备:current"]);
    let clerk_task = task_of(&request, "李文书");
    assert_eq!(clerk_task["stepName"], "财务 · 初审");
    assert_eq!(clerk_task["branchIndex"], 0);
    assert_eq!(clerk_task["branchStep"], 0);
    let todo = school.inbox("wu.houqin", "pending").await;
    assert_eq!(todo.len(), 1);
    assert_eq!(todo[0]["stepName"], "设备 · 设备审核");

    let first = school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(
        pending_names(&first),
        ["吴处长", "郑处长"],
        "finance moves on to 复核"
    );
    let finance_done = school.ok("zheng.caiwu", id, "approve", json!({})).await;
    assert_eq!(finance_done["status"], "running");
    assert_eq!(
        finance_done["currentStep"], 0,
        "the join waits for the equipment office"
    );
    assert_eq!(pending_names(&finance_done), ["吴处长"]);
    assert_eq!(branch_statuses(&finance_done), ["财务:passed", "设备:current"]);

    let joined = school.ok("wu.houqin", id, "approve", json!({})).await;
    assert_eq!(joined["currentStep"], 1);
    assert_eq!(pending_names(&joined), ["陈副校长"]);
    assert_eq!(joined["steps"][0]["status"], "passed");
    let timeline = actions(&joined);
    assert_eq!(timeline.iter().filter(|a| *a == "branch_passed").count(), 2);
    let named: Vec<&str> = joined["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "approve")
        .map(|e| e["stepName"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["财务 · 初审", "财务 · 复核", "设备 · 设备审核"]);
    let done = school.ok("chen.fuxiaozhang", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_rejection_in_one_branch_ends_the_request_and_withdraws_the_other_branchs_task() {
    let school = School::open().await;
    purchase(&school, "purchase", None).await;
    let request = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    let id = &request["id"];
    let rejected = school
        .ok("wu.houqin", id, "reject", json!({ "comment": "已有同类设备" }))
        .await;
    assert_eq!(rejected["status"], "rejected");
    assert!(pending_names(&rejected).is_empty());
    assert_eq!(task_of(&rejected, "李文书")["status"], "closed");
    let event = rejected["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "branch_rejected")
        .expect("the timeline says the branch rejected");
    assert_eq!(event["stepName"], "设备 · 设备审核");
    let clerk = school.user_id("li.wenshu").await;
    assert_eq!(event["data"]["withdrawn"], json!([clerk]));
    assert!(school.inbox("li.wenshu", "pending").await.is_empty());
    let late = school.act("li.wenshu", id, "approve", json!({})).await;
    let refused = assert_problem(late, 409, "invalid_transition").await;
    assert_eq!(refused["state"], "rejected");
    assert_eq!(
        rejected["actions"],
        json!(["comment"]),
        "a finished request takes comments only"
    );
}

#[tokio::test]
async fn a_branch_whose_condition_does_not_apply_is_passed_at_once() {
    let school = School::open().await;
    purchase(&school, "purchase", Some("amount >= 500000")).await;
    let small = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    assert_eq!(pending_names(&small), ["李文书"]);
    assert_eq!(branch_statuses(&small), ["财务:current", "设备:passed"]);
    assert_eq!(small["steps"][0]["branches"][1]["steps"][0]["status"], "skipped");
    school.ok("li.wenshu", &small["id"], "approve", json!({})).await;
    let joined = school.ok("zheng.caiwu", &small["id"], "approve", json!({})).await;
    assert_eq!(
        pending_names(&joined),
        ["陈副校长"],
        "finance alone joins the block"
    );

    let large = school
        .start("he.laoshi", "purchase", json!({ "amount": 600000 }))
        .await;
    assert_eq!(pending_names(&large), ["吴处长", "李文书"]);
}

#[tokio::test]
async fn a_block_none_of_whose_branches_applies_is_passed_at_once() {
    let school = School::open().await;
    let [clerk, equipment, vice] = school
        .users(&["li.wenshu", "wu.houqin", "chen.fuxiaozhang"])
        .await
        .try_into()
        .unwrap();
    let steps = json!([
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [ { "name": "初审", "rule": users(&[clerk]), "condition": "amount > 100" } ] },
            { "name": "设备", "steps": [ { "name": "设备审核", "rule": users(&[equipment]), "condition": "amount > 100" } ] }
        ] },
        { "name": "校领导审批", "rule": users(&[vice]) }
    ]);
    school.template("tiny", definition(steps)).await;
    let request = school.start("he.laoshi", "tiny", json!({ "amount": 50 })).await;
    assert_eq!(pending_names(&request), ["陈副校长"]);
    assert_eq!(request["steps"][0]["status"], "passed");
}

#[tokio::test]
async fn a_return_from_a_branch_closes_the_other_branch_and_the_resubmission_enters_the_block_afresh() {
    let school = School::open().await;
    purchase(&school, "purchase", None).await;
    let request = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    let id = &request["id"];
    school.ok("wu.houqin", id, "approve", json!({})).await;
    let returned = school
        .ok("li.wenshu", id, "return", json!({ "comment": "请附报价单" }))
        .await;
    assert_eq!(returned["status"], "returned");
    assert!(pending_names(&returned).is_empty());
    assert!(actions(&returned).contains(&"branch_withdrawn".to_owned()));
    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "comment": "已附报价单" }))
        .await;
    assert_eq!(
        pending_names(&again),
        ["吴处长", "李文书"],
        "both branches start again, the equipment office's earlier approval does not stand"
    );
}

#[tokio::test]
async fn a_return_from_a_branch_to_an_earlier_step_reenters_the_block_from_scratch() {
    let school = School::open().await;
    let [head, clerk, equipment] = school
        .users(&["wei.xinxi", "li.wenshu", "wu.houqin"])
        .await
        .try_into()
        .unwrap();
    let steps = json!([
        { "name": "系部审核", "rule": users(&[head]) },
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [ { "name": "初审", "rule": users(&[clerk]) } ] },
            { "name": "设备", "steps": [ { "name": "设备审核", "rule": users(&[equipment]) } ] }
        ] }
    ]);
    school.template("back", definition(steps)).await;
    let request = school.start("he.laoshi", "back", json!({ "amount": 100 })).await;
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    let back = school
        .ok(
            "li.wenshu",
            id,
            "return",
            json!({ "comment": "请系部核实", "targetStep": 0 }),
        )
        .await;
    assert_eq!(pending_names(&back), ["卫主任"]);
    let again = school.ok("wei.xinxi", id, "approve", json!({})).await;
    assert_eq!(pending_names(&again), ["吴处长", "李文书"]);
}

#[tokio::test]
async fn a_branch_task_offers_what_its_endpoints_accept() {
    let school = School::open().await;
    purchase(&school, "purchase", None).await;
    let request = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    let id = &request["id"];
    let offered = school.detail("li.wenshu", id).await["actions"].clone();
    for action in ["approve", "reject", "return", "transfer", "add-signer"] {
        assert!(
            offered.as_array().unwrap().contains(&json!(action)),
            "{action} offered"
        );
    }
    let colleague = school.user_id("zhao.zhuanyuan").await;
    let moved = school
        .ok("li.wenshu", id, "transfer", json!({ "userId": colleague }))
        .await;
    assert_eq!(task_of(&moved, "赵专员")["stepName"], "财务 · 初审");
    let archivist = school.user_id("sun.dangan").await;
    let added = school
        .ok(
            "zhao.zhuanyuan",
            id,
            "add-signer",
            json!({ "userId": archivist, "position": "after" }),
        )
        .await;
    assert_eq!(task_of(&added, "孙档案")["branchIndex"], 0);
    assert_eq!(
        pending_names(&added),
        ["吴处长", "孙档案"],
        "the added signer holds the branch step"
    );
    let passed = school.ok("sun.dangan", id, "approve", json!({})).await;
    assert_eq!(pending_names(&passed), ["吴处长", "郑处长"]);

    let other = school
        .start("he.laoshi", "purchase", json!({ "amount": 100000 }))
        .await;
    assert!(
        school.detail("he.laoshi", &other["id"]).await["actions"]
            .as_array()
            .unwrap()
            .contains(&json!("withdraw"))
    );
    let withdrawn = school.ok("he.laoshi", &other["id"], "withdraw", json!({})).await;
    assert_eq!(withdrawn["status"], "withdrawn");
    assert!(pending_names(&withdrawn).is_empty());
}

#[tokio::test]
async fn a_branch_step_whose_only_approver_is_the_applicant_goes_to_their_superior() {
    let school = School::open().await;
    purchase(&school, "purchase", None).await;
    // 郑处长 heads finance: the 复核 of his own purchase goes to finance's leader in charge.
    let request = school
        .start("zheng.caiwu", "purchase", json!({ "amount": 100000 }))
        .await;
    let id = &request["id"];
    let next = school.ok("li.wenshu", id, "approve", json!({})).await;
    assert_eq!(pending_names(&next), ["吴处长", "张校长"]);
    assert!(
        next["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["assigneeName"] != "郑处长"),
        "no task goes to the applicant"
    );
}

#[tokio::test]
async fn a_step_applies_only_to_applicants_of_the_academic_affairs_office() {
    let school = School::open().await;
    let [vice, director] = school
        .users(&["chen.fuxiaozhang", "wang.zhuren"])
        .await
        .try_into()
        .unwrap();
    let steps = json!([
        { "name": "分管校领导", "rule": users(&[vice]), "condition": "applicant_department == '教务处'" },
        { "name": "办公室", "rule": users(&[director]) }
    ]);
    school.template("academic-only", definition(steps)).await;
    let academic = school
        .start("liu.jiaowu", "academic-only", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&academic), ["陈副校长"]);
    let teacher = school
        .start("he.laoshi", "academic-only", json!({ "amount": 100 }))
        .await;
    assert_eq!(pending_names(&teacher), ["王主任"]);
    assert_eq!(teacher["steps"][0]["status"], "skipped");
}

#[tokio::test]
async fn a_step_applies_only_to_applicants_with_the_role_position_or_department_subtree_it_names() {
    let school = School::open().await;
    let [vice, director] = school
        .users(&["chen.fuxiaozhang", "wang.zhuren"])
        .await
        .try_into()
        .unwrap();
    let steps = json!([
        { "name": "教研组长加审", "rule": users(&[vice]),
          "condition": "applicant_position == '教研组长' or applicant_roles contains '部门负责人'" },
        { "name": "系部", "rule": users(&[director]), "condition": "applicant_departments contains '信息工程系'" }
    ]);
    school.template("who-files", definition(steps)).await;
    let lead = school
        .start("he.laoshi", "who-files", json!({ "amount": 1 }))
        .await;
    assert_eq!(pending_names(&lead), ["陈副校长"], "何老师 is 教研组长");
    let plain = school
        .start("lv.laoshi", "who-files", json!({ "amount": 1 }))
        .await;
    assert_eq!(pending_names(&plain), ["王主任"], "吕老师 is in 信息工程系 only");
    let head = school
        .start("jiang.jidian", "who-files", json!({ "amount": 1 }))
        .await;
    assert_eq!(
        pending_names(&head),
        ["陈副校长"],
        "a department head holds 部门负责人"
    );
}

#[tokio::test]
async fn a_parallel_block_is_refused_with_every_problem_named_by_its_path() {
    let school = School::open().await;
    let clerk = school.user_id("li.wenshu").await;
    let step = json!({ "name": "初审", "rule": users(std::slice::from_ref(&clerk)) });
    let steps = json!([
        { "name": "单分支", "branches": [ { "name": "财务", "steps": [step] } ] },
        { "name": "重名", "branches": [
            { "name": "财务", "steps": [step] },
            { "name": "财务", "steps": [] }
        ] },
        { "name": "嵌套", "branches": [
            { "name": "甲", "steps": [step] },
            { "name": "乙", "steps": [ { "name": "条件", "rule": users(&[clerk]), "condition": "missing > 1" } ] }
        ] }
    ]);
    let body = json!({ "code": "bad", "name": "bad", "category": "测试", "definition": definition(steps) });
    let problem = assert_problem(school.post_template(&body).await, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "definition.steps[0].branches",
            "definition.steps[1].branches[1].name",
            "definition.steps[1].branches[1].steps",
            "definition.steps[2].branches[1].steps[0].condition",
        ]
    );

    let nested = json!([
        { "name": "嵌套", "branches": [
            { "name": "甲", "steps": [step] },
            { "name": "乙", "steps": [ { "name": "内", "branches": [
                { "name": "内甲", "steps": [step] }, { "name": "内乙", "steps": [step] }
            ] } ] }
        ] }
    ]);
    let body =
        json!({ "code": "nested", "name": "nested", "category": "测试", "definition": definition(nested) });
    let problem = assert_problem(school.post_template(&body).await, 422, "validation_failed").await;
    assert_eq!(
        fields(&problem),
        ["definition.steps[0].branches[1].steps[0].branches"]
    );
}

#[tokio::test]
async fn resubmitting_straight_back_to_a_returning_branch_reenters_the_whole_block() {
    let school = School::open().await;
    let [head, clerk, equipment] = school
        .users(&["wei.xinxi", "li.wenshu", "wu.houqin"])
        .await
        .try_into()
        .unwrap();
    let mut def = definition(json!([
        { "name": "系部审核", "rule": users(&[head]) },
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [ { "name": "初审", "rule": users(&[clerk]) } ] },
            { "name": "设备", "steps": [ { "name": "设备审核", "rule": users(&[equipment]) } ] }
        ] }
    ]));
    def["options"] = json!({ "resubmitToReturningStep": true });
    school.template("straight-back", def).await;
    let request = school
        .start("he.laoshi", "straight-back", json!({ "amount": 100 }))
        .await;
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    school.ok("wu.houqin", id, "approve", json!({})).await;
    school
        .ok("li.wenshu", id, "return", json!({ "comment": "请附报价单" }))
        .await;
    let again = school
        .ok("he.laoshi", id, "resubmit", json!({ "comment": "已附报价单" }))
        .await;
    assert_eq!(again["currentStep"], 1, "the department's approval stands");
    assert_eq!(pending_names(&again), ["吴处长", "李文书"]);
}
