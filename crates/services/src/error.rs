use xiaoban_domain::DomainError;
use xiaoban_domain::paging::PagingError;
use xiaoban_persistence::PersistenceError;

/// One invalid input field, with a message in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field as the client named it (camelCase JSON name or query parameter).
    pub field: String,
    pub zh: String,
    pub en: String,
}

impl FieldIssue {
    pub fn new(field: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Why a use case refused or failed. The HTTP layer maps each variant to one status and code.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The record does not exist, or the caller may not know it exists.
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    /// The client based its change on an older version.
    #[error("stale version; current version is {current}")]
    VersionConflict { current: i32 },
    /// Input that is well-formed but breaks a rule.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldIssue>),
    /// The same `Idempotency-Key` came with a different request.
    #[error("idempotency key reused for a different request")]
    IdempotencyKeyReused,
    /// No credentials, or credentials that are invalid, expired or revoked.
    #[error("not authenticated")]
    Unauthenticated,
    /// The caller lacks the permission.
    #[error("missing permission {permission}")]
    Forbidden { permission: &'static str },
    /// The caller must change the initial password before anything else.
    #[error("password change required")]
    PasswordChangeRequired,
    /// The account must have two-step verification and has none yet: enrol first.
    #[error("totp enrolment required")]
    TotpEnrolmentRequired,
    /// The sign-in challenge is unknown, expired or already used: sign in with the password again.
    #[error("sign-in challenge invalid")]
    MfaChallengeInvalid,
    /// A wrong, reused or expired authenticator code or recovery code at sign-in.
    #[error("wrong second factor")]
    InvalidSecondFactor,
    /// Wrong username or password (never says which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed sign-ins; locked until the given time.
    #[error("account locked until {until}")]
    AccountLocked {
        until: chrono::DateTime<chrono::Utc>,
        retry_after_secs: u64,
    },
    /// The account is disabled (by an admin, or after long inactivity).
    #[error("account disabled")]
    AccountDisabled,
    /// Too many attempts from this client or for this account.
    #[error("rate limited; retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// A record with the same unique value (number, code, name) exists already.
    #[error("duplicate: {0}")]
    Duplicate(String),
    /// An action the record's state machine does not allow in its state (409
    /// `invalid_transition`, naming both).
    #[error(transparent)]
    InvalidTransition(#[from] xiaoban_domain::state::InvalidTransition),
    /// The request conflicts with the record's state (a built-in or still-used record), with
    /// the reason in both UI languages.
    #[error("conflict: {en}")]
    Conflict { zh: String, en: String },
    /// An upload whose content is not of an accepted type, or whose extension disagrees with it.
    #[error("unsupported file type: {en}")]
    UnsupportedFileType { zh: String, en: String },
    /// An upload larger than the configured limit.
    #[error("payload too large (limit {max_bytes} bytes)")]
    PayloadTooLarge { max_bytes: u64 },
    /// Allowed only on the server, with the `xiaoban` command (granting administrator roles,
    /// resetting an administrator's password), never through the API: whoever did it through the
    /// API could then act as that administrator (三员分立).
    #[error("only on the server: {en}")]
    ServerOnly { zh: String, en: String },
    /// Another request holds the resource right now; retrying later will do.
    #[error("resource busy")]
    Busy,
    /// Anything unexpected. The message goes to the log, never to the client.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    /// [`ServiceError::ServerOnly`] with its reason in both languages.
    pub fn server_only(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::ServerOnly {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn invalid(field: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldIssue::new(field, zh, en)])
    }
}

impl From<PersistenceError> for ServiceError {
    fn from(err: PersistenceError) -> Self {
        match err {
            PersistenceError::NotFound => Self::NotFound { entity: "record" },
            PersistenceError::VersionConflict { current } => Self::VersionConflict { current },
            PersistenceError::Duplicate(what) => Self::Duplicate(what),
            err if err.is_contention() => Self::Busy,
            err => Self::Internal(err.to_string()),
        }
    }
}

impl From<DomainError> for ServiceError {
    fn from(err: DomainError) -> Self {
        Self::Internal(format!("unexpected domain error: {err}"))
    }
}

impl From<PagingError> for ServiceError {
    fn from(err: PagingError) -> Self {
        let zh = match &err {
            PagingError::PageTooSmall | PagingError::PageTooLarge => {
                format!("页码必须在 1 到 {} 之间", xiaoban_domain::paging::MAX_PAGE)
            }
            PagingError::PageSizeOutOfRange => {
                format!(
                    "每页条数必须在 1 到 {} 之间",
                    xiaoban_domain::paging::MAX_PAGE_SIZE
                )
            }
            PagingError::UnknownSortField { field, allowed } => {
                format!("不能按 {field} 排序，可用：{allowed}")
            }
        };
        Self::invalid(err.parameter(), zh, err.to_string())
    }
}
