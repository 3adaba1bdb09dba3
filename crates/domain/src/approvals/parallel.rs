//! Parallel blocks (并行分支): a top-level step holding named branches, each its own ordered list
//! of ordinary steps. Entering the block enters every branch's first applicable step at once; the
//! block passes (汇聚) when every branch has passed its last step; a rejection anywhere rejects the
//! request. Blocks do not nest.

use super::definition::{ApproverRule, Definition, StepDef, issue};
use super::form::FormIssue;

/// Fewest and most branches of a block.
pub const MIN_BRANCHES: usize = 2;
pub const MAX_BRANCHES: usize = 8;
/// Most steps of one branch.
pub const MAX_BRANCH_STEPS: usize = 10;

/// Where a task sits inside a block: its branch and the step of that branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BranchPos {
    pub branch: i32,
    pub step: i32,
}

/// Where a task's rules live: a top-level step, or a step of one of its branches. Field rights,
/// signatures, deadlines and timeout actions are all looked up by this one position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StepPos {
    pub step: usize,
    pub branch: Option<BranchPos>,
}

impl StepPos {
    pub fn top(step: usize) -> Self {
        Self { step, branch: None }
    }

    pub fn in_branch(step: usize, branch: BranchPos) -> Self {
        Self {
            step,
            branch: Some(branch),
        }
    }
}

impl Definition {
    /// The step at `pos`: the top-level step, or the branch step inside its block.
    pub fn step_at(&self, pos: StepPos) -> Option<&StepDef> {
        let step = self.steps.get(pos.step)?;
        match pos.branch {
            Some(branch) => step.branch_step(branch),
            None => Some(step),
        }
    }
}

impl StepDef {
    /// The step of a branch of this block.
    pub fn branch_step(&self, pos: BranchPos) -> Option<&StepDef> {
        let branch = self.branches.get(usize::try_from(pos.branch).ok()?)?;
        branch.steps.get(usize::try_from(pos.step).ok()?)
    }

    /// "分支名 · 步骤名", as the inbox and the timeline show a branch step.
    pub fn branch_step_name(&self, pos: BranchPos) -> Option<String> {
        let branch = self.branches.get(usize::try_from(pos.branch).ok()?)?;
        let step = branch.steps.get(usize::try_from(pos.step).ok()?)?;
        Some(format!("{} · {}", branch.name, step.name))
    }
}

impl Definition {
    /// Every step with its JSON path: the top-level steps (blocks included) and, after each
    /// block, the steps of its branches.
    pub fn every_step(&self) -> Vec<(String, &StepDef)> {
        let mut all = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            let path = format!("definition.steps[{i}]");
            for (b, branch) in step.branches.iter().enumerate() {
                for (k, inner) in branch.steps.iter().enumerate() {
                    all.push((format!("{path}.branches[{b}].steps[{k}]"), inner));
                }
            }
            all.push((path, step));
        }
        all
    }

    /// Every approver rule of every step (branch steps included) and their copies, for
    /// changing them alike.
    pub fn every_rule_mut(&mut self) -> Vec<&mut ApproverRule> {
        fn add<'a>(step: &'a mut StepDef, all: &mut Vec<&'a mut ApproverRule>) {
            let StepDef {
                rule, cc, branches, ..
            } = step;
            all.push(rule);
            all.extend(cc.iter_mut());
            for inner in branches.iter_mut().flat_map(|b| b.steps.iter_mut()) {
                add(inner, all);
            }
        }
        let mut all = Vec::new();
        for step in &mut self.steps {
            add(step, &mut all);
        }
        all
    }

    /// Checks a block at `definition.steps[index]`: 2 to 8 branches with unique names, each with
    /// 1 to 10 ordinary steps (no nested block), every step checked like a top-level one.
    pub(super) fn check_block(&self, index: usize, path: &str, block: &StepDef, issues: &mut Vec<FormIssue>) {
        let name_len = block.name.trim().chars().count();
        if name_len == 0 || name_len > 30 {
            issues.push(issue(
                &format!("{path}.name"),
                "并行分支名称应为 1 到 30 个字",
                "The parallel block's name needs 1 to 30 characters",
            ));
        }
        if block.branches.len() < MIN_BRANCHES || block.branches.len() > MAX_BRANCHES {
            issues.push(issue(
                &format!("{path}.branches"),
                "并行分支应有 2 到 8 个分支",
                "A parallel block needs 2 to 8 branches",
            ));
        }
        if !block.field_rights.is_empty() || block.signature_required {
            issues.push(issue(
                &format!("{path}.fieldRights"),
                "并行分支本身不设字段权限或签名，请在分支内的步骤上设置",
                "A parallel block has no field rights or signature of its own; set them on its branches' steps",
            ));
        }
        if block.mode != Default::default() || block.pass_ratio.is_some() || block.deadline_hours.is_some() {
            issues.push(issue(
                &format!("{path}.mode"),
                "并行分支本身不设审批方式或时限，请在分支内的步骤上设置",
                "A parallel block has no mode or deadline of its own; set them on its branches' steps",
            ));
        }
        if let Some(condition) = &block.condition
            && let Err(found) = self.form.check_condition(condition)
        {
            issues.extend(
                found
                    .into_iter()
                    .map(|i| issue(&format!("{path}.condition"), &i.zh, &i.en)),
            );
        }
        for (j, cc) in block.cc.iter().enumerate() {
            self.check_rule(&format!("{path}.cc[{j}]"), cc, issues);
        }
        let mut names: Vec<&str> = Vec::new();
        for (b, branch) in block.branches.iter().enumerate() {
            let bpath = format!("{path}.branches[{b}]");
            let name = branch.name.trim();
            if name.is_empty() || name.chars().count() > 30 {
                issues.push(issue(
                    &format!("{bpath}.name"),
                    "分支名称应为 1 到 30 个字",
                    "The branch name needs 1 to 30 characters",
                ));
            } else if names.contains(&name) {
                issues.push(issue(
                    &format!("{bpath}.name"),
                    "分支名称不能重复",
                    "Branch names must differ",
                ));
            }
            names.push(name);
            if branch.steps.is_empty() || branch.steps.len() > MAX_BRANCH_STEPS {
                issues.push(issue(
                    &format!("{bpath}.steps"),
                    "每个分支应有 1 到 10 个步骤",
                    "Each branch needs 1 to 10 steps",
                ));
            }
            for (k, step) in branch.steps.iter().enumerate() {
                let spath = format!("{bpath}.steps[{k}]");
                if step.is_block() {
                    issues.push(issue(
                        &format!("{spath}.branches"),
                        "分支内不能再嵌套并行分支",
                        "Parallel blocks do not nest inside a branch",
                    ));
                }
                if step.rule == ApproverRule::ApplicantPicks {
                    issues.push(issue(
                        &format!("{spath}.rule"),
                        "分支内的步骤不能由申请人自选审批人",
                        "A branch step cannot leave the approvers to the applicant",
                    ));
                }
                self.check_step(index, &spath, step, issues);
                self.check_field_rights(&spath, step, issues);
            }
        }
    }
}
