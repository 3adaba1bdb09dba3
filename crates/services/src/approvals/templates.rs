//! Approval templates: listing (what I may start), reading, creating, and publishing new versions.

use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::codes::{APPROVAL_TEMPLATE_MANAGE, APPROVAL_USE};
use xiaoban_domain::approvals::definition::{ApproverRule, Definition, TimeoutAction};
use xiaoban_persistence::approvals::{TemplateRow, TemplateVersionRow, people, templates};
use xiaoban_persistence::identity::{departments, memberships, roles};
use xiaoban_persistence::{ConnectionTrait, Tx};

use crate::audit::{self, Change};
use crate::idempotency::Created;
use crate::{FieldIssue, RequestContext, ServiceError, Services};

/// Who may start a template; both empty means everyone with `approval.use`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Starters {
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub department_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub category: String,
    pub icon: String,
    pub description: Option<String>,
    pub starters: Starters,
    pub active: bool,
    pub current_version: i32,
    pub definition: Definition,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// False in the slim view for people who do not manage templates: named approvers' ids
    /// (steps, copies, the fallback) are left out.
    pub full: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInput {
    pub code: String,
    pub name: String,
    pub category: String,
    pub icon: Option<String>,
    pub description: Option<String>,
    pub starters: Starters,
    pub definition: Definition,
    /// Problems found while reading the definition (conditions that do not parse; they are
    /// left out of `definition`), answered together with every other problem of the input.
    #[serde(skip)]
    pub reading_issues: Vec<FieldIssue>,
}

/// Changes to a template; a new `definition` publishes a new version.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePatch {
    pub name: Option<String>,
    pub category: Option<String>,
    pub icon: Option<String>,
    pub description: Option<Option<String>>,
    pub starters: Option<Starters>,
    pub active: Option<bool>,
    pub definition: Option<Definition>,
    /// As [`TemplateInput::reading_issues`].
    #[serde(skip)]
    pub reading_issues: Vec<FieldIssue>,
}

