//! The demo school's approval templates: 请假, 报销, 证明材料申请, 办公用品申领, 会议室借用.
//! Each is at most three steps — the seeds ask to cut five-step approvals to three.

use serde_json::{Value, json};
use uuid::Uuid;
use xiaoban_domain::access::role_codes::*;
use xiaoban_persistence::approvals::templates;
use xiaoban_persistence::identity::{departments, users};

use xiaoban_domain::approvals::definition::Definition;
use xiaoban_domain::approvals::form::FieldKind;

use super::templates::{Starters, TemplateInput, TemplatePatch};
use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Creates the built-in templates that do not exist yet (by code); returns how many it created.
    pub async fn seed_builtin_templates(&self) -> Result<usize, ServiceError> {
        let ctx = RequestContext::system();
        let vice = self.demo_user("chen.fuxiaozhang").await?;
        let finance = self.demo_department("finance").await?;
        let president = self.demo_department("president").await?;
        let logistics = self.demo_department("logistics").await?;
        let mut created = 0;
        for (code, name, category, icon, description, definition, starters) in [
            (
                "leave",
                "请假",
                "人事",
                "Calendar",
                "教职工请假；超过 3 天需分管校领导审批",
                leave(vice),
                staff(),
            ),
            (
                "reimbursement",
                "报销",
                "财务",
                "Money",
                "费用报销；5000 元及以上需校长审批",
                reimbursement(finance, president),
                staff(),
            ),
            (
                "certificate",
                "证明材料申请",
                "综合",
                "Document",
                "在职、收入等证明，由综合办公室办理",
                certificate(),
                everyone(),
            ),
            (
                "supplies",
                "办公用品申领",
                "后勤",
                "Box",
                "办公用品领用，部门负责人审核后由后勤处发放",
                supplies(logistics),
                staff(),
            ),
            (
                "room-booking",
                "会议室借用",
                "综合",
                "OfficeBuilding",
                "借用会议室、报告厅",
                room_booking(),
                everyone(),
            ),
        ] {
            let definition: Definition = serde_json::from_value(definition)
                .map_err(|e| ServiceError::Internal(format!("built-in template {code}: {e}")))?;
            if let Some(existing) = templates::find_by_code(self.db(), code).await? {
                self.publish_claim_lines(&ctx, &existing, definition).await?;
                continue;
            }
            let input = TemplateInput {
                code: code.to_owned(),
                name: name.to_owned(),
                category: category.to_owned(),
                icon: Some(icon.to_owned()),
                description: Some(description.to_owned()),
                starters,
                definition,
                reading_issues: Vec::new(),
            };
            self.create_approval_template(&ctx, input).await?;
            created += 1;
        }
        Ok(created)
    }

    /// A demo school seeded before claims had lines gets the 报销 template with lines as a new
    /// version (requests already filed keep theirs); any other template is left as it is.
    async fn publish_claim_lines(
        &self,
        ctx: &RequestContext,
        existing: &xiaoban_persistence::approvals::TemplateRow,
        definition: Definition,
    ) -> Result<(), ServiceError> {
        if existing.code != "reimbursement" {
            return Ok(());
        }
        let current = templates::version_number(self.db(), existing.id, existing.current_version).await?;
        let has_lines = current
            .and_then(|v| serde_json::from_str::<Definition>(&v.definition).ok())
            .is_some_and(|d| d.form.fields.iter().any(|f| f.kind == FieldKind::LineItems));
        if has_lines {
            return Ok(());
        }
        let patch = TemplatePatch {
            definition: Some(definition),
            ..TemplatePatch::default()
        };
        self.update_approval_template(ctx, existing.id, existing.version, patch)
            .await?;
        Ok(())
    }

    async fn demo_user(&self, username: &str) -> Result<Option<Uuid>, ServiceError> {
        Ok(users::find_by_username(self.db(), username).await?.map(|u| u.id))
    }

    async fn demo_department(&self, code: &str) -> Result<Option<Uuid>, ServiceError> {
        Ok(departments::all(self.db())
            .await?
            .into_iter()
            .find(|d| d.code == code)
            .map(|d| d.id))
    }
}

/// Every member of staff (students do not take leave or claim expenses through the school).
fn staff() -> Starters {
    Starters {
        roles: STAFF_ROLES.iter().map(|r| (*r).to_owned()).collect(),
        department_ids: Vec::new(),
    }
}

/// Staff and students (a student may ask for a certificate or book a room).
fn everyone() -> Starters {
    let mut starters = staff();
    starters.roles.push(STUDENT.to_owned());
    starters
}

const STAFF_ROLES: &[&str] = &[
    SCHOOL_LEADER,
    OFFICE_DIRECTOR,
    OFFICE_CLERK,
    ARCHIVIST,
    DEPT_HEAD,
    DEPT_ASSET_MANAGER,
    DISPATCHER,
    REPAIR_WORKER,
    WINDOW_CLERK,
    STAFF,
    SYSADMIN,
    SECADMIN,
    AUDITOR,
];

