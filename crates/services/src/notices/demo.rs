//! The demo school's notices (the third week of term), service guides and an SOP manual,
//! written as the office director would have published them.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;
use xiaoban_domain::notices::{
    AudienceKind, GUIDE_CODE, GuideEvent, GuideKind, GuideState, NOTICE_CODE, NoticeEvent, NoticeState,
    review_due,
};
use xiaoban_persistence::identity::{departments, users};
use xiaoban_persistence::notices::{guide, guide_version, guides, notice, store};
use xiaoban_persistence::{PersistenceError, Tx, begin_write};

use super::events;
use crate::{ServiceError, Services};

/// (title, body, audience kind, targets (department codes or role codes), pinned, public, published)
type DemoNotice = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
    bool,
    bool,
);

const NOTICES: &[DemoNotice] = &[
    (
        "关于召开第三周全体教职工例会的通知",
        "定于本周三下午 15:30 在行政楼三楼第一会议室召开全体教职工例会，内容为本学期重点工作部署。\n请各部门通知到人，准时参加，不得无故缺席；确有特殊情况请向综合办公室请假。",
        "all",
        &[],
        true,
        false,
        true,
    ),
    (
        "第三周教学常规检查安排",
        "本周四、周五由教务处组织教学常规检查，重点检查教案、作业批改和课堂考勤记录。\n请各系于周四上午前将检查材料送至教务处。",
        "departments",
        &["academic", "it-dept", "me-dept", "em-dept"],
        false,
        false,
        true,
    ),
    (
        "服务大厅开放时间调整的公告",
        "自下周一起，服务大厅开放时间调整为工作日 8:00–12:00、14:00–17:30，周三下午暂停对外办理。",
        "all",
        &[],
        false,
        true,
        true,
    ),
    (
        "关于报送下学期办公用品需求的通知",
        "请各部门负责人于本月 25 日前汇总本部门下学期办公用品需求，填写领用计划表后报综合办公室。",
        "roles",
        &["dept_head"],
        false,
        false,
        false,
    ),
];

/// (kind, category, title, versions of the text, public)
type DemoGuide = (
    GuideKind,
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
);

const GUIDES: &[DemoGuide] = &[
    (
        GuideKind::Guide,
        "人事服务",
        "新教职工入职办事指南",
        &[
            "一、携带身份证、学历学位证书原件及复印件\n二、到人事处填写入职登记表\n三、到综合办公室领取工作证和办公用品\n四、到信息中心开通校园网账号",
            "一、携带身份证、学历学位证书原件及复印件\n二、在线填写入职登记表（校办平台 → 办事指南）\n三、到综合办公室领取工作证和办公用品\n四、到信息中心开通校园网和一卡通\n五、参加新教职工入职培训",
        ],
        true,
    ),
    (
        GuideKind::Guide,
        "会议服务",
        "会议室预约",
        &[
            "一、至少提前一个工作日在系统中提交会议室预约\n二、写明会议名称、人数和所需设备\n三、综合办公室确认后通知预约人\n四、会后恢复桌椅、关闭设备并归还钥匙",
        ],
        true,
    ),
    (
        GuideKind::Sop,
        "公文处理",
        "发文流程",
        &[
            "流程：拟稿 → 部门负责人核稿 → 综合办公室审核 → 校领导签发 → 编号 → 校对 → 用印 → 分发 → 归档\n一、拟稿人按公文格式起草，附相关依据材料\n二、部门负责人核稿，对内容负责\n三、综合办公室审核格式与行文规范\n四、分管校领导签发，重大事项由校长签发\n五、文书编号、校对、用印后分发，并于十个工作日内归档",
        ],
        false,
    ),
];

