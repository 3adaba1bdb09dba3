use actix_web::http::StatusCode;

macro_rules! error_codes {
    ($($variant:ident => ($status:literal, $code:literal, $zh:literal, $en:literal),)+) => {
        /// Stable error codes. Clients branch on these, never on titles.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($variant,)+ }

        impl ErrorCode {
            /// Every code, for documentation and tests.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            pub fn status(self) -> StatusCode {
                match self {
                    $(Self::$variant => match StatusCode::from_u16($status) {
                        Ok(status) => status,
                        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
                    },)+
                }
            }

            pub fn title_zh(self) -> &'static str {
                match self { $(Self::$variant => $zh,)+ }
            }

            pub fn title_en(self) -> &'static str {
                match self { $(Self::$variant => $en,)+ }
            }
        }
    };
}

// The one table from error to status. Add new codes here; never reuse or rename one.
error_codes! {
    BadRequest => (400, "bad_request", "请求无效", "Bad request"),
    MalformedJson => (400, "malformed_json", "请求体不是有效的 JSON", "The request body is not valid JSON"),
    InvalidQuery => (400, "invalid_query", "查询参数无效", "Invalid query parameters"),
    InvalidPath => (400, "invalid_path", "路径参数无效", "Invalid path parameter"),
    InvalidHeader => (400, "invalid_header", "请求头无效", "Invalid request header"),
    Unauthorized => (401, "unauthorized", "未登录或登录已失效", "Not signed in or the session has ended"),
    InvalidCredentials => (401, "invalid_credentials", "用户名或密码错误", "Wrong username or password"),
    Forbidden => (403, "forbidden", "没有权限执行此操作", "You are not allowed to do this"),
    PasswordChangeRequired => (403, "password_change_required", "请先修改初始密码", "Change your initial password first"),
    TotpEnrolmentRequired => (403, "totp_enrolment_required", "请先设置两步验证", "Set up two-step verification first"),
    MfaChallengeInvalid => (401, "mfa_challenge_invalid", "登录验证已过期或已使用", "The sign-in challenge has expired or was used"),
    InvalidSecondFactor => (401, "invalid_second_factor", "验证码或恢复码错误", "Wrong verification code or recovery code"),
    AccountLocked => (403, "account_locked", "账号已临时锁定", "The account is temporarily locked"),
    ServerOnly => (403, "server_only", "只能在服务器上执行此操作", "This can only be done on the server"),
    AccountDisabled => (403, "account_disabled", "账号已停用", "The account is disabled"),
    NotFound => (404, "not_found", "记录不存在", "Not found"),
    RouteNotFound => (404, "route_not_found", "接口不存在", "No such API endpoint"),
    MethodNotAllowed => (405, "method_not_allowed", "不支持此请求方法", "Method not allowed"),
    Conflict => (409, "conflict", "操作与当前状态冲突", "The request conflicts with the current state"),
    InvalidTransition => (409, "invalid_transition", "当前状态下不能执行此操作", "This action is not possible in the record's current state"),
    VersionConflict => (409, "version_conflict", "数据已被他人修改，请刷新后重试", "The record was changed by someone else; reload and retry"),
    PayloadTooLarge => (413, "payload_too_large", "请求体过大", "The request body is too large"),
    UnsupportedFileType => (415, "unsupported_file_type", "不支持的文件类型", "This type of file is not accepted"),
    UnsupportedMediaType => (415, "unsupported_media_type", "不支持的内容类型", "Unsupported media type"),
    ValidationFailed => (422, "validation_failed", "提交的数据未通过校验", "The submitted data is invalid"),
    IdempotencyKeyReused => (422, "idempotency_key_reused", "幂等键已用于另一个请求", "The idempotency key was used for a different request"),
    RateLimited => (429, "rate_limited", "请求过于频繁，请稍后再试", "Too many requests; try again later"),
    Internal => (500, "internal", "服务器内部错误", "Internal server error"),
    ServiceUnavailable => (503, "service_unavailable", "服务暂不可用，请稍后再试", "Service unavailable; try again later"),
}

impl ErrorCode {
    /// The code for a status produced outside our handlers (actix itself, a proxy).
    pub fn for_status(status: StatusCode) -> Self {
        match status.as_u16() {
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::RouteNotFound,
            405 => Self::MethodNotAllowed,
            409 => Self::Conflict,
            413 => Self::PayloadTooLarge,
            415 => Self::UnsupportedMediaType,
            422 => Self::ValidationFailed,
            429 => Self::RateLimited,
            503 => Self::ServiceUnavailable,
            s if s >= 500 => Self::Internal,
            _ => Self::BadRequest,
        }
    }

    pub fn title(self, lang: crate::lang::Lang) -> &'static str {
        match lang {
            crate::lang::Lang::Zh => self.title_zh(),
            crate::lang::Lang::En => self.title_en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_statuses_are_errors() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {}", code.as_str());
            assert!(code.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            assert!(
                code.status().as_u16() >= 400,
                "{} is not an error status",
                code.as_str()
            );
        }
    }
}
