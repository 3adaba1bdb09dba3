//! Step conditions: small boolean expressions over the values of a form, such as `days > 3` or
//! `amount >= 500000 and type in ['设备', '工程']`. They are parsed by hand and evaluated over the
//! values; there is no scripting engine, so a condition can do nothing but answer true or false.
//!
//! ```text
//! expr       := or
//! or         := and ( ("or" | "||") and )*
//! and        := unary ( ("and" | "&&") unary )*
//! unary      := ("not" | "!") unary | primary
//! primary    := "(" expr ")" | comparison | field | "true" | "false"
//! comparison := field op literal | field ("in" | "not in") "[" literal ("," literal)* "]"
//!             | field "contains" literal
//! op         := "==" | "!=" | ">" | ">=" | "<" | "<="
//! literal    := number | 'text' | "text" | true | false      (escapes: \' \" \\)
//! field      := [a-zA-Z_][a-zA-Z0-9_]* ( "." ("days" | "start" | "end") )?
//! ```
//!
//! Semantics:
//! - numbers compare numerically (money is in fen: `amount >= 500000` is 5,000 yuan or more);
//!   texts compare for equality and lexicographically, so dates `YYYY-MM-DD` order correctly;
//!   `true`/`false` compare only with `==` and `!=`;
//! - `period.days` is the number of calendar days of a date range, both ends included;
//!   `period.start` and `period.end` are its dates as text;
//! - `contains` asks whether a list (multi-select) has the item;
//! - a bare field is true when it is given and non-empty, non-zero or `true`;
//! - **a comparison with a missing field, or with a value of another type, is false** — never an
//!   error at evaluation time. That holds for `!=` and `not in` too: `type != '事假'` is false
//!   when `type` is missing, whereas `not (type == '事假')` is true.
//!
//! Besides the form's fields a condition may read the applicant's department, roles and
//! position: see [`applicant`].
//!
//! Limits (a parse error beyond them): 500 characters, nesting of parentheses and `not` 32 deep,
//! 100 items in a list.

pub mod applicant;
mod ast;
mod eval;
mod lexer;
mod parser;

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

pub use parser::{MAX_DEPTH, MAX_LIST_ITEMS};

/// Words with a meaning of their own in conditions; none can name a field.
pub const KEYWORDS: [&str; 7] = ["and", "or", "not", "in", "contains", "true", "false"];

/// Most characters of a condition.
pub const MAX_SOURCE_CHARS: usize = 500;

/// A parsed step condition. Serialises as its source text; deserialising parses it, so a stored
/// condition that no longer parses fails loudly instead of being skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    source: String,
    expr: ast::Expr,
}

/// Why a condition could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    /// Character index (not byte) into the source where the problem starts.
    pub position: usize,
    pub zh: String,
    pub en: String,
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "条件第 {} 个字符处：{}（condition at character {}: {}）",
            self.position + 1,
            self.zh,
            self.position,
            self.en
        )
    }
}

impl std::error::Error for ConditionError {}

impl Condition {
    /// Parses condition text (see the module documentation for the grammar and limits).
    pub fn parse(src: &str) -> Result<Condition, ConditionError> {
        let chars: Vec<char> = src.chars().collect();
        if chars.len() > MAX_SOURCE_CHARS {
            return Err(lexer::error(
                MAX_SOURCE_CHARS,
                format!("条件最多 {MAX_SOURCE_CHARS} 个字符"),
                format!("a condition has at most {MAX_SOURCE_CHARS} characters"),
            ));
        }
        let tokens = lexer::lex(&chars)?;
        let expr = parser::parse(&tokens, chars.len())?;
        Ok(Condition {
            source: src.to_owned(),
            expr,
        })
    }

    /// Whether the condition holds for these values (normalised form values, as
    /// [`crate::approvals::form::CheckedForm::values`]). Never fails; see the module documentation.
    pub fn evaluate(&self, values: &Map<String, Value>) -> bool {
        self.expr.eval(values)
    }

    /// The form fields the condition reads (base keys: `period` for `period.days`), first use
    /// first, each once; for the designer's check against the form.
    pub fn fields(&self) -> Vec<String> {
        let mut keys = Vec::new();
        self.expr.collect_fields(&|_| true, &mut keys);
        keys
    }

    /// The fields read through `.days`, `.start` or `.end`, which must be date ranges.
    pub fn date_range_fields(&self) -> Vec<String> {
        let mut keys = Vec::new();
        self.expr
            .collect_fields(&|field| field.part != ast::Part::Whole, &mut keys);
        keys
    }

    /// The text the condition was parsed from, unchanged.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Condition::parse(&source).map_err(serde::de::Error::custom)
    }
}
