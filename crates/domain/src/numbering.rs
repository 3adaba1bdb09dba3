//! Human-readable numbers for documents and assets, e.g. `X校办〔2026〕12号` or `ZC202600042`.

use std::fmt;
use std::str::FromStr;

use crate::error::DomainError;

const MAX_SEQ_WIDTH: usize = 12;

/// A numbering pattern such as `{year}-收-{seq:04}`.
///
/// Tokens: `{year}` (the year, 4 digits), `{seq}` (the sequence, unpadded) and `{seq:0N}` (the
/// sequence zero-padded to width N, 1..=12). `{{` and `}}` stand for literal braces; everything else is
/// literal text. Exactly one sequence token is required.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NumberPattern {
    source: String,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Segment {
    Literal(String),
    Year,
    Seq { width: usize },
}

impl NumberPattern {
    /// Parses and validates a pattern.
    pub fn parse(pattern: &str) -> Result<Self, DomainError> {
        let segments = parse_segments(pattern)?;
        let seq_tokens = segments
            .iter()
            .filter(|segment| matches!(segment, Segment::Seq { .. }))
            .count();
        if seq_tokens != 1 {
            return Err(invalid(format!(
                "`{pattern}` must contain exactly one {{seq}} token, found {seq_tokens}"
            )));
        }
        Ok(Self {
            source: pattern.to_owned(),
            segments,
        })
    }

    /// Renders the number for `year` and `seq`. The year is zero-padded to 4 digits; a sequence wider
    /// than its padding prints all of its digits.
    pub fn format(&self, year: i32, seq: u64) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => out.push_str(text),
                Segment::Year => out.push_str(&format!("{year:04}")),
                Segment::Seq { width } => out.push_str(&format!("{seq:0width$}")),
            }
        }
        out
    }

    /// The pattern with its padding left out (`QJ-{year}-{seq:04}` → `QJ-{year}-{seq}`): two
    /// patterns of one shape print the same number for some sequence values (`…-1000`), so they
    /// must draw from one counter to stay unique.
    pub fn shape(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Segment::Year => out.push_str("{year}"),
                Segment::Seq { .. } => out.push_str("{seq}"),
            }
        }
        out
    }

    /// Whether the pattern contains `{year}` (numbers then usually restart every year).
    pub fn has_year(&self) -> bool {
        self.segments.contains(&Segment::Year)
    }
}

impl fmt::Display for NumberPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl FromStr for NumberPattern {
    type Err = DomainError;

    fn from_str(pattern: &str) -> Result<Self, Self::Err> {
        Self::parse(pattern)
    }
}

fn parse_segments(pattern: &str) -> Result<Vec<Segment>, DomainError> {
    let mut segments = Vec::new();
    let mut literal = String::new();
    // Positions in messages are 1-based character positions, which is what an administrator counts.
    let mut chars = pattern
        .chars()
        .enumerate()
        .map(|(index, c)| (index + 1, c))
        .peekable();
    while let Some((position, c)) = chars.next() {
        match c {
            '{' if chars.next_if(|&(_, next)| next == '{').is_some() => literal.push('{'),
            '}' if chars.next_if(|&(_, next)| next == '}').is_some() => literal.push('}'),
            '}' => {
                return Err(invalid(format!(
                    "unmatched `}}` at character {position}; write `}}}}` for a literal brace"
                )));
            }
            '{' => {
                let mut name = String::new();
                let closed = loop {
                    match chars.next() {
                        Some((_, '}')) => break true,
                        Some((_, next)) => name.push(next),
                        None => break false,
                    }
                };
                if !closed {
                    return Err(invalid(format!(
                        "unclosed `{{` at character {position}; write `{{{{` for a literal brace"
                    )));
                }
                if !literal.is_empty() {
                    segments.push(Segment::Literal(std::mem::take(&mut literal)));
                }
                segments.push(parse_token(&name, position)?);
            }
            other => literal.push(other),
        }
    }
    if !literal.is_empty() {
        segments.push(Segment::Literal(literal));
    }
    Ok(segments)
}

fn parse_token(name: &str, position: usize) -> Result<Segment, DomainError> {
    match name {
        "year" => return Ok(Segment::Year),
        "seq" => return Ok(Segment::Seq { width: 0 }),
        _ => {}
    }
    let Some(spec) = name.strip_prefix("seq:") else {
        return Err(invalid(format!(
            "unknown token `{{{name}}}` at character {position}; expected {{year}}, {{seq}} or {{seq:0N}}"
        )));
    };
    let width = spec
        .strip_prefix('0')
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<usize>().ok())
        .filter(|width| (1..=MAX_SEQ_WIDTH).contains(width));
    width.map(|width| Segment::Seq { width }).ok_or_else(|| {
        invalid(format!(
            "`{{{name}}}` at character {position} must be {{seq:0N}} with a width N from 1 to {MAX_SEQ_WIDTH}"
        ))
    })
}

fn invalid(reason: String) -> DomainError {
    DomainError::InvalidNumberPattern(reason)
}

#[cfg(test)]
mod tests;