impl Services {
    /// Templates in display order. Without `manage` only the active ones the caller may start;
    /// with it (needs `approval.template.manage`) every template.
    pub async fn list_approval_templates(
        &self,
        ctx: &RequestContext,
        manage: bool,
    ) -> Result<Vec<TemplateView>, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        if manage {
            self.authorize(ctx, APPROVAL_TEMPLATE_MANAGE).await?;
        }
        let designer = self.manages_templates(ctx)?;
        let profile = StarterProfile::load(self.db(), me).await?;
        let mut out = Vec::new();
        for row in templates::all(self.db()).await? {
            if manage || (row.active && profile.may_start(&row)) {
                out.push(for_viewer(view(self.db(), row).await?, designer));
            }
        }
        Ok(out)
    }

    pub async fn get_approval_template(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<TemplateView, ServiceError> {
        self.authorize(ctx, APPROVAL_USE).await?;
        let row = templates::find(self.db(), id)
            .await?
            .ok_or(ServiceError::NotFound {
                entity: "approval_template",
            })?;
        Ok(for_viewer(
            view(self.db(), row).await?,
            self.manages_templates(ctx)?,
        ))
    }

    /// Whether the caller designs templates (and so may see whom they name).
    fn manages_templates(&self, ctx: &RequestContext) -> Result<bool, ServiceError> {
        Ok(self.principal(ctx)?.has(APPROVAL_TEMPLATE_MANAGE))
    }

    pub async fn create_approval_template(
        &self,
        ctx: &RequestContext,
        input: TemplateInput,
    ) -> Result<Created<TemplateView>, ServiceError> {
        self.authorize(ctx, APPROVAL_TEMPLATE_MANAGE).await?;
        let now = self.now();
        let (ctx2, input2) = (ctx.clone(), input.clone());
        let author = ctx.actor.principal().map(|p| p.id);
        self.create_once(ctx, "approval_template.create", &input, move |tx| {
            Box::pin(async move {
                let mut issues = input2.reading_issues.clone();
                issues.extend(check_texts(&input2.code, &input2.name, &input2.category));
                issues.extend(check_definition(tx, &input2.definition, &input2.starters).await?);
                refuse(issues)?;
                if templates::find_by_code(tx, &input2.code).await?.is_some() {
                    return Err(ServiceError::Conflict {
                        zh: "模板编码已被使用".into(),
                        en: "The template code is taken".into(),
                    });
                }
                let id = Uuid::now_v7();
                let row = TemplateRow {
                    id,
                    code: input2.code.trim().to_owned(),
                    name: input2.name.trim().to_owned(),
                    category: input2.category.trim().to_owned(),
                    icon: input2.icon.clone().unwrap_or_else(|| "Document".to_owned()),
                    description: input2.description.clone(),
                    starters: to_text(&input2.starters)?,
                    current_version: 1,
                    active: true,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                templates::insert(tx, row.clone()).await?;
                publish(tx, id, 1, &input2.definition, author, now).await?;
                let out = view(tx, row).await?;
                let change = Change::new(
                    "approval_template.create",
                    "approval_template",
                    Some(id.to_string()),
                )
                .after(json!({ "code": out.code, "name": out.name, "version": 1 }));
                audit::record(tx, &ctx2, now, change).await?;
                Ok(out)
            })
        })
        .await
    }

    /// Edits a template at `expected` version. A new definition is published as the next
    /// version; requests already running keep theirs.
    pub async fn update_approval_template(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: i32,
        patch: TemplatePatch,
    ) -> Result<TemplateView, ServiceError> {
        self.authorize(ctx, APPROVAL_TEMPLATE_MANAGE).await?;
        let now = self.now();
        let author = ctx.actor.principal().map(|p| p.id);
        let tx = xiaoban_persistence::begin_write(self.db()).await?;
        let before = templates::find(&tx, id).await?.ok_or(ServiceError::NotFound {
            entity: "approval_template",
        })?;
        let mut row = before.clone();
        if let Some(name) = &patch.name {
            row.name = name.trim().to_owned();
        }
        if let Some(category) = &patch.category {
            row.category = category.trim().to_owned();
        }
        if let Some(icon) = &patch.icon {
            row.icon = icon.clone();
        }
        if let Some(description) = &patch.description {
            row.description = description.clone();
        }
        if let Some(active) = patch.active {
            row.active = active;
        }
        let starters = match &patch.starters {
            Some(s) => s.clone(),
            None => serde_json::from_str(&before.starters).unwrap_or_default(),
        };
        row.starters = to_text(&starters)?;
        let mut issues = patch.reading_issues.clone();
        issues.extend(check_texts(&row.code, &row.name, &row.category));
        if let Some(definition) = &patch.definition {
            issues.extend(check_definition(&tx, definition, &starters).await?);
        }
        refuse(issues)?;
        if let Some(definition) = &patch.definition {
            row.current_version += 1;
            publish(&tx, id, row.current_version, definition, author, now).await?;
        }
        row.updated_at = now;
        templates::update_guarded(&tx, row.clone(), expected).await?;
        row.version = expected + 1;
        let out = view(&tx, row).await?;
        let change = Change::new(
            "approval_template.update",
            "approval_template",
            Some(id.to_string()),
        )
        .before(json!({ "name": before.name, "active": before.active, "version": before.current_version }))
        .after(json!({ "name": out.name, "active": out.active, "version": out.current_version }));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit()
            .await
            .map_err(xiaoban_persistence::PersistenceError::from)?;
        Ok(out)
    }
}

async fn publish(
    tx: &Tx,
    template_id: Uuid,
    number: i32,
    def: &Definition,
    author: Option<Uuid>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ServiceError> {
    let row = TemplateVersionRow {
        id: Uuid::now_v7(),
        template_id,
        number,
        definition: to_text(def)?,
        created_by: author,
        created_at: now,
    };
    Ok(templates::insert_version(tx, row).await?)
}

fn to_text<T: Serialize>(value: &T) -> Result<String, ServiceError> {
    serde_json::to_string(value).map_err(|e| ServiceError::Internal(e.to_string()))
}

async fn view(db: &impl ConnectionTrait, row: TemplateRow) -> Result<TemplateView, ServiceError> {
    let current = templates::version_number(db, row.id, row.current_version)
        .await?
        .ok_or_else(|| ServiceError::Internal("current template version missing".to_owned()))?;
    let definition =
        serde_json::from_str(&current.definition).map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(TemplateView {
        id: row.id,
        code: row.code,
        name: row.name,
        category: row.category,
        icon: row.icon,
        description: row.description,
        starters: serde_json::from_str(&row.starters).unwrap_or_default(),
        active: row.active,
        current_version: row.current_version,
        definition,
        version: row.version,
        updated_at: row.updated_at,
        full: true,
    })
}

/// The whole template for designers; for everyone else the slim view, without the ids of the
/// people it names (who approves is the template's business, shown on each request as it runs).
fn for_viewer(mut template: TemplateView, designer: bool) -> TemplateView {
    if designer {
        return template;
    }
    let def = &mut template.definition;
    let rules = def
        .steps
        .iter_mut()
        .flat_map(|step| std::iter::once(&mut step.rule).chain(step.cc.iter_mut()))
        .chain(def.options.fallback.as_mut())
        .chain(def.options.cc_on_submit.iter_mut())
        .chain(def.options.cc_on_approved.iter_mut())
        .chain(def.options.cc_on_rejected.iter_mut());
    for rule in rules {
        if let ApproverRule::Users { user_ids } = rule {
            user_ids.clear();
        }
    }
    template.full = false;
    template
}

/// Whether the user is within the template's starter rule.
/// What decides whether a person may start a template: their roles and departments, loaded once
/// for a whole list of templates.
pub(crate) struct StarterProfile {
    roles: Vec<String>,
    departments: Vec<Uuid>,
}

impl StarterProfile {
    pub async fn load(db: &impl ConnectionTrait, user: Uuid) -> Result<Self, ServiceError> {
        let roles = memberships::roles_of(db, user)
            .await?
            .into_iter()
            .map(|r| r.code)
            .collect();
        let departments = memberships::departments_of(db, user)
            .await?
            .into_iter()
            .map(|m| m.department_id)
            .collect();
        Ok(Self { roles, departments })
    }

    /// Whether the person is within the template's starter rule (both lists empty: everyone).
    pub fn may_start(&self, row: &TemplateRow) -> bool {
        let starters: Starters = serde_json::from_str(&row.starters).unwrap_or_default();
        (starters.roles.is_empty() && starters.department_ids.is_empty())
            || self.roles.iter().any(|r| starters.roles.contains(r))
            || self
                .departments
                .iter()
                .any(|d| starters.department_ids.contains(d))
    }
}

/// Every problem found, in one answer.
fn refuse(issues: Vec<FieldIssue>) -> Result<(), ServiceError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues))
    }
}

