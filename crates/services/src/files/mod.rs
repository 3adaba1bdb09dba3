//! Uploaded files (附件): stored once per content on disk, described by a row, attached to
//! module records. Readable by their owner and by whoever can read a record they are attached to.

mod access;
mod links;
pub mod store;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use xiaoban_domain::files::{self as rules, FileRejection};
use xiaoban_persistence::files::{self, FileRow};
use xiaoban_persistence::{PersistenceError, begin_write};

pub use links::{link_files, linked_files, set_files};

use crate::audit::{self, Change};
use crate::{Actor, PrincipalKind, RequestContext, ServiceError, Services};

/// An uploaded file as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileView {
    pub id: Uuid,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub owner_id: Uuid,
    pub created_at: DateTime<Utc>,
}

impl From<FileRow> for FileView {
    fn from(r: FileRow) -> Self {
        Self {
            id: r.id,
            name: r.name,
            content_type: r.content_type,
            size: r.size,
            sha256: r.sha256,
            owner_id: r.owner_id,
            created_at: r.created_at,
        }
    }
}

impl Services {
    /// Stores an upload of any signed-in user (API keys own no files: 403). The bytes are checked
    /// by content and written to disk before the row is inserted, so a row always has its bytes.
    pub async fn upload_file(
        &self,
        ctx: &RequestContext,
        name: &str,
        bytes: &[u8],
    ) -> Result<FileView, ServiceError> {
        let owner = self.principal(ctx)?;
        if owner.kind != PrincipalKind::User {
            return Err(ServiceError::Forbidden {
                permission: "file.upload",
            });
        }
        let max_bytes = self.settings().max_upload_bytes;
        if u64::try_from(bytes.len()).map_or(true, |n| n > max_bytes) {
            return Err(ServiceError::PayloadTooLarge { max_bytes });
        }
        let name = rules::sanitize_name(name)
            .ok_or_else(|| ServiceError::invalid("file", "文件名不能为空", "the file needs a name"))?;
        let checked = rules::check(&name, bytes).map_err(rejection)?;
        let sha256 = hex::encode(Sha256::digest(bytes));
        store::put(&self.settings().files_dir, &sha256, bytes.to_vec()).await?;
        let now = self.now();
        let row = FileRow {
            id: Uuid::now_v7(),
            owner_id: owner.id,
            name,
            content_type: checked.content_type.to_owned(),
            size: i64::try_from(bytes.len()).map_err(|e| ServiceError::Internal(e.to_string()))?,
            sha256,
            created_at: now,
        };
        let tx = begin_write(self.db()).await?;
        let id = row.id;
        files::insert(&tx, row).await?;
        // Read back: the answer shows what is stored (PostgreSQL keeps microseconds).
        let view = FileView::from(files::find(&tx, id).await?.ok_or(NOT_FOUND)?);
        let after = serde_json::to_value(&view).map_err(|e| ServiceError::Internal(e.to_string()))?;
        let change = Change::new("file.upload", "file", Some(view.id.to_string())).after(after);
        audit::record(&tx, ctx, now, change).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(view)
    }

    /// A file's metadata; 404 unless the caller may read it.
    pub async fn file_meta(&self, ctx: &RequestContext, id: Uuid) -> Result<FileView, ServiceError> {
        let row = files::find(self.db(), id).await?.ok_or(NOT_FOUND)?;
        if !self.may_read_file(ctx, &row).await? {
            return Err(NOT_FOUND);
        }
        Ok(row.into())
    }

    /// A file's metadata and the path of its bytes on disk; 404 unless the caller may read it.
    pub async fn file_content(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<(FileView, PathBuf), ServiceError> {
        let view = self.file_meta(ctx, id).await?;
        let path = store::blob_path(&self.settings().files_dir, &view.sha256);
        // One stat; not worth a blocking-pool hop.
        if !path.is_file() {
            return Err(ServiceError::Internal(format!(
                "file {} has no bytes at {}",
                view.id,
                path.display()
            )));
        }
        Ok((view, path))
    }

    async fn may_read_file(&self, ctx: &RequestContext, row: &FileRow) -> Result<bool, ServiceError> {
        match &ctx.actor {
            Actor::System => return Ok(true),
            Actor::Anonymous => return Err(ServiceError::Unauthenticated),
            Actor::Principal(p) if p.kind == PrincipalKind::User && p.id == row.owner_id => return Ok(true),
            Actor::Principal(_) => {}
        }
        for link in files::links_of(self.db(), row.id).await? {
            if self
                .can_read_linked_record(ctx, &link.module, link.record_id, row.id)
                .await?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

const NOT_FOUND: ServiceError = ServiceError::NotFound { entity: "file" };

fn rejection(err: FileRejection) -> ServiceError {
    let allowed = "PDF、PNG、JPEG、GIF、WebP、docx/xlsx/pptx、doc/xls/ppt、OFD、txt/csv";
    let allowed_en = "PDF, PNG, JPEG, GIF, WebP, docx/xlsx/pptx, doc/xls/ppt, OFD, txt/csv";
    match err {
        FileRejection::Empty => ServiceError::invalid("file", "文件是空的", "the file is empty"),
        FileRejection::UnknownContent => ServiceError::UnsupportedFileType {
            zh: format!("不支持此文件类型（按内容判断），可上传：{allowed}"),
            en: format!("this type of file is not accepted (judged by its content); accepted: {allowed_en}"),
        },
        FileRejection::ExtensionMismatch { kind, extension } => {
            let (zh, en) = kind.label();
            let ext = if extension.is_empty() {
                "（无）".to_owned()
            } else {
                format!(".{extension}")
            };
            let expected = kind.extensions().join(", .");
            ServiceError::UnsupportedFileType {
                zh: format!("文件内容是{zh}，但扩展名是 {ext}，应为 .{expected}"),
                en: format!("the content is {en} but the extension is {ext}; expected .{expected}"),
            }
        }
    }
}
