//! Every error the API returns: one table from code to status and titles, one renderer.

mod codes;
mod from_service;
pub(crate) mod problem;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

pub use codes::ErrorCode;
pub use problem::Problem;

use crate::lang::Lang;

/// A message in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// An error on its way to the client. Rendered as `application/problem+json` by the request
/// middleware, which knows the request id and the client's language.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: ErrorCode,
    pub detail: Option<Box<Text>>,
    /// Per-field messages for 422 responses, in the order they were found.
    pub fields: Vec<(String, Text)>,
    pub current_version: Option<i32>,
    /// On `invalid_transition`: the record's state and the refused action.
    pub transition: Option<(&'static str, &'static str)>,
    /// Seconds for the `Retry-After` header (429, 503).
    pub retry_after: Option<u64>,
    /// The cause of a 5xx, for the log only.
    pub internal: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            detail: None,
            fields: Vec::new(),
            current_version: None,
            transition: None,
            retry_after: None,
            internal: None,
        }
    }

    pub fn with_detail(mut self, zh: impl Into<String>, en: impl Into<String>) -> Self {
        self.detail = Some(Box::new(Text::new(zh, en)));
        self
    }

    pub fn with_field(mut self, field: impl Into<String>, message: Text) -> Self {
        self.fields.push((field.into(), message));
        self
    }

    pub fn internal(cause: impl Into<String>) -> Self {
        Self {
            internal: Some(cause.into()),
            ..Self::new(ErrorCode::Internal)
        }
    }

    /// The problem document for this error.
    pub fn to_problem(&self, lang: Lang, request_id: &str) -> Problem {
        Problem::from_error(self, lang, request_id)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_str())?;
        if let Some(cause) = &self.internal {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    /// A complete response even without the middleware; the middleware re-renders it with the
    /// request's language and id.
    fn error_response(&self) -> HttpResponse {
        problem::respond(&self.to_problem(Lang::Zh, ""), self)
    }
}
