use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};
use serde::de::DeserializeOwned;
use validator::Validate;

use super::field_messages::{serde_data_error, validation_errors};
use super::screen;
use crate::errors::{ApiError, ErrorCode};

/// Query parameters that parsed and passed their rules. A parameter of the wrong type is
/// 400 `invalid_query` naming the parameter; a broken rule 422 `validation_failed`.
#[derive(Debug)]
pub struct ValidatedQuery<T>(pub T);

impl<T: DeserializeOwned + Validate> FromRequest for ValidatedQuery<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.query_string()))
    }
}

fn parse<T: DeserializeOwned + Validate>(query: &str) -> Result<ValidatedQuery<T>, ApiError> {
    if let Some((field, why)) = screen::in_query(query) {
        return Err(screen::refused(field, why));
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    let value: T = serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let (field, text) = serde_data_error(&path, &message);
        let field = if field == "body" {
            "query".to_owned()
        } else {
            field
        };
        // A missing parameter or a number beyond its type's range is invalid input like a
        // missing JSON field (422); one that does not parse at all is a malformed request (400).
        // An unknown value of a closed list (`status=lost`) is as invalid as a number out of range.
        let out_of_range = message.contains("too large to fit")
            || message.contains("too small to fit")
            || message.starts_with("unknown variant");
        let code = if message.starts_with("missing field") || out_of_range {
            ErrorCode::ValidationFailed
        } else {
            ErrorCode::InvalidQuery
        };
        ApiError::new(code)
            .with_detail(
                format!("查询参数 {field} 无效"),
                format!("Query parameter {field} is invalid"),
            )
            .with_field(field, text)
    })?;
    value.validate().map_err(|errors| {
        let mut fields = Vec::new();
        validation_errors(&errors, "", &mut fields);
        fields.into_iter().fold(
            ApiError::new(ErrorCode::ValidationFailed)
                .with_detail("查询参数未通过校验", "The query parameters are invalid"),
            |err, (field, text)| err.with_field(field, text),
        )
    })?;
    Ok(ValidatedQuery(value))
}
