use serde_json::{Map, Value, json};

use crate::approvals::definition::Definition;
use crate::approvals::parallel::{BranchPos, StepPos};

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
    let missing = def
        .apply_edits(StepPos::top(1), &current, None)
        .err()
        .unwrap_or_default();
    assert_eq!(
        missing.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(),
        ["accountCode"]
    );
    let edited = def
        .apply_edits(
            StepPos::top(1),
            &current,
            Some(&json!({ "accountCode": "6602", "amount": 90 })),
        )
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
        .apply_edits(StepPos::top(0), &current, Some(&json!({ "amount": 1 })))
        .err()
        .unwrap_or_default();
    assert_eq!(issues[0].field, "amount");
    let issues = def
        .apply_edits(StepPos::top(1), &current, Some(&json!({ "accountCode": "9999" })))
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
        def.hidden_for(&[StepPos::top(0)].into())
            .into_iter()
            .collect::<Vec<_>>(),
        ["bankAccount"]
    );
    assert!(
        def.hidden_for(&[StepPos::top(0), StepPos::top(1)].into())
            .is_empty()
    );
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

fn review_in_branches() -> Definition {
    serde_json::from_value(json!({
        "form": { "fields": [
            { "key": "amount", "label": "金额", "kind": "money", "required": true },
            { "key": "bankAccount", "label": "银行账号", "kind": "text" },
            { "key": "accountCode", "label": "会计科目", "kind": "text" }
        ]},
        "steps": [
            { "name": "会审", "branches": [
                { "name": "财务", "steps": [
                    { "name": "财务审核", "rule": { "type": "role", "role": "finance" },
                      "fieldRights": { "accountCode": "required" }, "signatureRequired": true }
                ]},
                { "name": "总务", "steps": [
                    { "name": "总务审核", "rule": { "type": "department_head" },
                      "fieldRights": { "bankAccount": "hidden" } }
                ]}
            ]},
            { "name": "校长审批", "rule": { "type": "role", "role": "principal" } }
        ]
    }))
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_branch_steps_rights_hold_at_its_own_position_only() {
    let def = review_in_branches();
    let finance = StepPos::in_branch(0, BranchPos { branch: 0, step: 0 });
    let general = StepPos::in_branch(0, BranchPos { branch: 1, step: 0 });
    assert!(def.check().is_ok(), "{:?}", def.check());
    assert_eq!(
        def.filled_at_steps().into_iter().collect::<Vec<_>>(),
        ["accountCode"]
    );
    assert!(def.refuse_step_fields(&json!({ "accountCode": "6602" })).is_err());
    assert_eq!(
        def.hidden_for(&[general].into()).into_iter().collect::<Vec<_>>(),
        ["bankAccount"]
    );
    assert!(def.hidden_for(&[finance].into()).is_empty());
    let current = values(json!({ "amount": 100 }));
    assert!(def.apply_edits(finance, &current, None).is_err());
    assert!(def.apply_edits(general, &current, None).is_ok());
    assert!(def.step_at(finance).is_some_and(|s| s.signature_required));
}

#[test]
fn a_blocks_own_rights_and_a_branch_steps_unknown_field_are_refused_with_their_paths() {
    let mut def = review_in_branches();
    def.steps[0].signature_required = true;
    def.steps[0].branches[1].steps[0]
        .field_rights
        .insert("iban".into(), crate::approvals::field_rights::FieldRight::Hidden);
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
            "definition.steps[0].fieldRights",
            "definition.steps[0].branches[1].steps[0].fieldRights.iban"
        ]
    );
}
