//! A request's number: the template's own pattern (`QJ-{year}-{seq:04}`), else the engine's
//! series (`SP-{year}-{seq}`). Allocated in the submitting transaction only, so drafts and
//! rolled-back submissions take none.

use xiaoban_domain::approvals::definition::Definition;
use xiaoban_domain::numbering::NumberPattern;
use xiaoban_persistence::ConnectionTrait;

use super::NUMBER_SERIES;
use crate::{ServiceError, numbering};

pub(crate) async fn allocate(
    tx: &impl ConnectionTrait,
    def: &Definition,
    year: i32,
) -> Result<String, ServiceError> {
    let Some(source) = &def.options.number_pattern else {
        return numbering::allocate(tx, NUMBER_SERIES, year).await;
    };
    let pattern = NumberPattern::parse(source)?;
    let (engine_pattern, engine_counter) = numbering::series_pattern(tx, NUMBER_SERIES).await?;
    // One counter per shape (padding aside): `QJ-{year}-{seq}` and `QJ-{year}-{seq:04}` print
    // the same `QJ-2026-1000`, and the engine's own shape keeps the engine's counter, so numbers
    // stay unique across templates.
    let counter = if pattern.shape() == engine_pattern.shape() {
        engine_counter
    } else {
        format!("{NUMBER_SERIES}:{}", pattern.shape())
    };
    numbering::allocate_on(tx, &counter, &pattern, year).await
}
