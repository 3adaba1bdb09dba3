//! The shared Excel export: every register (approvals, documents, assets, …) turns its list
//! into a [`Sheet`] and gets an `.xlsx` back with the same look — a bold header row that stays
//! in view, filters on every column, times in the school's time zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::ServiceError;

/// The content type of an `.xlsx` answer.
pub const XLSX_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Most rows one export may hold; a larger register is exported in parts by its filters.
pub const MAX_ROWS: usize = 20_000;

/// Rows read from the database at a time while exporting.
pub const BATCH: u64 = 500;

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

/// A register to export whole: a sheet name, its columns and its rows (each as long as
/// `columns`). Long registers use [`SheetWriter`] batch by batch instead.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: &'static str,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The workbook's bytes.
    pub fn to_xlsx(&self, timezone: Tz) -> Result<Vec<u8>, ServiceError> {
        let mut writer = SheetWriter::new(self.name, self.columns, timezone)?;
        for row in &self.rows {
            writer.push(row)?;
        }
        writer.finish()
    }
}

/// Writes a sheet row by row. The worksheet runs in constant-memory mode: each finished row goes
/// to a temporary file, so memory holds one row (and the caller one batch), not the register;
/// the compressed file is assembled at [`SheetWriter::finish`]. Text is always written as text,
/// never as a formula, so a title starting with `=` cannot run anything when the file is opened.
pub struct SheetWriter {
    workbook: Workbook,
    columns: usize,
    rows: u32,
    timezone: Tz,
}

impl SheetWriter {
    pub fn new(name: &str, columns: &[Column], timezone: Tz) -> Result<Self, ServiceError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet_with_constant_memory().map_err(failed)?;
        sheet.set_name(name).map_err(failed)?;
        let bold = Format::new().set_bold();
        for (col, column) in (0u16..).zip(columns) {
            sheet
                .write_string_with_format(0, col, column.header, &bold)
                .map_err(failed)?;
            sheet.set_column_width(col, column.width).map_err(failed)?;
        }
        Ok(Self {
            workbook,
            columns: columns.len(),
            rows: 0,
            timezone,
        })
    }

    /// Data rows written so far.
    pub fn rows(&self) -> usize {
        self.rows as usize
    }

    pub fn push(&mut self, cells: &[Cell]) -> Result<(), ServiceError> {
        let row = self.rows.saturating_add(1);
        let timezone = self.timezone;
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        write_row(sheet, row, cells, timezone).map_err(failed)?;
        self.rows = row;
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, ServiceError> {
        let last_col = u16::try_from(self.columns.saturating_sub(1)).unwrap_or(0);
        let last_row = self.rows;
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        sheet.autofilter(0, 0, last_row, last_col).map_err(failed)?;
        self.workbook.save_to_buffer().map_err(failed)
    }
}

fn failed(e: XlsxError) -> ServiceError {
    ServiceError::Internal(format!("xlsx export: {e}"))
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[Cell], timezone: Tz) -> Result<(), XlsxError> {
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
    Ok(())
}

/// The 422 for a register longer than one export may be.
pub fn too_many_rows() -> ServiceError {
    ServiceError::invalid(
        "filters",
        format!("一次最多导出 {MAX_ROWS} 条，请缩小筛选范围"),
        format!("At most {MAX_ROWS} rows per export; narrow the filters"),
    )
}
