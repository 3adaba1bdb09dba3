//! Per-step field rights: finance fills the account code, the department head does not see the
//! bank account, nobody changes what their step does not let them, and later steps read the
//! values an approver set.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, fields, pending_names};

/// 报销 with a bank account hidden from the department head, an account code finance fills and
/// an amount finance may correct, and the principal's step from 5,000 yuan.
async fn claim_template(school: &School) {
    let ids = school.users(&["zhao.zhuanyuan", "li.wenshu"]).await;
    let definition = json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "bankAccount", "label": "银行账号", "kind": "text" },
            { "key": "accountCode", "label": "会计科目", "kind": "select", "options": ["6602 管理费用", "6601 销售费用"] }
        ]},
        "steps": [
            { "name": "部门审核", "rule": { "type": "department_head" }, "fieldRights": { "bankAccount": "hidden" } },
            { "name": "财务审核", "rule": { "type": "users", "userIds": [ids[0]] },
              "fieldRights": { "accountCode": "required", "amount": "editable" } },
            { "name": "校长审批", "rule": { "type": "users", "userIds": [ids[1]] }, "condition": "amount >= 500000" }
        ]
    });
    school.template("claim", definition).await;
}

async fn claim_at_finance(school: &School, amount: i64) -> Value {
    claim_template(school).await;
    let form = json!({ "amount": amount, "bankAccount": "6222 0212 3456 7890" });
    let request = school.start("he.laoshi", "claim", form).await;
    school.ok("wei.xinxi", &request["id"], "approve", json!({})).await
}

