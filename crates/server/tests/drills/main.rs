//! Drills with the real `xiaoban` binary on the test database (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` names one): kill -9 during concurrent writes, and backup/restore while
//! the server keeps writing.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a drill stops at the first step that fails"
)]

mod backup;
mod crash;
mod school;
mod support;
