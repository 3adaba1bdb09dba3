//! 办事指南 and 操作手册 imported from a spreadsheet (an office moving its existing guides in):
//! each row becomes a draft, which the office reviews and publishes as usual. Built on the
//! import kit: a dry run reports every problem, a real run writes every row or none.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;
use xiaoban_domain::notices::permissions::GUIDE_MANAGE;
use xiaoban_domain::notices::{GUIDE_BODY_MAX, GUIDE_CATEGORY_MAX, GUIDE_TITLE_MAX, GuideKind};
use xiaoban_persistence::identity::users;
use xiaoban_persistence::notices::guides;
use xiaoban_persistence::{ConnectionTrait, PersistenceError, begin_write, serialize_writers};

use super::guide_views::GuideDraft;
use crate::import::{Columns, Findings, ImportFormat, RawRow, RowIssue, read, refuse_any, sample_workbook};
use crate::{RequestContext, ServiceError, Services};

/// A column of the guides file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GuideCol {
    Kind,
    Category,
    Title,
    Body,
    Public,
    Owner,
}

impl Columns for GuideCol {
    const ALL: &'static [Self] = &[
        Self::Kind,
        Self::Category,
        Self::Title,
        Self::Body,
        Self::Public,
        Self::Owner,
    ];
    const REQUIRED: &'static [Self] = &[Self::Category, Self::Title];

    fn field(self) -> &'static str {
        match self {
            Self::Kind => "kind",
            Self::Category => "category",
            Self::Title => "title",
            Self::Body => "body",
            Self::Public => "isPublic",
            Self::Owner => "owner",
        }
    }

    fn headers(self) -> &'static [&'static str] {
        match self {
            Self::Kind => &["类型", "种类"],
            Self::Category => &["分类", "类别"],
            Self::Title => &["标题", "名称"],
            Self::Body => &["正文", "内容"],
            Self::Public => &["是否公开", "公开"],
            Self::Owner => &["负责人账号", "负责人"],
        }
    }
}

const SAMPLE: [&[&str]; 2] = [
    &[
        "办事指南",
        "人事服务",
        "在职证明开具办事指南",
        "一、登录校办系统\n二、提交申请\n三、到综合办公室领取",
        "是",
        "",
    ],
    &[
        "操作手册",
        "公文处理",
        "收文登记操作手册",
        "一、签收来文\n二、登记编号\n三、拟办",
        "否",
        "",
    ],
];

/// What a check of the file found, or what the import wrote.
#[derive(Debug, Clone)]
pub struct GuideImportReport {
    pub dry_run: bool,
    /// Data rows read (blank rows skipped).
    pub rows: usize,
    /// Drafts the rows without problems would create (or created).
    pub to_create: usize,
    pub errors: Vec<RowIssue>,
    /// The created drafts, after a real run.
    pub created: Vec<Uuid>,
}

struct Known {
    taken: BTreeSet<(GuideKind, String)>,
    owners: std::collections::BTreeMap<String, Uuid>,
}

async fn known(db: &impl ConnectionTrait, rows: &[RawRow<GuideCol>]) -> Result<Known, PersistenceError> {
    let cells = |col| {
        rows.iter()
            .filter_map(|r| r.get(col).map(str::to_owned))
            .collect::<Vec<_>>()
    };
    Ok(Known {
        taken: guides::titles_taken(db, &cells(GuideCol::Title)).await?,
        owners: users::active_by_username(db, &cells(GuideCol::Owner)).await?,
    })
}

fn kind_of(findings: &mut Findings, row: &RawRow<GuideCol>) -> GuideKind {
    match row.get(GuideCol::Kind) {
        None | Some("办事指南" | "指南" | "guide") => GuideKind::Guide,
        Some("操作手册" | "手册" | "sop" | "SOP") => GuideKind::Sop,
        Some(_) => {
            let (zh, en) = (
                "请填写“办事指南”或“操作手册”",
                "write 办事指南 (guide) or 操作手册 (sop)",
            );
            findings.issue(row.line, GuideCol::Kind, zh, en);
            GuideKind::Guide
        }
    }
}

