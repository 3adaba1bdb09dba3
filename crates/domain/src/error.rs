//! Errors raised by domain rules.

/// A business rule or input format was violated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// School hours text such as `08:00-12:00,14:00-17:30` could not be accepted.
    #[error("invalid school hours: {0}")]
    InvalidSchoolHours(String),

    /// A line of a holiday calendar CSV could not be accepted (`line` is 1-based).
    #[error("invalid holiday calendar CSV at line {line}: {reason}")]
    InvalidCalendarCsv { line: usize, reason: String },

    /// A document or asset number pattern could not be accepted.
    #[error("invalid number pattern: {0}")]
    InvalidNumberPattern(String),

    /// A value lies outside its permitted range.
    #[error("{field} is out of range: {reason}")]
    OutOfRange { field: &'static str, reason: String },
}
