//! The address book (通讯录) for pickers: people by name, and the department tree.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;
use xiaoban_services::Services;

use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedQuery};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_directory_people)
        .service(list_directory_departments)
        .service(list_directory_roles);
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct PeopleQuery {
    /// Part of a name or username; empty lists the first people by name.
    #[validate(length(max = 50))]
    pub q: Option<String>,
    /// Comma-separated ids to label (at most 50); `q` is then ignored.
    pub ids: Option<String>,
}

/// A person as pickers show them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonCardOut {
    pub id: Uuid,
    #[schema(example = "何老师")]
    pub name: String,
    #[schema(example = "信息工程系")]
    pub department_name: Option<String>,
}

/// A department as pickers show them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentCardOut {
    pub id: Uuid,
    pub name: String,
    pub parent_id: Option<Uuid>,
}

/// Up to 20 active people whose name or username contains `q`, or the people named by `ids`.
/// Shows only name and department. Needs `approval.use` (every role but the auditor).
#[utoipa::path(tag = "directory", params(PeopleQuery), security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "People by name", body = Vec<PersonCardOut>),
))]
#[get("/directory/people")]
pub async fn list_directory_people(
    services: web::Data<Services>,
    auth: Auth,
    query: ValidatedQuery<PeopleQuery>,
) -> Result<web::Json<Vec<PersonCardOut>>, ApiError> {
    let query = query.0;
    let mut ids = Vec::new();
    for part in query
        .ids
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let id = Uuid::parse_str(part).map_err(|_| {
            ApiError::from(xiaoban_services::ServiceError::invalid(
                "ids",
                "ids 须为逗号分隔的 UUID",
                "ids must be comma-separated UUIDs",
            ))
        })?;
        ids.push(id);
    }
    let people = services
        .directory_people(&auth.0, query.q.as_deref().unwrap_or(""), &ids)
        .await?;
    Ok(web::Json(
        people
            .into_iter()
            .map(|p| PersonCardOut {
                id: p.id,
                name: p.name,
                department_name: p.department_name,
            })
            .collect(),
    ))
}

/// The active departments (id, name, parent) for tree pickers. Needs `approval.use`.
#[utoipa::path(tag = "directory", security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "Active departments", body = Vec<DepartmentCardOut>),
))]
#[get("/directory/departments")]
pub async fn list_directory_departments(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<DepartmentCardOut>>, ApiError> {
    let list = services.directory_departments(&auth.0).await?;
    Ok(web::Json(
        list.into_iter()
            .map(|d| DepartmentCardOut {
                id: d.id,
                name: d.name,
                parent_id: d.parent_id,
            })
            .collect(),
    ))
}

/// A role as pickers show it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RoleCardOut {
    #[schema(example = "dept_head")]
    pub code: String,
    #[schema(example = "部门负责人")]
    pub name: String,
}

/// Every role's code and name (not its permissions), for approver rules and starter lists.
/// Needs `approval.use`.
#[utoipa::path(tag = "directory", security(("bearerAuth" = ["approval.use"])), responses(
    (status = 200, description = "Roles", body = Vec<RoleCardOut>),
))]
#[get("/directory/roles")]
pub async fn list_directory_roles(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<RoleCardOut>>, ApiError> {
    let roles = services.directory_roles(&auth.0).await?;
    Ok(web::Json(
        roles
            .into_iter()
            .map(|r| RoleCardOut {
                code: r.code,
                name: r.name,
            })
            .collect(),
    ))
}
