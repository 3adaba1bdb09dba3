//! The inbox lists: a person's tasks by state, and the requests they started.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::{InstanceRow, TaskRow};
use crate::PersistenceError;
use crate::entities::approval_instance as instance;
use crate::entities::approval_task as task;
use crate::paging::{ListSpec, fetch_page};

/// Narrows a list by the request's template, status and a search over number, title and summary.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub q: Option<String>,
    pub template_id: Option<Uuid>,
    pub status: Option<InstanceStatus>,
}

impl InboxFilter {
    fn instance_condition(&self) -> Condition {
        let mut cond = Condition::all();
        if let Some(any) = STARTED.keyword(self.q.as_deref()) {
            cond = cond.add(any);
        }
        if let Some(template) = self.template_id {
            cond = cond.add(instance::Column::TemplateId.eq(template));
        }
        if let Some(status) = self.status {
            cond = cond.add(instance::Column::Status.eq(status));
        }
        cond
    }

    fn is_empty(&self) -> bool {
        self.q.as_deref().is_none_or(|q| q.trim().is_empty())
            && self.template_id.is_none()
            && self.status.is_none()
    }
}

/// Which of a person's tasks a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerRequest {
    /// Every task (待办: each open task is something to do).
    Every,
    /// Only the latest decided one of each request (已办 lists a request once, however often
    /// the person decided it across rounds, transfers and returns).
    Latest,
}

fn tasks_select(
    assignee: Uuid,
    statuses: &[TaskStatus],
    filter: &InboxFilter,
    per_request: PerRequest,
) -> sea_orm::Select<task::Entity> {
    let mut select = task::Entity::find()
        .filter(task::Column::AssigneeId.eq(assignee))
        .filter(task::Column::Status.is_in(statuses.iter().copied()));
    if per_request == PerRequest::Latest {
        select = select.filter(no_later_task(assignee, statuses));
    }
    if !filter.is_empty() {
        let ids = Query::select()
            .column(instance::Column::Id)
            .from(instance::Entity)
            .cond_where(filter.instance_condition())
            .to_owned();
        select = select.filter(Expr::col(task::Column::InstanceId).in_subquery(ids));
    }
    select
}

/// No task of the same person and request in the same states was decided later (ties: a
/// greater id), i.e. this is the latest.
fn no_later_task(assignee: Uuid, statuses: &[TaskStatus]) -> Condition {
    let later = Alias::new("later_task");
    let this = |column: task::Column| Expr::col((task::Entity, column));
    let other = |column: task::Column| Expr::col((later.clone(), column));
    let subquery = Query::select()
        .expr(Expr::val(1))
        .from_as(task::Entity, later.clone())
        .and_where(other(task::Column::InstanceId).equals((task::Entity, task::Column::InstanceId)))
        .and_where(other(task::Column::AssigneeId).eq(assignee))
        .and_where(other(task::Column::Status).is_in(statuses.iter().copied()))
        .cond_where(
            Condition::any()
                .add(other(task::Column::DecidedAt).gt(this(task::Column::DecidedAt)))
                .add(
                    Condition::all()
                        .add(other(task::Column::DecidedAt).eq(this(task::Column::DecidedAt)))
                        .add(other(task::Column::Id).gt(this(task::Column::Id))),
                ),
        )
        .to_owned();
    Condition::all().add(Expr::exists(subquery).not())
}

const TASK_SORT: &[(&str, task::Column)] = &[
    ("createdAt", task::Column::CreatedAt),
    ("dueAt", task::Column::DueAt),
    ("decidedAt", task::Column::DecidedAt),
];

/// Open tasks (待办), newest first unless sorted otherwise; `q` searches their requests.
pub static OPEN_TASKS: ListSpec<task::Column> = ListSpec {
    sort: TASK_SORT,
    keyword: &[],
    default_sort: &[(task::Column::CreatedAt, Direction::Desc)],
    tiebreak: task::Column::Id,
};

/// Decided tasks (已办), latest decision first unless sorted otherwise.
pub static DECIDED_TASKS: ListSpec<task::Column> = ListSpec {
    sort: TASK_SORT,
    keyword: &[],
    default_sort: &[
        (task::Column::DecidedAt, Direction::Desc),
        (task::Column::CreatedAt, Direction::Desc),
    ],
    tiebreak: task::Column::Id,
};

/// The requests a person started (我发起的), newest first unless sorted otherwise.
pub static STARTED: ListSpec<instance::Column> = ListSpec {
    sort: &[
        ("createdAt", instance::Column::SubmittedAt),
        ("number", instance::Column::Number),
    ],
    keyword: super::oversight::INSTANCE_KEYWORD,
    default_sort: &[(instance::Column::SubmittedAt, Direction::Desc)],
    tiebreak: instance::Column::Id,
};

/// One page of the person's tasks in the given states; newest first unless sorted otherwise.
pub async fn tasks_page(
    db: &impl ConnectionTrait,
    assignee: Uuid,
    statuses: &[TaskStatus],
    per_request: PerRequest,
    filter: &InboxFilter,
    request: &PageRequest,
) -> Result<Page<TaskRow>, PersistenceError> {
    let spec = if statuses.contains(&TaskStatus::Pending) {
        &OPEN_TASKS
    } else {
        &DECIDED_TASKS
    };
    fetch_page(
        db,
        tasks_select(assignee, statuses, filter, per_request),
        request,
        spec,
    )
    .await
}

pub async fn count_tasks(
    db: &impl ConnectionTrait,
    assignee: Uuid,
    statuses: &[TaskStatus],
    per_request: PerRequest,
) -> Result<u64, PersistenceError> {
    Ok(
        tasks_select(assignee, statuses, &InboxFilter::default(), per_request)
            .count(db)
            .await?,
    )
}

/// One page of the requests the person started; newest first unless sorted otherwise.
pub async fn started_page(
    db: &impl ConnectionTrait,
    applicant: Uuid,
    filter: &InboxFilter,
    request: &PageRequest,
) -> Result<Page<InstanceRow>, PersistenceError> {
    let select = instance::Entity::find()
        .filter(instance::Column::ApplicantId.eq(applicant))
        .filter(filter.instance_condition());
    fetch_page(db, select, request, &STARTED).await
}

pub async fn count_started(
    db: &impl ConnectionTrait,
    applicant: Uuid,
    statuses: &[InstanceStatus],
) -> Result<u64, PersistenceError> {
    Ok(instance::Entity::find()
        .filter(instance::Column::ApplicantId.eq(applicant))
        .filter(instance::Column::Status.is_in(statuses.iter().copied()))
        .count(db)
        .await?)
}
