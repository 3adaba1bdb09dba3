//! Every black-box test in one binary: the real server over HTTP on SQLite (or PostgreSQL with
//! `TEST_DATABASE_URL`). One binary links once, so a new module adds its tests, not a link; run one
//! area with a filter: `cargo test -p xiaoban-tests --test api notices::`.

mod api_keys;
mod approvals;
mod audit;
mod auth;
mod authorization_matrix;
mod calendar;
mod conventions;
mod demo;
mod departments;
mod errors;
mod exports;
mod files;
mod import;
mod notices;
mod notifications;
mod openapi_drift;
mod passwords;
mod platform;
mod roles;
mod security_policy;
mod separation;
mod sheets;
mod sign_in_limits;
mod totp;
mod users;
