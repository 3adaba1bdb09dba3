//! The shared Excel export: every register (approvals, documents, assets, …) turns its list
//! into a [`Sheet`] and gets an `.xlsx` back with the same look — a bold header row that stays
//! in view, filters on every column, times in the school's time zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::ServiceError;

/// The content type of an `.xlsx` answer.
pub const XLSX_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Most rows one export may hold; a larger register is exported in parts by its filters.
pub const MAX_ROWS: usize = 20_000;

/// One column: its Chinese header and width in characters.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// Shown as `2026-03-02 09:00` in the school's time zone.
    Time(DateTime<Utc>),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<Option<DateTime<Utc>>> for Cell {
    fn from(time: Option<DateTime<Utc>>) -> Self {
        time.map_or(Self::Empty, Self::Time)
    }
}

/// A register to export: a sheet name, its columns and its rows (each as long as `columns`).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: &'static str,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The workbook's bytes. Text is always written as text, never as a formula, so a title
    /// starting with `=` cannot run anything when the file is opened.
    pub fn to_xlsx(&self, timezone: Tz) -> Result<Vec<u8>, ServiceError> {
        self.write(timezone)
            .map_err(|e| ServiceError::Internal(format!("xlsx export: {e}")))
    }

    fn write(&self, timezone: Tz) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(self.name)?;
        let bold = Format::new().set_bold();
        for (col, column) in (0u16..).zip(self.columns) {
            sheet.write_string_with_format(0, col, column.header, &bold)?;
            sheet.set_column_width(col, column.width)?;
        }
        for (row, cells) in (1u32..).zip(&self.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(row, col, text)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row, col, *n)?;
                    }
                    Cell::Time(t) => {
                        let local = t.with_timezone(&timezone).format("%Y-%m-%d %H:%M");
                        sheet.write_string(row, col, local.to_string())?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        let last_col = u16::try_from(self.columns.len().saturating_sub(1)).unwrap_or(0);
        sheet.autofilter(0, 0, last_row, last_col)?;
        workbook.save_to_buffer()
    }
}
