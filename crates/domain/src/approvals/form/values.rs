//! The check of one given (non-blank) value, per kind of field.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::kinds::MONEY_LIMIT_FEN;
use super::summary::yuan;
use super::{FieldDef, FieldKind};

/// What is wrong with one value, in both UI languages.
pub(super) struct Problem {
    pub zh: String,
    pub en: String,
    /// Where inside the value, after the field's key (`[2].amount` for a cell of line items).
    pub at: String,
}

impl Problem {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        problem(zh, en)
    }

    /// The same problem, one level further in: `at` goes before what is already there.
    pub fn at(mut self, at: String) -> Self {
        self.at = at + &self.at;
        self
    }
}

fn problem(zh: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem {
        zh: zh.into(),
        en: en.into(),
        at: String::new(),
    }
}

/// Ids found in one value, for the service to look up.
#[derive(Default)]
pub(super) struct Refs {
    pub users: Vec<Uuid>,
    pub departments: Vec<Uuid>,
    pub files: Vec<Uuid>,
}

/// Checks a value that is given and returns it normalised.
pub(super) fn check_value(field: &FieldDef, raw: &Value, refs: &mut Refs) -> Result<Value, Problem> {
    match field.kind {
        FieldKind::Text | FieldKind::LongText => text(field, raw),
        FieldKind::Number => number(field, raw),
        FieldKind::Money => money(field, raw),
        FieldKind::Date => Ok(Value::String(date(raw)?.to_string())),
        FieldKind::DateRange => date_range(raw),
        FieldKind::Select => choice(field, raw).map(Value::String),
        FieldKind::MultiSelect => multi_select(field, raw),
        FieldKind::User => {
            let id = id(raw).ok_or_else(|| problem("请选择有效的用户", "must be a user id (UUID)"))?;
            refs.users.push(id);
            Ok(Value::String(id.to_string()))
        }
        FieldKind::Department => {
            let id = id(raw).ok_or_else(|| problem("请选择有效的部门", "must be a department id (UUID)"))?;
            refs.departments.push(id);
            Ok(Value::String(id.to_string()))
        }
        FieldKind::Attachments => attachments(field, raw, refs),
        FieldKind::LineItems => super::lines::check_rows(field, raw, refs),
    }
}

fn text(field: &FieldDef, raw: &Value) -> Result<Value, Problem> {
    let text = raw
        .as_str()
        .ok_or_else(|| problem("应为文本", "must be text"))?
        .trim();
    let chars = text.chars().count();
    let max = field.max_length.unwrap_or(field.kind.default_max_length());
    if let Some(min) = field.min_length
        && chars < min as usize
    {
        return Err(problem(
            format!("至少 {min} 个字"),
            format!("must have at least {min} characters"),
        ));
    }
    if chars > max as usize {
        return Err(problem(
            format!("不能超过 {max} 个字"),
            format!("must have at most {max} characters"),
        ));
    }
    Ok(Value::String(text.to_owned()))
}

fn number(field: &FieldDef, raw: &Value) -> Result<Value, Problem> {
    let number = raw
        .as_f64()
        .filter(|number| number.is_finite())
        .ok_or_else(|| problem("应为数字", "must be a number"))?;
    if let Some(min) = field.min
        && number < min
    {
        return Err(problem(
            format!("不能小于 {min}"),
            format!("must be at least {min}"),
        ));
    }
    if let Some(max) = field.max
        && number > max
    {
        return Err(problem(
            format!("不能大于 {max}"),
            format!("must be at most {max}"),
        ));
    }
    Ok(raw.clone())
}

fn money(field: &FieldDef, raw: &Value) -> Result<Value, Problem> {
    let whole = problem("金额应为以分为单位的整数", "an amount is a whole number of fen");
    let fen = match raw.as_i64() {
        Some(fen) => fen,
        // 1200.0 is still a whole number of fen; anything fractional is not.
        None => match raw.as_f64() {
            Some(fen) if fen.fract() == 0.0 && fen.abs() <= MONEY_LIMIT_FEN as f64 => fen as i64,
            _ => return Err(whole),
        },
    };
    let lower = field.min.map_or(0, |min| min as i64).max(-MONEY_LIMIT_FEN);
    let upper = field
        .max
        .map_or(MONEY_LIMIT_FEN, |max| max as i64)
        .min(MONEY_LIMIT_FEN);
    if fen < lower {
        return Err(if lower == 0 {
            problem("金额不能为负数", "must not be negative")
        } else {
            problem(
                format!("不能小于 {}", yuan(lower)),
                format!("must be at least {}", yuan(lower)),
            )
        });
    }
    if fen > upper {
        return Err(problem(
            format!("不能大于 {}", yuan(upper)),
            format!("must be at most {}", yuan(upper)),
        ));
    }
    Ok(Value::from(fen))
}

