use actix_web::http::header::{CACHE_CONTROL, LOCATION};
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;
use xiaoban_services::Services;
use xiaoban_services::api_keys::NewApiKey;

use super::dto::{ApiKeyIn, ApiKeyOut, IssuedApiKeyOut};
use crate::errors::ApiError;
use crate::extract::{Auth, ValidatedJson};

/// Every API key, newest first, without secrets. Needs `api_key.manage`.
#[utoipa::path(tag = "api-keys", security(("bearerAuth" = ["api_key.manage"])), responses(
    (status = 200, description = "All keys", body = Vec<ApiKeyOut>),
))]
#[get("/api-keys")]
pub async fn list_api_keys(
    services: web::Data<Services>,
    auth: Auth,
) -> Result<web::Json<Vec<ApiKeyOut>>, ApiError> {
    let keys = services.list_api_keys(&auth.0).await?;
    Ok(web::Json(keys.into_iter().map(ApiKeyOut::from).collect()))
}

/// Issues an API key. Needs `api_key.manage`. The answer holds the whole key once; only its
/// prefix and a hash are stored. `Idempotency-Key` is not honoured here (a replay would have to
/// keep the secret): a retried request issues a second key, so revoke the unused one.
#[utoipa::path(tag = "api-keys", security(("bearerAuth" = ["api_key.manage"])), request_body = ApiKeyIn, responses(
    (status = 201, description = "Issued; `key` is shown only now", body = IssuedApiKeyOut),
    (status = 422, description = "Unknown scopes, `audit.read`, a duty conflict or a bad expiry"),
))]
#[post("/api-keys")]
pub async fn create_api_key(
    services: web::Data<Services>,
    auth: Auth,
    body: ValidatedJson<ApiKeyIn>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let input = NewApiKey {
        name: body.name,
        scopes: body.scopes.into_iter().collect(),
        expires_at: body.expires_at.map(|at| at.to_utc()),
    };
    let issued = services.create_api_key(&auth.0, input).await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("{}/api-keys", crate::API_PREFIX)))
        .insert_header((CACHE_CONTROL, "no-store"))
        .json(IssuedApiKeyOut::from(issued)))
}

/// Revokes a key at once. Needs `api_key.manage`. Revoking a revoked key answers the same and
/// changes nothing.
#[utoipa::path(tag = "api-keys", security(("bearerAuth" = ["api_key.manage"])),
    params(("id" = Uuid, Path, description = "The key's id")),
    responses((status = 200, description = "The key, revoked", body = ApiKeyOut)),
)]
#[post("/api-keys/{id}/revoke")]
pub async fn revoke_api_key(
    services: web::Data<Services>,
    auth: Auth,
    id: web::Path<Uuid>,
) -> Result<web::Json<ApiKeyOut>, ApiError> {
    let key = services.revoke_api_key(&auth.0, id.into_inner()).await?;
    Ok(web::Json(ApiKeyOut::from(key)))
}
