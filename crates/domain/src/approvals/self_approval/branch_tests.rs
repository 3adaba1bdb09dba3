//! The invariant across parallel branches: templates whose top-level entries are steps or blocks
//! of branches, walked as `engine::enter` and `parallel::enter_block` do (every task approves;
//! each branch's first step is entered with only the approvals given before the block, a later
//! branch step with those of its own branch as well). No task goes to the applicant, and an
//! approved request carries someone else's approval unless every step confirms.

use proptest::prelude::*;

use super::*;

const PEOPLE: u128 = 5;

fn person(n: u128) -> Uuid {
    Uuid::from_u128(n + 1)
}

fn applicant() -> Uuid {
    person(0)
}

#[derive(Debug, Clone)]
struct Step {
    applies: bool,
    setting: SelfApproval,
    approvers: Vec<Uuid>,
}

#[derive(Debug, Clone)]
enum Entry {
    Step(Step),
    Block(Vec<Vec<Step>>),
}

fn step() -> impl Strategy<Value = Step> {
    let setting = prop_oneof![
        Just(SelfApproval::Superior),
        Just(SelfApproval::ApplicantConfirms),
        Just(SelfApproval::Skip),
    ];
    (
        any::<bool>(),
        setting,
        prop::collection::vec((0..PEOPLE).prop_map(person), 0..3),
    )
        .prop_map(|(applies, setting, approvers)| Step {
            applies,
            setting,
            approvers,
        })
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        step().prop_map(Entry::Step),
        prop::collection::vec(prop::collection::vec(step(), 1..4), 2..4).prop_map(Entry::Block),
    ]
}

fn steps_of(entries: &[Entry]) -> Vec<&Step> {
    entries
        .iter()
        .flat_map(|e| match e {
            Entry::Step(s) => vec![s],
            Entry::Block(branches) => branches.iter().flatten().collect(),
        })
        .collect()
}

/// Whether a top-level entry after `index` applies (a block applies as a whole: the engine's
/// `later_step_applies` looks at the top-level steps' conditions only).
fn later_applies(entries: &[Entry], index: usize) -> bool {
    entries[index + 1..].iter().any(|e| match e {
        Entry::Step(s) => s.applies,
        Entry::Block(_) => true,
    })
}

fn plan(step: &Step, superior: &[Uuid], approved: &[Uuid], later: bool, every: bool) -> Vec<Uuid> {
    if !step.applies {
        return Vec::new();
    }
    let last_resort = [person(PEOPLE - 1)];
    let approvers = if step.approvers.is_empty() {
        last_resort.to_vec()
    } else {
        step.approvers.clone()
    };
    let elsewhere = Elsewhere {
        approved_by_someone_else: approved.iter().any(|a| *a != applicant()),
        later_step_applies: later,
        every_step_confirms: every,
    };
    match plan_step(applicant(), step.setting, &approvers, superior, elsewhere) {
        StepPlan::Assign(people) => people,
        _ => Vec::new(),
    }
}

fn walk(entries: &[Entry], superior: &[Uuid]) -> Vec<Uuid> {
    let every = steps_of(entries)
        .iter()
        .all(|s| s.setting == SelfApproval::ApplicantConfirms);
    let mut approved = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let later = later_applies(entries, i);
        match entry {
            Entry::Step(step) => approved.extend(plan(step, superior, &approved, later, every)),
            Entry::Block(branches) => {
                let before = approved.clone();
                for branch in branches {
                    let mut seen = before.clone();
                    for step in branch {
                        let people = plan(step, superior, &seen, later, every);
                        seen.extend(people.iter().copied());
                        approved.extend(people);
                    }
                }
            }
        }
    }
    if needs_someone_else(applicant(), &approved, every) {
        approved.extend(superior.iter().copied());
    }
    approved
}

proptest! {
    #[test]
    fn across_branches_no_task_goes_to_the_applicant_and_someone_else_approves(
        entries in prop::collection::vec(entry(), 1..5),
        chain in prop::collection::vec(prop::collection::vec((0..PEOPLE).prop_map(person), 0..3), 0..4),
    ) {
        let mut chain = chain;
        chain.push(vec![person(PEOPLE - 1)]);
        let superior = first_other(applicant(), &chain);
        let assigned = walk(&entries, &superior);
        prop_assert!(!assigned.contains(&applicant()), "a task went to the applicant: {:?}", assigned);
        let every = steps_of(&entries).iter().all(|s| s.setting == SelfApproval::ApplicantConfirms);
        prop_assert!(every || !assigned.is_empty(), "approved with nobody else's decision");
    }
}
