//! Definition checks of parallel blocks and the applicant variables of conditions.

use serde_json::{Map, json};

use super::condition::Condition;
use super::condition::applicant::ApplicantFacts;
use super::definition::Definition;
use super::parallel::BranchPos;

fn definition(steps: serde_json::Value) -> Definition {
    serde_json::from_value(json!({ "form": { "fields": [] }, "steps": steps })).unwrap()
}

fn issue_fields(def: &Definition) -> Vec<String> {
    def.check()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.field)
        .collect()
}

fn head(name: &str) -> serde_json::Value {
    json!({ "name": name, "rule": { "type": "department_head" } })
}

#[test]
fn a_block_of_two_branches_is_accepted_and_names_its_branch_steps() {
    let def = definition(json!([
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [head("初审"), head("复核")] },
            { "name": "设备", "steps": [head("审核")] }
        ] }
    ]));
    assert!(issue_fields(&def).is_empty());
    let block = &def.steps[0];
    assert!(block.is_block());
    assert_eq!(
        block
            .branch_step_name(BranchPos { branch: 0, step: 1 })
            .as_deref(),
        Some("财务 · 复核")
    );
    assert_eq!(block.branch_step(BranchPos { branch: 2, step: 0 }), None);
    let paths: Vec<String> = def.every_step().into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "definition.steps[0].branches[0].steps[0]",
            "definition.steps[0].branches[0].steps[1]",
            "definition.steps[0].branches[1].steps[0]",
            "definition.steps[0]",
        ]
    );
}

#[test]
fn branches_need_unique_names_steps_of_their_own_and_no_nesting() {
    let nested = json!({ "name": "内", "rule": { "type": "department_head" }, "branches": [
        { "name": "甲", "steps": [head("一")] }, { "name": "乙", "steps": [head("二")] }
    ] });
    let def = definition(json!([
        { "name": "会审", "branches": [
            { "name": "财务", "steps": [nested] },
            { "name": "财务", "steps": [] },
            { "name": "选人", "steps": [ { "name": "自选", "rule": { "type": "applicant_picks" } } ] }
        ] },
        { "name": "单", "mode": "all", "branches": [ { "name": "甲", "steps": [head("一")] } ] }
    ]));
    let mut fields = issue_fields(&def);
    fields.sort();
    assert_eq!(
        fields,
        [
            "definition.steps[0].branches[0].steps[0].branches",
            "definition.steps[0].branches[1].name",
            "definition.steps[0].branches[1].steps",
            "definition.steps[0].branches[2].steps[0].rule",
            "definition.steps[1].branches",
            "definition.steps[1].mode",
        ]
    );
}

#[test]
fn a_branch_step_may_skip_only_with_a_superior_step_after_the_block() {
    let skip = json!({ "name": "一", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" });
    let block = json!({ "name": "会审", "branches": [
        { "name": "甲", "steps": [skip] }, { "name": "乙", "steps": [head("二")] }
    ] });
    let alone = definition(json!([block.clone()]));
    assert_eq!(
        issue_fields(&alone),
        ["definition.steps[0].branches[0].steps[0].applicantIsApprover"]
    );
    let then_head = definition(json!([block, head("终审")]));
    assert!(issue_fields(&then_head).is_empty());
}

#[test]
fn conditions_read_the_applicants_department_subtree_roles_and_position() {
    let facts = ApplicantFacts {
        departments: vec!["教研室".into(), "教务处".into(), "学校".into()],
        roles: vec!["dept_head".into(), "部门负责人".into()],
        position: Some("教研组长".into()),
    };
    let values = facts.add_to(&Map::new());
    let holds = |src: &str| Condition::parse(src).unwrap().evaluate(&values);
    assert!(holds("applicant_department == '教研室'"));
    assert!(!holds("applicant_department == '教务处'"));
    assert!(holds("applicant_departments contains '教务处'"));
    assert!(holds(
        "applicant_roles contains '部门负责人' and applicant_roles contains 'dept_head'"
    ));
    assert!(holds("applicant_position == '教研组长'"));
    let nobody = ApplicantFacts::default().add_to(&Map::new());
    assert!(
        !Condition::parse("applicant_position == '教研组长'")
            .unwrap()
            .evaluate(&nobody)
    );
}

#[test]
fn a_condition_may_name_applicant_variables_but_no_field_may_start_with_applicant() {
    let def: Definition = serde_json::from_value(json!({
        "form": { "fields": [ { "key": "applicant_x", "label": "冒名", "kind": "text" } ] },
        "steps": [ { "name": "审批", "rule": { "type": "department_head" },
                     "condition": "applicant_roles contains '校领导'" } ]
    }))
    .unwrap();
    assert_eq!(issue_fields(&def), ["definition.form.fields[0].key"]);
}
