//! An import's sample file: every column under its Chinese header and example rows that pass
//! the check, so a clerk starts from a file that works.

use super::columns::Columns;
use crate::ServiceError;
use crate::export::{Cell, Column, SheetWriter};

/// The sample workbook: `sheet` holding the header and `rows` (cells in `C::ALL` order).
pub fn sample_workbook<C: Columns>(
    sheet: &str,
    rows: &[&[&str]],
    timezone: chrono_tz::Tz,
) -> Result<Vec<u8>, ServiceError> {
    let columns: Vec<Column> = C::ALL
        .iter()
        .map(|col| Column {
            header: col.label(),
            width: 16.0,
        })
        .collect();
    let mut writer = SheetWriter::new(sheet, &columns, timezone)?;
    for row in rows {
        let cells: Vec<Cell> = row.iter().map(|value| Cell::from(*value)).collect();
        writer.push(&cells)?;
    }
    writer.finish()
}
