use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use xiaoban_services::files::FileView;

/// The multipart form of an upload (for the documentation).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub struct FileUpload {
    /// The file, with its name (`filename` in the part's `Content-Disposition`).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// A file's bytes, in the content type it was stored with.
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary)]
#[expect(
    dead_code,
    reason = "describes the download body for the OpenAPI document only"
)]
pub struct FileBytes(Vec<u8>);

/// An uploaded file.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FileOut {
    pub id: Uuid,
    /// The uploader's file name, cleaned (no path, at most 200 characters).
    #[schema(example = "关于寒假安排的请示.pdf")]
    pub name: String,
    /// The media type, decided from the content and extension (never the client's claim).
    #[schema(example = "application/pdf")]
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// Lowercase hex SHA-256 of the bytes; also the download's `ETag`.
    pub sha256: String,
    /// The user who uploaded it.
    pub owner_id: Uuid,
    pub created_at: DateTime<Utc>,
}

impl From<FileView> for FileOut {
    fn from(v: FileView) -> Self {
        Self {
            id: v.id,
            name: v.name,
            content_type: v.content_type,
            size: v.size,
            sha256: v.sha256,
            owner_id: v.owner_id,
            created_at: v.created_at,
        }
    }
}
