//! The document number (发文字号 / 来文字号) in the form GB/T 9704 prescribes:
//! `{机关代字}〔{年份}〕{序号}号`, e.g. `X校办〔2026〕12号` — hexagonal brackets (六角括号), the
//! full year, the number without leading zeros. Registering clerks and scanned text write it with
//! other brackets (`[2026]`, `【2026】`, `（2026）`) and full-width digits; those are read and
//! written back in the prescribed form.

use std::fmt;

/// A parsed document number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// 机关代字, e.g. `X校办`.
    pub agency: String,
    pub year: i32,
    /// 序号, from 1.
    pub seq: u32,
}

/// Brackets accepted around the year, the prescribed pair first.
const BRACKETS: &[(char, char)] = &[
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('（', '）'),
    ('(', ')'),
];
/// The longest 机关代字 read from running text.
const AGENCY_MAX: usize = 12;

impl DocNumber {
    /// Reads a whole value, e.g. what a clerk typed: `None` unless it is one document number.
    pub fn parse(text: &str) -> Option<Self> {
        let chars: Vec<char> = text.trim().chars().collect();
        let open = chars.iter().position(|c| BRACKETS.iter().any(|(o, _)| o == c))?;
        let agency: String = chars[..open].iter().collect::<String>().trim().to_owned();
        if agency.is_empty() || agency.chars().count() > 20 {
            return None;
        }
        let (number, end) = after_agency(&chars, open)?;
        (end == chars.len()).then_some(Self { agency, ..number })
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}〔{}〕{}号", self.agency, self.year, self.seq)
    }
}

/// The first document number in running text (a scanned or extracted page), its 机关代字 being
/// the Chinese characters or Latin letters just before the bracket.
pub fn find_doc_number(text: &str) -> Option<DocNumber> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|open| {
        if !BRACKETS.iter().any(|(o, _)| *o == chars[open]) {
            return None;
        }
        let (number, _) = after_agency(&chars, open)?;
        let start = (0..open).rev().take_while(|&i| is_agency_char(chars[i])).last()?;
        let agency: String = chars[start.max(open.saturating_sub(AGENCY_MAX))..open]
            .iter()
            .collect();
        Some(DocNumber { agency, ..number })
    })
}

fn is_agency_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Reads `〔2026〕12号` from `open` on: the number (with an empty agency) and the index after `号`.
fn after_agency(chars: &[char], open: usize) -> Option<(DocNumber, usize)> {
    let close = BRACKETS.iter().find(|(o, _)| *o == chars[open])?.1;
    let year_at = skip_spaces(chars, open + 1);
    let (year, next) = digits(chars, year_at)?;
    let mut at = skip_spaces(chars, next);
    if chars.get(at) != Some(&close) || next - year_at != 4 || !(1949..=2100).contains(&year) {
        return None;
    }
    // `digits` reads at most six: a longer 序号 is no document number.
    let (seq, next) = digits(chars, skip_spaces(chars, at + 1))?;
    at = skip_spaces(chars, next);
    if chars.get(at) != Some(&'号') || seq == 0 {
        return None;
    }
    let number = DocNumber {
        agency: String::new(),
        year: i32::try_from(year).ok()?,
        seq: u32::try_from(seq).ok()?,
    };
    Some((number, at + 1))
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    at
}

/// ASCII or full-width decimal digits from `at` (at most 6): their value and the index after them.
fn digits(chars: &[char], at: usize) -> Option<(u64, usize)> {
    let mut value = 0_u64;
    let mut end = at;
    while let Some(d) = chars.get(end).and_then(|c| digit(*c)) {
        if end - at == 6 {
            return None;
        }
        value = value * 10 + u64::from(d);
        end += 1;
    }
    (end > at).then_some((value, end))
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(agency: &str, year: i32, seq: u32) -> DocNumber {
        DocNumber {
            agency: agency.to_owned(),
            year,
            seq,
        }
    }

    #[test]
    fn the_prescribed_form_reads_and_writes_back_unchanged() {
        let parsed = DocNumber::parse("X校办〔2026〕12号").unwrap();
        assert_eq!(parsed, number("X校办", 2026, 12));
        assert_eq!(parsed.to_string(), "X校办〔2026〕12号");
    }

    #[test]
    fn other_brackets_full_width_digits_spaces_and_leading_zeros_are_written_the_prescribed_way() {
        for typed in [
            "市教发[2026]5号",
            "市教发【２０２６】５号",
            "市教发（2026）005号",
            " 市教发 〔 2026 〕 5 号 ",
            "市教发［2026］5号",
        ] {
            let parsed = DocNumber::parse(typed).unwrap_or_else(|| panic!("{typed}"));
            assert_eq!(parsed.to_string(), "市教发〔2026〕5号", "{typed}");
        }
    }

    #[test]
    fn what_is_not_one_document_number_is_refused() {
        for bad in [
            "〔2026〕12号",
            "X校办〔26〕12号",
            "X校办〔2026〕号",
            "X校办〔2026〕0号",
            "X校办〔2026〕12",
            "X校办〔2026〕12号附件",
            "X校办〔2026]12号",
            "X校办〔1900〕12号",
            "X校办〔2026〕1234567号",
            "",
        ] {
            assert_eq!(DocNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_first_number_in_a_page_is_found_with_its_agency() {
        let page = "某某市教育局文件\n\n市教发〔2026〕37号\n\n关于做好2026年秋季学期安全工作的通知\n各学校：根据（2025）文件……";
        assert_eq!(find_doc_number(page), Some(number("市教发", 2026, 37)));
        let ocr = "签发人：王某 浙教办函【２０２６】１２号";
        assert_eq!(find_doc_number(ocr), Some(number("浙教办函", 2026, 12)));
        assert_eq!(find_doc_number("2026年9月1日 （公开）"), None);
        assert_eq!(
            find_doc_number("见〔2026〕12号"),
            Some(number("见", 2026, 12)),
            "the characters before the bracket, whatever they are"
        );
    }

    #[test]
    fn a_long_run_before_the_bracket_keeps_its_last_characters() {
        let found = find_doc_number("关于转发省教育厅办公室关于做好工作的通知浙教办〔2026〕3号").unwrap();
        assert_eq!(found.agency.chars().count(), AGENCY_MAX);
        assert!(found.agency.ends_with("浙教办"), "{}", found.agency);
    }
}