impl Services {
    /// Writes the demo notices and guides once (nothing when some exist already).
    pub(crate) async fn seed_demo_notices(&self) -> Result<(), ServiceError> {
        let Some(director) = users::find_by_username(self.db(), "wang.zhuren").await? else {
            return Ok(());
        };
        let calendar = self.working_calendar().await?;
        let now = self.now();
        let all_departments = departments::all(self.db()).await?;
        let tx = begin_write(self.db()).await?;
        if store::list(&tx, &Default::default(), &first_page()).await?.total > 0 {
            return Ok(());
        }
        for (days_ago, (title, body, kind, targets, pinned, public, published)) in (1i64..).zip(NOTICES) {
            let targets: Vec<String> = match *kind {
                "departments" => targets
                    .iter()
                    .filter_map(|code| all_departments.iter().find(|d| d.code == *code))
                    .map(|d| d.id.to_string())
                    .collect(),
                _ => targets.iter().map(|t| (*t).to_owned()).collect(),
            };
            let at = now - Duration::days(days_ago);
            let row = notice::Model {
                id: Uuid::now_v7(),
                title: (*title).to_owned(),
                body: (*body).to_owned(),
                status: if *published {
                    NoticeState::Published
                } else {
                    NoticeState::Draft
                },
                audience_kind: AudienceKind::parse(kind).unwrap_or(AudienceKind::All),
                pinned: *pinned,
                is_public: *public,
                author_id: director.id,
                published_at: published.then_some(at),
                withdrawn_at: None,
                reminded_at: None,
                created_at: at,
                updated_at: at,
                version: 1,
            };
            let id = row.id;
            store::insert(&tx, row, &targets).await?;
            let created = events::Step::new(at - Duration::hours(2), Some(director.id), NoticeEvent::Create);
            events::on_timeline(&tx, NOTICE_CODE, id, created).await?;
            if *published {
                let step = events::Step::new(at, Some(director.id), NoticeEvent::Publish)
                    .moved(NoticeState::Draft, NoticeState::Published);
                events::on_timeline(&tx, NOTICE_CODE, id, step).await?;
            }
        }
        for (kind, category, title, texts, public) in GUIDES {
            let published_on = (now - Duration::days(30))
                .with_timezone(&calendar.tz())
                .date_naive();
            let id = Uuid::now_v7();
            let last = texts.last().copied().unwrap_or_default();
            let row = guide::Model {
                id,
                kind: *kind,
                category: (*category).to_owned(),
                title: (*title).to_owned(),
                body: last.to_owned(),
                status: GuideState::Published,
                is_public: *public,
                owner_id: director.id,
                flowchart_file_id: None,
                published_version: i32::try_from(texts.len()).unwrap_or(1),
                review_due: Some(review_due(published_on, &calendar)),
                review_reminded_for: None,
                created_at: now - Duration::days(60),
                updated_at: now - Duration::days(30),
                version: 1,
            };
            guides::insert(&tx, row).await?;
            let created = events::Step::new(now - Duration::days(60), Some(director.id), GuideEvent::Create);
            events::on_timeline(&tx, GUIDE_CODE, id, created).await?;
            insert_versions(&tx, id, category, title, texts, director.id, now).await?;
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(())
    }
}

async fn insert_versions(
    tx: &Tx,
    id: Uuid,
    category: &str,
    title: &str,
    texts: &[&str],
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let count = i64::try_from(texts.len()).unwrap_or(1);
    for (number, text) in (1i32..).zip(texts) {
        let version = guide_version::Model {
            guide_id: id,
            number,
            category: category.to_owned(),
            title: title.to_owned(),
            body: (*text).to_owned(),
            flowchart_file_id: None,
            published_at: now - Duration::days(30 * (count - i64::from(number) + 1)),
            published_by: by,
        };
        let from = if number == 1 {
            GuideState::Draft
        } else {
            GuideState::Published
        };
        let step = events::Step::new(version.published_at, Some(by), GuideEvent::Publish)
            .moved(from, GuideState::Published)
            .data(serde_json::json!({"publishedVersion": number}));
        guides::insert_version(tx, version).await?;
        events::on_timeline(tx, GUIDE_CODE, id, step).await?;
    }
    Ok(())
}

fn first_page() -> xiaoban_domain::paging::PageRequest {
    xiaoban_domain::paging::PageRequest {
        page: 1,
        page_size: 1,
        sort: Vec::new(),
        keyword: None,
    }
}
