//! The password policy (MLPS 2.0 / 等保2.0 identity authentication).

use serde::{Deserialize, Serialize};

use super::guessable::is_guessable;
use super::personal::{contains_name, contains_username};

/// Rules a new password must satisfy. Lengths count characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PasswordPolicy {
    /// Fewest characters (default 8).
    pub min_length: usize,
    /// Fewest character classes of lowercase, uppercase, digit and other (default 3).
    /// Only ASCII letters and digits count as such; everything else, Chinese included, is "other".
    pub min_classes: usize,
    /// Refuse passwords containing the username (also reversed or without its dots) or the
    /// person's name in hanzi or pinyin, ignoring case (default true). Usernames shorter than 3
    /// characters and names shorter than 2 hanzi or 4 letters are not checked.
    pub forbid_username: bool,
    /// Refuse passwords that are easy to guess: well-known ones, Chinese love codes and QQ
    /// numbers, keyboard patterns, dictionary words with digits (default true; see
    /// `identity::guessable`).
    pub forbid_common: bool,
    /// Most characters (default 128).
    pub max_length: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            min_length: 8,
            min_classes: 3,
            forbid_username: true,
            forbid_common: true,
            max_length: 128,
        }
    }
}

/// One reason a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum PasswordProblem {
    #[error("password must be at least {min} characters")]
    TooShort { min: usize },
    #[error("password must be at most {max} characters")]
    TooLong { max: usize },
    #[error("password uses {found} of the 4 character kinds, {required} are required")]
    TooFewClasses { required: usize, found: usize },
    #[error("password must not contain the username")]
    ContainsUsername,
    #[error("password must not contain the person's name")]
    ContainsName,
    #[error("password is too common")]
    TooCommon,
}

impl PasswordProblem {
    /// The message in Chinese, for users.
    pub fn zh(&self) -> String {
        match self {
            Self::TooShort { min } => format!("密码至少 {min} 位"),
            Self::TooLong { max } => format!("密码最多 {max} 位"),
            Self::TooFewClasses { required, .. } => {
                format!("须包含大写字母、小写字母、数字、符号中的至少 {required} 类")
            }
            Self::ContainsUsername => "不能包含用户名".to_owned(),
            Self::ContainsName => "不能包含本人姓名（汉字或拼音）".to_owned(),
            Self::TooCommon => {
                "这是常见或容易猜到的密码（常用词、键盘顺序、520/1314、QQ 号或生日等），请换一个".to_owned()
            }
        }
    }

    /// The message in English, for users.
    pub fn en(&self) -> String {
        match self {
            Self::TooShort { min } => format!("Use at least {min} characters."),
            Self::TooLong { max } => format!("Use at most {max} characters."),
            Self::TooFewClasses { required, .. } => format!(
                "Use at least {required} of these: uppercase letters, lowercase letters, digits, symbols."
            ),
            Self::ContainsUsername => "Do not include your username.".to_owned(),
            Self::ContainsName => "Do not include your name (in hanzi or pinyin).".to_owned(),
            Self::TooCommon => {
                "This password is common or easy to guess (words, keyboard runs, love codes, QQ numbers, dates); choose another."
                    .to_owned()
            }
        }
    }
}

/// Counts the character classes present: lowercase, uppercase, digit, other.
fn classes(password: &str) -> usize {
    let mut seen = [false; 4];
    for c in password.chars() {
        let class = match c {
            'a'..='z' => 0,
            'A'..='Z' => 1,
            '0'..='9' => 2,
            _ => 3,
        };
        seen[class] = true;
    }
    seen.iter().filter(|s| **s).count()
}

impl PasswordPolicy {
    /// Checks `password` for the user `username`, reporting every problem found, in the order
    /// length, classes, username, common.
    pub fn check(&self, password: &str, username: &str) -> Result<(), Vec<PasswordProblem>> {
        self.check_for(password, username, "")
    }

