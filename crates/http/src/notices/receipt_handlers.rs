//! `/notices/{id}/receipts`: who has read a notice, reminding those who have not, the export.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::notices::ReceiptQuery;

use super::notice_dto::{ReceiptOut, ReceiptQueryIn, ReceiptsOut, RemindOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::paging::ListParams;

/// The receipt list: by name only (the audience's order), nothing to sort by.
struct ReceiptKeys;

impl xiaoban_domain::paging::ListKeys for ReceiptKeys {
    fn sort_names(&self) -> Vec<&'static str> {
        Vec::new()
    }

    fn default_sort(&self) -> String {
        "name".to_owned()
    }
}

static RECEIPT_KEYS: &dyn xiaoban_domain::paging::ListKeys = &ReceiptKeys;

crate::listing!(ReceiptList, RECEIPT_KEYS);

/// Everyone the notice reaches, by name, with when they read it (`notice.manage`);
/// `read=false` lists those who have not.
#[utoipa::path(tag = "notices", params(("id" = Uuid, Path, description = "The notice's id"), ListParams<ReceiptList>, ReceiptQueryIn),
    security(("bearerAuth" = ["notice.manage"])),
    responses((status = 200, description = "One page of receipts with the counts", body = ReceiptsOut)))]
#[get("/notices/{id}/receipts")]
pub async fn list_notice_receipts(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
    paging: ValidatedQuery<ListParams<ReceiptList>>,
    query: ValidatedQuery<ReceiptQueryIn>,
) -> Result<web::Json<ReceiptsOut>, ApiError> {
    let request = paging.0.to_request()?;
    let query = ReceiptQuery { read: query.0.read };
    let view = services
        .notice_receipts(&auth.0, id.into_inner(), query, &request)
        .await?;
    Ok(web::Json(ReceiptsOut {
        items: view.page.items.into_iter().map(ReceiptOut::from).collect(),
        total: view.page.total,
        page: view.page.page,
        page_size: view.page.page_size,
        audience_count: view.audience,
        read_count: view.read,
    }))
}

/// Reminds everyone the published notice reaches who has not read it (`notice.manage`).
#[utoipa::path(tag = "notices", security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "How many were reminded", body = RemindOut)))]
#[post("/notices/{id}/receipts/remind")]
pub async fn remind_notice_readers(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<RemindOut>, ApiError> {
    let reminded = services.remind_notice_readers(&auth.0, id.into_inner()).await?;
    Ok(web::Json(RemindOut { reminded }))
}

/// The receipts as an Excel file (已读回执.xlsx), unread first (`notice.manage`). Audited.
#[utoipa::path(tag = "notices", security(("bearerAuth" = ["notice.manage"])),
    params(("id" = Uuid, Path, description = "The notice's id")),
    responses((status = 200, description = "The workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = crate::files::FileBytes)))]
#[get("/notices/{id}/receipts/export.xlsx")]
pub async fn export_notice_receipts(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let bytes = services.export_notice_receipts(&auth.0, id.into_inner()).await?;
    Ok(crate::responses::xlsx("已读回执.xlsx", bytes))
}
