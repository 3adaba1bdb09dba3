use std::collections::BTreeSet;

use uuid::Uuid;
use xiaoban_domain::access::Grant;

/// Whether a principal is a person or a script's API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    User,
    ApiKey,
}

impl PrincipalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::ApiKey => "api_key",
        }
    }
}

/// An authenticated caller with what it may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub kind: PrincipalKind,
    pub id: Uuid,
    /// Username, or the API key's name.
    pub name: String,
    pub grants: Vec<Grant>,
    pub must_change_password: bool,
    /// A role of the user requires two-step verification (`totp_required_for`) and the user has
    /// none yet: only `/me`, `/me/password`, `/me/totp*` and logout answer.
    pub totp_enrolment_required: bool,
    /// Classification level the caller may read (0 公开 … 4 绝密).
    pub clearance: i16,
}

impl Principal {
    pub fn has(&self, permission: &str) -> bool {
        self.grants.iter().any(|g| g.permissions.contains(permission))
    }

    /// Every permission the principal holds in some scope.
    pub fn permissions(&self) -> BTreeSet<String> {
        self.grants
            .iter()
            .flat_map(|g| g.permissions.iter().cloned())
            .collect()
    }
}

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A request without credentials, on a public endpoint.
    Anonymous,
    /// Xiaoban itself: start-up tasks, schedulers, admin commands.
    System,
    /// A signed-in user or an API key.
    Principal(Box<Principal>),
}

impl Actor {
    /// A stable key that separates one actor's idempotency keys from another's.
    pub fn scope_key(&self) -> String {
        match self {
            Self::Anonymous => "anonymous".to_owned(),
            Self::System => "system".to_owned(),
            Self::Principal(p) => format!("{}:{}", p.kind.as_str(), p.id),
        }
    }

    pub fn principal(&self) -> Option<&Principal> {
        match self {
            Self::Principal(p) => Some(p),
            _ => None,
        }
    }

    /// Kind, id and name as the audit log records them.
    pub fn audit_identity(&self) -> (&'static str, Option<String>, String) {
        match self {
            Self::Anonymous => ("anonymous", None, "anonymous".to_owned()),
            Self::System => ("system", None, "system".to_owned()),
            Self::Principal(p) => (p.kind.as_str(), Some(p.id.to_string()), p.name.clone()),
        }
    }
}

/// What a use case knows about the request that triggered it.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub actor: Actor,
    pub request_id: String,
    /// The client's `Idempotency-Key` header on a create, already checked for shape.
    pub idempotency_key: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl RequestContext {
    pub fn system() -> Self {
        Self::anonymous_as(Actor::System)
    }

    pub fn anonymous() -> Self {
        Self::anonymous_as(Actor::Anonymous)
    }

    fn anonymous_as(actor: Actor) -> Self {
        Self {
            actor,
            request_id: String::new(),
            idempotency_key: None,
            ip: None,
            user_agent: None,
        }
    }

    pub fn with_actor(&self, actor: Actor) -> Self {
        Self {
            actor,
            ..self.clone()
        }
    }
}
