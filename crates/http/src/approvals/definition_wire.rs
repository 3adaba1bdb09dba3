//! The template definition between the domain's types and the API's, both ways, field by field:
//! a variant or field added on one side only is a compile error here (ADR 0015). Conditions
//! are parsed on the way in, so a bad one is a 422 at its path, not a failed conversion.

use xiaoban_domain::approvals::Condition;
use xiaoban_domain::approvals::definition::{
    ApproverRule, BranchDef, Definition, FlowOptions, Ratio, StepDef, StepMode, TimeoutAction,
};
use xiaoban_domain::approvals::field_rights::FieldRight;
use xiaoban_domain::approvals::form::{ColumnDef, ColumnKind, FieldDef, FieldKind, FormSchema};
use xiaoban_domain::approvals::self_approval::SelfApproval;
use xiaoban_services::FieldIssue;
use xiaoban_services::approvals::{Starters, TemplateView};

use super::definition::{
    ApproverRuleDto, BranchDto, ColumnDefDto, ColumnKindDto, DefinitionDto, FieldDefDto, FieldKindDto,
    FieldRightDto, FlowOptionsDto, FormSchemaDto, RatioDto, SelfApprovalDto, StepDefDto, StepModeDto,
    TimeoutActionDto,
};
use super::dto::{StartersDto, TemplateOut};

/// `From` both ways between two enums of unit variants with the same names.
macro_rules! same_variants {
    ($domain:ident <=> $dto:ident { $($variant:ident),+ $(,)? }) => {
        impl From<$domain> for $dto {
            fn from(value: $domain) -> Self {
                match value { $($domain::$variant => Self::$variant),+ }
            }
        }
        impl From<$dto> for $domain {
            fn from(value: $dto) -> Self {
                match value { $($dto::$variant => Self::$variant),+ }
            }
        }
    };
}

same_variants!(FieldKind <=> FieldKindDto {
    Text, LongText, Number, Money, Date, DateRange, Select, MultiSelect, User, Department,
    Attachments, LineItems,
});
same_variants!(ColumnKind <=> ColumnKindDto { Text, Money, Number, Date });
same_variants!(StepMode <=> StepModeDto { Or, All, Ratio, Sequential });
same_variants!(SelfApproval <=> SelfApprovalDto { Superior, ApplicantConfirms, Skip });
same_variants!(FieldRight <=> FieldRightDto { Hidden, Editable, Required });

fn all<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(Into::into).collect()
}

impl DefinitionDto {
    /// The domain definition, and the conditions that do not parse as 422 issues on their steps
    /// (those conditions are left out, so that the rest can still be checked and every problem
    /// is answered at once).
    pub fn into_domain(self) -> (Definition, Vec<FieldIssue>) {
        let mut issues = Vec::new();
        let steps = self
            .steps
            .into_iter()
            .enumerate()
            .map(|(i, step)| step.into_domain(&format!("definition.steps[{i}]"), &mut issues))
            .collect();
        let definition = Definition {
            form: self.form.into(),
            steps,
            options: self.options.into(),
        };
        (definition, issues)
    }
}

impl StepDefDto {
    fn into_domain(self, path: &str, issues: &mut Vec<FieldIssue>) -> StepDef {
        let condition = self.condition.and_then(|source| match Condition::parse(&source) {
            Ok(condition) => Some(condition),
            Err(err) => {
                issues.push(FieldIssue::new(format!("{path}.condition"), err.zh, err.en));
                None
            }
        });
        let branches = self
            .branches
            .into_iter()
            .enumerate()
            .map(|(b, branch)| BranchDef {
                name: branch.name,
                steps: branch
                    .steps
                    .into_iter()
                    .enumerate()
                    .map(|(k, step)| step.into_domain(&format!("{path}.branches[{b}].steps[{k}]"), issues))
                    .collect(),
            })
            .collect();
        StepDef {
            name: self.name,
            rule: self.rule.into(),
            mode: self.mode.into(),
            pass_ratio: self.pass_ratio.map(Into::into),
            condition,
            deadline_hours: self.deadline_hours,
            timeout: self.timeout.into(),
            cc: all(self.cc),
            applicant_is_approver: self.applicant_is_approver.into(),
            field_rights: self
                .field_rights
                .into_iter()
                .map(|(k, v)| (k, v.into()))
                .collect(),
            signature_required: self.signature_required,
            branches,
        }
    }
}

