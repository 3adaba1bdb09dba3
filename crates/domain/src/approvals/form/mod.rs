//! The form of an approval template: typed fields designed by the office, and the server-side check
//! of the values an applicant submits.
//!
//! Values travel as one JSON object keyed by field key:
//!
//! | kind | value |
//! | --- | --- |
//! | `text`, `long_text` | string, trimmed; at most 200 / 5000 characters unless `maxLength` says less |
//! | `number` | JSON number |
//! | `money` | whole number of fen (分), `>= 0` unless `min` says otherwise, at most 10^12 |
//! | `date` | `"YYYY-MM-DD"` |
//! | `date_range` | `{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}`, start not after end |
//! | `select` | one of `options` |
//! | `multi_select` | array of distinct `options` |
//! | `user`, `department` | UUID string |
//! | `attachments` | array of distinct file ids (UUID strings), at most 20 unless `maxLength` says otherwise |
//! | `line_items` | array of rows, each an object of `columns` cells (text, money in fen, number, date); rows bounded by `minLength`/`maxLength` (at most 50 unless `maxLength` says otherwise, 100 at most) |
//!
//! Absent, `null`, `""` and `[]` all mean "not given".

mod check;
mod computed;
mod conditions;
mod kinds;
mod lines;
mod summary;
mod validate;
mod values;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use lines::{ColumnDef, ColumnKind};
pub(crate) use values::strict_date;

/// What a field holds; decides the value encoding and which limits apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    LongText,
    Number,
    Money,
    Date,
    DateRange,
    Select,
    MultiSelect,
    User,
    Department,
    Attachments,
    /// 明细: rows with typed columns (`columns`).
    LineItems,
}

/// One field of a template's form, as the designer defined it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldDef {
    /// Identifier used in values and conditions: `^[a-z][a-zA-Z0-9_]{0,39}$`, unique in the form.
    pub key: String,
    /// Label shown in the UI (1–40 characters).
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Lower bound: the value for `number`, fen (whole) for `money`; not used by other kinds.
    #[serde(default)]
    pub min: Option<f64>,
    /// Upper bound: the value for `number`, fen (whole) for `money`; not used by other kinds.
    #[serde(default)]
    pub max: Option<f64>,
    /// Characters for `text`/`long_text`, items for `multi_select`/`attachments`.
    #[serde(default)]
    pub min_length: Option<u32>,
    /// Characters for `text`/`long_text`, items for `multi_select`/`attachments`.
    #[serde(default)]
    pub max_length: Option<u32>,
    /// The choices of `select`/`multi_select`: 1–50 distinct non-empty options.
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub placeholder: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    /// A field the server computes and the applicant does not type: a `number` field naming a
    /// `date_range` field holds its working days (half days counted) on the school calendar; a
    /// `money` or `number` field naming a column of a `line_items` field (`lines.amount`) holds
    /// the column's sum. A typed value is ignored; conditions read the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed_from: Option<String>,
    /// The columns of a `line_items` field (1–10); not used by other kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnDef>,
}

/// The form of an approval template: its fields in display order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FormSchema {
    pub fields: Vec<FieldDef>,
}

/// Submitted values after [`FormSchema::validate`], with the references the service must still
/// check against the database (does the user exist, may the applicant attach that file).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckedForm {
    /// Normalised values: trimmed strings, canonical UUIDs; fields not given are left out.
    pub values: serde_json::Map<String, serde_json::Value>,
    /// `(field key, user id)` for every `user` field given.
    pub users: Vec<(String, uuid::Uuid)>,
    /// `(field key, department id)` for every `department` field given.
    pub departments: Vec<(String, uuid::Uuid)>,
    /// `(field key, file id)` for every attachment given.
    pub files: Vec<(String, uuid::Uuid)>,
}

/// One problem with a schema or with submitted values, in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormIssue {
    /// The value key (`days`) for [`FormSchema::validate`], "" for the values object itself;
    /// the schema path (`fields[3].options`) for [`FormSchema::check`].
    pub field: String,
    pub zh: String,
    pub en: String,
}

impl FormIssue {
    pub fn new(field: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            zh: zh.into(),
            en: en.into(),
        }
    }
}

impl FormSchema {
    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|field| field.key == key)
    }
}
