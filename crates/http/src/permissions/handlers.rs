use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xiaoban_domain::access::{CATALOGUE, Duty, PermissionDef};

use crate::errors::ApiError;
use crate::extract::Auth;

/// One permission of the catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PermissionOut {
    /// Stable code, used in roles and API key scopes.
    #[schema(example = "department.manage")]
    pub code: String,
    /// Group for display (the code's first part).
    #[schema(example = "department")]
    pub group: String,
    /// Chinese label.
    #[schema(example = "管理部门")]
    pub name: String,
    /// English label.
    #[schema(example = "Manage departments")]
    pub name_en: String,
    /// The separated duty (三员分立) it belongs to: `system`, `security`, `audit` or `business`.
    /// One role or user holds at most one of system, security and audit; audit mixes with nothing
    /// but `notification.read`.
    #[schema(example = "system")]
    pub duty: String,
}

fn duty_code(duty: Duty) -> &'static str {
    match duty {
        Duty::System => "system",
        Duty::Security => "security",
        Duty::Audit => "audit",
        Duty::Business => "business",
    }
}

impl From<&PermissionDef> for PermissionOut {
    fn from(p: &PermissionDef) -> Self {
        Self {
            code: p.code.to_owned(),
            group: p.group.to_owned(),
            name: p.zh.to_owned(),
            name_en: p.en.to_owned(),
            duty: duty_code(p.duty).to_owned(),
        }
    }
}

/// Every permission the system knows, in catalogue order. Any signed-in caller may read it.
#[utoipa::path(tag = "roles", security(("bearerAuth" = [])), responses(
    (status = 200, description = "The catalogue", body = Vec<PermissionOut>),
))]
#[get("/permissions")]
pub async fn list_permissions(_auth: Auth) -> Result<web::Json<Vec<PermissionOut>>, ApiError> {
    Ok(web::Json(CATALOGUE.iter().map(PermissionOut::from).collect()))
}
