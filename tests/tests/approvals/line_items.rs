//! Line items (明细): a claim's lines are checked cell by cell, its total is their sum (typed
//! totals are ignored), and the route reads the computed total.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, claim, fields, pending_names};

#[tokio::test]
async fn a_claims_total_is_the_sum_of_its_lines_and_decides_the_principals_step() {
    let school = School::open().await;
    let mut form = claim("差旅费", 5_500);
    // Typed lower to slip under 5,000 yuan: ignored, the lines decide.
    form["amount"] = json!(100);
    let request = school.start("he.laoshi", "reimbursement", form).await;
    assert_eq!(request["form"]["amount"], 550_000);
    assert_eq!(request["form"]["lines"].as_array().unwrap().len(), 2);
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    let at_finance = school.ok("zheng.caiwu", id, "approve", json!({})).await;
    assert_eq!(at_finance["status"], "running");
    assert_eq!(pending_names(&at_finance), ["张校长"]);

    let small = school
        .start("he.laoshi", "reimbursement", claim("办公费", 4_999))
        .await;
    assert_eq!(small["form"]["amount"], 499_900);
    school.ok("wei.xinxi", &small["id"], "approve", json!({})).await;
    let done = school.ok("zheng.caiwu", &small["id"], "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
}

#[tokio::test]
async fn a_resubmitted_claim_is_totalled_again_from_its_new_lines() {
    let school = School::open().await;
    let request = school
        .start("he.laoshi", "reimbursement", claim("办公费", 1_000))
        .await;
    let id = &request["id"];
    school.ok("wei.xinxi", id, "approve", json!({})).await;
    school
        .ok("zheng.caiwu", id, "return", json!({ "comment": "漏了一项" }))
        .await;
    let again = school
        .ok(
            "he.laoshi",
            id,
            "resubmit",
            json!({ "form": claim("办公费", 8_000) }),
        )
        .await;
    assert_eq!(again["form"]["amount"], 800_000);
}

async fn refused_claim(school: &School, lines: Value) -> Vec<String> {
    let form = json!({ "expenseType": "办公费", "lines": lines, "description": "说明" });
    let res = school.try_start("he.laoshi", "reimbursement", form).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    fields(&problem)
}

#[tokio::test]
async fn each_line_is_checked_and_a_bad_cell_is_named_by_its_row_and_column() {
    let school = School::open().await;
    let ok = json!({ "item": "车票", "amount": 1000 });
    assert_eq!(
        refused_claim(&school, json!([ok, { "item": "住宿" }])).await,
        ["form.lines[1].amount"]
    );
    assert_eq!(
        refused_claim(&school, json!([{ "item": "车票", "amount": -5 }])).await,
        ["form.lines[0].amount"]
    );
    assert_eq!(
        refused_claim(&school, json!([{ "item": "车票", "amount": 12.5 }])).await,
        ["form.lines[0].amount"]
    );
    assert_eq!(
        refused_claim(&school, json!([{ "item": "车票", "amount": 1000, "tip": 1 }])).await,
        ["form.lines[0].tip"]
    );
    assert_eq!(
        refused_claim(
            &school,
            json!([{ "item": "车票", "date": "2026-13-01", "amount": 1 }])
        )
        .await,
        ["form.lines[0].date"]
    );
    assert_eq!(refused_claim(&school, json!([])).await, ["form.lines"]);
    let too_many: Vec<Value> = (0..21).map(|_| ok.clone()).collect();
    assert_eq!(refused_claim(&school, json!(too_many)).await, ["form.lines"]);
    assert!(
        school.inbox("he.laoshi", "started").await.is_empty(),
        "nothing was filed"
    );
}

#[tokio::test]
async fn the_designer_may_sum_only_a_column_of_the_totals_kind_and_conditions_read_the_total() {
    let school = School::open().await;
    let form = |computed_from: &str| {
        json!({ "fields": [
            { "key": "lines", "label": "明细", "kind": "line_items", "columns": [
                { "key": "item", "label": "项目", "kind": "text" },
                { "key": "amount", "label": "金额", "kind": "money" }
            ] },
            { "key": "total", "label": "合计", "kind": "money", "computedFrom": computed_from }
        ] })
    };
    let step =
        json!([{ "name": "审批", "rule": { "type": "department_head" }, "condition": "total >= 100000" }]);
    for bad in ["lines.item", "lines.nothing", "item.amount"] {
        let body = json!({ "code": "sum", "name": "合计", "category": "测试",
            "definition": { "form": form(bad), "steps": step } });
        let problem = assert_problem(school.post_template(&body).await, 422, "validation_failed").await;
        assert_eq!(
            fields(&problem),
            ["definition.form.fields[1].computedFrom"],
            "{bad}"
        );
    }
    let on_lines =
        json!([{ "name": "审批", "rule": { "type": "department_head" }, "condition": "lines > 0" }]);
    let body = json!({ "code": "sum", "name": "合计", "category": "测试",
        "definition": { "form": form("lines.amount"), "steps": on_lines } });
    let problem = assert_problem(school.post_template(&body).await, 422, "validation_failed").await;
    assert_eq!(fields(&problem).len(), 1);
    let no_columns = json!({ "code": "sum", "name": "合计", "category": "测试", "definition": {
        "form": { "fields": [ { "key": "lines", "label": "明细", "kind": "line_items" } ] }, "steps": step } });
    let problem = assert_problem(school.post_template(&no_columns).await, 422, "validation_failed").await;
    assert!(fields(&problem).contains(&"definition.form.fields[0].columns".to_owned()));
    school
        .template("sum", json!({ "form": form("lines.amount"), "steps": step }))
        .await;
}

async fn claim_template(school: &School) -> Value {
    let id = school.template_id("reimbursement").await;
    let res = school
        .app
        .get_as(
            &school.token("wang.zhuren").await,
            &format!("/api/v1/approval-templates/{id}"),
        )
        .await;
    res.json().await.unwrap()
}

fn has_lines(template: &Value) -> bool {
    template["definition"]["form"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "line_items")
}

#[tokio::test]
async fn a_school_seeded_before_claims_had_lines_gets_them_as_a_new_version() {
    let school = School::open().await;
    let seeded = claim_template(&school).await;
    assert!(has_lines(&seeded));
    // Seeding again changes nothing.
    school.app.services.seed_builtin_templates().await.unwrap();
    assert_eq!(
        claim_template(&school).await["currentVersion"],
        seeded["currentVersion"]
    );
    // The 报销 of an older seed: a typed amount, no lines.
    let old = json!({ "definition": { "form": { "fields": [
        { "key": "amount", "label": "报销金额", "kind": "money", "required": true, "min": 1 } ] },
        "steps": seeded["definition"]["steps"] }, "version": seeded["version"] });
    let path = format!("/api/v1/approval-templates/{}", seeded["id"].as_str().unwrap());
    let res = school.patch("wang.zhuren", &path, old).await;
    assert_eq!(res.status(), 200);
    let before = claim_template(&school).await;
    assert!(!has_lines(&before));
    school.app.services.seed_builtin_templates().await.unwrap();
    let after = claim_template(&school).await;
    assert!(has_lines(&after));
    assert_eq!(
        after["currentVersion"].as_i64().unwrap(),
        before["currentVersion"].as_i64().unwrap() + 1
    );
}
