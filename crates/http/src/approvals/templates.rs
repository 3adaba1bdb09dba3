use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::approvals::{TemplateInput, TemplatePatch};

use super::dto::{TemplateIn, TemplateOut, TemplatePatchIn, TemplateStatsOut, TemplatesQuery};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag, expected_version};
use crate::responses::created;

/// Approval templates. By default the active ones the caller may start (needs `approval.use`);
/// with `manage=true` all of them (needs `approval.template.manage`).
#[utoipa::path(tag = "approvals", params(TemplatesQuery), security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "Templates by category and code", body = Vec<TemplateOut>),
))]
#[get("/approval-templates")]
pub async fn list_approval_templates(
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<TemplatesQuery>,
) -> Result<web::Json<Vec<TemplateOut>>, ApiError> {
    let list = services
        .list_approval_templates(&auth.0, query.0.manage.unwrap_or(false))
        .await?;
    Ok(web::Json(list.into_iter().map(Into::into).collect()))
}

/// Creates a template with its first version. Needs `approval.template.manage`. The form,
/// steps, conditions and named people, roles and departments are checked; problems are 422
/// naming the path, e.g. `definition.steps[1].condition`. A taken code is 409.
#[utoipa::path(tag = "approvals", request_body = TemplateIn, security(("bearerAuth" = ["approval.template.manage"])), responses(
    (status = 201, description = "Created; `Location` names it", body = TemplateOut),
    (status = 409, description = "The code is taken"),
))]
#[post("/approval-templates")]
pub async fn create_approval_template(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<TemplateIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let (definition, reading_issues) = body.definition.into_domain();
    let input = TemplateInput {
        code: body.code,
        name: body.name,
        category: body.category,
        icon: body.icon,
        description: body.description,
        starters: body.starters.into(),
        definition,
        reading_issues,
    };
    let outcome = services
        .create_approval_template(&auth.0, input)
        .await?
        .map(TemplateOut::from);
    let location = format!("{}/approval-templates/{}", crate::API_PREFIX, outcome.get().id);
    Ok(created(location, outcome))
}

/// One template with its current definition and `ETag`. Needs `approval.use`.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The template's id")),
    responses((status = 200, description = "The template", body = TemplateOut)))]
#[get("/approval-templates/{id}")]
pub async fn get_approval_template(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let template = services.get_approval_template(&auth.0, id.into_inner()).await?;
    let out = TemplateOut::from(template);
    Ok(HttpResponse::Ok().insert_header(etag(out.version)).json(out))
}

/// Edits a template (needs `approval.template.manage` and `version` or `If-Match`). A new
/// `definition` publishes the next version; requests already running keep the version they
/// started with. `active: false` stops new requests.
#[utoipa::path(tag = "approvals", request_body = TemplatePatchIn, security(("bearerAuth" = ["approval.template.manage"])),
    params(("id" = Uuid, Path, description = "The template's id")),
    responses(
        (status = 200, description = "The template as it now is", body = TemplateOut),
        (status = 409, description = "Stale version"),
    ))]
#[patch("/approval-templates/{id}")]
pub async fn patch_approval_template(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    body: ValidatedJson<TemplatePatchIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let version = expected_version(&req, body.version)?;
    let (definition, reading_issues) = match body.definition.map(|d| d.into_domain()) {
        Some((definition, issues)) => (Some(definition), issues),
        None => (None, Vec::new()),
    };
    let patch = TemplatePatch {
        name: body.name,
        category: body.category,
        icon: body.icon,
        description: body.description,
        starters: body.starters.map(Into::into),
        active: body.active,
        definition,
        reading_issues,
    };
    let template = services
        .update_approval_template(&auth.0, id.into_inner(), version, patch)
        .await?;
    let out = TemplateOut::from(template);
    Ok(HttpResponse::Ok().insert_header(etag(out.version)).json(out))
}

/// Figures of a template: steps, requests by outcome, cycle time median and p90 (hours),
/// on-time rate of decisions, rejection and return rates. Needs `approval.template.manage`.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.template.manage"])),
    params(("id" = Uuid, Path, description = "The template's id")),
    responses((status = 200, description = "The figures", body = TemplateStatsOut)))]
#[get("/approval-templates/{id}/stats")]
pub async fn get_approval_template_stats(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<TemplateStatsOut>, ApiError> {
    let stats = services.approval_template_stats(&auth.0, id.into_inner()).await?;
    Ok(web::Json(stats.into()))
}