impl From<Definition> for DefinitionDto {
    fn from(d: Definition) -> Self {
        Self {
            form: d.form.into(),
            steps: all(d.steps),
            options: d.options.into(),
        }
    }
}

impl From<StepDef> for StepDefDto {
    fn from(s: StepDef) -> Self {
        Self {
            name: s.name,
            rule: s.rule.into(),
            mode: s.mode.into(),
            pass_ratio: s.pass_ratio.map(Into::into),
            condition: s.condition.map(|c| c.source().to_owned()),
            deadline_hours: s.deadline_hours,
            timeout: s.timeout.into(),
            cc: all(s.cc),
            applicant_is_approver: s.applicant_is_approver.into(),
            field_rights: s.field_rights.into_iter().map(|(k, v)| (k, v.into())).collect(),
            signature_required: s.signature_required,
            branches: s
                .branches
                .into_iter()
                .map(|b| BranchDto {
                    name: b.name,
                    steps: all(b.steps),
                })
                .collect(),
        }
    }
}

impl From<FlowOptionsDto> for FlowOptions {
    fn from(o: FlowOptionsDto) -> Self {
        Self {
            auto_skip: o.auto_skip,
            resubmit_to_returning_step: o.resubmit_to_returning_step,
            fallback: o.fallback.map(Into::into),
            number_pattern: o.number_pattern,
            cc_on_submit: all(o.cc_on_submit),
            cc_on_approved: all(o.cc_on_approved),
            cc_on_rejected: all(o.cc_on_rejected),
        }
    }
}

impl From<FlowOptions> for FlowOptionsDto {
    fn from(o: FlowOptions) -> Self {
        Self {
            auto_skip: o.auto_skip,
            resubmit_to_returning_step: o.resubmit_to_returning_step,
            fallback: o.fallback.map(Into::into),
            number_pattern: o.number_pattern,
            cc_on_submit: all(o.cc_on_submit),
            cc_on_approved: all(o.cc_on_approved),
            cc_on_rejected: all(o.cc_on_rejected),
        }
    }
}

impl From<ApproverRuleDto> for ApproverRule {
    fn from(rule: ApproverRuleDto) -> Self {
        match rule {
            ApproverRuleDto::Users { user_ids } => Self::Users { user_ids },
            ApproverRuleDto::Role { role } => Self::Role { role },
            ApproverRuleDto::DepartmentHead {} => Self::DepartmentHead,
            ApproverRuleDto::HeadOf { department_id } => Self::HeadOf { department_id },
            ApproverRuleDto::LevelsUp { levels } => Self::LevelsUp { levels },
            ApproverRuleDto::FormUser { field } => Self::FormUser { field },
            ApproverRuleDto::ApplicantPicks {} => Self::ApplicantPicks,
            ApproverRuleDto::ManagerChain { up_to, until_role } => Self::ManagerChain { up_to, until_role },
        }
    }
}

impl From<ApproverRule> for ApproverRuleDto {
    fn from(rule: ApproverRule) -> Self {
        match rule {
            ApproverRule::Users { user_ids } => Self::Users { user_ids },
            ApproverRule::Role { role } => Self::Role { role },
            ApproverRule::DepartmentHead => Self::DepartmentHead {},
            ApproverRule::HeadOf { department_id } => Self::HeadOf { department_id },
            ApproverRule::LevelsUp { levels } => Self::LevelsUp { levels },
            ApproverRule::FormUser { field } => Self::FormUser { field },
            ApproverRule::ApplicantPicks => Self::ApplicantPicks {},
            ApproverRule::ManagerChain { up_to, until_role } => Self::ManagerChain { up_to, until_role },
        }
    }
}

