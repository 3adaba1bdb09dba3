//! Starting a request: from the approvals centre, or by a module for one of its records.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_domain::WorkingCalendar;
use xiaoban_domain::approvals::definition::{ApproverRule, CopyMoment, Definition};
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::approvals::form::{CheckedForm, FormSchema};
use xiaoban_persistence::approvals::{InstanceRow, people, templates};
use xiaoban_persistence::identity::departments;
use xiaoban_persistence::{ConnectionTrait, Tx};

use super::copies::copy_at;
use super::detail::{self, InstanceDetail};
use super::engine::enter;
use super::hooks::Subject;
use super::own_choice::refuse_self_chosen_approvers;
use super::state::Flow;
use super::templates::StarterProfile;
use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{FieldIssue, RequestContext, ServiceError, Services};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartInput {
    pub template_id: Uuid,
    pub form: Value,
    /// For steps whose approvers the applicant picks: step index → people.
    #[serde(default)]
    pub approvers: BTreeMap<String, Vec<Uuid>>,
}

impl Services {
    /// Starts a request from the approvals centre. Needs `approval.use` and the template's
    /// starter rule; the form is validated against the template's current version.
    pub async fn start_approval(
        &self,
        ctx: &RequestContext,
        input: StartInput,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let calendar = self.working_calendar().await?;
        let now = self.now();
        let (services, ctx2, input2) = (self.clone(), ctx.clone(), input.clone());
        self.create_once(ctx, "approval.start", &input, move |tx| {
            Box::pin(async move {
                let id = services
                    .start_in(tx, &ctx2, viewer.id, &input2, None, calendar)
                    .await?;
                detail::load(tx, id, &viewer, now).await
            })
        })
        .await
    }

    /// Starts a request about a module's record inside the module's transaction; the module's
    /// hook is called at every transition. `applicant` is the person the request is for. A
    /// module not installed with its hook is refused here, in its own code and tests.
    pub async fn start_approval_for(
        &self,
        tx: &Tx,
        ctx: &RequestContext,
        applicant: Uuid,
        template_code: &str,
        subject: Subject,
        form: Value,
    ) -> Result<Uuid, ServiceError> {
        if !self.approval_module_installed(&subject.module) {
            return Err(ServiceError::Internal(format!(
                "module {} starts approval requests but was not installed with its hook",
                subject.module
            )));
        }
        let template = templates::find_by_code(tx, template_code)
            .await?
            .ok_or(ServiceError::NotFound {
                entity: "approval_template",
            })?;
        let input = StartInput {
            template_id: template.id,
            form,
            approvers: BTreeMap::new(),
        };
        let calendar = self.working_calendar().await?;
        self.start_in(tx, ctx, applicant, &input, Some(subject), calendar)
            .await
    }

    pub(crate) async fn start_in(
        &self,
        tx: &Tx,
        ctx: &RequestContext,
        applicant: Uuid,
        input: &StartInput,
        subject: Option<Subject>,
        calendar: WorkingCalendar,
    ) -> Result<Uuid, ServiceError> {
        let now = self.now();
        let template = templates::find(tx, input.template_id)
            .await?
            .filter(|t| t.active)
            .ok_or_else(|| {
                ServiceError::invalid(
                    "templateId",
                    "审批模板不存在或已停用",
                    "The template does not exist or is inactive",
                )
            })?;
        if subject.is_none() && !StarterProfile::load(tx, applicant).await?.may_start(&template) {
            return Err(ServiceError::invalid(
                "templateId",
                "您不在此审批的发起范围内",
                "You may not start this approval",
            ));
        }
        let version = templates::version_number(tx, template.id, template.current_version)
            .await?
            .ok_or_else(|| ServiceError::Internal("current template version missing".to_owned()))?;
        let def: Definition =
            serde_json::from_str(&version.definition).map_err(|e| ServiceError::Internal(e.to_string()))?;
        def.refuse_step_fields(&input.form)
            .map_err(super::field_edits::form_issues)?;
        let mut checked = check_form(tx, &def.form, &input.form).await?;
        fill_computed(&def.form, &mut checked, &calendar)?;
        check_picks(&def, &checked, &input.approvers)?;
        refuse_self_chosen_approvers(&def, &checked, &input.approvers, applicant)?;
        let year = now.with_timezone(&self.settings().timezone).year();
        let number = super::numbers::allocate(tx, &def, year).await?;
        let names = people::names(tx, &[applicant]).await?;
        let applicant_name = names.get(&applicant).cloned().unwrap_or_default();
        let (title, summary) = match &subject {
            Some(s) => (s.title.clone(), s.summary.clone()),
            None => (
                format!("{}（{}）", template.name, applicant_name),
                def.summary(&checked.values),
            ),
        };
        let id = Uuid::now_v7();
        let inst = InstanceRow {
            id,
            number,
            template_id: template.id,
            template_version_id: version.id,
            applicant_id: applicant,
            department_id: people::primary_department(tx, applicant).await?,
            title: title.chars().take(200).collect(),
            summary: summary.chars().take(500).collect(),
            form: Value::Object(checked.values).to_string(),
            picked: serde_json::to_string(&input.approvers)
                .map_err(|e| ServiceError::Internal(e.to_string()))?,
            status: InstanceStatus::Running.as_str().to_owned(),
            current_step: None,
            cycle: 1,
            returned_from_step: None,
            subject_module: subject.as_ref().map(|s| s.module.clone()),
            subject_id: subject.as_ref().map(|s| s.id),
            created_at: now,
            submitted_at: now,
            finished_at: None,
            last_urged_at: None,
            updated_at: now,
            version: 1,
        };
        let files = checked.files.clone();
        let mut flow = Flow::new(inst, def, now, calendar);
        flow.applicant = super::applicant::facts(tx, applicant, flow.inst.department_id).await?;
        flow.event(Some(applicant), "submit", None, None, None, json!({}));
        enter(tx, &mut flow, 0).await?;
        copy_at(tx, &mut flow, CopyMoment::Submitted).await?;
        let (inst, transitions) = flow.save(tx).await?;
        attach(tx, applicant, &files, id, now).await?;
        self.run_hooks(tx, &inst, &transitions).await?;
        let change = Change::new("approval.start", "approval", Some(id.to_string()))
            .after(json!({ "number": inst.number, "template": template.code, "status": inst.status }));
        audit::record(tx, ctx, now, change).await?;
        Ok(id)
    }
}

