//! Accounts and sign-in rules: usernames, password policy, lockout, masking of personal data.

mod common_passwords;
mod guessable;
mod lockout;
mod masking;
mod password;
mod personal;
pub mod totp;
mod username;

pub use common_passwords::is_common;
pub use guessable::is_guessable;
pub use lockout::{FailureState, LockoutPolicy};
pub use masking::{mask_id_number, mask_phone};
pub use password::{PasswordPolicy, PasswordProblem};
pub use username::{Username, UsernameProblem};
