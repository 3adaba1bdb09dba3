//! Evaluation over submitted values. Never fails: a missing field or a value of another type makes
//! the comparison false.

use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::ast::{CmpOp, Expr, FieldRef, Literal, Part};
use crate::approvals::form::strict_date;

/// What a field reference found in the values.
enum Found<'a> {
    Number(f64),
    Text(&'a str),
    Bool(bool),
    List(&'a [Value]),
    /// An object (a date range as a whole): only truthiness applies.
    Object(bool),
}

impl Expr {
    pub(super) fn eval(&self, values: &Map<String, Value>) -> bool {
        match self {
            Self::Const(value) => *value,
            Self::Truthy(field) => resolve(field, values).is_some_and(truthy),
            Self::Not(inner) => !inner.eval(values),
            Self::And(parts) => parts.iter().all(|part| part.eval(values)),
            Self::Or(parts) => parts.iter().any(|part| part.eval(values)),
            Self::Compare(field, op, literal) => {
                resolve(field, values).is_some_and(|found| compare(&found, *op, literal))
            }
            Self::In {
                field,
                items,
                negated,
            } => resolve(field, values).is_some_and(|found| in_list(&found, items, *negated)),
            Self::Contains(field, literal) => match resolve(field, values) {
                Some(Found::List(elements)) => elements
                    .iter()
                    .filter_map(found)
                    .any(|element| compare(&element, CmpOp::Eq, literal)),
                _ => false,
            },
        }
    }
}

fn found(value: &Value) -> Option<Found<'_>> {
    match value {
        Value::Null => None,
        Value::Bool(value) => Some(Found::Bool(*value)),
        Value::Number(number) => number.as_f64().map(Found::Number),
        Value::String(text) => Some(Found::Text(text)),
        Value::Array(items) => Some(Found::List(items)),
        Value::Object(entries) => Some(Found::Object(!entries.is_empty())),
    }
}

fn resolve<'a>(field: &FieldRef, values: &'a Map<String, Value>) -> Option<Found<'a>> {
    let value = values.get(&field.key)?;
    let end = |name: &str| value.get(name).and_then(Value::as_str);
    match field.part {
        Part::Whole => found(value),
        Part::Start => end("start").map(Found::Text),
        Part::End => end("end").map(Found::Text),
        Part::Days => {
            let start = strict_date(end("start")?)?;
            let last = strict_date(end("end")?)?;
            let days = (last - start).num_days();
            (days >= 0).then(|| Found::Number((days + 1) as f64))
        }
    }
}

fn truthy(found: Found<'_>) -> bool {
    match found {
        Found::Number(number) => number != 0.0,
        Found::Text(text) => !text.is_empty(),
        Found::Bool(value) => value,
        Found::List(items) => !items.is_empty(),
        Found::Object(non_empty) => non_empty,
    }
}

/// How the value orders against the literal, when both have the same type.
fn order(found: &Found<'_>, literal: &Literal) -> Option<Ordering> {
    match (found, literal) {
        (Found::Number(value), Literal::Number(other)) => value.partial_cmp(other),
        (Found::Text(value), Literal::Str(other)) => Some((*value).cmp(other.as_str())),
        (Found::Bool(value), Literal::Bool(other)) => Some(value.cmp(other)),
        _ => None,
    }
}

fn compare(found: &Found<'_>, op: CmpOp, literal: &Literal) -> bool {
    let Some(ordering) = order(found, literal) else {
        return false;
    };
    // true > false means nothing to a form designer: booleans only compare for (in)equality.
    if matches!(found, Found::Bool(_)) && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return false;
    }
    match op {
        CmpOp::Eq => ordering == Ordering::Equal,
        CmpOp::Ne => ordering != Ordering::Equal,
        CmpOp::Gt => ordering == Ordering::Greater,
        CmpOp::Ge => ordering != Ordering::Less,
        CmpOp::Lt => ordering == Ordering::Less,
        CmpOp::Le => ordering != Ordering::Greater,
    }
}

/// Items of another type than the value are ignored; with none of its type, the test is false
/// either way (a type mismatch).
fn in_list(found: &Found<'_>, items: &[Literal], negated: bool) -> bool {
    let mut comparable = items.iter().filter_map(|item| order(found, item)).peekable();
    if comparable.peek().is_none() {
        return false;
    }
    let hit = comparable.any(|ordering| ordering == Ordering::Equal);
    hit != negated
}
