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
            ServiceError::Duplicate(what) => ApiError {
                internal: Some(what),
                ..ApiError::new(ErrorCode::Conflict)
                    .with_detail("已存在相同的记录", "A record with the same unique value exists already")
            },
            ServiceError::Busy => ApiError::new(ErrorCode::ServiceUnavailable),
            ServiceError::Internal(cause) => ApiError::internal(cause),
        }
    }
}
