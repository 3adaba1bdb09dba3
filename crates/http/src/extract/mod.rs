//! Request extractors whose failures are problem+json errors with field names.

mod context;
mod field_messages;
mod json;
mod query;
mod version;

pub use context::{Auth, AuthPendingPasswordChange, AuthPendingTotp, Ctx, RequestId};
pub use json::{JsonLimit, ValidatedJson};
pub use query::ValidatedQuery;
pub use version::{etag, expected_version};

/// `snake_case` as the camelCase name clients use.
pub fn camel_case(name: &str) -> String {
    field_messages::camel(name)
}

use crate::errors::{ApiError, ErrorCode};

/// Error handlers for actix's own extractors, so even a plain `web::Path` answers problem+json.
pub fn path_error(err: actix_web::error::PathError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::new(ErrorCode::InvalidPath)
        .with_detail(
            format!("路径参数无效：{err}"),
            format!("Invalid path parameter: {err}"),
        )
        .into()
}
