//! The columns of an import and the problems found in its rows. A module declares its columns
//! once (field name, Chinese headers, which are required); reading, the sample file and the
//! error report follow from that.

use std::collections::BTreeMap;

/// The columns of one kind of import file.
pub trait Columns: Copy + Ord + 'static {
    /// Every column, in the sample file's order.
    const ALL: &'static [Self];
    /// Columns the header must contain.
    const REQUIRED: &'static [Self];

    /// The field name in reports (camelCase, also accepted as the header).
    fn field(self) -> &'static str;

    /// The Chinese headers accepted; the first is the sample's and the report's.
    fn headers(self) -> &'static [&'static str];

    fn label(self) -> &'static str {
        self.headers()[0]
    }

    fn from_header(header: &str) -> Option<Self> {
        let header = header.trim().trim_start_matches('\u{feff}');
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.field().eq_ignore_ascii_case(header) || c.headers().contains(&header))
    }
}

/// One data row: its line in the file (the header is line 1) and its non-empty cells, trimmed.
#[derive(Debug, Clone)]
pub struct RawRow<C> {
    pub line: u64,
    pub cells: BTreeMap<C, String>,
}

impl<C: Columns> RawRow<C> {
    pub fn get(&self, col: C) -> Option<&str> {
        self.cells.get(&col).map(String::as_str)
    }
}

/// One problem with one cell of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// Line in the file; the header is line 1.
    pub line: u64,
    /// Column, as the camelCase field name.
    pub field: &'static str,
    /// Column, as its Chinese header.
    pub column: &'static str,
    pub zh: String,
    pub en: String,
}

impl RowIssue {
    pub fn new(line: u64, col: impl Columns, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            line,
            field: col.field(),
            column: col.label(),
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// The problems found so far, with the checks every import needs.
#[derive(Debug, Default)]
pub struct Findings {
    pub issues: Vec<RowIssue>,
}

impl Findings {
    pub fn issue(&mut self, line: u64, col: impl Columns, zh: impl Into<String>, en: impl Into<String>) {
        self.issues.push(RowIssue::new(line, col, zh, en));
    }

    /// The cell, with a problem when it is longer than `max` characters.
    pub fn max_len<C: Columns>(&mut self, row: &RawRow<C>, col: C, max: u64) -> Option<String> {
        let value = row.get(col)?;
        if value.chars().count() as u64 > max {
            self.issue(
                row.line,
                col,
                format!("最多 {max} 个字符"),
                format!("at most {max} characters"),
            );
        }
        Some(value.to_owned())
    }

    /// The cell, with a problem when it is empty or longer than `max` characters.
    pub fn required<C: Columns>(&mut self, row: &RawRow<C>, col: C, max: u64) -> Option<String> {
        let value = self.max_len(row, col, max);
        if value.is_none() {
            self.issue(row.line, col, "必填", "is required");
        }
        value
    }

    /// 是/否 (also true/false, 1/0, y/n); empty is `default`.
    pub fn yes_no<C: Columns>(&mut self, row: &RawRow<C>, col: C, default: bool) -> bool {
        match row.get(col).map(str::to_lowercase).as_deref() {
            None => default,
            Some("是" | "true" | "1" | "y" | "yes") => true,
            Some("否" | "false" | "0" | "n" | "no") => false,
            Some(_) => {
                self.issue(row.line, col, "请填写“是”或“否”", "write 是 (yes) or 否 (no)");
                default
            }
        }
    }

    /// Whether a row has no problem.
    pub fn clean(&self, line: u64) -> bool {
        self.issues.iter().all(|i| i.line != line)
    }
}
