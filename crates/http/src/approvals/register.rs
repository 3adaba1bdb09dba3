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
use crate::paging::{ListParams, PageOut};

const SORTABLE: &[&str] = &["submittedAt", "number", "finishedAt"];

/// Paging, keyword and the register's filters in one query string (the export ignores the
/// paging).
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct RegisterParams {
    /// Page number, from 1 to 10,000,000. Default 1.
    #[param(minimum = 1, maximum = 10_000_000)]
    page: Option<u64>,
    /// Items per page, 1 to 100. Default 20.
    #[param(minimum = 1, maximum = 100)]
    page_size: Option<u64>,
    /// `submittedAt` (default, descending), `number`, `finishedAt`; `-` before a field sorts
    /// descending.
    sort: Option<String>,
    /// Searches number, title and summary.
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
    fn split(self) -> (ListParams, RegisterQuery) {
        let list = ListParams {
            page: self.page,
            page_size: self.page_size,
            sort: self.sort,
            q: self.q.clone(),
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
#[utoipa::path(tag = "approvals", params(RegisterParams), security(("bearerAuth" = [])),
    responses((status = 200, description = "One page", body = PageOut<RegisterItemOut>)))]
#[get("/approvals")]
pub async fn list_approvals(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<RegisterParams>,
) -> Result<web::Json<PageOut<RegisterItemOut>>, ApiError> {
    let (list, query) = params.0.split();
    let request = list.to_request(SORTABLE)?;
    let page = services.approval_register(&auth.0, query, &request).await?;
    Ok(web::Json(PageOut::from_page(page, RegisterItemOut::from)))
}

/// The register as an Excel file (审批台账.xlsx) with the list's `q` and filters, newest first,
/// at most 20,000 rows (more is a 422: narrow the filters). The export is audited.
#[utoipa::path(tag = "approvals", params(RegisterParams),
    security(("bearerAuth" = [])),
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
    let day = services
        .now()
        .with_timezone(&services.settings().timezone)
        .format("%Y%m%d");
    Ok(crate::responses::xlsx(&format!("审批台账-{day}.xlsx"), bytes))
}