fn check_texts(code: &str, name: &str, category: &str) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let code_ok = (2..=40).contains(&code.trim().len())
        && code
            .trim()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !code_ok {
        issues.push(FieldIssue::new(
            "code",
            "编码应为 2 到 40 位小写字母、数字、- 或 _",
            "The code needs 2 to 40 lowercase letters, digits, - or _",
        ));
    }
    if !(1..=60).contains(&name.trim().chars().count()) {
        issues.push(FieldIssue::new(
            "name",
            "名称应为 1 到 60 个字",
            "The name needs 1 to 60 characters",
        ));
    }
    if !(1..=40).contains(&category.trim().chars().count()) {
        issues.push(FieldIssue::new("category", "请填写分类", "Give a category"));
    }
    issues
}

/// The definition's own rules, then the people, roles and departments it names.
async fn check_definition(
    db: &impl ConnectionTrait,
    def: &Definition,
    starters: &Starters,
) -> Result<Vec<FieldIssue>, ServiceError> {
    let mut issues: Vec<FieldIssue> = def
        .check()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|i| FieldIssue::new(i.field, i.zh, i.en))
        .collect();
    let mut rules: Vec<(String, &ApproverRule)> = Vec::new();
    let mut role_codes: Vec<(String, String)> = starters
        .roles
        .iter()
        .map(|r| ("starters.roles".to_owned(), r.clone()))
        .collect();
    for (i, step) in def.steps.iter().enumerate() {
        rules.push((format!("definition.steps[{i}].rule"), &step.rule));
        for (j, cc) in step.cc.iter().enumerate() {
            rules.push((format!("definition.steps[{i}].cc[{j}]"), cc));
        }
        if let TimeoutAction::Escalate { role } = &step.timeout {
            role_codes.push((format!("definition.steps[{i}].timeout.role"), role.clone()));
        }
    }
    if let Some(fallback) = &def.options.fallback {
        rules.push(("definition.options.fallback".to_owned(), fallback));
    }
    rules.extend(def.options.copy_rules());
    for (path, rule) in rules {
        match rule {
            ApproverRule::Users { user_ids } if !all_active(db, user_ids).await? => {
                issues.push(FieldIssue::new(
                    format!("{path}.userIds"),
                    "有人员不存在或已停用",
                    "Someone named does not exist or is disabled",
                ));
            }
            ApproverRule::Role { role } => role_codes.push((format!("{path}.role"), role.clone())),
            ApproverRule::HeadOf { department_id }
                if departments::find(db, *department_id).await?.is_none() =>
            {
                issues.push(FieldIssue::new(
                    format!("{path}.departmentId"),
                    "部门不存在",
                    "The department does not exist",
                ));
            }
            _ => {}
        }
    }
    for (path, code) in role_codes {
        if roles::find_by_code(db, &code).await?.is_none() {
            issues.push(FieldIssue::new(
                path,
                format!("角色“{code}”不存在"),
                format!("The role `{code}` does not exist"),
            ));
        }
    }
    if !departments::existing(db, &starters.department_ids)
        .await?
        .len()
        .eq(&starters.department_ids.len())
    {
        issues.push(FieldIssue::new(
            "starters.departmentIds",
            "有部门不存在",
            "A department does not exist",
        ));
    }
    Ok(issues)
}

async fn all_active(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<bool, ServiceError> {
    let mut distinct = ids.to_vec();
    distinct.sort();
    distinct.dedup();
    Ok(people::active_among(db, &distinct).await?.len() == distinct.len())
}
