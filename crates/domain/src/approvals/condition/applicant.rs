//! Variables about the applicant that a condition may read besides the form's fields, evaluated
//! by the engine from the organisation when the step is entered:
//!
//! - `applicant_department`: the name of the department the request was filed under,
//!   e.g. `applicant_department == '教务处'` (申请人属于教务处);
//! - `applicant_departments`: that department and every department above it, so
//!   `applicant_departments contains '教学部'` asks whether the applicant is inside its subtree;
//! - `applicant_roles`: the codes and names of the applicant's roles,
//!   e.g. `applicant_roles contains '校领导'` (申请人具有 校领导 角色);
//! - `applicant_position`: the applicant's position (职务), e.g. `applicant_position == '教研组长'`.
//!
//! Form field keys cannot start with `applicant_`, so these never clash with a field.

use serde_json::{Map, Value};

pub const DEPARTMENT: &str = "applicant_department";
pub const DEPARTMENTS: &str = "applicant_departments";
pub const ROLES: &str = "applicant_roles";
pub const POSITION: &str = "applicant_position";

/// The reserved prefix of applicant variables.
pub const PREFIX: &str = "applicant_";

/// Every applicant variable.
pub const ALL: [&str; 4] = [DEPARTMENT, DEPARTMENTS, ROLES, POSITION];

/// Whether `key` names an applicant variable rather than a form field.
pub fn is_applicant_variable(key: &str) -> bool {
    ALL.contains(&key)
}

/// What the organisation says about an applicant, for conditions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicantFacts {
    /// The request's department, then the departments above it (names).
    pub departments: Vec<String>,
    /// Role codes and names.
    pub roles: Vec<String>,
    pub position: Option<String>,
}

impl ApplicantFacts {
    /// `values` (a request's form values) with the applicant variables added.
    pub fn add_to(&self, values: &Map<String, Value>) -> Map<String, Value> {
        let mut all = values.clone();
        let texts = |items: &[String]| Value::Array(items.iter().cloned().map(Value::String).collect());
        if let Some(first) = self.departments.first() {
            all.insert(DEPARTMENT.to_owned(), Value::String(first.clone()));
        }
        all.insert(DEPARTMENTS.to_owned(), texts(&self.departments));
        all.insert(ROLES.to_owned(), texts(&self.roles));
        if let Some(position) = self.position.as_ref().filter(|p| !p.trim().is_empty()) {
            all.insert(POSITION.to_owned(), Value::String(position.clone()));
        }
        all
    }
}