    /// [`Self::check`] that also refuses the person's `name` (hanzi or pinyin), after the
    /// username.
    pub fn check_for(&self, password: &str, username: &str, name: &str) -> Result<(), Vec<PasswordProblem>> {
        let mut problems = Vec::new();
        let length = password.chars().count();
        if length < self.min_length {
            problems.push(PasswordProblem::TooShort { min: self.min_length });
        } else if length > self.max_length {
            problems.push(PasswordProblem::TooLong { max: self.max_length });
        }
        let found = classes(password);
        if found < self.min_classes {
            problems.push(PasswordProblem::TooFewClasses {
                required: self.min_classes,
                found,
            });
        }
        if self.forbid_username && contains_username(password, username) {
            problems.push(PasswordProblem::ContainsUsername);
        }
        if self.forbid_username && contains_name(password, name) {
            problems.push(PasswordProblem::ContainsName);
        }
        if self.forbid_common && length <= self.max_length && is_guessable(password, &[username, name]) {
            problems.push(PasswordProblem::TooCommon);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PasswordProblem::*;
    use super::*;

    fn check(password: &str, username: &str) -> Result<(), Vec<PasswordProblem>> {
        PasswordPolicy::default().check(password, username)
    }

    #[test]
    fn a_strong_password_passes() {
        assert_eq!(check("Xiaoban#2026", "zhangsan"), Ok(()));
    }

    #[test]
    fn a_password_containing_the_username_fails_in_any_case() {
        assert_eq!(check("zhangsan2026!A", "zhangsan"), Err(vec![ContainsUsername]));
        // zxcvbn knows the username too, so the shorter one is also easy to guess.
        assert_eq!(
            check("ZhangSan2026!", "zhangsan"),
            Err(vec![ContainsUsername, TooCommon])
        );
    }

    #[test]
    fn a_password_containing_the_reversed_username_fails() {
        assert_eq!(
            check("Nasgnahz#2026", "zhangsan"),
            Err(vec![ContainsUsername, TooCommon])
        );
    }

    #[test]
    fn very_short_usernames_are_not_searched_for() {
        assert_eq!(check("Xiaoban#2026", "ab"), Ok(()));
    }

    #[test]
    fn a_common_password_fails_although_it_has_all_four_classes() {
        assert_eq!(classes("P@ssw0rd"), 4);
        assert_eq!(check("P@ssw0rd", "zhangsan"), Err(vec![TooCommon]));
        assert_eq!(check("p@SSW0RD", "zhangsan"), Err(vec![TooCommon]));
    }

    #[test]
    fn lowercase_letters_alone_are_too_few_classes() {
        let too_few = TooFewClasses {
            required: 3,
            found: 1,
        };
        assert_eq!(check("xiaobanjia", "zhangsan"), Err(vec![too_few.clone()]));
        // `abcdefgh` is also on the common list.
        assert_eq!(check("abcdefgh", "zhangsan"), Err(vec![too_few, TooCommon]));
    }

    #[test]
    fn a_short_password_fails_and_chinese_characters_count_as_other() {
        assert_eq!(classes("短密码1A"), 3);
        assert_eq!(
            check("短密码1A", "zhangsan"),
            Err(vec![TooShort { min: 8 }, TooCommon])
        );
        assert_eq!(check("校办密码Ab12#xQ", "zhangsan"), Ok(()));
    }

    #[test]
    fn every_problem_is_reported() {
        assert_eq!(
            check("123456", "123456"),
            Err(vec![
                TooShort { min: 8 },
                TooFewClasses {
                    required: 3,
                    found: 1
                },
                ContainsUsername,
                TooCommon
            ])
        );
    }

    #[test]
    fn an_overlong_password_fails() {
        let strong: String = "Kq7#mVt2pL9xRw4$Hz8nBc3&Jy6eTf5*Ud1gSa0!"
            .chars()
            .cycle()
            .take(129)
            .collect();
        assert_eq!(check(&strong, "zhangsan"), Err(vec![TooLong { max: 128 }]));
        assert_eq!(check(&strong[..128], "zhangsan"), Ok(()));
    }

    #[test]
    fn a_keyboard_pattern_fails_although_it_has_all_four_classes() {
        assert_eq!(check("1qaz@WSX", "teacher01"), Err(vec![TooCommon]));
    }

    #[test]
    fn the_persons_name_in_hanzi_or_pinyin_fails() {
        let policy = PasswordPolicy::default();
        assert_eq!(
            policy.check_for("Zhangsan@2026!x", "t2026001", "张三"),
            Err(vec![ContainsName])
        );
        assert_eq!(
            policy.check_for("张三Kq7#mVt2", "t2026001", "张三"),
            Err(vec![ContainsName])
        );
        assert_eq!(policy.check_for("Kq7#mVt2pL9x", "t2026001", "张三"), Ok(()));
    }

    #[test]
    fn a_relaxed_policy_skips_disabled_checks() {
        let policy = PasswordPolicy {
            forbid_username: false,
            forbid_common: false,
            ..PasswordPolicy::default()
        };
        assert_eq!(policy.check("zhangsan2026!A", "zhangsan"), Ok(()));
        assert_eq!(policy.check("P@ssw0rd", "zhangsan"), Ok(()));
    }

    #[test]
    fn messages_read_plainly() {
        assert_eq!(TooShort { min: 8 }.zh(), "密码至少 8 位");
        let classes = TooFewClasses {
            required: 3,
            found: 1,
        };
        assert_eq!(classes.zh(), "须包含大写字母、小写字母、数字、符号中的至少 3 类");
        assert_eq!(ContainsUsername.zh(), "不能包含用户名");
        assert!(TooCommon.zh().starts_with("这是常见或容易猜到的密码"));
        assert_eq!(ContainsName.zh(), "不能包含本人姓名（汉字或拼音）");
        assert_eq!(TooShort { min: 8 }.en(), "Use at least 8 characters.");
    }
}
