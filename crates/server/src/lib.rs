//! The `xiaoban` binary's library: configuration, start-up and commands, reusable by tests.

pub mod backup;
pub mod commands;
pub mod config;
pub mod logging;
pub mod secrets;
pub mod startup;

pub use config::Config;
pub use startup::{Application, Options};
