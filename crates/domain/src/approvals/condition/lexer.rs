//! Splits condition text into tokens, each with its character position.

use super::ConditionError;
use super::ast::CmpOp;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Cmp(CmpOp),
    AndAnd,
    OrOr,
    Bang,
    Number(f64),
    Str(String),
    /// An identifier, a keyword or a dotted field (`period.days`).
    Word(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    /// Character index of the token's first character.
    pub pos: usize,
}

pub(super) fn lex(chars: &[char]) -> Result<Vec<Token>, ConditionError> {
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        let pos = at;
        let next = chars.get(at + 1).copied();
        let (tok, len) = match (c, next) {
            (c, _) if c.is_whitespace() => {
                at += 1;
                continue;
            }
            ('(', _) => (Tok::LParen, 1),
            (')', _) => (Tok::RParen, 1),
            ('[', _) => (Tok::LBracket, 1),
            (']', _) => (Tok::RBracket, 1),
            (',', _) => (Tok::Comma, 1),
            ('=', Some('=')) => (Tok::Cmp(CmpOp::Eq), 2),
            ('!', Some('=')) => (Tok::Cmp(CmpOp::Ne), 2),
            ('>', Some('=')) => (Tok::Cmp(CmpOp::Ge), 2),
            ('<', Some('=')) => (Tok::Cmp(CmpOp::Le), 2),
            ('>', _) => (Tok::Cmp(CmpOp::Gt), 1),
            ('<', _) => (Tok::Cmp(CmpOp::Lt), 1),
            ('!', _) => (Tok::Bang, 1),
            ('&', Some('&')) => (Tok::AndAnd, 2),
            ('|', Some('|')) => (Tok::OrOr, 2),
            ('=', _) => return Err(error(pos, "比较相等请用 ==", "use == to compare")),
            ('&', _) => return Err(error(pos, "“与”请写 && 或 and", "write && or and")),
            ('|', _) => return Err(error(pos, "“或”请写 || 或 or", "write || or or")),
            ('\'' | '"', _) => string(chars, pos)?,
            (c, _) if c.is_ascii_digit() => number(chars, pos)?,
            ('-', Some(d)) if d.is_ascii_digit() => number(chars, pos)?,
            (c, _) if c.is_ascii_alphabetic() || c == '_' => word(chars, pos)?,
            (c, _) => {
                return Err(error(
                    pos,
                    format!("无法识别的字符“{c}”"),
                    format!("unexpected character {c:?}"),
                ));
            }
        };
        tokens.push(Token { tok, pos });
        at += len;
    }
    Ok(tokens)
}

pub(super) fn error(position: usize, zh: impl Into<String>, en: impl Into<String>) -> ConditionError {
    ConditionError {
        position,
        zh: zh.into(),
        en: en.into(),
    }
}

/// A quoted string; `\'`, `\"` and `\\` are the only escapes.
fn string(chars: &[char], start: usize) -> Result<(Tok, usize), ConditionError> {
    let quote = chars[start];
    let mut text = String::new();
    let mut at = start + 1;
    loop {
        match chars.get(at) {
            None => {
                return Err(error(
                    start,
                    "文本缺少结尾的引号",
                    "the text has no closing quote",
                ));
            }
            Some('\\') => match chars.get(at + 1) {
                Some(&escaped @ ('\'' | '"' | '\\')) => {
                    text.push(escaped);
                    at += 2;
                }
                _ => {
                    return Err(error(
                        at,
                        "只支持 \\'、\\\" 和 \\\\ 转义",
                        "only \\', \\\" and \\\\ are escapes",
                    ));
                }
            },
            Some(&c) if c == quote => return Ok((Tok::Str(text), at + 1 - start)),
            Some(&c) => {
                text.push(c);
                at += 1;
            }
        }
    }
}

/// `-?digits(.digits)?`
fn number(chars: &[char], start: usize) -> Result<(Tok, usize), ConditionError> {
    let digits_from = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut end = start + usize::from(chars[start] == '-');
    end += digits_from(end);
    if chars.get(end) == Some(&'.') {
        let fraction = digits_from(end + 1);
        if fraction == 0 {
            return Err(error(
                end,
                "小数点后应有数字",
                "a digit must follow the decimal point",
            ));
        }
        end += 1 + fraction;
    }
    if chars
        .get(end)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
    {
        return Err(error(
            end,
            "数字后不能紧跟字母或小数点",
            "a number cannot run into letters or dots",
        ));
    }
    let text: String = chars[start..end].iter().collect();
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok((Tok::Number(value), end - start)),
        _ => Err(error(start, "数字超出范围", "the number is out of range")),
    }
}

/// An identifier, optionally dotted once: `period.days`.
fn word(chars: &[char], start: usize) -> Result<(Tok, usize), ConditionError> {
    let ident_len = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
            .count()
    };
    let mut end = start + ident_len(start);
    if chars.get(end) == Some(&'.') {
        let after = end + 1;
        if !chars
            .get(after)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
        {
            return Err(error(after, "“.”后应为属性名", "a part name must follow '.'"));
        }
        end = after + ident_len(after);
        if chars.get(end) == Some(&'.') {
            return Err(error(
                end,
                "字段名中最多一个“.”",
                "a field name has at most one '.'",
            ));
        }
    }
    Ok((Tok::Word(chars[start..end].iter().collect()), end - start))
}
