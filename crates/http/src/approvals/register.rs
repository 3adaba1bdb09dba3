//! The approvals register (审批台账) and its Excel export, with the same filters.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_services::Services;
use xiaoban_services::approvals::{RegisterItem, RegisterQuery};

use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};
use crate::paging::{KeywordParam, ListParams, PageOut};

crate::listing!(RegisterList, xiaoban_services::approvals::REGISTER_LIST);

/// Paging, keyword and the register's filters in one query string, so an unknown parameter is
/// refused (the export ignores the paging). The paging and keyword are documented by
/// [`ListParams`] from the register's spec.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct RegisterParams {
    #[param(ignore)]
    page: Option<u64>,
    #[param(ignore)]
    page_size: Option<u64>,
    #[param(ignore)]
    sort: Option<String>,
    #[param(ignore)]
    q: Option<String>,
    template_id: Option<Uuid>,
    #[param(inline)]
    status: Option<InstanceStatus>,
    /// The filing department, with its sub-departments.
    department_id: Option<Uuid>,
    applicant_id: Option<Uuid>,
    /// First day of submission (school calendar day).
    submitted_from: Option<NaiveDate>,
    /// Last day of submission, inclusive.
    submitted_to: Option<NaiveDate>,
    /// Only requests with an open task past its deadline.
    overdue: Option<bool>,
}

impl RegisterParams {
    fn split(self) -> (ListParams<RegisterList>, RegisterQuery) {
        let list = ListParams {
            page: self.page,
            page_size: self.page_size,
            sort: self.sort,
            q: self.q.clone(),
            list: std::marker::PhantomData,
        };
        let query = RegisterQuery {
            q: self.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()),
            template_id: self.template_id,
            status: self.status,
            department_id: self.department_id,
            applicant_id: self.applicant_id,
            submitted_from: self.submitted_from,
            submitted_to: self.submitted_to,
            overdue: self.overdue.unwrap_or(false),
        };
        (list, query)
    }
}

/// One line of the register.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegisterItemOut {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub template_name: String,
    pub applicant_name: String,
    /// The department the request was filed in.
    pub department_name: Option<String>,
    pub status: InstanceStatus,
    /// The status in words: 审批中, 已通过, ….
    pub status_label: String,
    pub current_step_name: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// An open task is past its deadline.
    pub overdue: bool,
}

impl From<RegisterItem> for RegisterItemOut {
    fn from(item: RegisterItem) -> Self {
        Self {
            status_label: xiaoban_services::approvals::status_label(item.status).to_owned(),
            id: item.id,
            number: item.number,
            title: item.title,
            template_name: item.template_name,
            applicant_name: item.applicant_name,
            department_name: item.department_name,
            status: item.status,
            current_step_name: item.current_step_name,
            submitted_at: item.submitted_at,
            finished_at: item.finished_at,
            overdue: item.overdue,
        }
    }
}

/// The approvals register: every request the caller may open — with `approval.admin`, all
/// requests filed in its reach; otherwise those the caller started or took part in. `q`
/// searches number, title and summary. Sortable: `submittedAt` (default, newest first),
/// `number`, `finishedAt`.
#[utoipa::path(tag = "approvals", params(ListParams<RegisterList>, RegisterParams), security(("bearerAuth" = ["approval.use"])),
    responses((status = 200, description = "One page", body = PageOut<RegisterItemOut>)))]
#[get("/approvals")]
pub async fn list_approvals(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<RegisterParams>,
) -> Result<web::Json<PageOut<RegisterItemOut>>, ApiError> {
    let (list, query) = params.0.split();
    let request = list.to_request()?;
    let page = services.approval_register(&auth.0, query, &request).await?;
    Ok(web::Json(PageOut::from_page(page, RegisterItemOut::from)))
}

/// The register as an Excel file (审批台账.xlsx) with the list's `q` and filters, newest first,
/// at most 20,000 rows (more is a 422: narrow the filters). The export is audited.
#[utoipa::path(tag = "approvals", params(KeywordParam, RegisterParams),
    security(("bearerAuth" = ["approval.use"])),
    responses((status = 200, description = "The workbook",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = crate::files::FileBytes)))]
#[get("/approvals/export.xlsx")]
pub async fn export_approvals(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<RegisterParams>,
) -> Result<HttpResponse, ApiError> {
    let (_, query) = params.0.split();
    let bytes = services.export_approval_register(&auth.0, query).await?;
    Ok(crate::responses::xlsx(
        &crate::responses::dated_name(&services, "审批台账"),
        bytes,
    ))
}