/// A rule naming one person, or the office director when the demo person is missing.
fn person(id: Option<Uuid>) -> Value {
    match id {
        Some(id) => json!({ "type": "users", "userIds": [id] }),
        None => json!({ "type": "role", "role": "office_director" }),
    }
}

fn head_of(id: Option<Uuid>) -> Value {
    match id {
        Some(id) => json!({ "type": "head_of", "departmentId": id }),
        None => json!({ "type": "role", "role": "office_director" }),
    }
}

fn leave(vice_principal: Option<Uuid>) -> Value {
    json!({
        "form": { "fields": [
            { "key": "leaveType", "label": "请假类型", "kind": "select", "required": true,
              "options": ["事假", "病假", "年休假", "婚假", "产假", "丧假", "其他"] },
            { "key": "period", "label": "请假时间", "kind": "date_range", "required": true },
            { "key": "days", "label": "请假天数", "kind": "number", "computedFrom": "period",
              "help": "按学校工作日历自动计算；可选上午或下午开始、结束（半天）" },
            { "key": "reason", "label": "请假事由", "kind": "long_text", "required": true, "maxLength": 500 },
            { "key": "attachments", "label": "证明材料", "kind": "attachments" }
        ]},
        "steps": [
            { "name": "部门负责人审批", "rule": { "type": "department_head" }, "deadlineHours": 16 },
            { "name": "分管校领导审批", "rule": person(vice_principal), "condition": "days > 3", "deadlineHours": 16 }
        ],
        "options": { "autoSkip": true, "resubmitToReturningStep": true }
    })
}

fn reimbursement(finance: Option<Uuid>, president: Option<Uuid>) -> Value {
    json!({
        "form": { "fields": [
            { "key": "expenseType", "label": "费用类型", "kind": "select", "required": true,
              "options": ["差旅费", "办公费", "会议费", "培训费", "其他"] },
            { "key": "lines", "label": "费用明细", "kind": "line_items", "required": true, "minLength": 1, "maxLength": 20,
              "columns": [
                { "key": "item", "label": "费用项目", "kind": "text", "required": true },
                { "key": "date", "label": "发生日期", "kind": "date" },
                { "key": "amount", "label": "金额", "kind": "money", "required": true }
              ] },
            { "key": "amount", "label": "报销金额", "kind": "money", "computedFrom": "lines.amount",
              "help": "按费用明细自动合计" },
            { "key": "description", "label": "费用说明", "kind": "long_text", "required": true, "maxLength": 1000 },
            { "key": "invoices", "label": "发票及凭证", "kind": "attachments" }
        ]},
        "steps": [
            { "name": "部门负责人审核", "rule": { "type": "department_head" }, "deadlineHours": 16 },
            { "name": "财务处审核", "rule": head_of(finance), "deadlineHours": 24 },
            { "name": "校长审批", "rule": head_of(president), "condition": "amount >= 500000", "deadlineHours": 24 }
        ],
        "options": { "autoSkip": true }
    })
}

fn certificate() -> Value {
    json!({
        "form": { "fields": [
            { "key": "certificateType", "label": "证明类型", "kind": "select", "required": true,
              "options": ["在职证明", "收入证明", "工作经历证明", "在读证明", "其他"] },
            { "key": "purpose", "label": "用途", "kind": "text", "required": true, "maxLength": 100 },
            { "key": "copies", "label": "份数", "kind": "number", "required": true, "min": 1, "max": 10 }
        ]},
        "steps": [
            { "name": "综合办公室办理", "rule": { "type": "role", "role": "office_clerk" }, "deadlineHours": 8 }
        ],
        "options": { "autoSkip": true }
    })
}

fn supplies(logistics: Option<Uuid>) -> Value {
    json!({
        "form": { "fields": [
            { "key": "items", "label": "物品及数量", "kind": "long_text", "required": true, "maxLength": 1000,
              "placeholder": "如：A4 纸 2 箱；签字笔 10 支" },
            { "key": "neededBy", "label": "需要日期", "kind": "date" },
            { "key": "purpose", "label": "用途", "kind": "text", "maxLength": 100 }
        ]},
        "steps": [
            { "name": "部门负责人审核", "rule": { "type": "department_head" }, "deadlineHours": 8 },
            { "name": "后勤处发放", "rule": head_of(logistics), "deadlineHours": 16 }
        ],
        "options": { "autoSkip": true }
    })
}

fn room_booking() -> Value {
    json!({
        "form": { "fields": [
            { "key": "room", "label": "会议室", "kind": "select", "required": true,
              "options": ["第一会议室", "第二会议室", "报告厅"] },
            { "key": "date", "label": "使用日期", "kind": "date", "required": true },
            { "key": "time", "label": "使用时段", "kind": "text", "required": true, "maxLength": 40,
              "placeholder": "如 14:00-16:00" },
            { "key": "attendees", "label": "参会人数", "kind": "number", "required": true, "min": 1, "max": 1000 },
            { "key": "purpose", "label": "会议内容", "kind": "text", "required": true, "maxLength": 100 }
        ]},
        "steps": [
            { "name": "综合办公室审批", "rule": { "type": "role", "role": "office_clerk" }, "deadlineHours": 8 }
        ],
        "options": { "autoSkip": true }
    })
}
