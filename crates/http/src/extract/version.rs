//! Optimistic concurrency on the wire: the client names the version it edited, in the body's
//! `version` or an `If-Match: "N"` header; reads return `ETag: "N"`.

use actix_web::HttpRequest;
use actix_web::http::header::{ETAG, HeaderValue, IF_MATCH};

use crate::errors::{ApiError, ErrorCode, Text};

/// The version a write is based on. Both sources given must agree; neither is a 422.
pub fn expected_version(req: &HttpRequest, body_version: Option<i32>) -> Result<i32, ApiError> {
    stated_version(req, body_version)?.ok_or_else(|| {
        version_error(Text::new(
            "必填：请提供所修改记录的版本号（version 或 If-Match）",
            "is required: send the version you edited (version or If-Match)",
        ))
    })
}

/// The version a client stated, if any, for actions where stating one is optional (approvals:
/// without one a lost race is retried). Both sources given must agree.
pub fn stated_version(req: &HttpRequest, body_version: Option<i32>) -> Result<Option<i32>, ApiError> {
    let header = match req.headers().get(IF_MATCH) {
        None => None,
        Some(value) => Some(parse_if_match(value).ok_or_else(|| {
            ApiError::new(ErrorCode::InvalidHeader).with_detail(
                "If-Match 须为 \"版本号\" 形式，例如 \"3\"",
                "If-Match must look like \"3\"",
            )
        })?),
    };
    match (header, body_version) {
        (Some(h), Some(b)) if h != b => Err(version_error(Text::new(
            "If-Match 与 version 不一致",
            "If-Match and version disagree",
        ))),
        (Some(v), _) | (None, Some(v)) => Ok(Some(v)),
        (None, None) => Ok(None),
    }
}

fn version_error(text: Text) -> ApiError {
    ApiError::new(ErrorCode::ValidationFailed).with_field("version", text)
}

fn parse_if_match(value: &HeaderValue) -> Option<i32> {
    let text = value.to_str().ok()?.trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
}

/// The `ETag` header for a record at `version`.
pub fn etag(version: i32) -> (actix_web::http::header::HeaderName, String) {
    (ETAG, format!("\"{version}\""))
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn the_header_and_the_body_are_both_accepted_but_must_agree() {
        let req = TestRequest::default()
            .insert_header((IF_MATCH, "\"4\""))
            .to_http_request();
        assert_eq!(expected_version(&req, None).unwrap(), 4);
        assert_eq!(expected_version(&req, Some(4)).unwrap(), 4);
        assert!(expected_version(&req, Some(3)).is_err());
        let plain = TestRequest::default().to_http_request();
        assert_eq!(expected_version(&plain, Some(2)).unwrap(), 2);
        assert_eq!(
            expected_version(&plain, None).unwrap_err().code,
            ErrorCode::ValidationFailed
        );
    }

    #[test]
    fn weak_etags_count_and_garbage_is_refused() {
        let weak = TestRequest::default()
            .insert_header((IF_MATCH, "W/\"7\""))
            .to_http_request();
        assert_eq!(expected_version(&weak, None).unwrap(), 7);
        let bad = TestRequest::default()
            .insert_header((IF_MATCH, "seven"))
            .to_http_request();
        assert_eq!(
            expected_version(&bad, None).unwrap_err().code,
            ErrorCode::InvalidHeader
        );
    }
}
