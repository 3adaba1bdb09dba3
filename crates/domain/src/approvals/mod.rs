//! The approvals engine's pure rules: form schemas, step conditions, template definitions and
//! how a step's decisions add up.

pub mod condition;
pub mod definition;
pub mod field_rights;
pub mod flow;
pub mod form;
pub mod module;
pub mod parallel;
#[cfg(test)]
mod parallel_tests;
pub mod request;
pub mod self_approval;
pub mod sequence;

pub use condition::{Condition, ConditionError};
pub use form::{CheckedForm, FieldDef, FieldKind, FormIssue, FormSchema};
pub use module::MODULE;
