//! Tests of step conditions: grammar, error positions, evaluation rules, limits, properties.

mod evaluate;
mod parse;
mod properties;

use serde_json::{Map, Value, json};

use super::{Condition, ConditionError};

/// Parses and evaluates `src` over `values` (a JSON object).
fn holds(src: &str, values: Value) -> bool {
    let values: Map<String, Value> = values.as_object().cloned().unwrap();
    Condition::parse(src).unwrap().evaluate(&values)
}

/// The error of a condition that must not parse.
fn refused(src: &str) -> ConditionError {
    match Condition::parse(src) {
        Ok(condition) => panic!("parsed {src:?} as {condition:?}"),
        Err(error) => error,
    }
}
