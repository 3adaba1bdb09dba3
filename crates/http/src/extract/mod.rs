//! Request extractors whose failures are problem+json errors with field names.

mod context;
mod field_messages;
mod json;
mod query;
pub(crate) mod screen;
mod unknown_fields;
mod version;

pub use context::{Auth, AuthPendingPasswordChange, AuthPendingTotp, Ctx, RequestId};
pub use json::{JsonLimit, ValidatedJson};
pub use query::ValidatedQuery;
pub use version::{etag, expected_version, stated_version};

/// `snake_case` as the camelCase name clients use.
pub fn camel_case(name: &str) -> String {
    field_messages::camel(name)
}

use crate::errors::{ApiError, ErrorCode};

/// Error handlers for actix's own extractors, so even a plain `web::Path` answers problem+json.
/// A segment with a control character (`%00`) is invalid input like one in a body (422 naming the
/// segment); any other segment that does not parse is a malformed request (400).
pub fn path_error(err: actix_web::error::PathError, req: &actix_web::HttpRequest) -> actix_web::Error {
    if let Some((name, why)) = req
        .match_info()
        .iter()
        .find_map(|(name, value)| Some((name, screen::in_segment(value)?)))
    {
        return screen::refused(name.to_owned(), why).into();
    }
    // `PATCH /users/export.xlsx` reaches `/users/{id}`: the path is a route of its own, and it
    // does not take this method.
    let path = req.path();
    if let Some(allowed) = req
        .app_data::<actix_web::web::Data<crate::routes::RouteTable>>()
        .and_then(|routes| routes.literal_methods(path))
        .filter(|allowed| {
            !allowed
                .iter()
                .any(|m| m.eq_ignore_ascii_case(req.method().as_str()))
        })
    {
        let response = crate::site::method_not_allowed(path, allowed);
        return actix_web::error::InternalError::from_response(err, response).into();
    }
    ApiError::new(ErrorCode::InvalidPath)
        .with_detail(
            format!("路径参数无效：{err}"),
            format!("Invalid path parameter: {err}"),
        )
        .into()
}
