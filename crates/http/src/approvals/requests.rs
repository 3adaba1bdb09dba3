use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::paging::ListKeys;
use xiaoban_services::Services;
use xiaoban_services::approvals::{
    DECIDED_TASK_LIST, InboxBox, InboxQuery, OPEN_TASK_LIST, STARTED_LIST, StartInput,
};

use super::dto::{ApprovalOut, BoxDto, InboxCountsOut, InboxItemOut, InboxQueryIn, StartIn};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson, ValidatedQuery, etag};
use crate::paging::{ListParams, Listing, PageOut, sort_doc};

/// The inbox: its sort names depend on `box`.
pub enum InboxList {}

impl Listing for InboxList {
    fn keys() -> &'static dyn ListKeys {
        OPEN_TASK_LIST
    }

    fn sort_doc() -> String {
        format!(
            "Tasks (`pending`, `done`, `cc`): {} `started`: {}",
            sort_doc(OPEN_TASK_LIST),
            sort_doc(STARTED_LIST)
        )
    }
}

fn inbox_keys(which: InboxBox) -> &'static dyn ListKeys {
    match which {
        InboxBox::Started => STARTED_LIST,
        InboxBox::Pending => OPEN_TASK_LIST,
        InboxBox::Done | InboxBox::Cc => DECIDED_TASK_LIST,
    }
}
use crate::responses::created;

/// Starts a request (needs `approval.use` and the template's starter rule). The form is checked
/// against the template's current version: problems are 422 on `form.<key>`. Send an
/// `Idempotency-Key` to make retries safe.
#[utoipa::path(tag = "approvals", request_body = StartIn, security(("bearerAuth" = ["approval.use"])), responses(
    (status = 201, description = "Started; `Location` names it", body = ApprovalOut),
))]
#[post("/approvals")]
pub async fn start_approval(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<StartIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = StartInput {
        template_id: body.template_id,
        form: body.form,
        approvers: body.approvers,
    };
    let outcome = services
        .start_approval(&auth.0, input)
        .await?
        .map(ApprovalOut::from);
    let location = format!("{}/approvals/{}", crate::API_PREFIX, outcome.get().id);
    Ok(created(location, outcome))
}

/// A request with its steps, tasks, timeline and the caller's possible `actions`. Visible to
/// the applicant, everyone with a task or copy, and holders of `approval.admin` in scope;
/// otherwise 404.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses((status = 200, description = "The request", body = ApprovalOut)))]
#[get("/approvals/{id}")]
pub async fn get_approval(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let detail = services.get_approval(&auth.0, id.into_inner()).await?;
    let out = ApprovalOut::from(detail);
    Ok(HttpResponse::Ok().insert_header(etag(out.version)).json(out))
}

/// A request's 流转记录 alone, oldest first: the lines of the request's `timeline`, for clients
/// that show or refresh only the timeline. Visible to whoever may see the request; otherwise 404.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses((status = 200, description = "The timeline", body = Vec<super::dto::ApprovalTimelineEvent>)))]
#[get("/approvals/{id}/timeline")]
pub async fn get_approval_timeline(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<super::dto::ApprovalTimelineEvent>>, ApiError> {
    let events = services.approval_timeline(&auth.0, id.into_inner()).await?;
    Ok(web::Json(
        events
            .into_iter()
            .map(super::dto::ApprovalTimelineEvent::from)
            .collect(),
    ))
}

/// The caller's lists: `pending` 待办 (tasks to decide), `done` 已办 (tasks decided),
/// `started` 我发起的 (requests), `cc` 抄送我的 (copies). `q` searches number, title and summary.
/// Sortable: `createdAt`, `dueAt`, `decidedAt` (tasks), `createdAt`, `number` (started).
#[utoipa::path(tag = "approvals", params(ListParams<InboxList>, InboxQueryIn), security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "One page", body = PageOut<InboxItemOut>),
))]
#[get("/approval-tasks")]
pub async fn list_approval_tasks(
    services: web::Data<Services>,
    auth: Auth,
    params: ValidatedQuery<ListParams<InboxList>>,
    query: ValidatedQuery<InboxQueryIn>,
) -> Result<web::Json<PageOut<InboxItemOut>>, ApiError> {
    let query = query.0;
    let which = match one_of::<BoxDto>("box", &query.r#box)? {
        BoxDto::Pending => InboxBox::Pending,
        BoxDto::Done => InboxBox::Done,
        BoxDto::Started => InboxBox::Started,
        BoxDto::Cc => InboxBox::Cc,
    };
    let status = query
        .status
        .as_deref()
        .map(|status| one_of::<InstanceStatus>("status", status))
        .transpose()?;
    let request = params.0.to_request_with(inbox_keys(which))?;
    let filter = InboxQuery {
        q: request.keyword.clone(),
        template_id: query.template_id,
        status,
    };
    let page = services.approval_inbox(&auth.0, which, filter, &request).await?;
    let items: Vec<InboxItemOut> = page.items.into_iter().map(Into::into).collect();
    Ok(web::Json(PageOut {
        items,
        total: page.total,
        page: page.page,
        page_size: page.page_size,
    }))
}

/// How many items each list holds: pending, done, started (still open), unread copies.
#[utoipa::path(tag = "approvals", security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "The counts", body = InboxCountsOut),
))]
#[get("/approval-tasks/counts")]
pub async fn get_approval_counts(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<InboxCountsOut>, ApiError> {
    Ok(web::Json(services.approval_counts(&auth.0).await?.into()))
}

/// A query value that must be one of an enum's names: anything else is 422 on `name`, listing
/// the accepted values.
fn one_of<T: serde::de::DeserializeOwned>(name: &str, value: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|_| {
        ApiError::new(crate::errors::ErrorCode::ValidationFailed)
            .with_detail(
                format!("查询参数 {name} 无效"),
                format!("Query parameter {name} is invalid"),
            )
            .with_field(
                name,
                crate::errors::Text::new(
                    format!("不认识的取值“{value}”"),
                    format!("unknown value `{value}`"),
                ),
            )
    })
}
