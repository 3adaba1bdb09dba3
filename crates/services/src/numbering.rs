//! Human-readable numbers (收文编号, 发文字号, asset numbers): gapless per counter and year.

use xiaoban_domain::numbering::NumberPattern;
use xiaoban_persistence::{ConnectionTrait, numbering};

use crate::ServiceError;

/// Registers a numbering series with its default pattern if it is not there yet.
pub async fn ensure_series(
    db: &impl ConnectionTrait,
    code: &str,
    name: &str,
    default_pattern: &str,
    counter: &str,
) -> Result<(), ServiceError> {
    NumberPattern::parse(default_pattern)?;
    Ok(numbering::ensure_series(db, code, name, default_pattern, counter).await?)
}

/// Allocates the next number of `series` for `year` (the school's calendar year). Call it inside the transaction that stores
/// the numbered record: concurrent callers queue on the counter, and a rollback frees the number.
pub async fn allocate(tx: &impl ConnectionTrait, series: &str, year: i32) -> Result<String, ServiceError> {
    let row = numbering::find_series(tx, series)
        .await?
        .ok_or_else(|| ServiceError::Internal(format!("numbering series {series} is not registered")))?;
    let pattern = NumberPattern::parse(&row.pattern)?;
    allocate_on(tx, &row.counter, &pattern, year).await
}

/// The pattern of a registered series.
pub async fn series_pattern(
    tx: &impl ConnectionTrait,
    series: &str,
) -> Result<(NumberPattern, String), ServiceError> {
    let row = numbering::find_series(tx, series)
        .await?
        .ok_or_else(|| ServiceError::Internal(format!("numbering series {series} is not registered")))?;
    Ok((NumberPattern::parse(&row.pattern)?, row.counter))
}

/// Allocates the next number of `pattern` from `counter` (a record's own pattern, e.g. an
/// approval template's). Same transaction rule as [`allocate`].
pub async fn allocate_on(
    tx: &impl ConnectionTrait,
    counter: &str,
    pattern: &NumberPattern,
    year: i32,
) -> Result<String, ServiceError> {
    // A pattern without {year} never restarts: all its numbers share the counter of "year 0".
    let counter_year = if pattern.has_year() { year } else { 0 };
    let value = numbering::next_value(tx, counter, counter_year).await?;
    let seq = u64::try_from(value).map_err(|_| ServiceError::Internal(format!("counter {value} < 0")))?;
    Ok(pattern.format(year, seq))
}
