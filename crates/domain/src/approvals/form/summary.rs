//! A one-line summary of submitted values, shown as the title of a task in inboxes.

use serde_json::{Map, Value};

use super::{FieldDef, FieldKind, FormSchema};

/// How many fields a summary shows.
const SUMMARY_FIELDS: usize = 3;
/// Longest text shown for one field before it is cut with "…".
const SUMMARY_TEXT_CHARS: usize = 30;

impl FormSchema {
    /// "请假类型：事假；天数：5": the first three fields that have a value, in form order. Users,
    /// departments and attachments are left out (ids mean nothing to a reader); money is shown in
    /// yuan (`¥1,234.50`), a date range as `2026-11-23 至 2026-11-27`.
    pub fn summary(&self, values: &Map<String, Value>) -> String {
        self.fields
            .iter()
            .filter_map(|field| {
                let text = shown(field, values.get(&field.key)?)?;
                Some(format!("{}：{text}", field.label))
            })
            .take(SUMMARY_FIELDS)
            .collect::<Vec<_>>()
            .join("；")
    }
}

fn shown(field: &FieldDef, value: &Value) -> Option<String> {
    let text = match (&field.kind, value) {
        (FieldKind::User | FieldKind::Department | FieldKind::Attachments, _) => return None,
        (FieldKind::Money, value) => yuan(value.as_i64()?),
        (FieldKind::LineItems, Value::Array(rows)) => format!("{} 项", rows.len()),
        (FieldKind::Number, Value::Number(number)) => match number.as_i64() {
            Some(whole) => whole.to_string(),
            None => number.as_f64()?.to_string(),
        },
        (FieldKind::DateRange, Value::Object(range)) => {
            format!(
                "{} 至 {}",
                range.get("start")?.as_str()?,
                range.get("end")?.as_str()?
            )
        }
        (FieldKind::MultiSelect, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("、"),
        (_, Value::String(text)) => one_line(text),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Whitespace runs (newlines included) become one space; long text is cut.
fn one_line(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= SUMMARY_TEXT_CHARS {
        return words;
    }
    let mut cut: String = words.chars().take(SUMMARY_TEXT_CHARS).collect();
    cut.push('…');
    cut
}

/// An amount in fen as yuan with thousands separators: `123450` → `¥1,234.50`.
pub(super) fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let digits = (fen / 100).to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}¥{grouped}.{:02}", fen % 100)
}
