//! A template's definition: the form, the ordered steps and the flow options. One version of it
//! is stored per publication and never changes, so a running request keeps the rules it began with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::condition::Condition;
use super::field_rights::FieldRight;
use super::form::{FieldKind, FormIssue, FormSchema};
use super::self_approval::SelfApproval;
use crate::numbering::NumberPattern;

pub const MAX_STEPS: usize = 20;
const MAX_DEADLINE_HOURS: u32 = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Definition {
    pub form: FormSchema,
    pub steps: Vec<StepDef>,
    #[serde(default)]
    pub options: FlowOptions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowOptions {
    /// Skip a step whose approvers already approved in this round. (A step whose only approver
    /// is the applicant follows its own [`StepDef::applicant_is_approver`] setting.)
    #[serde(default = "yes")]
    pub auto_skip: bool,
    /// After a return to the applicant, resubmitting goes straight back to the returning step and
    /// keeps the approvals already given; otherwise the request starts again at the first step.
    #[serde(default)]
    pub resubmit_to_returning_step: bool,
    /// Who gets a step whose rule finds nobody (no head, disabled user). Without it the holders of
    /// the `office_director` role do, then the system administrators: nothing is ever stuck.
    #[serde(default)]
    pub fallback: Option<ApproverRule>,
    /// The template's own number pattern (`QJ-{year}-{seq:04}`); none: the engine's series
    /// (`SP-{year}-{seq}`). Numbers of one pattern share one gapless counter per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_pattern: Option<String>,
    /// Copied (抄送) when the request is submitted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_submit: Vec<ApproverRule>,
    /// Copied when the request ends approved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_approved: Vec<ApproverRule>,
    /// Copied when the request ends rejected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_rejected: Vec<ApproverRule>,
}

fn yes() -> bool {
    true
}

impl Default for FlowOptions {
    fn default() -> Self {
        Self {
            auto_skip: true,
            resubmit_to_returning_step: false,
            fallback: None,
            number_pattern: None,
            cc_on_submit: Vec::new(),
            cc_on_approved: Vec::new(),
            cc_on_rejected: Vec::new(),
        }
    }
}

/// When a template-level copy (抄送) is sent. Each moment has its own pseudo step index on the
/// copy tasks (below the real steps), so a copy says why it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyMoment {
    Submitted,
    Approved,
    Rejected,
}

impl CopyMoment {
    pub const ALL: [Self; 3] = [Self::Submitted, Self::Approved, Self::Rejected];

    /// The step index a copy of this moment carries: -1, -2, -3.
    pub fn step_index(self) -> i32 {
        match self {
            Self::Submitted => -1,
            Self::Approved => -2,
            Self::Rejected => -3,
        }
    }

    pub fn from_step_index(index: i32) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.step_index() == index)
    }

    /// How the timeline and the inbox name the moment.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "提交时抄送",
            Self::Approved => "通过后抄送",
            Self::Rejected => "驳回后抄送",
        }
    }

    fn option_name(self) -> &'static str {
        match self {
            Self::Submitted => "ccOnSubmit",
            Self::Approved => "ccOnApproved",
            Self::Rejected => "ccOnRejected",
        }
    }
}

impl FlowOptions {
    /// The people rules copied at `moment`.
    pub fn copies_at(&self, moment: CopyMoment) -> &[ApproverRule] {
        match moment {
            CopyMoment::Submitted => &self.cc_on_submit,
            CopyMoment::Approved => &self.cc_on_approved,
            CopyMoment::Rejected => &self.cc_on_rejected,
        }
    }

