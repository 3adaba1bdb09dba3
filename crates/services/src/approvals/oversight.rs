//! The approvals register (审批台账): every request the caller may open, filtered the way an
//! office keeps its books, and the same list as an Excel file.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;
use xiaoban_domain::access::Reach;
use xiaoban_domain::approvals::flow::InstanceStatus;
use xiaoban_domain::paging::{Page, PageRequest};
use xiaoban_persistence::approvals::InstanceRow;
use xiaoban_persistence::approvals::oversight::{self, OversightFilter, Visibility};

use super::inbox::Lookup;
use crate::access::Tree;
use crate::audit::Change;
use crate::export::{BATCH, Cell, Column, MAX_ROWS, SheetWriter, too_many_rows};
use crate::{RequestContext, ServiceError, Services};

/// The register's sortable names and default order.
pub static REGISTER_LIST: &dyn xiaoban_domain::paging::ListKeys = &oversight::SPEC;

/// The register's filters, as the caller gives them; dates are school-calendar days.
#[derive(Debug, Clone, Default)]
pub struct RegisterQuery {
    pub q: Option<String>,
    pub template_id: Option<Uuid>,
    pub status: Option<InstanceStatus>,
    pub department_id: Option<Uuid>,
    pub applicant_id: Option<Uuid>,
    pub submitted_from: Option<NaiveDate>,
    pub submitted_to: Option<NaiveDate>,
    pub overdue: bool,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterItem {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub template_name: String,
    pub applicant_name: String,
    pub department_name: Option<String>,
    pub status: InstanceStatus,
    pub current_step_name: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub overdue: bool,
}

const COLUMNS: &[Column] = &[
    Column {
        header: "编号",
        width: 16.0,
    },
    Column {
        header: "标题",
        width: 36.0,
    },
    Column {
        header: "审批类型",
        width: 14.0,
    },
    Column {
        header: "申请人",
        width: 10.0,
    },
    Column {
        header: "部门",
        width: 14.0,
    },
    Column {
        header: "状态",
        width: 8.0,
    },
    Column {
        header: "当前环节",
        width: 14.0,
    },
    Column {
        header: "是否超时",
        width: 8.0,
    },
    Column {
        header: "提交时间",
        width: 17.0,
    },
    Column {
        header: "办结时间",
        width: 17.0,
    },
];

/// The status as the register prints it.
pub fn status_label(status: InstanceStatus) -> &'static str {
    match status {
        InstanceStatus::Running => "审批中",
        InstanceStatus::Returned => "已退回",
        InstanceStatus::Approved => "已通过",
        InstanceStatus::Rejected => "已驳回",
        InstanceStatus::Withdrawn => "已撤回",
        InstanceStatus::Cancelled => "已撤销",
    }
}

impl Services {
    /// One page of the register: holders of `approval.admin` see every request filed in their
    /// reach, everyone else the requests they started or took part in (as on the detail page).
    pub async fn approval_register(
        &self,
        ctx: &RequestContext,
        query: RegisterQuery,
        page: &PageRequest,
    ) -> Result<Page<RegisterItem>, ServiceError> {
        let (visibility, filter) = self.register_scope(ctx, &query).await?;
        let rows = oversight::page(self.db(), &visibility, &filter, page).await?;
        let items = self.register_items(&rows.items).await?;
        Ok(Page {
            items,
            total: rows.total,
            page: rows.page,
            page_size: rows.page_size,
        })
    }

    /// The register as an `.xlsx` file (at most [`MAX_ROWS`] rows; more is a 422 asking for
    /// narrower filters), read and written [`BATCH`] rows at a time. Exporting is recorded in
    /// the audit log with the filters used.
    pub async fn export_approval_register(
        &self,
        ctx: &RequestContext,
        query: RegisterQuery,
    ) -> Result<Vec<u8>, ServiceError> {
        let (visibility, filter) = self.register_scope(ctx, &query).await?;
        if oversight::count(self.db(), &visibility, &filter).await? > MAX_ROWS as u64 {
            return Err(too_many_rows());
        }
        let mut sheet = SheetWriter::new("审批台账", COLUMNS, self.settings().timezone)?;
        let mut batches = oversight::batches(&visibility, &filter, BATCH);
        while let Some(rows) = batches.next(self.db()).await? {
            for item in self.register_items(&rows).await? {
                sheet.push(&register_row(&item))?;
            }
        }
        let exported = sheet.rows();
        let bytes = sheet.finish()?;
        let mut change = Change::new("approval.export", "approval", None);
        change.after = Some(json!({ "rows": exported, "filters": describe(&query) }));
        self.record_event(ctx, change).await?;
        Ok(bytes)
    }