/// Every row checked; the drafts of the rows without problems, with their lines.
fn plan(rows: &[RawRow<GuideCol>], known: &Known) -> (Vec<(u64, GuideDraft)>, Findings) {
    let mut f = Findings::default();
    let mut seen = BTreeSet::new();
    let mut drafts = Vec::new();
    for row in rows {
        let kind = kind_of(&mut f, row);
        let category = f.required(row, GuideCol::Category, GUIDE_CATEGORY_MAX);
        let title = f.required(row, GuideCol::Title, GUIDE_TITLE_MAX);
        let body = f.max_len(row, GuideCol::Body, GUIDE_BODY_MAX).unwrap_or_default();
        let is_public = f.yes_no(row, GuideCol::Public, false);
        let owner_id = row.get(GuideCol::Owner).and_then(|name| {
            let found = known.owners.get(name).copied();
            if found.is_none() {
                f.issue(
                    row.line,
                    GuideCol::Owner,
                    "没有这个在用的账号",
                    "no such active account",
                );
            }
            found
        });
        if let Some(title) = &title {
            let key = (kind, title.clone());
            if known.taken.contains(&key) {
                f.issue(
                    row.line,
                    GuideCol::Title,
                    "已有同类型、同标题的指南",
                    "a guide of this kind and title exists",
                );
            } else if !seen.insert(key) {
                f.issue(
                    row.line,
                    GuideCol::Title,
                    "文件中标题重复",
                    "the title appears twice in the file",
                );
            }
        }
        if let (Some(category), Some(title)) = (category, title)
            && f.clean(row.line)
        {
            let draft = GuideDraft {
                kind,
                category,
                title,
                body,
                is_public,
                owner_id,
                flowchart_file_id: None,
            };
            drafts.push((row.line, draft));
        }
    }
    (drafts, f)
}

impl Services {
    /// Checks a guides file and, unless `dry_run`, creates its drafts in one transaction
    /// (`guide.manage`). A real run with any problem writes nothing and lists every problem.
    pub async fn import_guides(
        &self,
        ctx: &RequestContext,
        bytes: &[u8],
        format: ImportFormat,
        dry_run: bool,
    ) -> Result<GuideImportReport, ServiceError> {
        self.authorize(ctx, GUIDE_MANAGE).await?;
        let author = self.principal(ctx)?.id;
        let rows = read::<GuideCol>(bytes, format)?;
        let report = |drafts: &[(u64, GuideDraft)], findings: Findings| GuideImportReport {
            dry_run,
            rows: rows.len(),
            to_create: drafts.len(),
            errors: findings.issues,
            created: Vec::new(),
        };
        if dry_run {
            let (drafts, findings) = plan(&rows, &known(self.db(), &rows).await?);
            return Ok(report(&drafts, findings));
        }
        let now: DateTime<Utc> = self.now();
        let tx = begin_write(self.db()).await?;
        // Checked inside the transaction, after the other importers' turn: a guide of the same
        // title may have been written meanwhile.
        serialize_writers(&tx, super::guides::TITLES_TURN).await?;
        let (drafts, findings) = plan(&rows, &known(&tx, &rows).await?);
        refuse_any(&findings.issues)?;
        let mut report = report(&drafts, findings);
        for (_, draft) in drafts {
            let owner = draft.owner_id.unwrap_or(author);
            let id = super::guides::insert_draft(&tx, ctx, author, owner, &draft, now, "import").await?;
            report.created.push(id);
        }
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(report)
    }

    /// The sample guides file (办事指南导入模板.xlsx): the columns and two rows that pass.
    pub fn guides_import_template(&self) -> Result<Vec<u8>, ServiceError> {
        sample_workbook::<GuideCol>("办事指南", &SAMPLE, self.settings().timezone)
    }
}