fn approve_changes(detail: &Value) -> Vec<Value> {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "approve")
        .flat_map(|e| e["data"]["changes"].as_array().cloned().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn finance_fills_the_account_code_when_approving_a_claim() {
    let school = School::open().await;
    let request = claim_at_finance(&school, 300_000).await;
    let id = &request["id"];
    let seen = school.detail("zhao.zhuanyuan", id).await;
    assert_eq!(seen["myDecision"]["requiredFields"], json!(["accountCode"]));
    assert_eq!(seen["myDecision"]["editableFields"], json!(["amount"]));

    let res = school.act("zhao.zhuanyuan", id, "approve", json!({})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.accountCode"]);
    let unchanged = school.detail("he.laoshi", id).await;
    assert_eq!(unchanged["version"], seen["version"]);
    assert_eq!(pending_names(&unchanged), pending_names(&seen));

    let done = school
        .ok(
            "zhao.zhuanyuan",
            id,
            "approve",
            json!({ "form": { "accountCode": "6602 管理费用" } }),
        )
        .await;
    assert_eq!(done["status"], "approved");
    let mine = school.detail("he.laoshi", id).await;
    assert_eq!(mine["form"]["accountCode"], "6602 管理费用");
    assert_eq!(
        approve_changes(&mine),
        [json!({ "field": "accountCode", "label": "会计科目", "before": null, "after": "6602 管理费用" })]
    );
}

#[tokio::test]
async fn the_department_head_does_not_see_the_hidden_bank_account() {
    let school = School::open().await;
    claim_template(&school).await;
    let form = json!({ "amount": 120_000, "bankAccount": "6222 0212 3456 7890" });
    let request = school.start("he.laoshi", "claim", form).await;
    let id = &request["id"];
    assert_eq!(request["form"]["bankAccount"], "6222 0212 3456 7890");
    assert_eq!(request["hiddenFields"], json!([]));

    let head = school.detail("wei.xinxi", id).await;
    assert_eq!(head["form"].get("bankAccount"), None, "{}", head["form"]);
    assert_eq!(head["hiddenFields"], json!(["bankAccount"]));
    assert_eq!(head["form"]["amount"], 120_000);
    let todo = school.inbox("wei.xinxi", "pending").await;
    let item = todo.iter().find(|t| t["instanceId"] == *id).expect("in 待办");
    assert_eq!(item["summary"], "金额：¥1,200.00");

    school.ok("wei.xinxi", id, "approve", json!({})).await;
    let finance = school.detail("zhao.zhuanyuan", id).await;
    assert_eq!(finance["form"]["bankAccount"], "6222 0212 3456 7890");
    // Having approved, the head still sees the request without the account.
    let after = school.detail("wei.xinxi", id).await;
    assert_eq!(after["form"].get("bankAccount"), None);
}

#[tokio::test]
async fn an_approver_cannot_change_the_amount() {
    let school = School::open().await;
    claim_template(&school).await;
    let request = school
        .start("he.laoshi", "claim", json!({ "amount": 120_000 }))
        .await;
    let id = &request["id"];
    let res = school
        .act("wei.xinxi", id, "approve", json!({ "form": { "amount": 1 } }))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.amount"]);
    let unchanged = school.detail("he.laoshi", id).await;
    assert_eq!(unchanged["form"]["amount"], 120_000);
    assert_eq!(unchanged["version"], request["version"]);
    assert_eq!(pending_names(&unchanged), pending_names(&request));

    // Finance may change it, but only by the field's own rules.
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    let res = school
        .act(
            "zhao.zhuanyuan",
            id,
            "approve",
            json!({ "form": { "amount": -5, "accountCode": "9999" } }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(named, ["form.accountCode", "form.amount"]);
}

#[tokio::test]
async fn a_claim_finance_corrects_below_five_thousand_yuan_skips_the_principal() {
    let school = School::open().await;
    let request = claim_at_finance(&school, 600_000).await;
    let id = &request["id"];
    let body = json!({ "form": { "accountCode": "6601 销售费用", "amount": 450_000 } });
    let done = school.ok("zhao.zhuanyuan", id, "approve", body).await;
    assert_eq!(done["status"], "approved", "{}", done["timeline"]);
    let changes = approve_changes(&done);
    assert!(
        changes.contains(&json!({ "field": "amount", "label": "金额", "before": 600_000, "after": 450_000 })),
        "{changes:?}"
    );

    // The other way round: raised to 5,000 yuan, the principal's step now applies.
    let raised = school
        .start("he.laoshi", "claim", json!({ "amount": 300_000 }))
        .await;
    school.ok("wei.xinxi", &raised["id"], "approve", json!({})).await;
    let body = json!({ "form": { "accountCode": "6602 管理费用", "amount": 500_000 } });
    let next = school.ok("zhao.zhuanyuan", &raised["id"], "approve", body).await;
    assert_eq!(next["status"], "running");
    assert_eq!(next["currentStepName"], "校长审批");
}

#[tokio::test]
async fn the_applicant_is_not_asked_for_the_account_code_and_keeps_it_on_resubmit() {
    let school = School::open().await;
    let form = json!({ "amount": 120_000, "accountCode": "6602 管理费用" });
    let request = claim_at_finance(&school, 600_000).await;
    let res = school.try_start("he.laoshi", "claim", form).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.accountCode"]);

    let id = &request["id"];
    let body = json!({ "form": { "accountCode": "6602 管理费用" } });
    school.ok("zhao.zhuanyuan", id, "approve", body).await;
    school
        .ok("li.wenshu", id, "return", json!({ "comment": "请补发票" }))
        .await;
    let res = school
        .act(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": { "amount": 600_000, "accountCode": "x" } }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.accountCode"]);
    let again = school
        .ok(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": { "amount": 600_000 } }),
        )
        .await;
    assert_eq!(again["status"], "running");
    assert_eq!(again["form"]["accountCode"], "6602 管理费用");
}

#[tokio::test]
async fn field_rights_naming_unknown_fields_are_refused_with_their_path() {
    let school = School::open().await;
    let definition = json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "accountCode", "label": "会计科目", "kind": "text", "required": true }
        ]},
        "steps": [
            { "name": "财务审核", "rule": { "type": "department_head" },
              "fieldRights": { "acountCode": "required", "accountCode": "required" } },
            { "name": "复核", "rule": { "type": "department_head" }, "fieldRights": { "amount": "visible" } }
        ]
    });
    let body = json!({ "code": "bad", "name": "bad", "category": "测试", "definition": definition });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let text = problem.to_string();
    assert!(text.contains("fieldRights"), "{text}");

    let mut fixed = definition.clone();
    fixed["steps"][1]["fieldRights"] = json!({ "amount": "hidden" });
    let body = json!({ "code": "bad", "name": "bad", "category": "测试", "definition": fixed });
    let res = school.post_template(&body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(
        named,
        [
            "definition.form.fields[1].required",
            "definition.steps[0].fieldRights.acountCode"
        ]
    );
}

#[tokio::test]
async fn the_files_of_a_hidden_attachments_field_are_not_listed_for_the_step_that_hides_it() {
    let school = School::open().await;
    let definition = json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "idCard", "label": "身份证复印件", "kind": "attachments" }
        ]},
        "steps": [ { "name": "部门审核", "rule": { "type": "department_head" }, "fieldRights": { "idCard": "hidden" } } ]
    });
    school.template("private_files", definition).await;
    let file = super::signatures::upload(&school, "he.laoshi", "身份证.png", super::signatures::PNG).await;
    let form = json!({ "amount": 100, "idCard": [file] });
    let request = school.start("he.laoshi", "private_files", form).await;
    assert_eq!(request["attachments"].as_array().unwrap().len(), 1);
    let head = school.detail("wei.xinxi", &request["id"]).await;
    assert_eq!(head["attachments"], json!([]));
    assert_eq!(head["form"].get("idCard"), None);
}
