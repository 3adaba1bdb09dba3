//! Drafts (草稿): a request saved before it is submitted. Only its author ever sees it (anyone
//! else gets 404, administrators included); it notifies nobody and takes no number. Submitting
//! runs the same checks as a new request and turns it into one in the same transaction.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_domain::approvals::definition::Definition;
use xiaoban_domain::approvals::form::{CheckedForm, FormSchema};
use xiaoban_persistence::approvals::{DraftRow, drafts, templates};
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write};

use super::detail::{self, InstanceDetail};
use super::form::check_form;
use super::input::Viewer;
use super::start::StartInput;
use super::templates::StarterProfile;
use crate::audit::{self, Change};
use crate::files::{FileView, link_files, linked_files};
use crate::idempotency::Created;
use crate::{RequestContext, ServiceError, Services};

/// Files of a draft are linked under this module name: only their owner (the author) reads them.
const FILE_MODULE: &str = "approval_draft";
const NOT_FOUND: ServiceError = ServiceError::NotFound {
    entity: "approval_draft",
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftInput {
    pub template_id: Uuid,
    pub form: Value,
    #[serde(default)]
    pub approvers: BTreeMap<String, Vec<Uuid>>,
}

/// Changes to a draft: what is given replaces what was saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftPatch {
    pub form: Option<Value>,
    pub approvers: Option<BTreeMap<String, Vec<Uuid>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub id: Uuid,
    pub template_id: Uuid,
    pub template_name: String,
    pub summary: String,
    pub form: Value,
    pub approvers: BTreeMap<String, Vec<Uuid>>,
    /// The uploads the form's attachment fields name.
    pub attachments: Vec<FileView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl Services {
    /// Saves a new draft. Needs `approval.use` and the template's starter rule; values are
    /// checked field by field, but required fields may still be empty.
    pub async fn create_approval_draft(
        &self,
        ctx: &RequestContext,
        input: DraftInput,
    ) -> Result<Created<DraftView>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let now = self.now();
        let (ctx2, input2) = (ctx.clone(), input.clone());
        self.create_once(ctx, "approval_draft.create", &input, move |tx| {
            Box::pin(async move {
                let def = startable_definition(tx, input2.template_id, viewer.id).await?;
                let checked = check_draft_form(tx, &def.form, &input2.form).await?;
                let row = DraftRow {
                    id: Uuid::now_v7(),
                    template_id: input2.template_id,
                    author_id: viewer.id,
                    summary: def.form.summary(&checked.values).chars().take(500).collect(),
                    form: Value::Object(checked.values.clone()).to_string(),
                    picked: to_text(&input2.approvers)?,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                drafts::insert(tx, row.clone()).await?;
                attach(tx, &row, &checked, now).await?;
                let change = Change::new(
                    "approval_draft.create",
                    "approval_draft",
                    Some(row.id.to_string()),
                )
                .after(json!({ "templateId": row.template_id }));
                audit::record(tx, &ctx2, now, change).await?;
                view(tx, row).await
            })
        })
        .await
    }

    /// The caller's drafts, most recently saved first.
    pub async fn list_approval_drafts(&self, ctx: &RequestContext) -> Result<Vec<DraftView>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let mut out = Vec::new();
        for row in drafts::of_author(self.db(), viewer.id).await? {
            out.push(view(self.db(), row).await?);
        }
        Ok(out)
    }

    /// One of the caller's drafts; anyone else's is 404.
    pub async fn get_approval_draft(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<DraftView, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let row = drafts::find_own(self.db(), id, viewer.id)
            .await?
            .ok_or(NOT_FOUND)?;
        view(self.db(), row).await
    }

    /// Edits the caller's draft at `expected` version.
    pub async fn update_approval_draft(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: i32,
        patch: DraftPatch,
    ) -> Result<DraftView, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let mut row = drafts::find_own(&tx, id, viewer.id).await?.ok_or(NOT_FOUND)?;
        let def = startable_definition(&tx, row.template_id, viewer.id).await?;
        let form = match &patch.form {
            Some(form) => form.clone(),
            None => parse(&row.form)?,
        };
        let checked = check_draft_form(&tx, &def.form, &form).await?;
        row.summary = def.form.summary(&checked.values).chars().take(500).collect();
        row.form = Value::Object(checked.values.clone()).to_string();
        if let Some(approvers) = &patch.approvers {
            row.picked = to_text(approvers)?;
        }
        row.updated_at = now;
        drafts::update_guarded(&tx, row.clone(), expected).await?;
        row.version = expected + 1;
        attach(&tx, &row, &checked, now).await?;
        let change = Change::new("approval_draft.update", "approval_draft", Some(id.to_string()))
            .after(json!({ "version": row.version }));
        audit::record(&tx, ctx, now, change).await?;
        let out = view(&tx, row).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(out)
    }

    /// Deletes the caller's draft (at `expected` version when one is stated).
    pub async fn delete_approval_draft(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<(), ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let row = drafts::find_own(&tx, id, viewer.id).await?.ok_or(NOT_FOUND)?;
        drafts::delete_guarded(&tx, id, viewer.id, expected.unwrap_or(row.version)).await?;
        let change = Change::new("approval_draft.delete", "approval_draft", Some(id.to_string()))
            .before(json!({ "templateId": row.template_id, "version": row.version }));
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }

    /// Submits the caller's draft as a new request: the same checks as starting one (required
    /// fields, computed values, picked approvers), the number is taken now, and the draft is
    /// gone in the same transaction. A failed check leaves the draft as it was.
    pub async fn submit_approval_draft(
        &self,
        ctx: &RequestContext,
        id: Uuid,
        expected: Option<i32>,
    ) -> Result<Created<InstanceDetail>, ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let calendar = self.working_calendar().await?;
        let now = self.now();
        let (services, ctx2) = (self.clone(), ctx.clone());
        self.create_once(ctx, "approval_draft.submit", &json!({ "draft": id }), move |tx| {
            Box::pin(async move {
                let row = drafts::find_own(tx, id, viewer.id).await?.ok_or(NOT_FOUND)?;
                let version = expected.unwrap_or(row.version);
                if version != row.version {
                    return Err(ServiceError::VersionConflict { current: row.version });
                }
                let input = StartInput {
                    template_id: row.template_id,
                    form: parse(&row.form)?,
                    approvers: serde_json::from_str(&row.picked).unwrap_or_default(),
                };
                let request = services
                    .start_in(tx, &ctx2, viewer.id, &input, None, calendar)
                    .await?;
                drafts::delete_guarded(tx, id, viewer.id, version).await?;
                let change = Change::new("approval_draft.submit", "approval_draft", Some(id.to_string()))
                    .after(json!({ "request": request }));
                audit::record(tx, &ctx2, now, change).await?;
                detail::load(
                    tx,
                    request,
                    &Viewer {
                        id: viewer.id,
                        admin: viewer.admin,
                    },
                    now,
                )
                .await
            })
        })
        .await
    }
}

