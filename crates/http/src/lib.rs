//! The REST API of Xiaoban: routes, DTOs, problem+json errors, the OpenAPI document.
//! Handlers call one `xiaoban-services` function each; this crate never touches the database.

pub mod api_keys;
pub mod app;
pub mod approvals;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod client_ip;
pub mod departments;
pub mod directory;
pub mod errors;
pub mod extract;
pub mod files;
pub mod import;
pub mod lang;
pub mod me;
pub mod middleware;
pub mod multipart;
pub mod notices;
pub mod notifications;
pub mod openapi;
pub mod paging;
pub mod permissions;
pub mod platform;
pub mod responses;
pub mod roles;
pub mod roster;
pub mod routes;
pub mod settings;
pub mod site;
pub mod timeline;
pub mod users;

pub use app::{API_PREFIX, AppState, build_app, openapi_document};
pub use client_ip::TrustedProxies;
pub use errors::{ApiError, ErrorCode, Problem};
pub use site::Site;
