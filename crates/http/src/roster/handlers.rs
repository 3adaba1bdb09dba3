use actix_web::{HttpRequest, post, web};
use xiaoban_services::Services;

use super::dto::{ImportQuery, RosterImportOut, RosterUpload};
use super::upload::read_file;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};

/// Checks or imports a roster (花名册). Needs `user.import`. Upload `multipart/form-data` with one
/// field `file`: `.xlsx` (first sheet) or UTF-8 `.csv` (BOM allowed), at most 5 MB (413), other
/// types 415. Header row first; columns by Chinese or English name: 部门编码 `departmentCode`,
/// 部门名称 `departmentName`, 上级部门编码 `parentCode`, 用户名 `username`, 姓名 `name`,
/// 工号/学号 `number`, 手机 `phone`, 邮箱 `email`, 职务 `position`, 角色 `roleCode`
/// (`username`, `name`, `departmentCode` required).
///
/// Each row creates a user (an existing username or number is an error) in its department;
/// missing departments are created from `departmentName` and `parentCode`, existing ones are
/// left unchanged. The role defaults to `staff`, is scoped to the user's department, and may not
/// be one of the three administrator roles. `dryRun=true` (the default) reports every problem of
/// every row and writes nothing. `dryRun=false` imports everything in one transaction, or, with
/// any problem, nothing: 422 with `errors` keyed `lines[<line>].<field>`. Each created user gets
/// a random initial password, returned only in this answer and to be changed at first sign-in.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.import"])), params(ImportQuery),
    request_body(content = RosterUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The check's report, or the import's outcome with initial passwords", body = RosterImportOut),
        (status = 413, description = "The file is larger than 5 MB"),
        (status = 415, description = "Not multipart, or the file is neither .xlsx nor .csv"),
        (status = 422, description = "An unreadable file, or (real import) problems in rows"),
    ),
)]
#[post("/roster/import")]
pub async fn import_roster(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<ImportQuery>,
    payload: web::Payload,
) -> Result<web::Json<RosterImportOut>, ApiError> {
    let dry_run = query.0.dry_run.unwrap_or(true);
    let (bytes, format) = read_file(&req, payload).await?;
    let report = services.import_roster(&auth.0, &bytes, format, dry_run).await?;
    Ok(web::Json(report.into()))
}
