//! The list convention as DTOs: `page`, `pageSize`, `sort`, `q` in; `{items, total, page,
//! pageSize}` out.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};
use utoipa::openapi::Required;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationErrors};
use xiaoban_domain::paging::{ListKeys, Page, PageRequest};

use crate::errors::ApiError;

/// A list as the HTTP layer names it: its keys come from the list's spec in persistence (via
/// services), so the parameters, their OpenAPI description and the query agree.
pub trait Listing {
    fn keys() -> &'static dyn ListKeys;

    /// What the document says of `sort`.
    fn sort_doc() -> String {
        sort_doc(Self::keys())
    }
}

/// `sort`'s description for one list: its names and its default order.
pub fn sort_doc(keys: &dyn ListKeys) -> String {
    let names: Vec<String> = keys.sort_names().iter().map(|n| format!("`{n}`")).collect();
    format!(
        "Comma-separated sort fields, `-` before a field for descending: {}. Default `{}`.",
        names.join(", "),
        keys.default_sort()
    )
}

/// Declares a [`Listing`] for a list's keys: `listing!(UserList, xiaoban_services::users::USER_LIST);`.
#[macro_export]
macro_rules! listing {
    ($name:ident, $keys:path) => {
        /// The list's marker for its [`ListParams`](crate::paging::ListParams).
        pub enum $name {}

        impl $crate::paging::Listing for $name {
            fn keys() -> &'static dyn xiaoban_domain::paging::ListKeys {
                $keys
            }
        }
    };
}

/// Paging, sorting and keyword parameters of the list `L`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", bound = "")]
pub struct ListParams<L> {
    pub page: Option<u64>,
    pub page_size: Option<u64>,
    pub sort: Option<String>,
    pub q: Option<String>,
    #[serde(skip)]
    pub list: PhantomData<fn() -> L>,
}

impl<L> Default for ListParams<L> {
    fn default() -> Self {
        Self {
            page: None,
            page_size: None,
            sort: None,
            q: None,
            list: PhantomData,
        }
    }
}

// The ranges are checked by `PageRequest::parse`, with the list's own messages.
impl<L> Validate for ListParams<L> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// The parameters every list shares, for the document; `sort` is added per list.
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "describes the query parameters for the OpenAPI document only"
)]
struct SharedParams {
    /// Page number, from 1 to 10,000,000. Default 1.
    #[param(minimum = 1, maximum = 10_000_000, example = 1)]
    page: Option<u64>,
    /// Items per page, 1 to 100. Default 20.
    #[param(minimum = 1, maximum = 100, example = 20)]
    page_size: Option<u64>,
    /// Keyword search: the list's text fields containing it, ignoring case (A–Z); `%`, `_` and `\`
    /// match themselves. Blank means no filter.
    q: Option<String>,
}

/// The keyword of an export, which takes a list's `q` and filters but no paging (for the
/// document; the handler reads it with the filters).
#[derive(IntoParams)]
#[into_params(parameter_in = Query, rename_all = "camelCase")]
#[expect(
    dead_code,
    reason = "describes the query parameter for the OpenAPI document only"
)]
pub struct KeywordParam {
    /// Keyword search, as in the list.
    q: Option<String>,
}

/// The keyword and nothing else of a list's parameters, for an export read with its filters
/// in another extractor.
#[derive(Debug, Default, Deserialize, Validate)]
pub struct KeywordQuery {
    pub q: Option<String>,
}

impl KeywordQuery {
    /// The trimmed keyword; blank means none.
    pub fn keyword(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned)
    }
}

impl<L: Listing> IntoParams for ListParams<L> {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let mut params = SharedParams::into_params(&parameter_in_provider);
        let sort = ParameterBuilder::new()
            .name("sort")
            .parameter_in(parameter_in_provider().unwrap_or(ParameterIn::Query))
            .required(Required::False)
            .description(Some(L::sort_doc()))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build();
        params.insert(2, sort);
        params
    }
}

impl<L: Listing> ListParams<L> {
    /// Checks the parameters against the list's sortable fields.
    pub fn to_request(&self) -> Result<PageRequest, ApiError> {
        self.to_request_with(L::keys())
    }

    /// For a list whose keys depend on another parameter (the inbox's `box`).
    pub fn to_request_with(&self, keys: &dyn ListKeys) -> Result<PageRequest, ApiError> {
        PageRequest::parse(
            self.page,
            self.page_size,
            self.sort.as_deref(),
            self.q.as_deref(),
            &keys.sort_names(),
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
