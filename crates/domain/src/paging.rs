//! The list convention shared by every collection: page, page size, sort, keyword.

use serde::{Deserialize, Serialize};

/// Largest page a client may ask for.
pub const MAX_PAGE_SIZE: u64 = 100;
/// Page size when the client names none.
pub const DEFAULT_PAGE_SIZE: u64 = 20;
/// Highest page number accepted: far beyond any real list, and small enough that the offset
/// (`page × pageSize`) fits the 64-bit signed integers both databases bind.
pub const MAX_PAGE: u64 = 10_000_000;

/// Why a list request was refused; the field names are the query parameters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PagingError {
    #[error("page must be between 1 and {MAX_PAGE}")]
    PageTooSmall,
    #[error("page must be between 1 and {MAX_PAGE}")]
    PageTooLarge,
    #[error("pageSize must be between 1 and {MAX_PAGE_SIZE}")]
    PageSizeOutOfRange,
    #[error("cannot sort by {field}; allowed: {allowed}")]
    UnknownSortField { field: String, allowed: String },
}

impl PagingError {
    /// The query parameter at fault.
    pub fn parameter(&self) -> &'static str {
        match self {
            Self::PageTooSmall | Self::PageTooLarge => "page",
            Self::PageSizeOutOfRange => "pageSize",
            Self::UnknownSortField { .. } => "sort",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Asc,
    Desc,
}

/// One sort key: `createdAt` ascending, `-createdAt` descending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    pub field: String,
    pub direction: Direction,
}

/// What a list tells its callers about itself: the names `sort` accepts and the order used when
/// none is given. Persistence's list spec implements it, so the HTTP parameters and their
/// documentation come from the same definition as the query.
pub trait ListKeys: Sync {
    fn sort_names(&self) -> Vec<&'static str>;
    /// The default order as a `sort` value, e.g. `-submittedAt`.
    fn default_sort(&self) -> String;
}

/// A validated list request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u64,
    pub page_size: u64,
    pub sort: Vec<SortKey>,
    pub keyword: Option<String>,
}

impl PageRequest {
    /// Checks the raw parameters. `sort` is a comma-separated list of field names, each optionally
    /// prefixed with `-` for descending; only names in `sortable` are accepted.
    pub fn parse(
        page: Option<u64>,
        page_size: Option<u64>,
        sort: Option<&str>,
        keyword: Option<&str>,
        sortable: &[&str],
    ) -> Result<Self, PagingError> {
        let page = page.unwrap_or(1);
        if page == 0 {
            return Err(PagingError::PageTooSmall);
        }
        if page > MAX_PAGE {
            return Err(PagingError::PageTooLarge);
        }
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
            return Err(PagingError::PageSizeOutOfRange);
        }
        let sort = parse_sort(sort.unwrap_or(""), sortable)?;
        let keyword = keyword
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned);
        Ok(Self {
            page,
            page_size,
            sort,
            keyword,
        })
    }

    /// Rows to skip before this page.
    pub fn offset(&self) -> u64 {
        (self.page - 1).saturating_mul(self.page_size)
    }
}

fn parse_sort(raw: &str, sortable: &[&str]) -> Result<Vec<SortKey>, PagingError> {
    raw.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (direction, field) = match part.strip_prefix('-') {
                Some(rest) => (Direction::Desc, rest),
                None => (Direction::Asc, part.strip_prefix('+').unwrap_or(part)),
            };
            if sortable.contains(&field) {
                Ok(SortKey {
                    field: field.to_owned(),
                    direction,
                })
            } else {
                Err(PagingError::UnknownSortField {
                    field: field.to_owned(),
                    allowed: sortable.join(", "),
                })
            }
        })
        .collect()
}

/// One page of results with the total number of matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub page_size: u64,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            page: self.page,
            page_size: self.page_size,
        }
    }
}

/// Whether any of `texts` contains `keyword` as the database lists' keyword search reads it
/// (`keyword_condition` in persistence): trimmed, blank matches everything, case-insensitive,
/// every character literal. For the whole lists kept in memory (departments, roles).
pub fn matches_keyword(keyword: Option<&str>, texts: &[&str]) -> bool {
    let Some(keyword) = keyword.map(str::trim).filter(|k| !k.is_empty()) else {
        return true;
    };
    let keyword = keyword.to_lowercase();
    texts.iter().any(|t| t.to_lowercase().contains(&keyword))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SORTABLE: &[&str] = &["createdAt", "title"];

    #[test]
    fn defaults_apply_when_nothing_is_given() {
        let req = PageRequest::parse(None, None, None, None, SORTABLE).unwrap();
        assert_eq!((req.page, req.page_size, req.offset()), (1, DEFAULT_PAGE_SIZE, 0));
        assert!(req.sort.is_empty() && req.keyword.is_none());
    }

    #[test]
    fn page_size_above_the_limit_is_refused() {
        let err = PageRequest::parse(None, Some(101), None, None, SORTABLE).unwrap_err();
        assert_eq!(err.parameter(), "pageSize");
        assert!(PageRequest::parse(None, Some(100), None, None, SORTABLE).is_ok());
    }

    #[test]
    fn a_page_whose_offset_would_overflow_is_refused() {
        assert_eq!(
            PageRequest::parse(Some(MAX_PAGE + 1), Some(MAX_PAGE_SIZE), None, None, &[]),
            Err(PagingError::PageTooLarge)
        );
        let last = PageRequest::parse(Some(MAX_PAGE), Some(MAX_PAGE_SIZE), None, None, &[]);
        assert!(last.is_ok_and(|req| i64::try_from(req.offset()).is_ok()));
    }

    #[test]
    fn page_zero_is_refused() {
        assert_eq!(
            PageRequest::parse(Some(0), None, None, None, SORTABLE),
            Err(PagingError::PageTooSmall)
        );
    }

    #[test]
    fn sort_reads_directions_and_rejects_unknown_fields() {
        let req = PageRequest::parse(Some(3), Some(10), Some("-createdAt, title"), None, SORTABLE).unwrap();
        assert_eq!(req.offset(), 20);
        assert_eq!(
            req.sort[0],
            SortKey {
                field: "createdAt".into(),
                direction: Direction::Desc
            }
        );
        assert_eq!(req.sort[1].direction, Direction::Asc);
        let err = PageRequest::parse(None, None, Some("password"), None, SORTABLE).unwrap_err();
        assert_eq!(err.parameter(), "sort");
    }

    #[test]
    fn blank_keywords_count_as_none() {
        let req = PageRequest::parse(None, None, None, Some("  "), SORTABLE).unwrap();
        assert_eq!(req.keyword, None);
        let req = PageRequest::parse(None, None, None, Some(" 维修 "), SORTABLE).unwrap();
        assert_eq!(req.keyword.as_deref(), Some("维修"));
    }

    #[test]
    fn keywords_match_literally_and_ignore_case_and_blanks() {
        assert!(matches_keyword(None, &["信息工程系"]));
        assert!(matches_keyword(Some("  "), &["信息工程系"]));
        assert!(matches_keyword(Some(" 工程 "), &["信息工程系"]));
        assert!(matches_keyword(Some("XXGC"), &["信息工程系", "xxgc"]));
        assert!(!matches_keyword(Some("%"), &["信息工程系"]));
        assert!(matches_keyword(Some("50%"), &["折扣50%"]));
        assert!(!matches_keyword(Some("机电"), &["信息工程系", "xxgc"]));
    }
}
