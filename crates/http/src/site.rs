//! Everything outside the API routes: the built SPA (with fallback to `index.html` for its
//! client-side routes), a landing page when no SPA is built, and problem+json 404/405 for
//! unknown API paths.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::Method;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::errors::{ApiError, ErrorCode};
use crate::routes::RouteTable;

/// Where the built SPA lives, if it is built.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub dist: Option<PathBuf>,
}

impl Site {
    /// Uses `dir` only when it holds an `index.html`.
    pub fn from_dir(dir: &Path) -> Self {
        let has_index = dir.join("index.html").is_file();
        Self {
            dist: has_index.then(|| dir.to_path_buf()),
        }
    }
}

const LANDING: &str = include_str!("landing.html");
/// The landing page's style, a file of its own: the Content-Security-Policy allows no inline style.
const LANDING_CSS: &str = include_str!("landing.css");

pub async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
    site: web::Data<Site>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") {
        return Ok(unknown_route(&routes, path));
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::new(ErrorCode::MethodNotAllowed));
    }
    let Some(dist) = &site.dist else {
        if path == "/" {
            return Ok(HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .body(LANDING));
        }
        if path == "/landing.css" {
            return Ok(HttpResponse::Ok()
                .content_type("text/css; charset=utf-8")
                .body(LANDING_CSS));
        }
        return Err(ApiError::new(ErrorCode::RouteNotFound));
    };
    match safe_join(dist, path).filter(|file| file.is_file()) {
        Some(file) => serve(&req, &file, cache_for(path)),
        // Client-side routes of the SPA: the app decides what to show.
        None => serve(&req, &dist.join("index.html"), no_cache()),
    }
}

fn unknown_route(routes: &RouteTable, path: &str) -> HttpResponse {
    method_not_allowed(path, routes.methods_for(path))
}

/// 405 with `Allow` listing `allowed`; 404 when no route has this path.
pub(crate) fn method_not_allowed(path: &str, allowed: Vec<&'static str>) -> HttpResponse {
    if allowed.is_empty() {
        return HttpResponse::from_error(ApiError::new(ErrorCode::RouteNotFound).with_detail(
            format!("没有 {path} 这个接口"),
            format!("There is no endpoint at {path}"),
        ));
    }
    let list = allowed.join(", ");
    let mut res = HttpResponse::from_error(ApiError::new(ErrorCode::MethodNotAllowed).with_detail(
        format!("{path} 只支持 {list}"),
        format!("{path} supports only {list}"),
    ));
    if let Ok(value) = header::HeaderValue::from_str(&list) {
        res.headers_mut().insert(header::ALLOW, value);
    }
    res
}

/// Hashed build assets never change under the same name; everything else is revalidated.
fn cache_for(path: &str) -> CacheControl {
    if path.starts_with("/assets/") {
        CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ])
    } else {
        no_cache()
    }
}

fn no_cache() -> CacheControl {
    CacheControl(vec![CacheDirective::NoCache])
}

fn serve(req: &HttpRequest, file: &Path, cache: CacheControl) -> Result<HttpResponse, ApiError> {
    let named = NamedFile::open(file).map_err(|e| ApiError::internal(format!("{}: {e}", file.display())))?;
    let mut res = named.into_response(req);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_str(&cache.to_string())
            .unwrap_or(header::HeaderValue::from_static("no-cache")),
    );
    Ok(res)
}

/// `dist` joined with the request path, or `None` for anything that could leave `dist`.
fn safe_join(dist: &Path, path: &str) -> Option<PathBuf> {
    let mut out = dist.to_path_buf();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\\') || segment.contains('\0') {
            return None;
        }
        out.push(segment);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_build_directory() {
        let dist = Path::new("/srv/dist");
        assert_eq!(
            safe_join(dist, "/assets/app.js"),
            Some(PathBuf::from("/srv/dist/assets/app.js"))
        );
        assert_eq!(safe_join(dist, "/../etc/passwd"), None);
        assert_eq!(safe_join(dist, "/.env"), None);
    }
}
