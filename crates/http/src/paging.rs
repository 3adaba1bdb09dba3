//! The list convention as DTOs: `page`, `pageSize`, `sort`, `q` in; `{items, total, page,
//! pageSize}` out.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;
use xiaoban_domain::paging::{Page, PageRequest};

use crate::errors::ApiError;

/// Paging, sorting and keyword parameters shared by every list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
pub struct ListParams {
    /// Page number, from 1 to 10,000,000. Default 1.
    #[param(minimum = 1, maximum = 10_000_000, example = 1)]
    pub page: Option<u64>,
    /// Items per page, 1 to 100. Default 20.
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub page_size: Option<u64>,
    /// Comma-separated sort fields; `-` before a field sorts descending (`-createdAt,title`).
    pub sort: Option<String>,
    /// Keyword search: the list's text fields containing it, ignoring case (A–Z); `%`, `_` and `\`
    /// match themselves. Blank means no filter.
    pub q: Option<String>,
}

impl ListParams {
    /// Checks the parameters against the list's sortable fields.
    pub fn to_request(&self, sortable: &[&str]) -> Result<PageRequest, ApiError> {
        PageRequest::parse(
            self.page,
            self.page_size,
            self.sort.as_deref(),
            self.q.as_deref(),
            sortable,
        )
        .map_err(|err| ApiError::from(xiaoban_services::ServiceError::from(err)))
    }
}

/// One page of a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageOut<T> {
    pub items: Vec<T>,
    /// How many items match the filters in all pages.
    pub total: u64,
    pub page: u64,
    pub page_size: u64,
}

impl<T> PageOut<T> {
    pub fn from_page<S>(page: Page<S>, f: impl FnMut(S) -> T) -> Self {
        let page = page.map(f);
        Self {
            items: page.items,
            total: page.total,
            page: page.page,
            page_size: page.page_size,
        }
    }
}