impl From<TimeoutActionDto> for TimeoutAction {
    fn from(action: TimeoutActionDto) -> Self {
        match action {
            TimeoutActionDto::Remind {} => Self::Remind,
            TimeoutActionDto::Escalate { role } => Self::Escalate { role },
            TimeoutActionDto::AutoApprove {} => Self::AutoApprove,
            TimeoutActionDto::AutoReject {} => Self::AutoReject,
        }
    }
}

impl From<TimeoutAction> for TimeoutActionDto {
    fn from(action: TimeoutAction) -> Self {
        match action {
            TimeoutAction::Remind => Self::Remind {},
            TimeoutAction::Escalate { role } => Self::Escalate { role },
            TimeoutAction::AutoApprove => Self::AutoApprove {},
            TimeoutAction::AutoReject => Self::AutoReject {},
        }
    }
}

impl From<RatioDto> for Ratio {
    fn from(r: RatioDto) -> Self {
        Self {
            numerator: r.numerator,
            denominator: r.denominator,
        }
    }
}

impl From<Ratio> for RatioDto {
    fn from(r: Ratio) -> Self {
        Self {
            numerator: r.numerator,
            denominator: r.denominator,
        }
    }
}

impl From<FormSchemaDto> for FormSchema {
    fn from(f: FormSchemaDto) -> Self {
        Self {
            fields: all(f.fields),
        }
    }
}

impl From<FormSchema> for FormSchemaDto {
    fn from(f: FormSchema) -> Self {
        Self {
            fields: all(f.fields),
        }
    }
}

impl From<FieldDefDto> for FieldDef {
    fn from(f: FieldDefDto) -> Self {
        Self {
            key: f.key,
            label: f.label,
            kind: f.kind.into(),
            required: f.required,
            min: f.min,
            max: f.max,
            min_length: f.min_length,
            max_length: f.max_length,
            options: f.options,
            placeholder: f.placeholder,
            help: f.help,
            computed_from: f.computed_from,
            columns: all(f.columns),
        }
    }
}

impl From<FieldDef> for FieldDefDto {
    fn from(f: FieldDef) -> Self {
        Self {
            key: f.key,
            label: f.label,
            kind: f.kind.into(),
            required: f.required,
            min: f.min,
            max: f.max,
            min_length: f.min_length,
            max_length: f.max_length,
            options: f.options,
            placeholder: f.placeholder,
            help: f.help,
            computed_from: f.computed_from,
            columns: all(f.columns),
        }
    }
}

impl From<ColumnDefDto> for ColumnDef {
    fn from(c: ColumnDefDto) -> Self {
        Self {
            key: c.key,
            label: c.label,
            kind: c.kind.into(),
            required: c.required,
        }
    }
}

impl From<ColumnDef> for ColumnDefDto {
    fn from(c: ColumnDef) -> Self {
        Self {
            key: c.key,
            label: c.label,
            kind: c.kind.into(),
            required: c.required,
        }
    }
}

impl From<StartersDto> for Starters {
    fn from(s: StartersDto) -> Self {
        Self {
            roles: s.roles,
            department_ids: s.department_ids,
        }
    }
}

impl From<Starters> for StartersDto {
    fn from(s: Starters) -> Self {
        Self {
            roles: s.roles,
            department_ids: s.department_ids,
        }
    }
}

impl From<TemplateView> for TemplateOut {
    fn from(t: TemplateView) -> Self {
        Self {
            id: t.id,
            code: t.code,
            name: t.name,
            category: t.category,
            icon: t.icon,
            description: t.description,
            starters: t.starters.into(),
            active: t.active,
            current_version: t.current_version,
            definition: t.definition.into(),
            version: t.version,
            updated_at: t.updated_at,
            full: t.full,
        }
    }
}