/// The current definition of a template the author may start; 422 on `templateId` otherwise.
async fn startable_definition(
    db: &impl ConnectionTrait,
    template_id: Uuid,
    author: Uuid,
) -> Result<Definition, ServiceError> {
    let template = templates::find(db, template_id)
        .await?
        .filter(|t| t.active)
        .ok_or_else(|| {
            ServiceError::invalid(
                "templateId",
                "审批模板不存在或已停用",
                "The template does not exist or is inactive",
            )
        })?;
    if !StarterProfile::load(db, author).await?.may_start(&template) {
        return Err(ServiceError::invalid(
            "templateId",
            "您不在此审批的发起范围内",
            "You may not start this approval",
        ));
    }
    let version = templates::version_number(db, template.id, template.current_version)
        .await?
        .ok_or_else(|| ServiceError::Internal("current template version missing".to_owned()))?;
    serde_json::from_str(&version.definition).map_err(|e| ServiceError::Internal(e.to_string()))
}

/// The draft's values checked field by field (named people, departments and files must exist),
/// nothing required yet.
async fn check_draft_form(
    db: &impl ConnectionTrait,
    schema: &FormSchema,
    values: &Value,
) -> Result<CheckedForm, ServiceError> {
    check_form(db, &schema.for_draft(), values).await
}

/// Links the uploads the draft names to it; each must be the author's own.
async fn attach(
    tx: &impl ConnectionTrait,
    row: &DraftRow,
    checked: &CheckedForm,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let mut by_field: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (key, file) in &checked.files {
        by_field.entry(key.as_str()).or_default().push(*file);
    }
    for (key, ids) in by_field {
        link_files(
            tx,
            row.author_id,
            &ids,
            FILE_MODULE,
            row.id,
            now,
            &format!("form.{key}"),
        )
        .await?;
    }
    Ok(())
}

async fn view(db: &impl ConnectionTrait, row: DraftRow) -> Result<DraftView, ServiceError> {
    let template_name = templates::find(db, row.template_id)
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    let form = parse(&row.form)?;
    let named = |id: &Uuid| form_names_file(&form, *id);
    // Files dropped from the form since stay linked (a link is harmless), but are not shown.
    let attachments = linked_files(db, FILE_MODULE, row.id)
        .await?
        .into_iter()
        .filter(|f| named(&f.id))
        .collect();
    Ok(DraftView {
        id: row.id,
        template_id: row.template_id,
        template_name,
        summary: row.summary,
        approvers: serde_json::from_str(&row.picked).unwrap_or_default(),
        form,
        attachments,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    })
}

fn form_names_file(form: &Value, id: Uuid) -> bool {
    let id = id.to_string();
    form.as_object().is_some_and(|values| {
        values
            .values()
            .filter_map(Value::as_array)
            .flatten()
            .any(|v| v.as_str() == Some(id.as_str()))
    })
}

fn parse(text: &str) -> Result<Value, ServiceError> {
    serde_json::from_str(text).map_err(|e| ServiceError::Internal(e.to_string()))
}

fn to_text<T: Serialize>(value: &T) -> Result<String, ServiceError> {
    serde_json::to_string(value).map_err(|e| ServiceError::Internal(e.to_string()))
}
