//! `POST /guides/import`: guides and manuals from a spreadsheet, as drafts; and its sample file.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xiaoban_domain::notices::permissions::GUIDE_MANAGE;
use xiaoban_services::Services;
use xiaoban_services::notices::GuideImportReport;

use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::import::{ImportIssueOut, ImportQuery, ImportUpload, read_file};

/// The outcome of a check or an import of guides.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GuideImportOut {
    /// Whether this was only a check.
    pub dry_run: bool,
    /// Data rows read (blank rows skipped).
    pub rows: usize,
    /// Drafts the rows without problems create.
    pub to_create: usize,
    /// Every problem of every row (empty after a real import).
    pub errors: Vec<ImportIssueOut>,
    /// The drafts created (real import only).
    pub created: Vec<Uuid>,
}

impl From<GuideImportReport> for GuideImportOut {
    fn from(r: GuideImportReport) -> Self {
        Self {
            dry_run: r.dry_run,
            rows: r.rows,
            to_create: r.to_create,
            errors: r.errors.into_iter().map(Into::into).collect(),
            created: r.created,
        }
    }
}

/// Checks or imports guides and manuals (`guide.manage`); each row becomes a draft to review
/// and publish. Upload `multipart/form-data` with one field `file`: `.xlsx` (first sheet) or
/// UTF-8 `.csv`, at most 5 MB (413), other types 415. Columns by Chinese or English name:
/// 类型 `kind` (办事指南 / 操作手册; default 办事指南), 分类 `category`, 标题 `title` (both
/// required), 正文 `body`, 是否公开 `isPublic` (是 / 否, default 否), 负责人账号 `owner` (an
/// active account; default the caller). A title already used by a guide of the same kind, or
/// twice in the file, is a problem of its row. `dryRun=true` (the default) reports every problem
/// and writes nothing; `dryRun=false` writes every row in one transaction or, with any problem,
/// nothing (422, `errors` keyed `lines[<line>].<field>`).
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.manage"])), params(ImportQuery),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The check's report, or the drafts created", body = GuideImportOut),
        (status = 413, description = "The file is larger than 5 MB"),
        (status = 415, description = "Not multipart, or the file is neither .xlsx nor .csv"),
        (status = 422, description = "An unreadable file, or (real import) problems in rows"),
    ),
)]
#[post("/guides/import")]
pub async fn import_guides(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<ImportQuery>,
    payload: web::Payload,
) -> Result<web::Json<GuideImportOut>, ApiError> {
    services.authorize(&auth.0, GUIDE_MANAGE).await?;
    let (bytes, format) = read_file(&req, payload).await?;
    let report = services
        .import_guides(&auth.0, &bytes, format, query.0.dry_run())
        .await?;
    Ok(web::Json(report.into()))
}

/// The sample file (办事指南导入模板.xlsx): every column under its Chinese header and two rows
/// that pass. Needs `guide.manage`, like the import.
#[utoipa::path(tag = "guides", security(("bearerAuth" = ["guide.manage"])),
    responses((status = 200, description = "The sample workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = crate::files::FileBytes)))]
#[get("/guides/import/template.xlsx")]
pub async fn get_guides_import_template(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    services.authorize(&auth.0, GUIDE_MANAGE).await?;
    let bytes = services.guides_import_template()?;
    Ok(crate::responses::xlsx("办事指南导入模板.xlsx", bytes))
}
