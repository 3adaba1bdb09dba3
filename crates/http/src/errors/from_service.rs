use xiaoban_services::ServiceError;

use super::{ApiError, ErrorCode, Text};

impl From<ServiceError> for ApiError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::NotFound { .. } => ApiError::new(ErrorCode::NotFound)
                .with_detail("记录不存在，或您无权查看", "The record does not exist or you may not see it"),
            ServiceError::VersionConflict { current } => ApiError {
                current_version: Some(current),
                ..ApiError::new(ErrorCode::VersionConflict).with_detail(
                    format!("该记录已更新到第 {current} 版，请刷新后基于最新内容修改"),
                    format!("The record is now at version {current}; reload it and apply your change again"),
                )
            },
            ServiceError::Invalid(issues) => {
                let mut api = ApiError::new(ErrorCode::ValidationFailed)
                    .with_detail("请修改标注的字段后重新提交", "Correct the marked fields and submit again");
                for issue in issues {
                    api = api.with_field(issue.field, Text::new(issue.zh, issue.en));
                }
                api
            }
            ServiceError::IdempotencyKeyReused => ApiError::new(ErrorCode::IdempotencyKeyReused).with_detail(
                "同一个 Idempotency-Key 已用于内容不同的请求；新请求请使用新的键",
                "This Idempotency-Key was used with a different request body; use a new key for a new request",
            ),
            ServiceError::Duplicate(what) => {
                let mut api = ApiError::new(ErrorCode::Conflict)
                    .with_detail("已存在相同的记录", "A record with the same unique value exists already");
                if let Some(column) = xiaoban_services::duplicate_column(&what) {
                    let field = crate::extract::camel_case(&column);
                    api = api.with_field(field, Text::new("已被占用，请换一个", "is already taken"));
                }
                ApiError { internal: Some(what), ..api }
            }
            ServiceError::InvalidTransition(refused) => ApiError {
                transition: Some((refused.state, refused.action)),
                ..ApiError::new(ErrorCode::InvalidTransition).with_detail(
                    format!("记录当前为 {} 状态，不能执行 {}", refused.state, refused.action),
                    format!("`{}` is not possible while the record is `{}`", refused.action, refused.state),
                )
            },
            ServiceError::Conflict { zh, en } => ApiError::new(ErrorCode::Conflict).with_detail(zh, en),
            ServiceError::Unauthenticated => ApiError::new(ErrorCode::Unauthorized)
                .with_detail("请登录后再试；登录可能已过期或已在别处退出", "Sign in again; the session may have expired or ended"),
            ServiceError::Forbidden { permission } => ApiError::new(ErrorCode::Forbidden).with_detail(
                format!("需要权限：{}", permission_label(permission)),
                format!("This needs the permission {permission}"),
            ),
            ServiceError::PasswordChangeRequired => ApiError::new(ErrorCode::PasswordChangeRequired).with_detail(
                "这是初始密码或已被重置的密码，修改后才能继续使用",
                "This is an initial or reset password; change it to continue",
            ),
            ServiceError::TotpEnrolmentRequired => ApiError::new(ErrorCode::TotpEnrolmentRequired).with_detail(
                "您的角色要求两步验证：请在“个人设置 → 两步验证”中绑定验证器应用后继续",
                "Your role requires two-step verification: set up an authenticator app under personal settings to continue",
            ),
            ServiceError::MfaChallengeInvalid => ApiError::new(ErrorCode::MfaChallengeInvalid).with_detail(
                "登录验证已过期（5 分钟）或已使用，请重新输入用户名和密码",
                "The sign-in challenge has expired (5 minutes) or was used; sign in with your password again",
            ),
            ServiceError::InvalidSecondFactor => ApiError::new(ErrorCode::InvalidSecondFactor).with_detail(
                "验证码或恢复码错误，或已使用过；多次输错会像密码错误一样临时锁定账号",
                "Wrong or already used code; repeated failures lock the account like wrong passwords",
            ),
            ServiceError::InvalidCredentials => ApiError::new(ErrorCode::InvalidCredentials).with_detail(
                "用户名或密码错误；连续输错 5 次将锁定 15 分钟",
                "Wrong username or password; 5 failures in a row lock the account for 15 minutes",
            ),
            ServiceError::AccountLocked { retry_after_secs, .. } => {
                let minutes = retry_after_secs.div_ceil(60).max(1);
                ApiError {
                    retry_after: Some(retry_after_secs),
                    ..ApiError::new(ErrorCode::AccountLocked).with_detail(
                        format!("密码连续输错次数过多，账号已锁定，请 {minutes} 分钟后再试，或联系安全管理员解锁"),
                        format!("Too many wrong passwords; the account is locked for {minutes} more minutes, or ask a security administrator"),
                    )
                }
            }
            ServiceError::AccountDisabled => ApiError::new(ErrorCode::AccountDisabled)
                .with_detail("账号已停用，请联系系统管理员", "The account is disabled; contact the system administrator"),
            ServiceError::RateLimited { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(ErrorCode::RateLimited).with_detail(
                    format!("尝试过于频繁，请 {retry_after_secs} 秒后再试"),
                    format!("Too many attempts; retry in {retry_after_secs} s"),
                )
            },
            ServiceError::ServerOnly { zh, en } => ApiError::new(ErrorCode::ServerOnly).with_detail(zh, en),
            ServiceError::UnsupportedFileType { zh, en } => {
                ApiError::new(ErrorCode::UnsupportedFileType).with_detail(zh, en)
            }
            ServiceError::PayloadTooLarge { max_bytes } => too_large(max_bytes),
            ServiceError::Busy => ApiError::new(ErrorCode::ServiceUnavailable),
            ServiceError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

/// 413 naming the limit in whole megabytes (the unit the setting uses), or bytes below 1 MB.
fn too_large(max_bytes: u64) -> ApiError {
    let limit = if max_bytes >= 1024 * 1024 {
        format!("{} MB", max_bytes / (1024 * 1024))
    } else {
        format!("{max_bytes} bytes")
    };
    ApiError::new(ErrorCode::PayloadTooLarge).with_detail(
        format!("文件不能超过 {limit}"),
        format!("the file may be at most {limit}"),
    )
}

fn permission_label(code: &str) -> String {
    xiaoban_domain::access::find(code).map_or_else(|| code.to_owned(), |p| format!("{}（{code}）", p.zh))
}