/// A calendar date written exactly `YYYY-MM-DD`.
pub(crate) fn strict_date(text: &str) -> Option<NaiveDate> {
    if !has_date_shape(text) {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Ten characters, `dddd-dd-dd`.
fn has_date_shape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, &byte)| match index {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

fn date(raw: &Value) -> Result<NaiveDate, Problem> {
    let text = raw.as_str().map(str::trim).unwrap_or_default();
    if !has_date_shape(text) {
        return Err(problem("日期格式应为 YYYY-MM-DD", "a date is written YYYY-MM-DD"));
    }
    strict_date(text).ok_or_else(|| problem("日期不存在", "is not a real date"))
}

fn date_range(raw: &Value) -> Result<Value, Problem> {
    let shape = || {
        problem(
            "日期范围应包含开始日期和结束日期",
            "a date range has a start and an end date",
        )
    };
    let parts = raw.as_object().ok_or_else(shape)?;
    if parts
        .keys()
        .any(|key| !["start", "end", "startHalf", "endHalf"].contains(&key.as_str()))
    {
        return Err(shape());
    }
    let blank = |key: &str| match parts.get(key) {
        None | Some(Value::Null) => true,
        Some(Value::String(text)) => text.trim().is_empty(),
        Some(_) => false,
    };
    if blank("start") || blank("end") {
        return Err(problem(
            "请填写开始日期和结束日期",
            "needs both a start and an end date",
        ));
    }
    let start = date(&parts["start"])?;
    let end = date(&parts["end"])?;
    if end < start {
        return Err(problem(
            "结束日期不能早于开始日期",
            "the end date must not be before the start date",
        ));
    }
    let half = |key: &str| match parts.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(h)) if h == "am" || h == "pm" => Ok(Some(h.clone())),
        Some(_) => Err(problem(
            "半天应为上午（am）或下午（pm）",
            "a half day is am or pm",
        )),
    };
    let (start_half, end_half) = (half("startHalf")?, half("endHalf")?);
    if start == end && start_half.as_deref() == Some("pm") && end_half.as_deref() == Some("am") {
        return Err(problem(
            "同一天内不能从下午到上午",
            "on one day the period cannot run from the afternoon to the morning",
        ));
    }
    let mut range = Map::new();
    range.insert("start".to_owned(), Value::String(start.to_string()));
    range.insert("end".to_owned(), Value::String(end.to_string()));
    if let Some(h) = start_half {
        range.insert("startHalf".to_owned(), Value::String(h));
    }
    if let Some(h) = end_half {
        range.insert("endHalf".to_owned(), Value::String(h));
    }
    Ok(Value::Object(range))
}

fn choice(field: &FieldDef, raw: &Value) -> Result<String, Problem> {
    raw.as_str()
        .map(str::trim)
        .filter(|choice| field.options.iter().any(|option| option == choice))
        .map(str::to_owned)
        .ok_or_else(|| problem("请选择列表中的选项", "must be one of the listed options"))
}

fn multi_select(field: &FieldDef, raw: &Value) -> Result<Value, Problem> {
    let items = raw
        .as_array()
        .ok_or_else(|| problem("应为选项列表", "must be a list of options"))?;
    let mut chosen = Vec::with_capacity(items.len());
    for item in items {
        let choice = choice(field, item)?;
        if chosen.contains(&choice) {
            return Err(problem("选项不能重复", "each option may be chosen once"));
        }
        chosen.push(choice);
    }
    count(field, chosen.len(), ("选择", "项"), "choose")?;
    Ok(Value::from(chosen))
}

fn attachments(field: &FieldDef, raw: &Value, refs: &mut Refs) -> Result<Value, Problem> {
    let list = || problem("附件应为文件编号列表", "must be a list of file ids (UUID)");
    let items = raw.as_array().ok_or_else(list)?;
    let mut files = Vec::with_capacity(items.len());
    let mut seen = HashSet::new();
    for item in items {
        let file = id(item).ok_or_else(list)?;
        if !seen.insert(file) {
            return Err(problem("附件不能重复", "each file may be attached once"));
        }
        files.push(file);
    }
    count(field, files.len(), ("上传", "个附件"), "attach")?;
    refs.files.extend(&files);
    Ok(Value::from(files.iter().map(Uuid::to_string).collect::<Vec<_>>()))
}

/// Checks the number of items of a list field against `minLength`/`maxLength`.
fn count(field: &FieldDef, items: usize, (verb, unit): (&str, &str), en_verb: &str) -> Result<(), Problem> {
    let max = field.max_length.unwrap_or(field.kind.default_max_length());
    if let Some(min) = field.min_length
        && items < min as usize
    {
        return Err(problem(
            format!("至少{verb} {min} {unit}"),
            format!("{en_verb} at least {min}"),
        ));
    }
    if items > max as usize {
        return Err(problem(
            format!("最多{verb} {max} {unit}"),
            format!("{en_verb} at most {max}"),
        ));
    }
    Ok(())
}

fn id(raw: &Value) -> Option<Uuid> {
    raw.as_str().and_then(|text| Uuid::parse_str(text.trim()).ok())
}