    async fn register_scope(
        &self,
        ctx: &RequestContext,
        query: &RegisterQuery,
    ) -> Result<(Visibility, OversightFilter), ServiceError> {
        let viewer = self.approval_viewer(ctx).await?;
        let visibility = match viewer.admin {
            Some(Reach::All) => Visibility::Everything,
            Some(Reach::Some { departments, .. }) => Visibility::Person {
                id: viewer.id,
                departments: departments.into_iter().collect(),
            },
            None => Visibility::Person {
                id: viewer.id,
                departments: Vec::new(),
            },
        };
        let departments = match query.department_id {
            Some(root) => Some(Tree::load(self).await?.subtree(root).into_iter().collect()),
            None => None,
        };
        let tz = self.settings().timezone;
        let start_of = |day: NaiveDate| {
            day.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(tz).earliest())
                .map(|t| t.with_timezone(&Utc))
        };
        if let (Some(from), Some(to)) = (query.submitted_from, query.submitted_to)
            && from > to
        {
            return Err(ServiceError::invalid(
                "submittedTo",
                "结束日期不能早于开始日期",
                "submittedTo is before submittedFrom",
            ));
        }
        let filter = OversightFilter {
            q: query.q.clone(),
            template_id: query.template_id,
            status: query.status,
            departments,
            applicant_id: query.applicant_id,
            submitted_from: query.submitted_from.and_then(start_of),
            submitted_before: query.submitted_to.and_then(|d| d.succ_opt()).and_then(start_of),
            overdue_at: query.overdue.then(|| self.now()),
        };
        Ok((visibility, filter))
    }

    async fn register_items(&self, rows: &[InstanceRow]) -> Result<Vec<RegisterItem>, ServiceError> {
        let db = self.db();
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let late: BTreeSet<Uuid> = oversight::overdue_among(db, &ids, self.now())
            .await?
            .into_iter()
            .collect();
        let lookup = Lookup::load(self, rows).await?;
        let departments: BTreeMap<Uuid, String> = xiaoban_persistence::identity::departments::all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        Ok(rows
            .iter()
            .map(|row| RegisterItem {
                id: row.id,
                number: row.number.clone(),
                title: row.title.clone(),
                template_name: lookup.template_name(row),
                applicant_name: lookup.applicant_name(row),
                department_name: row.department_id.and_then(|d| departments.get(&d).cloned()),
                status: row.status,
                current_step_name: lookup.step_name(row, row.current_step),
                submitted_at: row.submitted_at,
                finished_at: row.finished_at,
                overdue: late.contains(&row.id),
            })
            .collect())
    }
}

fn register_row(item: &RegisterItem) -> Vec<Cell> {
    vec![
        item.number.as_str().into(),
        item.title.as_str().into(),
        item.template_name.as_str().into(),
        item.applicant_name.as_str().into(),
        item.department_name.clone().map_or(Cell::Empty, Cell::Text),
        status_label(item.status).into(),
        item.current_step_name.clone().map_or(Cell::Empty, Cell::Text),
        if item.overdue { "是" } else { "否" }.into(),
        Cell::Time(item.submitted_at),
        item.finished_at.into(),
    ]
}

fn describe(query: &RegisterQuery) -> serde_json::Value {
    json!({
        "q": query.q,
        "templateId": query.template_id,
        "status": query.status.map(InstanceStatus::as_str),
        "departmentId": query.department_id,
        "applicantId": query.applicant_id,
        "submittedFrom": query.submitted_from,
        "submittedTo": query.submitted_to,
        "overdue": query.overdue,
    })
}
