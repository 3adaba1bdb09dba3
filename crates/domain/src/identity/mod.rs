//! Accounts and sign-in rules: usernames, password policy, lockout, masking of personal data.

mod common_passwords;
mod guessable;
mod lockout;
mod masking;
pub mod module;
mod numbers;
mod password;
mod personal;
pub mod totp;
mod username;

pub use common_passwords::is_common;
pub use guessable::is_guessable;
pub use lockout::{FailureState, LockoutPolicy};
pub use masking::{mask_id_number, mask_phone};
pub use module::MODULE;
pub use numbers::{mainland_mobile, resident_id_ok};
pub use password::{PasswordPolicy, PasswordProblem};
pub use username::{Username, UsernameProblem};

/// Whether an account may sign in and act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserStatus {
    Active,
    Disabled,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "active" => Some(Self::Active),
            "disabled" => Some(Self::Disabled),
            _ => None,
        }
    }

    /// The stored status says the account is active.
    pub fn is_active(stored: &str) -> bool {
        Self::parse(stored) == Some(Self::Active)
    }
}