    /// Each template-level copy rule with its JSON path, for checking references.
    pub fn copy_rules(&self) -> Vec<(String, &ApproverRule)> {
        CopyMoment::ALL
            .into_iter()
            .flat_map(|m| {
                self.copies_at(m)
                    .iter()
                    .enumerate()
                    .map(move |(j, rule)| (format!("definition.options.{}[{j}]", m.option_name()), rule))
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepDef {
    pub name: String,
    /// Who decides; not used by a parallel block, whose branches' steps name their own.
    #[serde(default)]
    pub rule: ApproverRule,
    #[serde(default)]
    pub mode: StepMode,
    /// Only with [`StepMode::Ratio`]: the share of approvers that must approve.
    #[serde(default)]
    pub pass_ratio: Option<Ratio>,
    /// The step applies only when this holds over the form values.
    #[serde(default)]
    pub condition: Option<Condition>,
    /// Working hours on the school calendar from the moment the step's tasks are created.
    #[serde(default)]
    pub deadline_hours: Option<u32>,
    #[serde(default)]
    pub timeout: TimeoutAction,
    /// Copied (抄送) when the step is passed.
    #[serde(default)]
    pub cc: Vec<ApproverRule>,
    /// What happens when the step's only approver is the applicant.
    #[serde(default)]
    pub applicant_is_approver: SelfApproval,
    /// Per form field: hidden from, editable by, or to be filled by the step's approvers (see
    /// [`super::field_rights`]). Fields not named are visible and read-only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_rights: BTreeMap<String, FieldRight>,
    /// Approving or rejecting at this step needs a handwritten signature (a PNG of the signer's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signature_required: bool,
    /// Non-empty for a parallel block (并行分支): every branch runs at once and the block passes
    /// (汇聚) when each branch has passed its last step. See [`super::parallel`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<BranchDef>,
}

impl StepDef {
    pub fn is_block(&self) -> bool {
        !self.branches.is_empty()
    }
}

/// One branch of a parallel block: its own ordered steps (ordinary steps, no nested blocks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchDef {
    pub name: String,
    pub steps: Vec<StepDef>,
}

/// Who decides a step.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum ApproverRule {
    /// Named people.
    Users { user_ids: Vec<Uuid> },
    /// Holders of a role whose data scope reaches the applicant's department.
    Role { role: String },
    /// The head of the applicant's department.
    #[default]
    DepartmentHead,
    /// The head of a named department.
    HeadOf { department_id: Uuid },
    /// The head of the department `levels` above the applicant's (1 = the parent department).
    LevelsUp { levels: u8 },
    /// The person chosen in a `user` field of the form.
    FormUser { field: String },
    /// The applicant picks the approvers when submitting.
    ApplicantPicks,
    /// 连续多级主管: the heads of the applicant's department and of each one above it, nearest
    /// first, signed in that order. `up_to` levels and/or `until_role` (stop after the first
    /// head holding that role, inclusive); the top of the tree ends it anyway.
    ManagerChain {
        #[serde(default)]
        up_to: Option<u8>,
        #[serde(default)]
        until_role: Option<String>,
    },
}

/// The most levels a manager chain climbs: deeper trees than this are not a school's.
pub const MAX_CHAIN_LEVELS: u8 = 10;

/// How a step's decisions add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepMode {
    /// 或签: the first decision decides.
    #[default]
    Or,
    /// 会签: everyone must approve; one rejection rejects.
    All,
    /// Countersign that passes once the pass ratio of approvers approved.
    Ratio,
    /// 依次审批: everyone must approve, one after the other in the rule's order; the next one's
    /// task exists only once the previous approved.
    Sequential,
}

impl StepDef {
    /// Whether the step's approvers sign one after the other: a sequential step, and a manager
    /// chain whatever its mode says (a chain is signed level by level).
    pub fn signs_in_order(&self) -> bool {
        self.mode == StepMode::Sequential || matches!(self.rule, ApproverRule::ManagerChain { .. })
    }

    /// The mode the step's decisions are counted by.
    pub fn effective_mode(&self) -> StepMode {
        if self.signs_in_order() {
            StepMode::Sequential
        } else {
            self.mode
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub numerator: u8,
    pub denominator: u8,
}

/// What happens when a step's deadline passes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum TimeoutAction {
    /// Marked overdue and the approvers are told; nothing else.
    #[default]
    Remind,
    /// The holders of the role get the step, with a deadline of their own: the first of them to
    /// decide decides it (they are not extra required signers of a countersign).
    Escalate { role: String },
    /// The system approves on the approvers' behalf.
    AutoApprove,
    /// The system rejects on the approvers' behalf: the request ends rejected and the applicant
    /// is told why (a deadline that must not pass unanswered, e.g. a booking).
    AutoReject,
}

impl Definition {
    /// Checks the definition's own consistency; references to people, roles and departments are
    /// checked against the database by the caller. Paths name the offending part.
    pub fn check(&self) -> Result<(), Vec<FormIssue>> {
        let mut issues = self.form.check().err().unwrap_or_default();
        for issue in &mut issues {
            issue.field = format!("definition.form.{}", issue.field);
        }
        if self.steps.is_empty() || self.steps.len() > MAX_STEPS {
            issues.push(issue(
                "definition.steps",
                "审批步骤应为 1 到 20 步",
                "Give 1 to 20 steps",
            ));
        }
        for (i, step) in self.steps.iter().enumerate() {
            let path = format!("definition.steps[{i}]");
            if step.is_block() {
                self.check_block(i, &path, step, &mut issues);
            } else {
                self.check_step(i, &path, step, &mut issues);
                self.check_field_rights(&path, step, &mut issues);
            }
        }
        self.check_step_filled_fields(&mut issues);
        if let Some(rule) = &self.options.fallback
            && !matches!(rule, ApproverRule::Users { .. } | ApproverRule::Role { .. })
        {
            issues.push(issue(
                "definition.options.fallback",
                "兜底审批人只能是指定人员或角色",
                "The fallback must be named people or a role",
            ));
        }
        for (path, rule) in self.options.copy_rules() {
            if rule == &ApproverRule::ApplicantPicks {
                issues.push(issue(
                    &path,
                    "抄送人不能由申请人选择",
                    "Copies cannot go to people the applicant picks",
                ));
            }
            self.check_rule(&path, rule, &mut issues);
        }
        if let Some(pattern) = &self.options.number_pattern
            && let Err(problem) = check_number_pattern(pattern)
        {
            issues.push(problem);
        }
        if issues.is_empty() { Ok(()) } else { Err(issues) }
    }

