//! The template definition as the API describes it: the JSON shape of the domain's types, with
//! conditions as text (converted in `definition_wire.rs`; the domain checks the whole).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A form field's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKindDto {
    Text,
    LongText,
    Number,
    /// An integer number of fen (分): 5000 yuan is 500000.
    Money,
    /// `YYYY-MM-DD`.
    Date,
    /// `{"start":"YYYY-MM-DD","end":"YYYY-MM-DD"}`, optionally `"startHalf":"pm"` (from the
    /// afternoon) and `"endHalf":"am"` (until noon).
    DateRange,
    Select,
    MultiSelect,
    /// A user's id.
    User,
    /// A department's id.
    Department,
    /// Ids of uploaded files.
    Attachments,
    /// 明细: an array of rows, each an object of the field's `columns` (cells checked like
    /// fields of their kind; money in fen). `minLength`/`maxLength` bound the rows (default at
    /// most 50, 100 at most).
    LineItems,
}

/// What a column of line items holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKindDto {
    Text,
    /// Whole fen, not negative.
    Money,
    Number,
    /// `YYYY-MM-DD`.
    Date,
}

/// One column of a `line_items` field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColumnDefDto {
    /// Identifier of the cell in each row, e.g. `amount`.
    pub key: String,
    pub label: String,
    pub kind: ColumnKindDto,
    /// Every row must fill this cell.
    #[serde(default)]
    pub required: bool,
}

/// One field of a template's form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldDefDto {
    /// Identifier used in values and conditions, e.g. `days`.
    pub key: String,
    pub label: String,
    pub kind: FieldKindDto,
    #[serde(default)]
    pub required: bool,
    /// Lower bound of a number or money value (money in fen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Characters of a text, or items of a multi-select / attachments field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A field computed by the server, not typed: a `number` field naming a `date_range`
    /// field holds its working days on the school calendar (`startHalf`/`endHalf` `pm`/`am`
    /// count half days); a `money` or `number` field naming a column of a `line_items` field
    /// as `lines.amount` holds that column's sum (the column of the same kind). A typed value
    /// is ignored; conditions read the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed_from: Option<String>,
    /// The columns of a `line_items` field (1–10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnDefDto>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormSchemaDto {
    pub fields: Vec<FieldDefDto>,
}

/// Who decides a step.
// Variants without data are written `{}` so that `deny_unknown_fields` covers them too: serde
// lets a unit variant of an internally tagged enum carry any extra field unnoticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ApproverRuleDto {
    /// Named people.
    // Field renames one by one: utoipa does not follow `rename_all_fields`.
    Users {
        #[serde(rename = "userIds")]
        user_ids: Vec<Uuid>,
    },
    /// Holders of the role whose data scope reaches the applicant's department.
    Role { role: String },
    /// The head of the applicant's department.
    DepartmentHead {},
    /// The head of a named department.
    HeadOf {
        #[serde(rename = "departmentId")]
        department_id: Uuid,
    },
    /// The head of the department `levels` above the applicant's (1 = parent).
    LevelsUp { levels: u8 },
    /// The person chosen in a `user` field of the form.
    FormUser { field: String },
    /// The applicant picks when submitting (`approvers` of the start request).
    ApplicantPicks {},
    /// 连续多级主管: the heads of the applicant's department and of each one above it, signed
    /// level by level (nearest first). `upTo` levels (1 to 10) and/or `untilRole` (stop after
    /// the first head holding that role, inclusive); at least one of them. A head's own request
    /// starts at the level above; someone heading two levels signs once.
    ManagerChain {
        #[serde(rename = "upTo", default, skip_serializing_if = "Option::is_none")]
        up_to: Option<u8>,
        #[serde(rename = "untilRole", default, skip_serializing_if = "Option::is_none")]
        until_role: Option<String>,
    },
}

/// `or` 或签 (first decision wins), `all` 会签 (everyone), `ratio` (pass ratio of approvers),
/// `sequential` 依次审批 (everyone, one after the other in the rule's order: the next one's task
/// is `queued` until the previous approved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepModeDto {
    #[default]
    Or,
    All,
    Ratio,
    Sequential,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatioDto {
    pub numerator: u8,
    pub denominator: u8,
}