/// Validates values against the schema and checks that named people and departments exist.
pub(crate) async fn check_form(
    db: &impl ConnectionTrait,
    schema: &FormSchema,
    values: &Value,
) -> Result<CheckedForm, ServiceError> {
    let checked = schema.validate(values).map_err(|issues| {
        ServiceError::Invalid(
            issues
                .into_iter()
                .map(|i| FieldIssue::new(format!("form.{}", i.field), i.zh, i.en))
                .collect(),
        )
    })?;
    check_refs(db, &checked).await?;
    Ok(checked)
}

/// Checks that the people and departments named in checked values exist and are active.
pub(crate) async fn check_refs(db: &impl ConnectionTrait, checked: &CheckedForm) -> Result<(), ServiceError> {
    let mut issues = Vec::new();
    for (key, user) in &checked.users {
        if people::active_among(db, &[*user]).await?.is_empty() {
            issues.push(FieldIssue::new(
                format!("form.{key}"),
                "所选人员不存在或已停用",
                "That person does not exist or is disabled",
            ));
        }
    }
    for (key, department) in &checked.departments {
        if !departments::find(db, *department)
            .await?
            .is_some_and(|d| d.active)
        {
            issues.push(FieldIssue::new(
                format!("form.{key}"),
                "所选部门不存在或已停用",
                "That department does not exist or is inactive",
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

/// Computes the fields the server fills in (a leave's days from its period on the calendar).
pub(crate) fn fill_computed(
    schema: &FormSchema,
    checked: &mut CheckedForm,
    calendar: &WorkingCalendar,
) -> Result<(), ServiceError> {
    schema
        .fill_computed(&mut checked.values, |d| calendar.is_working_day(d))
        .map_err(|issues| {
            ServiceError::Invalid(
                issues
                    .into_iter()
                    .map(|i| FieldIssue::new(format!("form.{}", i.field), i.zh, i.en))
                    .collect(),
            )
        })
}

/// Steps whose approvers the applicant picks need at least one person each.
fn check_picks(
    def: &Definition,
    form: &CheckedForm,
    picks: &BTreeMap<String, Vec<Uuid>>,
) -> Result<(), ServiceError> {
    let mut issues = Vec::new();
    for (i, step) in def.steps.iter().enumerate() {
        let applies = step.condition.as_ref().is_none_or(|c| c.evaluate(&form.values));
        if applies
            && step.rule == ApproverRule::ApplicantPicks
            && picks.get(&i.to_string()).is_none_or(Vec::is_empty)
        {
            issues.push(FieldIssue::new(
                format!("approvers.{i}"),
                format!("请为“{}”选择审批人", step.name),
                format!("Choose approvers for “{}”", step.name),
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

/// Links the files named in form fields to the request; each must be the applicant's own upload.
pub(crate) async fn attach(
    tx: &impl ConnectionTrait,
    owner: Uuid,
    files: &[(String, Uuid)],
    request: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ServiceError> {
    let mut by_field: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (key, file) in files {
        by_field.entry(key.as_str()).or_default().push(*file);
    }
    for (key, ids) in by_field {
        crate::files::link_files(
            tx,
            owner,
            &ids,
            super::MODULE_CODE,
            request,
            now,
            &format!("form.{key}"),
        )
        .await?;
    }
    Ok(())
}