    pub(super) fn check_step(&self, index: usize, path: &str, step: &StepDef, issues: &mut Vec<FormIssue>) {
        let name_len = step.name.trim().chars().count();
        if name_len == 0 || name_len > 30 {
            issues.push(issue(
                &format!("{path}.name"),
                "步骤名称应为 1 到 30 个字",
                "The step name needs 1 to 30 characters",
            ));
        }
        self.check_rule(&format!("{path}.rule"), &step.rule, issues);
        for (j, cc) in step.cc.iter().enumerate() {
            self.check_rule(&format!("{path}.cc[{j}]"), cc, issues);
        }
        match (step.mode, step.pass_ratio) {
            (StepMode::Ratio, Some(r))
                if r.numerator >= 1 && r.numerator <= r.denominator && r.denominator <= 20 => {}
            (StepMode::Ratio, _) => issues.push(issue(
                &format!("{path}.passRatio"),
                "比例会签需要通过比例，如 2/3",
                "A ratio step needs a pass ratio such as 2/3",
            )),
            (_, Some(_)) => issues.push(issue(
                &format!("{path}.passRatio"),
                "只有比例会签才设置通过比例",
                "Only a ratio step has a pass ratio",
            )),
            _ => {}
        }
        if matches!(step.rule, ApproverRule::ManagerChain { .. })
            && matches!(step.mode, StepMode::All | StepMode::Ratio)
        {
            issues.push(issue(
                &format!("{path}.mode"),
                "连续多级主管逐级依次审批，不能设为会签或比例会签",
                "A manager chain signs level by level; it cannot be a countersign or ratio step",
            ));
        }
        if let Some(condition) = &step.condition
            && let Err(found) = self.form.check_condition(condition)
        {
            issues.extend(
                found
                    .into_iter()
                    .map(|i| issue(&format!("{path}.condition"), &i.zh, &i.en)),
            );
        }
        if step
            .deadline_hours
            .is_some_and(|h| h == 0 || h > MAX_DEADLINE_HOURS)
        {
            issues.push(issue(
                &format!("{path}.deadlineHours"),
                "办理时限应为 1 到 2000 个工作小时",
                "The deadline must be 1 to 2000 working hours",
            ));
        }
        if step.applicant_is_approver == SelfApproval::Skip && !self.superior_decides_after(index) {
            issues.push(issue(
                &format!("{path}.applicantIsApprover"),
                "只有后面还有一个不设条件、交给申请人上级的步骤时才能跳过",
                "Skipping needs a later step without a condition that goes to the applicant's superior",
            ));
        }
        if let TimeoutAction::Escalate { role } = &step.timeout
            && role.trim().is_empty()
        {
            issues.push(issue(
                &format!("{path}.timeout.role"),
                "请选择超时上报的角色",
                "Choose the role to escalate to",
            ));
        }
    }

    /// Whether a step after `index` always applies and always reaches someone other than the
    /// applicant (it hands the applicant's own step to their superior).
    fn superior_decides_after(&self, index: usize) -> bool {
        self.steps.iter().skip(index + 1).any(|s| {
            !s.is_block() && s.condition.is_none() && s.applicant_is_approver == SelfApproval::Superior
        })
    }

