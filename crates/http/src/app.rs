//! Assembles the actix application: middleware, the API scope, the spec, docs and the site.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, Error, HttpResponse, web};
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_swagger_ui::SwaggerUi;
use xiaoban_services::Services;

use crate::openapi::ApiDoc;
use crate::routes::RouteTable;
use crate::site::{self, Site};
use crate::{
    api_keys, approvals, audit, auth, calendar, departments, extract, me, middleware, permissions, platform,
    roles, users,
};

/// Where the API lives.
pub const API_PREFIX: &str = "/api/v1";

/// Everything the application needs, built once at start-up and shared by all workers.
#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub site: Site,
    pub openapi: Arc<OpenApiDoc>,
    pub routes: RouteTable,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: crate::TrustedProxies,
}

impl AppState {
    pub fn new(services: Services, site: Site) -> Self {
        let doc = openapi_document();
        let mut routes = RouteTable::from_openapi(&doc);
        routes.add("/api/openapi.json", vec!["GET"]);
        routes.add("/api/docs", vec!["GET"]);
        Self {
            services,
            site,
            openapi: Arc::new(doc),
            routes,
            trusted_proxies: crate::TrustedProxies::default(),
        }
    }

    /// The same state, believing forwarding headers from `proxies`.
    pub fn with_trusted_proxies(self, proxies: crate::TrustedProxies) -> Self {
        Self {
            trusted_proxies: proxies,
            ..self
        }
    }
}

/// Every module's routes under `/api/v1`. A new module adds one line here.
fn api_v1(cfg: &mut ServiceConfig) {
    cfg.configure(platform::routes)
        .configure(auth::routes)
        .configure(me::routes)
        .configure(departments::routes)
        .configure(users::routes)
        .configure(roles::routes)
        .configure(crate::roster::routes)
        .configure(permissions::routes)
        .configure(api_keys::routes)
        .configure(approvals::routes)
        .configure(crate::directory::routes)
        .configure(audit::routes)
        .configure(crate::settings::routes)
        .configure(calendar::routes)
        .configure(crate::notifications::routes)
        .configure(crate::notices::routes)
        .configure(crate::files::routes);
}

/// The OpenAPI document of exactly the routes [`build_app`] mounts.
pub fn openapi_document() -> OpenApiDoc {
    let (_, doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope(API_PREFIX).configure(api_v1))
        .split_for_parts();
    crate::openapi::finish(doc)
}

/// The application for one worker. `extra` mounts additional plain actix routes (tests use it
/// for resources that exist only in the test build).
pub fn build_app(
    state: AppState,
    extra: fn(&mut web::ServiceConfig),
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(web::Data::new(state.services.clone()))
        .app_data(web::Data::new(state.routes.clone()))
        .app_data(web::Data::new(state.site.clone()))
        .app_data(web::Data::new(state.trusted_proxies.clone()))
        .app_data(web::PathConfig::default().error_handler(extract::path_error))
        .wrap(Compress::default())
        .wrap(from_fn(middleware::envelope))
        // Outside the envelope, so error answers it renders get the headers too.
        .wrap(from_fn(middleware::security_headers))
        // Before the API scope: a scope owns every path under its prefix once it matches.
        .configure(extra)
        .into_utoipa_app()
        .service(utoipa_actix_web::scope(API_PREFIX).configure(api_v1))
        .into_app()
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", (*state.openapi).clone()))
        .service(web::resource("/api/docs").route(web::get().to(redirect_to_docs)))
        .default_service(web::to(site::fallback))
}

async fn redirect_to_docs() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header(("Location", "/api/docs/"))
        .finish()
}
