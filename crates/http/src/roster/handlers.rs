use actix_web::{HttpRequest, HttpResponse, get, post, web};
use xiaoban_services::Services;

use super::dto::RosterImportOut;
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::import::{ImportQuery, ImportUpload, read_file};

/// Checks or imports a roster (花名册). Needs `user.import`. Upload `multipart/form-data` with one
/// field `file`: `.xlsx` (first sheet) or UTF-8 `.csv` (BOM allowed), at most 5 MB (413), other
/// types 415. Header row first; columns by Chinese or English name: 部门编码 `departmentCode`,
/// 部门名称 `departmentName`, 上级部门编码 `parentCode`, 用户名 `username`, 姓名 `name`,
/// 工号/学号 `number`, 手机 `phone`, 身份证号 `idNumber`, 邮箱 `email`, 职务 `position`, 角色
/// `roleCode` (`username`, `name`, `departmentCode` required). A department may be named by its
/// name and a role by its Chinese name, as the UI shows them. Phones must be mainland mobile
/// numbers, ID numbers 18 characters with the right check digit. Each problem names its line, its
/// field and its Chinese column.
///
/// Each row creates a user (an existing username or number is an error) in its department;
/// missing departments are created from `departmentName` and `parentCode`, existing ones are
/// left unchanged. The role defaults to `staff`, is scoped to the user's department, and may not
/// be one of the three administrator roles. `dryRun=true` (the default) reports every problem of
/// every row and writes nothing. `dryRun=false` imports everything in one transaction, or, with
/// any problem, nothing: 422 with `errors` keyed `lines[<line>].<field>`. Each created user gets
/// a random initial password, returned only in this answer and to be changed at first sign-in.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.import"])), params(ImportQuery),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
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
    let dry_run = query.0.dry_run();
    let (bytes, format) = read_file(&req, payload).await?;
    let report = services.import_roster(&auth.0, &bytes, format, dry_run).await?;
    Ok(web::Json(report.into()))
}

/// The sample roster (花名册模板.xlsx): every column under its Chinese header and one example row.
/// Needs `user.import`, like the import.
#[utoipa::path(tag = "users", security(("bearerAuth" = ["user.import"])),
    responses((status = 200, description = "The sample workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = crate::files::FileBytes)))]
#[get("/roster/import/template.xlsx")]
pub async fn get_roster_template(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<HttpResponse, ApiError> {
    services.authorize_import(&auth.0).await?;
    let bytes = services.roster_template()?;
    Ok(crate::responses::xlsx("花名册模板.xlsx", bytes))
}
