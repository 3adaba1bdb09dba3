use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The process is up.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HealthOut {
    #[schema(example = "ok")]
    pub status: String,
    /// The running Xiaoban version.
    #[schema(example = "0.1.0")]
    pub version: String,
}

/// Whether this instance can serve requests.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessOut {
    /// `ready` or `not_ready`.
    #[schema(example = "ready")]
    pub status: String,
    pub database_reachable: bool,
    /// Migrations not yet applied; must be 0.
    pub pending_migrations: u64,
}

/// What the web app needs to know about this installation before anyone signs in.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SiteOut {
    /// The demo school is seeded: its accounts share a published password, so the web app shows
    /// a 演示环境 banner on every page.
    pub demo: bool,
}