    /// Every step leaves the applicant's own step to their confirmation: such a template may end
    /// approved without anyone else (a register, not an approval).
    pub fn every_step_confirms(&self) -> bool {
        self.steps.iter().all(|s| {
            if s.is_block() {
                s.branches
                    .iter()
                    .flat_map(|b| &b.steps)
                    .all(|b| b.applicant_is_approver == SelfApproval::ApplicantConfirms)
            } else {
                s.applicant_is_approver == SelfApproval::ApplicantConfirms
            }
        })
    }

    pub(super) fn check_rule(&self, path: &str, rule: &ApproverRule, issues: &mut Vec<FormIssue>) {
        match rule {
            ApproverRule::Users { user_ids } if user_ids.is_empty() || user_ids.len() > 50 => {
                issues.push(issue(
                    &format!("{path}.userIds"),
                    "请指定 1 到 50 位人员",
                    "Name 1 to 50 people",
                ));
            }
            ApproverRule::Role { role } if role.trim().is_empty() => {
                issues.push(issue(&format!("{path}.role"), "请选择角色", "Choose a role"));
            }
            ApproverRule::LevelsUp { levels } if *levels == 0 || *levels > 5 => {
                issues.push(issue(
                    &format!("{path}.levels"),
                    "逐级上溯应为 1 到 5 级",
                    "Levels up must be 1 to 5",
                ));
            }
            ApproverRule::ManagerChain { up_to, until_role } => {
                check_chain(path, *up_to, until_role.as_deref(), issues);
            }
            ApproverRule::FormUser { field }
                if !self.form.field(field).is_some_and(|f| f.kind == FieldKind::User) =>
            {
                issues.push(issue(
                    &format!("{path}.field"),
                    "请选择表单中的人员字段",
                    "Choose a user field of the form",
                ));
            }
            _ => {}
        }
    }
}

/// Longest template number pattern, and longest number it may print (the number column's width).
pub const MAX_NUMBER_PATTERN_CHARS: usize = 40;

fn check_number_pattern(pattern: &str) -> Result<(), FormIssue> {
    let path = "definition.options.numberPattern";
    if pattern.trim().is_empty() || pattern.chars().count() > MAX_NUMBER_PATTERN_CHARS {
        return Err(issue(
            path,
            "编号规则应为 1 到 40 个字符，如 QJ-{year}-{seq:04}",
            "The number pattern needs 1 to 40 characters, e.g. QJ-{year}-{seq:04}",
        ));
    }
    let parsed = NumberPattern::parse(pattern).map_err(|err| {
        let reason = match err {
            crate::error::DomainError::InvalidNumberPattern(reason) => reason,
            other => other.to_string(),
        };
        FormIssue {
            field: path.to_owned(),
            zh: "编号规则无效：须且只能含一个 {seq}（可写 {seq:04} 补零），可含 {year}".to_owned(),
            en: format!("Invalid number pattern: {reason}"),
        }
    })?;
    // Numbers are stored in 40 characters: a six-digit sequence must still fit.
    if parsed.format(2026, 999_999).chars().count() > MAX_NUMBER_PATTERN_CHARS {
        return Err(issue(
            path,
            "编号规则过长：生成的编号不能超过 40 个字符",
            "The number pattern is too long: numbers must fit in 40 characters",
        ));
    }
    Ok(())
}

fn check_chain(path: &str, up_to: Option<u8>, until_role: Option<&str>, issues: &mut Vec<FormIssue>) {
    if up_to.is_none() && until_role.is_none() {
        issues.push(issue(
            &format!("{path}.upTo"),
            "连续多级主管需设置向上几级或直到某角色",
            "A manager chain needs upTo levels or untilRole",
        ));
    }
    if up_to.is_some_and(|n| n == 0 || n > MAX_CHAIN_LEVELS) {
        issues.push(issue(
            &format!("{path}.upTo"),
            "连续多级主管应为向上 1 到 10 级",
            "A manager chain climbs 1 to 10 levels",
        ));
    }
    if until_role.is_some_and(|r| r.trim().is_empty()) {
        issues.push(issue(&format!("{path}.untilRole"), "请选择角色", "Choose a role"));
    }
}

pub(super) fn issue(field: &str, zh: &str, en: &str) -> FormIssue {
    FormIssue {
        field: field.to_owned(),
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}
