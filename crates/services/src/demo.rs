//! The demo school for trying Xiaoban out: a department tree and about thirty people in every
//! role, all with the password [`DEMO_PASSWORD`]. Seeding twice changes nothing.

use std::fmt;

use chrono::Datelike;
use uuid::Uuid;
use xiaoban_persistence::identity::{roles, seed, users};
use xiaoban_persistence::{PersistenceError, begin_write};

use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

/// The password of every demo account (demo mode only; documented in the README).
pub const DEMO_PASSWORD: &str = "Xiaoban@2026";

/// (code, name, parent code)
const DEPARTMENTS: &[(&str, &str, Option<&str>)] = &[
    ("school", "示范学校", None),
    ("president", "校长办公室", Some("school")),
    ("office", "综合办公室", Some("school")),
    ("academic", "教务处", Some("school")),
    ("students", "学生处", Some("school")),
    ("logistics", "后勤处", Some("school")),
    ("finance", "财务处", Some("school")),
    ("library", "图书馆", Some("school")),
    ("admissions", "招生就业处", Some("school")),
    ("it-dept", "信息工程系", Some("school")),
    ("me-dept", "机电工程系", Some("school")),
    ("em-dept", "经济管理系", Some("school")),
];

/// The leader in charge (分管校领导) of each department; the principal leads the school itself.
const LEADERS: &[(&str, &str)] = &[
    ("school", "zhang.xiaozhang"),
    ("president", "zhang.xiaozhang"),
    ("office", "zhang.xiaozhang"),
    ("finance", "zhang.xiaozhang"),
    ("logistics", "zhang.xiaozhang"),
    ("academic", "chen.fuxiaozhang"),
    ("students", "chen.fuxiaozhang"),
    ("library", "chen.fuxiaozhang"),
    ("admissions", "chen.fuxiaozhang"),
    ("it-dept", "chen.fuxiaozhang"),
    ("me-dept", "chen.fuxiaozhang"),
    ("em-dept", "chen.fuxiaozhang"),
];

/// (username, name, department, role, scope: "all" | "department" | "self", heads the department)
const PEOPLE: &[(&str, &str, &str, &str, &str, bool)] = &[
    ("anquan", "安全管理员", "office", "secadmin", "all", false),
    ("shenji", "审计管理员", "office", "auditor", "all", false),
    (
        "zhang.xiaozhang",
        "张校长",
        "president",
        "school_leader",
        "all",
        true,
    ),
    (
        "chen.fuxiaozhang",
        "陈副校长",
        "president",
        "school_leader",
        "all",
        false,
    ),
    ("wang.zhuren", "王主任", "office", "office_director", "all", true),
    ("li.wenshu", "李文书", "office", "office_clerk", "all", false),
    ("zhao.zhuanyuan", "赵专员", "office", "office_clerk", "all", false),
    ("sun.dangan", "孙档案", "office", "archivist", "all", false),
    (
        "liu.jiaowu",
        "刘处长",
        "academic",
        "dept_head",
        "department",
        true,
    ),
    (
        "zhou.xuesheng",
        "周处长",
        "students",
        "dept_head",
        "department",
        true,
    ),
    (
        "wu.houqin",
        "吴处长",
        "logistics",
        "dept_head",
        "department",
        true,
    ),
    (
        "zheng.caiwu",
        "郑处长",
        "finance",
        "dept_head",
        "department",
        true,
    ),
    ("feng.tushu", "冯馆长", "library", "dept_head", "department", true),
    (
        "chu.zhaosheng",
        "褚处长",
        "admissions",
        "dept_head",
        "department",
        true,
    ),
    ("wei.xinxi", "卫主任", "it-dept", "dept_head", "department", true),
    (
        "jiang.jidian",
        "蒋主任",
        "me-dept",
        "dept_head",
        "department",
        true,
    ),
    (
        "shen.jingguan",
        "沈主任",
        "em-dept",
        "dept_head",
        "department",
        true,
    ),
    (
        "han.zichan",
        "韩资产",
        "logistics",
        "dept_asset_manager",
        "department",
        false,
    ),
    ("yang.diaodu", "杨调度", "logistics", "dispatcher", "all", false),
    (
        "zhu.weixiu",
        "朱师傅",
        "logistics",
        "repair_worker",
        "self",
        false,
    ),
    (
        "qin.weixiu",
        "秦师傅",
        "logistics",
        "repair_worker",
        "self",
        false,
    ),
    (
        "you.chuangkou",
        "尤老师",
        "admissions",
        "window_clerk",
        "department",
        false,
    ),
    (
        "xu.chuangkou",
        "许老师",
        "finance",
        "window_clerk",
        "department",
        false,
    ),
    ("he.laoshi", "何老师", "it-dept", "staff", "self", false),
    ("lv.laoshi", "吕老师", "it-dept", "staff", "self", false),
    ("shi.laoshi", "施老师", "me-dept", "staff", "self", false),
    ("kong.laoshi", "孔老师", "em-dept", "staff", "self", false),
    ("cao.tongxue", "曹同学", "it-dept", "student", "self", false),
    ("yan.tongxue", "严同学", "me-dept", "student", "self", false),
    ("hua.tongxue", "华同学", "em-dept", "student", "self", false),
];

