//! Line items (明细): a table of rows with typed columns (text, money, number, date), e.g. a
//! claim's expenses. Each cell is checked like a field of its kind; a money or number field may
//! be computed as the sum of one column (`computedFrom: "lines.amount"`), so a claim's total
//! comes from its lines and the applicant cannot type it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::values::{Problem, Refs, check_value};
use super::{FieldDef, FieldKind, FormIssue};

/// Most columns of a line-items field.
pub const MAX_COLUMNS: usize = 10;

/// What a column of line items holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    /// Whole fen, `>= 0`.
    Money,
    Number,
    Date,
}

/// One column of a line-items field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnDef {
    /// Identifier in each row: same rules as a field key, unique among the columns.
    pub key: String,
    pub label: String,
    pub kind: ColumnKind,
    /// Every row must fill this cell.
    #[serde(default)]
    pub required: bool,
}

impl ColumnDef {
    /// The column as a field of its kind, so that a cell is checked exactly like a field.
    fn as_field(&self) -> FieldDef {
        let kind = match self.kind {
            ColumnKind::Text => FieldKind::Text,
            ColumnKind::Money => FieldKind::Money,
            ColumnKind::Number => FieldKind::Number,
            ColumnKind::Date => FieldKind::Date,
        };
        FieldDef {
            key: self.key.clone(),
            label: self.label.clone(),
            kind,
            required: self.required,
            min: None,
            max: None,
            min_length: None,
            max_length: None,
            options: Vec::new(),
            placeholder: None,
            help: None,
            computed_from: None,
            columns: Vec::new(),
        }
    }
}

/// The designer's check of a line-items field's columns; paths are `fields[i].columns[j].key`.
pub(super) fn check_columns(field: &FieldDef, path: &dyn Fn(&str) -> String, issues: &mut Vec<FormIssue>) {
    if field.kind != FieldKind::LineItems {
        if !field.columns.is_empty() {
            issues.push(FormIssue::new(
                path("columns"),
                "只有明细字段使用列",
                "only a line_items field has columns",
            ));
        }
        return;
    }
    if field.columns.is_empty() || field.columns.len() > MAX_COLUMNS {
        issues.push(FormIssue::new(
            path("columns"),
            format!("明细须有 1 到 {MAX_COLUMNS} 列"),
            format!("line items need 1 to {MAX_COLUMNS} columns"),
        ));
    }
    let mut keys = std::collections::HashSet::new();
    for (index, column) in field.columns.iter().enumerate() {
        let at = |name: &str| path(&format!("columns[{index}].{name}"));
        if super::check::key_problem(&column.key).is_some() {
            issues.push(FormIssue::new(
                at("key"),
                "列标识须以小写英文字母开头，只含英文字母、数字和下划线",
                "a column key starts with a lowercase letter and has only letters, digits and '_'",
            ));
        } else if !keys.insert(column.key.as_str()) {
            issues.push(FormIssue::new(
                at("key"),
                format!("列标识“{}”重复", column.key),
                format!("column key {:?} is used twice", column.key),
            ));
        }
        let label = column.label.trim().chars().count();
        if label == 0 || label > super::kinds::MAX_LABEL_CHARS {
            issues.push(FormIssue::new(
                at("label"),
                "列名称须为 1 到 40 个字",
                "a column label has 1 to 40 characters",
            ));
        }
    }
}

/// The column `source` (`lines.amount`) names, when it names a column of a line-items field.
pub(super) fn summed_column<'a>(fields: &'a [FieldDef], source: &str) -> Option<&'a ColumnDef> {
    let (lines, column) = source.split_once('.')?;
    fields
        .iter()
        .find(|f| f.key == lines && f.kind == FieldKind::LineItems)?
        .columns
        .iter()
        .find(|c| c.key == column)
}

/// Checks the rows of a given (non-empty) line-items value; returns them normalised (blank
/// cells left out). A problem in a cell names it: `[2].amount`, after the field's key.
pub(super) fn check_rows(field: &FieldDef, raw: &Value, refs: &mut Refs) -> Result<Value, Problem> {
    let rows = raw
        .as_array()
        .ok_or_else(|| Problem::new("明细应为行的列表", "line items are a list of rows"))?;
    let max = field.max_length.unwrap_or(field.kind.default_max_length()) as usize;
    if let Some(min) = field.min_length
        && rows.len() < min as usize
    {
        return Err(Problem::new(
            format!("至少填写 {min} 行"),
            format!("needs at least {min} rows"),
        ));
    }
    if rows.len() > max {
        return Err(Problem::new(
            format!("最多 {max} 行"),
            format!("at most {max} rows"),
        ));
    }
    let mut out = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        let cells = row
            .as_object()
            .ok_or_else(|| Problem::new("每行应为对象", "each row is an object").at(format!("[{index}]")))?;
        if let Some(unknown) = cells.keys().find(|k| !field.columns.iter().any(|c| &c.key == *k)) {
            return Err(Problem::new(
                format!("明细中没有列“{unknown}”"),
                format!("the line items have no column {unknown:?}"),
            )
            .at(format!("[{index}].{unknown}")));
        }
        let mut normalised = Map::new();
        for column in &field.columns {
            let cell = cells.get(&column.key).unwrap_or(&Value::Null);
            let blank = cell.is_null() || cell.as_str().is_some_and(|s| s.trim().is_empty());
            let at = format!("[{index}].{}", column.key);
            if blank {
                if column.required {
                    return Err(Problem::new(
                        format!("请填写第 {} 行的{}", index + 1, column.label),
                        format!("row {}: {} is required", index + 1, column.label),
                    )
                    .at(at));
                }
                continue;
            }
            let value = check_value(&column.as_field(), cell, refs).map_err(|p| p.at(at))?;
            normalised.insert(column.key.clone(), value);
        }
        out.push(Value::Object(normalised));
    }
    Ok(Value::Array(out))
}

/// The sum of `column` over the rows of `lines` (whole fen for money); `None` without rows.
pub(super) fn column_sum(lines: &Value, column: &ColumnDef) -> Option<Value> {
    let rows = lines.as_array().filter(|rows| !rows.is_empty())?;
    let cells = rows.iter().filter_map(|row| row.get(&column.key));
    Some(match column.kind {
        ColumnKind::Money => Value::from(cells.filter_map(Value::as_i64).sum::<i64>()),
        _ => Value::from(cells.filter_map(Value::as_f64).sum::<f64>()),
    })
}
