//! The download response: the stored bytes with headers that make browsers save, not run, them.

use actix_files::NamedFile;
use actix_web::http::header::{
    CONTENT_DISPOSITION, CONTENT_TYPE, ContentEncoding, ETAG, HeaderValue, IF_NONE_MATCH,
};
use actix_web::{HttpRequest, HttpResponse};
use xiaoban_services::files::FileView;

use crate::errors::ApiError;

/// `attachment` with an ASCII fallback name and the real (Chinese) name as RFC 5987 `filename*`.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

fn header(value: &str) -> Result<HeaderValue, ApiError> {
    HeaderValue::from_str(value).map_err(|e| ApiError::internal(format!("header value {value:?}: {e}")))
}

/// Streams the file at `path` (ranges allowed), or 304 when the client has these bytes already.
pub async fn respond(
    req: &HttpRequest,
    view: &FileView,
    path: std::path::PathBuf,
) -> Result<HttpResponse, ApiError> {
    let etag = format!("\"{}\"", view.sha256);
    let cached = req
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if cached {
        return Ok(HttpResponse::NotModified().insert_header((ETAG, etag)).finish());
    }
    let file = NamedFile::open_async(&path)
        .await
        .map_err(|e| ApiError::internal(format!("open {}: {e}", path.display())))?
        .use_etag(false)
        .use_last_modified(false)
        .disable_content_disposition()
        // The stored bytes go out as they are: no gzip (which would drop Content-Length).
        .set_content_encoding(ContentEncoding::Identity);
    let mut res = file.into_response(req);
    let headers = res.headers_mut();
    headers.insert(CONTENT_TYPE, header(&view.content_type)?);
    headers.insert(CONTENT_DISPOSITION, header(&content_disposition(&view.name))?);
    headers.insert(ETAG, header(&etag)?);
    headers.insert(
        actix_web::http::header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn chinese_names_are_percent_encoded_with_an_ascii_fallback() {
        assert_eq!(
            content_disposition("通知 2026.pdf"),
            "attachment; filename=\"__ 2026.pdf\"; filename*=UTF-8''%E9%80%9A%E7%9F%A5%202026.pdf"
        );
        assert_eq!(
            content_disposition("a_b.txt"),
            "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a_b.txt"
        );
    }
}