/// Positions (职务) of the demo people; conditions on the applicant may read them
/// (`applicant_position == '教研组长'`). Everyone else has none.
const POSITIONS: &[(&str, &str)] = &[
    ("zhang.xiaozhang", "校长"),
    ("chen.fuxiaozhang", "副校长"),
    ("wang.zhuren", "办公室主任"),
    ("liu.jiaowu", "处长"),
    ("zhou.xuesheng", "处长"),
    ("wu.houqin", "处长"),
    ("zheng.caiwu", "处长"),
    ("chu.zhaosheng", "处长"),
    ("feng.tushu", "馆长"),
    ("wei.xinxi", "系主任"),
    ("jiang.jidian", "系主任"),
    ("shen.jingguan", "系主任"),
    ("he.laoshi", "教研组长"),
    ("lv.laoshi", "教师"),
    ("shi.laoshi", "教师"),
    ("kong.laoshi", "教师"),
];

/// The usernames of the demo school's people (for trying every account, as the tests do).
pub fn demo_usernames() -> Vec<&'static str> {
    PEOPLE.iter().map(|p| p.0).collect()
}

/// What the demo data holds after seeding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub departments: usize,
    pub users: usize,
    pub already_present: bool,
    pub special_calendar_days_this_year: usize,
}

impl fmt::Display for DemoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.already_present {
            "already present"
        } else {
            "created"
        };
        write!(
            f,
            "{} departments and {} demo users {state} (password {DEMO_PASSWORD}); {} holidays and make-up days this year",
            self.departments, self.users, self.special_calendar_days_this_year
        )
    }
}

impl Services {
    /// Seeds the demo school unless its people exist already.
    /// Whether the demo school is in this database (its first account exists). Asked of the
    /// database, not the `demo` setting: a demo seeded once stays a demo after a restart
    /// without `--demo`, and every replica answers the same.
    pub async fn demo_seeded(&self) -> Result<bool, ServiceError> {
        Ok(users::find_by_username(self.db(), PEOPLE[0].0).await?.is_some())
    }

    pub async fn seed_demo(&self) -> Result<DemoReport, ServiceError> {
        let already_present = users::find_by_username(self.db(), PEOPLE[0].0).await?.is_some();
        if !already_present {
            self.create_demo_school().await?;
        }
        self.seed_builtin_templates().await?;
        self.seed_demo_notices().await?;
        let today = self.now().with_timezone(&self.settings().timezone).date_naive();
        let first = today.with_ordinal(1).unwrap_or(today);
        let last = today.with_month(12).and_then(|d| d.with_day(31)).unwrap_or(today);
        let special = self
            .calendar_days(first, last)
            .await?
            .iter()
            .filter(|d| d.version.is_some())
            .count();
        Ok(DemoReport {
            departments: DEPARTMENTS.len(),
            users: PEOPLE.len(),
            already_present,
            special_calendar_days_this_year: special,
        })
    }

    async fn create_demo_school(&self) -> Result<(), ServiceError> {
        let hash = self
            .auth_settings()
            .hashing
            .hash(DEMO_PASSWORD.to_owned())
            .await?;
        let now = self.now();
        let ctx = RequestContext::system();
        let tx = begin_write(self.db()).await?;
        let mut ids = std::collections::HashMap::new();
        for (order, (code, name, parent)) in DEPARTMENTS.iter().enumerate() {
            let id = Uuid::now_v7();
            let parent_id = parent.and_then(|p| ids.get(p).copied());
            seed::insert_department(
                &tx,
                id,
                code,
                name,
                parent_id,
                i32::try_from(order).unwrap_or(0),
                now,
            )
            .await?;
            ids.insert(*code, id);
        }
        for (username, name, department, role_code, scope, heads) in PEOPLE {
            let id = Uuid::now_v7();
            let department_id = *ids
                .get(department)
                .ok_or(ServiceError::Internal(format!("no {department}")))?;
            let mut row = users::new_row(id, username, name, Some(hash.clone()), false, now);
            row.position = POSITIONS
                .iter()
                .find(|(who, _)| who == username)
                .map(|(_, position)| (*position).to_owned());
            users::insert(&tx, row).await?;
            seed::add_membership(&tx, id, department_id, true).await?;
            let role = roles::find_by_code(&tx, role_code)
                .await?
                .ok_or_else(|| ServiceError::Internal(format!("role {role_code} missing")))?;
            let scope_department = (*scope == "department").then_some(department_id);
            roles::assign(&tx, id, role.id, scope, scope_department, now).await?;
            if *heads {
                seed::set_department_head(&tx, department_id, id).await?;
            }
            for (department, _) in LEADERS.iter().filter(|(_, leader)| leader == username) {
                if let Some(department_id) = ids.get(department) {
                    seed::set_department_leader(&tx, *department_id, id).await?;
                }
            }
        }
        let change = Change::new("demo.seed", "school", None)
            .after(serde_json::json!({ "departments": DEPARTMENTS.len(), "users": PEOPLE.len() }));
        audit::record(&tx, &ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }
}
