//! Reading an import file (CSV or XLSX) into numbered rows of declared columns.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::columns::{Columns, RawRow};
use crate::ServiceError;

/// The kinds of import file accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// UTF-8 CSV, with or without a byte-order mark.
    Csv,
    /// An Excel workbook; the first sheet is read.
    Xlsx,
}

/// Most data rows in one file.
pub const MAX_ROWS: usize = 5000;

fn file_error(zh: impl Into<String>, en: impl Into<String>) -> ServiceError {
    ServiceError::invalid("file", zh, en)
}

/// Reads the header and the rows; blank rows are skipped.
pub fn read<C: Columns>(bytes: &[u8], format: ImportFormat) -> Result<Vec<RawRow<C>>, ServiceError> {
    let table = match format {
        ImportFormat::Csv => read_csv(bytes)?,
        ImportFormat::Xlsx => read_xlsx(bytes)?,
    };
    let mut lines = table.into_iter();
    let Some((_, header)) = lines.next() else {
        return Err(file_error("文件是空的", "the file is empty"));
    };
    let columns: Vec<Option<C>> = header.iter().map(|h| C::from_header(h)).collect();
    for required in C::REQUIRED.iter().copied() {
        if !columns.contains(&Some(required)) {
            return Err(file_error(
                format!("缺少必需的列：{}（{}）", required.label(), required.field()),
                format!("missing the column {}", required.field()),
            ));
        }
    }
    let mut rows = Vec::new();
    for (line, cells) in lines {
        let mut row = RawRow {
            line,
            cells: BTreeMap::new(),
        };
        for (col, value) in columns.iter().zip(cells) {
            let value = value.trim();
            if let Some(col) = col
                && !value.is_empty()
            {
                row.cells.insert(*col, value.to_owned());
            }
        }
        if !row.cells.is_empty() {
            rows.push(row);
        }
    }
    if rows.len() > MAX_ROWS {
        return Err(file_error(
            format!("一次最多导入 {MAX_ROWS} 行"),
            format!("at most {MAX_ROWS} rows per file"),
        ));
    }
    Ok(rows)
}

type Table = Vec<(u64, Vec<String>)>;

fn read_csv(bytes: &[u8]) -> Result<Table, ServiceError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                file_error(
                    format!("第 {line} 行不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8”"),
                    format!("line {line} is not UTF-8; save the file as CSV UTF-8"),
                )
            } else {
                file_error(
                    format!("第 {line} 行无法解析：{e}"),
                    format!("line {line} cannot be read: {e}"),
                )
            }
        })?;
        let line = record.position().map_or(0, |p| first_line(bytes, p));
        out.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(out)
}

/// The line a record's first field is on. A record's position starts at the blank lines before
/// it, so those are skipped here.
fn first_line(bytes: &[u8], position: &csv::Position) -> u64 {
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .filter(|b| **b == b'\n')
        .count();
    position.line() + blank as u64
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, ServiceError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        file_error(
            "无法读取该 Excel 文件，请确认是 .xlsx 格式",
            format!("cannot read the workbook: {e}"),
        )
    };
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(unreadable(&e)),
        None => return Err(file_error("工作簿中没有工作表", "the workbook has no sheet")),
    };
    let first_row = u64::from(range.start().map_or(0, |(row, _)| row));
    let first_col = range.start().map_or(0, |(_, col)| col) as usize;
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut values = vec![String::new(); first_col];
            values.extend(cells.iter().map(cell_text));
            (first_row + i as u64 + 1, values)
        })
        .collect())
}

/// A cell as the text a person sees; whole numbers (phone, staff numbers) without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string(),
    }
}
