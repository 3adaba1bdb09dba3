//! Sign-in names.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Fewest characters of a username.
const MIN: usize = 2;
/// Most characters of a username.
const MAX: usize = 32;

/// A valid username: 2–32 of `a-z 0-9 . _ -`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

/// Why a username was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsernameProblem {
    #[error("username must be at least {MIN} characters")]
    TooShort,
    #[error("username must be at most {MAX} characters")]
    TooLong,
    #[error("username may only contain letters, digits, '.', '_' and '-', not {0:?}")]
    InvalidCharacter(char),
    #[error("username must start with a letter or digit")]
    BadStart,
}

impl UsernameProblem {
    /// The message in Chinese, for users.
    pub fn zh(&self) -> String {
        match self {
            Self::TooShort => format!("用户名至少 {MIN} 个字符"),
            Self::TooLong => format!("用户名最多 {MAX} 个字符"),
            Self::InvalidCharacter(c) => {
                format!("用户名只能包含英文字母、数字和 . _ -，不能包含“{c}”")
            }
            Self::BadStart => "用户名须以英文字母或数字开头".to_owned(),
        }
    }
}

impl Username {
    /// Trims and lowercases `raw`, then checks it.
    pub fn parse(raw: &str) -> Result<Self, UsernameProblem> {
        let name = raw.trim().to_ascii_lowercase();
        let length = name.chars().count();
        if length < MIN {
            return Err(UsernameProblem::TooShort);
        }
        if length > MAX {
            return Err(UsernameProblem::TooLong);
        }
        if let Some(bad) = name
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')))
        {
            return Err(UsernameProblem::InvalidCharacter(bad));
        }
        if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err(UsernameProblem::BadStart);
        }
        Ok(Self(name))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameProblem;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<Username> for String {
    fn from(name: Username) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_is_trimmed_and_lowercased() {
        let name = Username::parse("  ZhangSan ").unwrap();
        assert_eq!(name.as_str(), "zhangsan");
        assert_eq!(name.to_string(), "zhangsan");
    }

    #[test]
    fn dots_underscores_hyphens_and_digits_are_accepted() {
        for ok in [
            "li",
            "zhang.san",
            "wang_wu-2",
            "2026teacher",
            "a.",
            &"a".repeat(32),
        ] {
            assert!(Username::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn length_is_between_two_and_thirty_two() {
        assert_eq!(Username::parse(" z "), Err(UsernameProblem::TooShort));
        assert_eq!(Username::parse(""), Err(UsernameProblem::TooShort));
        assert_eq!(Username::parse(&"a".repeat(33)), Err(UsernameProblem::TooLong));
    }

    #[test]
    fn other_characters_are_refused() {
        assert_eq!(
            Username::parse("张三"),
            Err(UsernameProblem::InvalidCharacter('张'))
        );
        assert_eq!(
            Username::parse("zhang san"),
            Err(UsernameProblem::InvalidCharacter(' '))
        );
        assert_eq!(
            Username::parse("a@b"),
            Err(UsernameProblem::InvalidCharacter('@'))
        );
    }

    #[test]
    fn the_first_character_must_be_a_letter_or_digit() {
        for bad in [".zhang", "_zhang", "-zhang"] {
            assert_eq!(Username::parse(bad), Err(UsernameProblem::BadStart), "{bad}");
        }
    }

    #[test]
    fn problems_have_chinese_messages() {
        assert_eq!(UsernameProblem::TooShort.zh(), "用户名至少 2 个字符");
        assert!(UsernameProblem::InvalidCharacter('张').zh().contains("“张”"));
    }
}
