//! A step inside a parallel block has the same rights as a top-level step: fields hidden from
//! its approver, fields its approver must fill, a signature it requires. Another branch's
//! approver is not affected by them.

use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::signatures::{PNG, upload};
use super::support::{School, fields, pending_names};

/// A purchase reviewed at once by finance (李文书 fills the account code and signs) and the
/// equipment office (吴处长 does not see the supplier's bank account).
async fn purchase_with_branch_rights(school: &School) -> Value {
    let [clerk, equipment] = school
        .users(&["li.wenshu", "wu.houqin"])
        .await
        .try_into()
        .unwrap();
    let definition = json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "bankAccount", "label": "供应商银行账号", "kind": "text" },
            { "key": "accountCode", "label": "会计科目", "kind": "text" }
        ]},
        "steps": [ { "name": "会审", "branches": [
            { "name": "财务", "steps": [ { "name": "财务审核",
                "rule": { "type": "users", "userIds": [clerk] },
                "fieldRights": { "accountCode": "required" }, "signatureRequired": true } ] },
            { "name": "设备", "steps": [ { "name": "设备审核",
                "rule": { "type": "users", "userIds": [equipment] },
                "fieldRights": { "bankAccount": "hidden" } } ] }
        ] } ]
    });
    let template = school.template("purchase_rights", definition).await;
    assert_eq!(
        template["definition"]["steps"][0]["branches"][0]["steps"][0]["signatureRequired"], true,
        "the template keeps the branch step's rights"
    );
    let form = json!({ "amount": 800_000, "bankAccount": "6222 0212 3456 7890" });
    school.start("he.laoshi", "purchase_rights", form).await
}

#[tokio::test]
async fn a_branch_approver_does_not_see_the_field_their_step_hides_and_the_other_branch_does() {
    let school = School::open().await;
    let request = purchase_with_branch_rights(&school).await;
    let id = &request["id"];
    let equipment = school.detail("wu.houqin", id).await;
    assert_eq!(equipment["hiddenFields"], json!(["bankAccount"]));
    assert!(equipment["form"].get("bankAccount").is_none());
    assert_eq!(equipment["myDecision"]["signatureRequired"], false);
    assert_eq!(equipment["myDecision"]["requiredFields"], json!([]));
    assert!(!request["summary"].as_str().unwrap().contains("6222"));

    let finance = school.detail("li.wenshu", id).await;
    assert_eq!(finance["hiddenFields"], json!([]));
    assert_eq!(finance["form"]["bankAccount"], "6222 0212 3456 7890");
    assert_eq!(finance["myDecision"]["requiredFields"], json!(["accountCode"]));
    assert_eq!(finance["myDecision"]["signatureRequired"], true);

    // The equipment office approves with neither account code nor signature: not its step's.
    let equipment_done = school.ok("wu.houqin", id, "approve", json!({})).await;
    assert_eq!(pending_names(&equipment_done), ["李文书"]);
}

#[tokio::test]
async fn a_branch_approver_must_fill_their_steps_field_and_sign() {
    let school = School::open().await;
    let request = purchase_with_branch_rights(&school).await;
    let id = &request["id"];
    let res = school.act("li.wenshu", id, "approve", json!({})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut named = fields(&problem);
    named.sort();
    assert_eq!(named, ["form.accountCode", "signatureFileId"]);
    let res = school
        .act(
            "wu.houqin",
            id,
            "approve",
            json!({ "form": { "accountCode": "6602" } }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        fields(&problem),
        ["form.accountCode"],
        "not the other branch's field"
    );
    assert_eq!(
        school.detail("he.laoshi", id).await["version"],
        request["version"]
    );

    let signature = upload(&school, "li.wenshu", "签名.png", PNG).await;
    let body = json!({ "form": { "accountCode": "6602 管理费用" }, "signatureFileId": signature });
    school.ok("li.wenshu", id, "approve", body).await;
    let done = school.ok("wu.houqin", id, "approve", json!({})).await;
    assert_eq!(done["status"], "approved");
    let sheet = school.detail("he.laoshi", id).await;
    assert_eq!(sheet["form"]["accountCode"], "6602 管理费用");
    let signed = sheet["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assigneeName"] == "李文书")
        .unwrap();
    assert_eq!(signed["signatureFileId"], signature);
}

#[tokio::test]
async fn the_applicant_may_not_give_a_field_a_branch_step_fills() {
    let school = School::open().await;
    purchase_with_branch_rights(&school).await;
    let res = school
        .try_start(
            "he.laoshi",
            "purchase_rights",
            json!({ "amount": 100, "accountCode": "6602" }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&problem), ["form.accountCode"]);
}
