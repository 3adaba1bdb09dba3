use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangePasswordIn {
    #[validate(length(min = 1, max = 256))]
    pub old_password: String,
    /// At least 8 characters with three of: lowercase, uppercase, digits, symbols; not containing
    /// the username; not a common password.
    #[validate(length(min = 1, max = 256))]
    #[schema(example = "Xiaoban#2026")]
    pub new_password: String,
    /// Keep the new refresh token in the cookie (web app).
    #[serde(default)]
    pub refresh_token_in_cookie: bool,
}
