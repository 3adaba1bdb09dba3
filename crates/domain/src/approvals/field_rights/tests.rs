use serde_json::{Map, Value, json};

use crate::approvals::definition::Definition;

fn claim() -> Definition {
    serde_json::from_value(json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "bankAccount", "label": "银行账号", "kind": "text" },
            { "key": "accountCode", "label": "会计科目", "kind": "select", "options": ["6602", "6601"] }
        ]},
        "steps": [
            { "name": "部门审核", "rule": { "type": "department_head" },
              "fieldRights": { "bankAccount": "hidden" } },
            { "name": "财务审核", "rule": { "type": "role", "role": "finance" },
              "fieldRights": { "accountCode": "required", "amount": "editable" },
              "signatureRequired": true }
        ]
    }))
    .unwrap_or_else(|e| panic!("{e}"))
}

fn values(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

#[test]
fn a_field_filled_at_a_step_is_refused_from_the_applicant() {
    let def = claim();
    let issues = def
        .refuse_step_fields(&json!({ "amount": 100, "accountCode": "6602" }))
        .err()
        .unwrap_or_default();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].field, "accountCode");
    assert!(
        def.refuse_step_fields(&json!({ "amount": 100, "accountCode": "" }))
            .is_ok()
    );
}

#[test]
fn finance_must_fill_the_account_code_and_may_change_the_amount() {
    let def = claim();
    let current = values(json!({ "amount": 100 }));
    let missing = def.apply_edits(1, &current, None).err().unwrap_or_default();
    assert_eq!(
        missing.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(),
        ["accountCode"]
    );
    let edited = def
        .apply_edits(1, &current, Some(&json!({ "accountCode": "6602", "amount": 90 })))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(edited.form.values.get("amount"), Some(&json!(90)));
    assert_eq!(edited.changes.len(), 2);
    assert_eq!(edited.changes[0].before, json!(100));
}

#[test]
fn an_edit_outside_the_steps_rights_or_the_fields_rules_is_refused() {
    let def = claim();
    let current = values(json!({ "amount": 100 }));
    let issues = def
        .apply_edits(0, &current, Some(&json!({ "amount": 1 })))
        .err()
        .unwrap_or_default();
    assert_eq!(issues[0].field, "amount");
    let issues = def
        .apply_edits(1, &current, Some(&json!({ "accountCode": "9999" })))
        .err()
        .unwrap_or_default();
    assert_eq!(issues[0].field, "accountCode");
}

#[test]
fn hidden_fields_leave_the_summary_and_the_views_of_their_steps_only() {
    let def = claim();
    let v = values(json!({ "amount": 100, "bankAccount": "6222" }));
    assert!(!def.summary(&v).contains("6222"));
    assert_eq!(
        def.hidden_for(&[0].into()).into_iter().collect::<Vec<_>>(),
        ["bankAccount"]
    );
    assert!(def.hidden_for(&[0, 1].into()).is_empty());
    assert!(def.hidden_for(&[].into()).is_empty());
}

#[test]
fn the_definition_names_unknown_fields_and_step_filled_required_fields() {
    let mut def = claim();
    def.steps[0].field_rights.insert(
        "bankAcount".into(),
        crate::approvals::field_rights::FieldRight::Hidden,
    );
    def.form.fields[2].required = true;
    let fields: Vec<String> = def
        .check()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(
        fields,
        [
            "definition.steps[0].fieldRights.bankAcount",
            "definition.form.fields[2].required"
        ]
    );
}
