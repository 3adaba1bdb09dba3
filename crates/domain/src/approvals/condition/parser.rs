//! Recursive descent over the tokens: `or` binds loosest, then `and`, then `not`.

use super::ConditionError;
use super::KEYWORDS;
use super::ast::{Expr, FieldRef, Literal, Part};
use super::lexer::{Tok, Token, error};

/// Deepest nesting of parentheses and `not`.
pub const MAX_DEPTH: usize = 32;
/// Most items in one `in [...]` list.
pub const MAX_LIST_ITEMS: usize = 100;

pub(super) fn parse(tokens: &[Token], end: usize) -> Result<Expr, ConditionError> {
    if tokens.is_empty() {
        return Err(error(0, "条件不能为空", "the condition is empty"));
    }
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
        end,
    };
    let expr = parser.or()?;
    match parser.peek() {
        None => Ok(expr),
        Some(token) => Err(error(
            token.pos,
            "此处应为 and、or 或条件结束",
            "expected and, or or the end of the condition",
        )),
    }
}

struct Parser<'a> {
    tokens: &'a [Token],
    at: usize,
    depth: usize,
    /// Character count of the source: the position reported for "unexpected end".
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn peek_tok(&self) -> Option<&Tok> {
        self.peek().map(|token| &token.tok)
    }

    fn is_word(&self, offset: usize, word: &str) -> bool {
        matches!(self.tokens.get(self.at + offset), Some(Token { tok: Tok::Word(w), .. }) if w == word)
    }

    fn here(&self) -> usize {
        self.peek().map_or(self.end, |token| token.pos)
    }

    fn advance(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn enter(&mut self) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(error(
                self.here(),
                format!("嵌套不能超过 {MAX_DEPTH} 层"),
                format!("nesting deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ConditionError> {
        let mut parts = vec![self.and()?];
        while self.is_word(0, "or") || self.peek_tok() == Some(&Tok::OrOr) {
            self.at += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut parts = vec![self.unary()?];
        while self.is_word(0, "and") || self.peek_tok() == Some(&Tok::AndAnd) {
            self.at += 1;
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Expr, ConditionError> {
        if self.is_word(0, "not") || self.peek_tok() == Some(&Tok::Bang) {
            self.enter()?;
            self.at += 1;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ConditionError> {
        let expected = || {
            (
                "此处应为字段、括号或 true/false",
                "expected a field, a parenthesis, true or false",
            )
        };
        let Some(token) = self.advance() else {
            let (zh, en) = expected();
            return Err(error(
                self.end,
                format!("条件不完整：{zh}"),
                format!("unexpected end: {en}"),
            ));
        };
        match token.tok {
            Tok::LParen => {
                self.at -= 1;
                self.enter()?;
                self.at += 1;
                let inner = self.or()?;
                if self.peek_tok() != Some(&Tok::RParen) {
                    return Err(error(self.here(), "缺少右括号“)”", "expected ')'"));
                }
                self.at += 1;
                self.depth -= 1;
                Ok(inner)
            }
            Tok::Word(word) if word == "true" || word == "false" => Ok(Expr::Const(word == "true")),
            Tok::Word(word) if !KEYWORDS.contains(&word.as_str()) => {
                let field = field(&word, token.pos)?;
                self.after_field(field)
            }
            _ => {
                let (zh, en) = expected();
                Err(error(token.pos, zh, en))
            }
        }
    }

    /// What follows a field: a comparison, a list test, `contains`, or nothing (truthiness).
    fn after_field(&mut self, field: FieldRef) -> Result<Expr, ConditionError> {
        if let Some(Tok::Cmp(op)) = self.peek_tok() {
            let op = *op;
            self.at += 1;
            return Ok(Expr::Compare(field, op, self.literal()?));
        }
        if self.is_word(0, "in") || (self.is_word(0, "not") && self.is_word(1, "in")) {
            let negated = self.is_word(0, "not");
            self.at += if negated { 2 } else { 1 };
            let items = self.list()?;
            return Ok(Expr::In {
                field,
                items,
                negated,
            });
        }
        if self.is_word(0, "contains") {
            self.at += 1;
            return Ok(Expr::Contains(field, self.literal()?));
        }
        Ok(Expr::Truthy(field))
    }

    fn literal(&mut self) -> Result<Literal, ConditionError> {
        let position = self.here();
        match self.advance().map(|token| token.tok) {
            Some(Tok::Number(number)) => Ok(Literal::Number(number)),
            Some(Tok::Str(text)) => Ok(Literal::Str(text)),
            Some(Tok::Word(word)) if word == "true" || word == "false" => Ok(Literal::Bool(word == "true")),
            _ => Err(error(
                position,
                "此处应为数字、带引号的文本或 true/false",
                "expected a number, a quoted text, true or false",
            )),
        }
    }

    /// `[literal, ...]` with 1 to [`MAX_LIST_ITEMS`] items.
    fn list(&mut self) -> Result<Vec<Literal>, ConditionError> {
        if self.peek_tok() != Some(&Tok::LBracket) {
            return Err(error(
                self.here(),
                "in 后应为列表 [ … ]",
                "expected a list [ … ] after in",
            ));
        }
        self.at += 1;
        if self.peek_tok() == Some(&Tok::RBracket) {
            return Err(error(
                self.here(),
                "列表至少要有一项",
                "a list needs at least one item",
            ));
        }
        let mut items = Vec::new();
        loop {
            if items.len() == MAX_LIST_ITEMS {
                return Err(error(
                    self.here(),
                    format!("列表最多 {MAX_LIST_ITEMS} 项"),
                    format!("a list has at most {MAX_LIST_ITEMS} items"),
                ));
            }
            items.push(self.literal()?);
            match self.advance().map(|token| token.tok) {
                Some(Tok::Comma) => {}
                Some(Tok::RBracket) => return Ok(items),
                _ => {
                    self.at -= 1;
                    return Err(error(
                        self.here(),
                        "列表项之间用逗号分隔，以“]”结束",
                        "expected ',' or ']'",
                    ));
                }
            }
        }
    }
}

/// A field token: a key, optionally with `.days`, `.start` or `.end`.
fn field(word: &str, pos: usize) -> Result<FieldRef, ConditionError> {
    let Some((key, part_name)) = word.split_once('.') else {
        return Ok(FieldRef {
            key: word.to_owned(),
            part: Part::Whole,
        });
    };
    if KEYWORDS.contains(&key) {
        return Err(error(pos, "关键字不能用作字段", "a keyword cannot be a field"));
    }
    let part = Part::named(part_name).ok_or_else(|| {
        error(
            pos + key.len() + 1,
            format!("不支持的属性“.{part_name}”，可用 .days、.start、.end"),
            format!("unknown part .{part_name}; use .days, .start or .end"),
        )
    })?;
    Ok(FieldRef {
        key: key.to_owned(),
        part,
    })
}
