//! A password must not contain its owner's username or name, in hanzi or in pinyin.

use pinyin::ToPinyin;

/// Usernames shorter than this are not searched for inside passwords.
const MIN_USERNAME: usize = 3;
/// Pinyin or Latin names shorter than this are not searched for (too many false alarms).
const MIN_LATIN_NAME: usize = 4;
/// A name in hanzi needs this many characters to be searched for.
const MIN_HANZI_NAME: usize = 2;

/// Lowercase letters, digits and hanzi only: `Zhang.San-2026` becomes `zhangsan2026`.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn contains_either_way(password: &str, part: &str) -> bool {
    let reversed: String = part.chars().rev().collect();
    password.contains(part) || password.contains(&reversed)
}

/// Whether `password` contains the username, also without its dots and dashes, or reversed.
pub fn contains_username(password: &str, username: &str) -> bool {
    let password = password.to_lowercase();
    let name = username.trim().to_lowercase();
    if name.chars().count() < MIN_USERNAME {
        return false;
    }
    let plain = letters(&name);
    contains_either_way(&password, &name)
        || (plain.chars().count() >= MIN_USERNAME && contains_either_way(&letters(&password), &plain))
}

/// Whether `password` contains the person's name: as written (`张三`, `Li Wei`), or its pinyin
/// with the syllables in either order (`zhangsan`, `sanzhang`).
pub fn contains_name(password: &str, name: &str) -> bool {
    let password = letters(password);
    let written = letters(name);
    let hanzi = written.chars().filter(|c| c.to_pinyin().is_some()).count();
    if hanzi >= MIN_HANZI_NAME && password.contains(&written) {
        return true;
    }
    if hanzi == 0 {
        return written.chars().count() >= MIN_LATIN_NAME && password.contains(&written);
    }
    let syllables: Vec<String> = written
        .chars()
        .map(|c| {
            c.to_pinyin()
                .map_or_else(|| c.to_string(), |p| p.plain().to_owned())
        })
        .collect();
    let forward = syllables.concat();
    let backward: String = syllables.iter().rev().map(String::as_str).collect();
    forward.chars().count() >= MIN_LATIN_NAME && (password.contains(&forward) || password.contains(&backward))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_username_is_found_in_any_case_reversed_or_without_its_dots() {
        assert!(contains_username("ZhangSan2026!", "zhangsan"));
        assert!(contains_username("Nasgnahz#2026", "zhangsan"));
        assert!(contains_username("Wangzhuren#2026", "wang.zhuren"));
        assert!(!contains_username("Xiaoban#2026", "ab"));
        assert!(!contains_username("Xiaoban#2026", "zhangsan"));
    }

    #[test]
    fn a_chinese_name_is_found_in_hanzi_and_in_pinyin_either_way_round() {
        assert!(contains_name("张三@Xiaoban2026", "张三"));
        assert!(contains_name("Zhangsan@2026", "张三"));
        assert!(contains_name("Sanzhang#2026", "张 三"));
        assert!(contains_name("Liuxiaoming!88", "刘晓明"));
        assert!(!contains_name("Xiaoban#2026", "张三"));
        assert!(!contains_name("Zhang#2026Li", "张三"));
    }

    #[test]
    fn latin_names_count_from_four_letters_and_single_hanzi_not_at_all() {
        assert!(contains_name("LiWei#2026x", "Li Wei"));
        assert!(!contains_name("Lix#2026Wq", "Li"));
        assert!(!contains_name("王@Xiaoban2026", "王"));
    }
}
