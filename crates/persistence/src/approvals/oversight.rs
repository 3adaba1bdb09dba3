//! Every request a person may see, with the administrators' filters: the list behind the
//! approvals register and its Excel export.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Select,
};
use uuid::Uuid;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::paging::{Direction, Page, PageRequest};

use super::InstanceRow;
use crate::PersistenceError;
use crate::entities::approval_instance as instance;
use crate::entities::approval_task as task;
use crate::paging::{Batches, ListSpec, fetch_page};

/// Which requests the caller may see at all; the filters narrow within it.
#[derive(Debug, Clone)]
pub enum Visibility {
    /// `approval.admin` over the whole school.
    Everything,
    /// The requests the person started or holds (held) a task or copy of, plus those filed in
    /// `departments` (an administrator's reach, already expanded to subtrees).
    Person { id: Uuid, departments: Vec<Uuid> },
}

/// The register's filters; every one is optional.
#[derive(Debug, Clone, Default)]
pub struct OversightFilter {
    pub q: Option<String>,
    pub template_id: Option<Uuid>,
    pub status: Option<InstanceStatus>,
    /// The filing department and its sub-departments.
    pub departments: Option<Vec<Uuid>>,
    pub applicant_id: Option<Uuid>,
    pub submitted_from: Option<DateTime<Utc>>,
    pub submitted_before: Option<DateTime<Utc>>,
    /// Only requests with an open task past its deadline at this instant.
    pub overdue_at: Option<DateTime<Utc>>,
}

/// The register: newest first unless sorted otherwise; `q` searches number, title and summary.
pub static SPEC: ListSpec<instance::Column> = ListSpec {
    sort: &[
        ("submittedAt", instance::Column::SubmittedAt),
        ("number", instance::Column::Number),
        ("finishedAt", instance::Column::FinishedAt),
    ],
    keyword: INSTANCE_KEYWORD,
    default_sort: &[(instance::Column::SubmittedAt, Direction::Desc)],
    tiebreak: instance::Column::Id,
};

/// What every list of requests searches.
pub(super) const INSTANCE_KEYWORD: &[instance::Column] = &[
    instance::Column::Number,
    instance::Column::Title,
    instance::Column::Summary,
];

fn select(visibility: &Visibility, filter: &OversightFilter) -> Select<instance::Entity> {
    let mut cond = Condition::all();
    if let Visibility::Person { id, departments } = visibility {
        let took_part = Query::select()
            .column(task::Column::InstanceId)
            .from(task::Entity)
            .cond_where(
                Condition::any()
                    .add(task::Column::AssigneeId.eq(*id))
                    .add(task::Column::DelegatedFrom.eq(*id)),
            )
            .to_owned();
        let mut mine = Condition::any()
            .add(instance::Column::ApplicantId.eq(*id))
            .add(Expr::col(instance::Column::Id).in_subquery(took_part));
        if !departments.is_empty() {
            mine = mine.add(instance::Column::DepartmentId.is_in(departments.iter().copied()));
        }
        cond = cond.add(mine);
    }
    if let Some(any) = SPEC.keyword(filter.q.as_deref()) {
        cond = cond.add(any);
    }
    if let Some(template) = filter.template_id {
        cond = cond.add(instance::Column::TemplateId.eq(template));
    }
    if let Some(status) = filter.status {
        cond = cond.add(instance::Column::Status.eq(status));
    }
    if let Some(departments) = &filter.departments {
        cond = cond.add(instance::Column::DepartmentId.is_in(departments.iter().copied()));
    }
    if let Some(applicant) = filter.applicant_id {
        cond = cond.add(instance::Column::ApplicantId.eq(applicant));
    }
    if let Some(from) = filter.submitted_from {
        cond = cond.add(instance::Column::SubmittedAt.gte(from));
    }
    if let Some(before) = filter.submitted_before {
        cond = cond.add(instance::Column::SubmittedAt.lt(before));
    }
    if let Some(now) = filter.overdue_at {
        let late = Query::select()
            .column(task::Column::InstanceId)
            .from(task::Entity)
            .cond_where(late(now))
            .to_owned();
        cond = cond.add(Expr::col(instance::Column::Id).in_subquery(late));
    }
    instance::Entity::find().filter(cond)
}

/// An open task past its deadline at `now` (or already marked overdue by the clock).
fn late(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(task::Column::Status.is_in(super::tasks::OPEN))
        .add(
            Condition::any()
                .add(task::Column::OverdueAt.is_not_null())
                .add(task::Column::DueAt.lte(now)),
        )
}

/// One page of the register, newest first unless sorted otherwise.
pub async fn page(
    db: &impl ConnectionTrait,
    visibility: &Visibility,
    filter: &OversightFilter,
    request: &PageRequest,
) -> Result<Page<InstanceRow>, PersistenceError> {
    fetch_page(db, select(visibility, filter), request, &SPEC).await
}

/// Every matching request for an export, newest first, `size` at a time.
pub fn batches(visibility: &Visibility, filter: &OversightFilter, size: u64) -> Batches<instance::Entity> {
    Batches::new(select(visibility, filter), &SPEC, size)
}

/// How many requests match.
pub async fn count(
    db: &impl ConnectionTrait,
    visibility: &Visibility,
    filter: &OversightFilter,
) -> Result<u64, PersistenceError> {
    Ok(select(visibility, filter).count(db).await?)
}

/// Of `instances`, those with an open task past its deadline at `now`.
pub async fn overdue_among(
    db: &impl ConnectionTrait,
    instances: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, PersistenceError> {
    if instances.is_empty() {
        return Ok(Vec::new());
    }
    Ok(task::Entity::find()
        .select_only()
        .column(task::Column::InstanceId)
        .distinct()
        .filter(task::Column::InstanceId.is_in(instances.iter().copied()))
        .filter(late(now))
        .into_tuple()
        .all(db)
        .await?)
}
