use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use uuid::Uuid;
use xiaoban_services::Services;

use super::download;
use super::dto::{FileBytes, FileOut, FileUpload};
use crate::errors::ApiError;
use crate::extract::Auth;
use crate::multipart::read_form;

/// Uploads a file (附件) to attach to records later. Any signed-in user may upload (API keys
/// may not: 403); the file belongs to the uploader. Send `multipart/form-data` with one part
/// `file` whose `filename` carries the name. The type is judged by the bytes, not by the
/// declared type: PDF, PNG, JPEG, GIF, WebP, docx/xlsx/pptx, doc/xls/ppt, OFD, UTF-8 txt/csv,
/// and the extension must agree (a PNG named `.pdf` is 415 `unsupported_file_type`). At most
/// `max_upload_mb` (default 20 MB): larger is 413 `payload_too_large` and nothing is kept.
#[utoipa::path(tag = "files", security(("bearerAuth" = [])),
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored; `Location` names it", body = FileOut),
        (status = 413, description = "Larger than the configured limit (`payload_too_large`)"),
        (status = 415, description = "Not multipart (`unsupported_media_type`), or a type not accepted or an extension that disagrees with the content (`unsupported_file_type`)"),
        (status = 422, description = "No `file` part, an empty file or no file name"),
    ),
)]
#[post("/files")]
pub async fn upload_file(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let max_bytes = services.settings().max_upload_bytes;
    let upload = read_form(&req, payload, max_bytes).await?.file;
    let view = services.upload_file(&auth.0, &upload.name, &upload.bytes).await?;
    let location = format!("{}/files/{}", crate::API_PREFIX, view.id);
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, location))
        .json(FileOut::from(view)))
}

/// A file's metadata. Readable by its uploader and by whoever may read a record it is attached
/// to; anyone else gets 404.
#[utoipa::path(tag = "files", security(("bearerAuth" = [])),
    params(("id" = Uuid, Path, description = "The file's id")),
    responses((status = 200, description = "The file's metadata", body = FileOut)))]
#[get("/files/{id}")]
pub async fn get_file(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<FileOut>, ApiError> {
    let view = services.file_meta(&auth.0, id.into_inner()).await?;
    Ok(web::Json(view.into()))
}

/// The file's bytes, as an attachment: `Content-Type` as stored, `Content-Length`,
/// `Content-Disposition: attachment; filename="…"; filename*=UTF-8''…` (the real name, UTF-8),
/// `X-Content-Type-Options: nosniff` and `ETag` = the SHA-256 (`If-None-Match` gives 304;
/// `Range` is supported). Same access as the metadata.
#[utoipa::path(tag = "files", security(("bearerAuth" = [])),
    params(("id" = Uuid, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The bytes", content_type = "*/*", body = FileBytes),
        (status = 304, description = "Not modified (`If-None-Match` matched)"),
    ))]
#[get("/files/{id}/content")]
pub async fn get_file_content(
    req: HttpRequest,
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (view, path) = services.file_content(&auth.0, id.into_inner()).await?;
    download::respond(&req, &view, path).await
}
