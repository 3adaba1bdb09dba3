/// Who is acting. Identity and access (users, API keys) extend this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A request without credentials, on a public endpoint.
    Anonymous,
    /// Xiaoban itself: start-up tasks, schedulers, admin commands.
    System,
}

impl Actor {
    /// A stable key that separates one actor's idempotency keys from another's.
    pub fn scope_key(&self) -> String {
        match self {
            Self::Anonymous => "anonymous".to_owned(),
            Self::System => "system".to_owned(),
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
}

impl RequestContext {
    pub fn system() -> Self {
        Self {
            actor: Actor::System,
            request_id: String::new(),
            idempotency_key: None,
        }
    }
}
