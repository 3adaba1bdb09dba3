//! Column values to JSON and back, by [`Kind`]. Timestamps keep every fraction digit the
//! database stored, because the audit chain hashes them.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sea_orm::Value;
use serde_json::Value as Json;
use uuid::Uuid;

use super::Kind;
use super::SnapshotError;

pub(super) fn to_json(value: Value) -> Result<Json, SnapshotError> {
    Ok(match value {
        Value::Bool(v) => v.map_or(Json::Null, Json::Bool),
        Value::SmallInt(v) => v.map_or(Json::Null, Json::from),
        Value::Int(v) => v.map_or(Json::Null, Json::from),
        Value::BigInt(v) => v.map_or(Json::Null, Json::from),
        Value::String(v) => v.map_or(Json::Null, Json::String),
        Value::Uuid(v) => v.map_or(Json::Null, |v| Json::String(v.hyphenated().to_string())),
        Value::ChronoDateTimeUtc(v) => v.map_or(Json::Null, |v| {
            Json::String(v.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }),
        Value::ChronoDate(v) => v.map_or(Json::Null, |v| Json::String(v.format("%Y-%m-%d").to_string())),
        other => {
            return Err(SnapshotError::Refused(format!(
                "the snapshot cannot write a {other:?} value"
            )));
        }
    })
}

/// The typed value of `json` for a column of `kind`; `null` is a typed NULL.
pub(super) fn from_json(kind: Kind, json: &Json) -> Result<Value, String> {
    if json.is_null() {
        return Ok(match kind {
            Kind::Uuid => Value::Uuid(None),
            Kind::Text => Value::String(None),
            Kind::I16 => Value::SmallInt(None),
            Kind::I32 => Value::Int(None),
            Kind::I64 => Value::BigInt(None),
            Kind::Bool => Value::Bool(None),
            Kind::Timestamp => Value::ChronoDateTimeUtc(None),
            Kind::Date => Value::ChronoDate(None),
        });
    }
    let text = || {
        json.as_str()
            .ok_or_else(|| format!("expected a string, found {json}"))
    };
    let int = || {
        json.as_i64()
            .ok_or_else(|| format!("expected an integer, found {json}"))
    };
    Ok(match kind {
        Kind::Uuid => Value::Uuid(Some(Uuid::parse_str(text()?).map_err(|e| e.to_string())?)),
        Kind::Text => Value::String(Some(text()?.to_owned())),
        Kind::I16 => Value::SmallInt(Some(i16::try_from(int()?).map_err(|e| e.to_string())?)),
        Kind::I32 => Value::Int(Some(i32::try_from(int()?).map_err(|e| e.to_string())?)),
        Kind::I64 => Value::BigInt(Some(int()?)),
        Kind::Bool => Value::Bool(Some(
            json.as_bool()
                .ok_or_else(|| format!("expected true or false, found {json}"))?,
        )),
        Kind::Timestamp => Value::ChronoDateTimeUtc(Some(
            DateTime::parse_from_rfc3339(text()?)
                .map_err(|e| e.to_string())?
                .with_timezone(&Utc),
        )),
        Kind::Date => Value::ChronoDate(Some(
            NaiveDate::parse_from_str(text()?, "%Y-%m-%d").map_err(|e| e.to_string())?,
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(kind: Kind, value: Value) -> Value {
        let json = to_json(value).unwrap_or(Json::Null);
        from_json(kind, &json).unwrap_or(Value::Bool(None))
    }

    #[test]
    fn every_kind_comes_back_as_it_went_out() {
        let at = DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap_or_default();
        let cases = [
            (Kind::Uuid, Value::Uuid(Some(Uuid::now_v7()))),
            (Kind::Text, Value::String(Some("校办 \"quoted\"\n".to_owned()))),
            (Kind::I16, Value::SmallInt(Some(-3))),
            (Kind::I32, Value::Int(Some(i32::MAX))),
            (Kind::I64, Value::BigInt(Some(i64::MIN))),
            (Kind::Bool, Value::Bool(Some(true))),
            (Kind::Timestamp, Value::ChronoDateTimeUtc(Some(at))),
            (
                Kind::Date,
                Value::ChronoDate(NaiveDate::from_ymd_opt(2026, 10, 1)),
            ),
            (Kind::Text, Value::String(None)),
            (Kind::Timestamp, Value::ChronoDateTimeUtc(None)),
        ];
        for (kind, value) in cases {
            assert_eq!(round_trip(kind, value.clone()), value, "{kind:?}");
        }
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_refused() {
        assert!(from_json(Kind::I16, &Json::from(70_000)).is_err());
        assert!(from_json(Kind::Uuid, &Json::from("not-a-uuid")).is_err());
        assert!(from_json(Kind::Bool, &Json::from(1)).is_err());
    }
}
