//! The black-box test harness: the real server over HTTP on a fresh database per test, SQLite
//! by default or PostgreSQL when `TEST_DATABASE_URL` names a server.

pub mod accounts;
pub mod assertions;
pub mod clock;
pub mod lookups;
pub mod notices;
pub mod probe;
pub mod test_app;
pub mod test_db;

pub use assertions::assert_problem;
pub use clock::ManualClock;
pub use test_app::{TestApp, TestOptions};
pub use test_db::TestDatabase;
