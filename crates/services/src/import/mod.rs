//! The import kit (导入): a module declares its columns ([`Columns`]), and gets the reading of
//! `.xlsx` / UTF-8 `.csv` files into numbered rows, the checks every import needs
//! ([`Findings`]), problems named by line, field and Chinese column, and a sample file. Every
//! import answers a dry run with every problem of every row, and a real run writes all rows in
//! one transaction or, with any problem, nothing. The roster (花名册) and the guides
//! (办事指南) imports are built on it.

mod columns;
mod parse;
pub mod roster;
mod sample;

pub use columns::{Columns, Findings, RawRow, RowIssue};
pub use parse::{ImportFormat, MAX_ROWS, read};
pub use roster::{ImportReport, ImportSummary, InitialPassword};
pub use sample::sample_workbook;

use crate::{FieldIssue, ServiceError};

/// The report's problems as field issues named `lines[<line>].<field>`.
pub fn issues_as_fields(issues: &[RowIssue]) -> Vec<FieldIssue> {
    issues
        .iter()
        .map(|i| FieldIssue::new(format!("lines[{}].{}", i.line, i.field), &i.zh, &i.en))
        .collect()
}

/// A real run refuses a file with any problem: 422 listing every one of them.
pub fn refuse_any(issues: &[RowIssue]) -> Result<(), ServiceError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(issues_as_fields(issues)))
    }
}
