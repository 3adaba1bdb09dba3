//! The invariant over generated templates and org charts: walking a request through its steps as
//! the engine does, no task goes to the applicant and an approved request carries someone else's
//! approval unless every step is set to the applicant's own confirmation.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::approvals::sequence::signing_order;

const PEOPLE: u128 = 6;

fn person(n: u128) -> Uuid {
    Uuid::from_u128(n + 1)
}

/// The applicant is person 0 in every generated case.
fn applicant() -> Uuid {
    person(0)
}

fn setting() -> impl Strategy<Value = SelfApproval> {
    prop_oneof![
        Just(SelfApproval::Superior),
        Just(SelfApproval::ApplicantConfirms),
        Just(SelfApproval::Skip),
    ]
}

fn group() -> impl Strategy<Value = Vec<Uuid>> {
    prop::collection::vec((0..PEOPLE).prop_map(person), 0..3)
}

#[derive(Debug, Clone)]
struct Step {
    applies: bool,
    setting: SelfApproval,
    approvers: Vec<Uuid>,
    /// Signed one after the other (依次审批 or a manager chain): the order goes through
    /// [`signing_order`] before the step is planned.
    in_order: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (any::<bool>(), setting(), group(), any::<bool>()).prop_map(|(applies, setting, approvers, in_order)| {
        Step {
            applies,
            setting,
            approvers,
            in_order,
        }
    })
}

#[derive(Debug, Clone)]
struct Org {
    /// Head, leader in charge, principal, template fallback (any may be the applicant or empty).
    chain: Vec<Vec<Uuid>>,
    /// The system administrators: never empty, and someone besides the applicant is among them.
    last_resort: Vec<Uuid>,
    /// Who is away and to whom their tasks go.
    delegates: BTreeMap<Uuid, Uuid>,
}

fn org() -> impl Strategy<Value = Org> {
    (
        prop::collection::vec(group(), 0..5),
        group(),
        1..PEOPLE,
        prop::collection::btree_map((0..PEOPLE).prop_map(person), (0..PEOPLE).prop_map(person), 0..4),
    )
        .prop_map(|(chain, mut last_resort, admin, delegates)| {
            last_resort.push(person(admin));
            Org {
                chain,
                last_resort,
                delegates: delegates.into_iter().filter(|(a, d)| a != d).collect(),
            }
        })
}

/// Walks the steps as `engine::enter` does (every task approves) and returns everyone who got a task.
fn walk(steps: &[Step], org: &Org) -> Vec<Uuid> {
    let applicant = applicant();
    let mut chain = org.chain.clone();
    chain.push(org.last_resort.clone());
    let superior = first_other(applicant, &chain);
    let every_step_confirms = steps.iter().all(|s| s.setting == SelfApproval::ApplicantConfirms);
    let mut approved = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        if !step.applies {
            continue;
        }
        let approvers = if step.approvers.is_empty() {
            org.last_resort.clone()
        } else {
            step.approvers.clone()
        };
        let approvers = if step.in_order {
            signing_order(applicant, &approvers, &superior)
        } else {
            approvers
        };
        let elsewhere = Elsewhere {
            approved_by_someone_else: approved.iter().any(|a| *a != applicant),
            later_step_applies: steps[i + 1..].iter().any(|s| s.applies),
            every_step_confirms,
        };
        if let StepPlan::Assign(people) = plan_step(applicant, step.setting, &approvers, &superior, elsewhere)
        {
            assert!(!people.is_empty(), "step {i} has nobody");
            for p in people {
                let delegate = org.delegates.get(&p).copied();
                approved.push(delegated_assignee(applicant, p, delegate, &superior));
            }
        }
    }
    if needs_someone_else(applicant, &approved, every_step_confirms) {
        approved.extend(superior);
    }
    approved
}

proptest! {
    #[test]
    fn no_task_goes_to_the_applicant_and_someone_else_approves(
        steps in prop::collection::vec(step(), 1..8),
        org in org(),
    ) {
        let assigned = walk(&steps, &org);
        prop_assert!(!assigned.contains(&applicant()), "a task went to the applicant: {:?}", assigned);
        let every_step_confirms = steps.iter().all(|s| s.setting == SelfApproval::ApplicantConfirms);
        prop_assert!(
            every_step_confirms || !assigned.is_empty(),
            "approved with nobody else's decision"
        );
    }
}

#[test]
fn a_head_s_own_step_goes_to_the_leader_in_charge() {
    let (head, leader) = (applicant(), person(1));
    let chain = vec![vec![head], vec![leader]];
    let plan = plan_step(
        head,
        SelfApproval::Superior,
        &[head],
        &first_other(head, &chain),
        Elsewhere::default(),
    );
    assert_eq!(plan, StepPlan::Assign(vec![leader]));
}

#[test]
fn skipping_the_last_step_that_applies_falls_to_the_superior() {
    let superior = [person(2)];
    let alone = Elsewhere::default();
    assert_eq!(
        plan_step(applicant(), SelfApproval::Skip, &[applicant()], &superior, alone),
        StepPlan::Assign(vec![person(2)])
    );
    let later = Elsewhere {
        later_step_applies: true,
        ..alone
    };
    assert_eq!(
        plan_step(applicant(), SelfApproval::Skip, &[applicant()], &superior, later),
        StepPlan::Skipped
    );
}

#[test]
fn a_delegation_to_the_applicant_goes_to_the_superior() {
    let (approver, superior) = (person(1), person(2));
    assert_eq!(
        delegated_assignee(applicant(), approver, Some(applicant()), &[superior]),
        superior
    );
    assert_eq!(
        delegated_assignee(applicant(), approver, Some(applicant()), &[approver]),
        approver
    );
}

mod definitions {
    use serde_json::json;

    use crate::approvals::definition::Definition;

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

    #[test]
    fn a_stored_step_without_the_setting_goes_to_the_superior() {
        let def = definition(json!([{ "name": "审批", "rule": { "type": "department_head" } }]));
        assert_eq!(def.steps[0].applicant_is_approver, super::SelfApproval::Superior);
        assert!(!def.every_step_confirms());
    }

    #[test]
    fn skipping_needs_a_later_unconditional_step_for_the_superior() {
        let alone = definition(
            json!([{ "name": "审批", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" }]),
        );
        assert_eq!(issue_fields(&alone), ["definition.steps[0].applicantIsApprover"]);
        let later_confirms = definition(json!([
            { "name": "一", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" },
            { "name": "二", "rule": { "type": "department_head" }, "applicantIsApprover": "applicantConfirms" }
        ]));
        assert_eq!(
            issue_fields(&later_confirms),
            ["definition.steps[0].applicantIsApprover"]
        );
        let later_superior = definition(json!([
            { "name": "一", "rule": { "type": "department_head" }, "applicantIsApprover": "skip" },
            { "name": "二", "rule": { "type": "role", "role": "office_director" } }
        ]));
        assert!(issue_fields(&later_superior).is_empty());
    }
}