/// What happens when a step's deadline passes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum TimeoutActionDto {
    /// Mark overdue and tell the approvers.
    Remind {},
    /// Give the step to the holders of `role` (with a deadline of their own, the step's): the
    /// first of them to decide decides it; they are no extra required signers.
    Escalate { role: String },
    /// Approve on the approvers' behalf.
    AutoApprove {},
    /// Reject on the approvers' behalf (the request ends rejected, reason 超时自动驳回).
    AutoReject {},
}

impl Default for ApproverRuleDto {
    fn default() -> Self {
        Self::DepartmentHead {}
    }
}

impl Default for TimeoutActionDto {
    fn default() -> Self {
        Self::Remind {}
    }
}

/// What a step does when its only approver is the applicant: `superior` (default) hands it to
/// the applicant's superior (department head, leader in charge, principal, fallback; never the
/// applicant), `applicantConfirms` lets the applicant's submission confirm it (shown as such on
/// the timeline), `skip` skips it (only with a later unconditional `superior` step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum SelfApprovalDto {
    #[default]
    Superior,
    ApplicantConfirms,
    Skip,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepDefDto {
    pub name: String,
    /// Required for an ordinary step; a parallel block (with `branches`) has none of its own.
    #[serde(default)]
    pub rule: ApproverRuleDto,
    #[serde(default)]
    pub mode: StepModeDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_ratio: Option<RatioDto>,
    /// An expression over form values, e.g. `days > 3`, `amount >= 500000`,
    /// `leaveType in ['事假', '病假']`; the step applies only when it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Working hours on the school calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_hours: Option<u32>,
    #[serde(default)]
    pub timeout: TimeoutActionDto,
    /// Copied (抄送) when the step is passed.
    #[serde(default)]
    pub cc: Vec<ApproverRuleDto>,
    /// When the step's only approver is the applicant. Default `superior`.
    #[serde(default)]
    pub applicant_is_approver: SelfApprovalDto,
    /// Per form field key: `hidden` (the step's approvers do not see the value), `editable`
    /// (they may change it when approving), `required` (they must fill it when approving; the
    /// applicant is not asked). Fields not named are visible and read-only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_rights: BTreeMap<String, FieldRightDto>,
    /// Approving and rejecting at this step need a handwritten signature.
    #[serde(default)]
    pub signature_required: bool,
    /// Makes the step a parallel block (并行分支): 2 to 8 named branches that run at once, each
    /// with 1 to 10 steps of its own; the block passes (汇聚) when every branch has passed its
    /// last step, and a rejection in any branch rejects the request. A block's `condition` and
    /// `cc` apply to the whole block; it has no rule, mode or deadline of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<BranchDto>,
}

/// One branch of a parallel block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BranchDto {
    /// Unique within the block, shown as "分支名 · 步骤名".
    pub name: String,
    /// Ordinary steps with everything a top-level step has (field rights and signature
    /// included); a nested `branches` is refused at its path, as blocks do not nest.
    #[schema(no_recursion)]
    pub steps: Vec<StepDefDto>,
}

/// What a step's approvers may do with a form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldRightDto {
    Hidden,
    Editable,
    Required,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowOptionsDto {
    /// Skip a step whose approvers already approved in this round. Default true. (A step whose
    /// only approver is the applicant follows its `applicantIsApprover`.)
    #[serde(default = "yes")]
    pub auto_skip: bool,
    /// On resubmit after a return, go straight back to the returning step. Default false.
    #[serde(default)]
    pub resubmit_to_returning_step: bool,
    /// Named people or a role for steps whose rule finds nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<ApproverRuleDto>,
    /// The template's number pattern: `{year}`, one `{seq}` or `{seq:0N}` (zero-padded to N),
    /// literal text (`{{`/`}}` for braces), at most 40 characters, e.g. `QJ-{year}-{seq:04}`.
    /// Absent: the engine's `SP-{year}-{seq}`. Patterns of one shape (padding aside) share a
    /// gapless counter per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_pattern: Option<String>,
    /// Copied (抄送) when the request is submitted (people by the same rules as steps; not
    /// `applicant_picks`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_submit: Vec<ApproverRuleDto>,
    /// Copied when the request ends approved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_approved: Vec<ApproverRuleDto>,
    /// Copied when the request ends rejected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc_on_rejected: Vec<ApproverRuleDto>,
}

fn yes() -> bool {
    true
}

impl Default for FlowOptionsDto {
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

/// A template's form, steps and options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DefinitionDto {
    pub form: FormSchemaDto,
    pub steps: Vec<StepDefDto>,
    #[serde(default)]
    pub options: FlowOptionsDto,
}
