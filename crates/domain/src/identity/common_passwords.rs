//! Well-known weak passwords, worldwide and in China.
//!
//! Matching is exact but ignores ASCII case: `PASSWORD` matches `password`, while `password1!`
//! does not match `password` (the class and username rules catch most such variants).

/// The commonest passwords, from public leak statistics.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // Digit runs and repeats.
    "123456", "123456789", "12345678", "1234567890", "1234567", "12345", "1234", "123123", "111111",
    "000000", "666666", "888888", "999999", "222222", "333333", "444444", "555555", "777777",
    "00000000", "11111111", "88888888", "66666666", "12341234", "123321", "654321", "987654321",
    "7654321", "87654321", "0987654321", "112233", "121212", "123654", "147258", "147258369", "159357",
    "159753", "258369", "369258", "789456", "789456123", "456123", "741852963", "123123123",
    "112233445566", "11223344", "131313", "1314520", "5201314", "52013145201314", "520520", "5211314",
    "1314521", "201314", "3344520", "584520", "100200", "123qwe", "123abc", "000000000", "1111111111",
    "123456123456", "135792468", "2580", "147852", "147852369", "963852741", "321321", "456456",
    "520131", "168168", "518518", "198964",
    // Words and names.
    "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "passw0rd!",
    "p@ssw0rd123", "p@55w0rd", "pass123", "pass1234", "passpass", "password!", "password@123",
    "qwerty", "qwerty123", "qwertyuiop", "qwerty1", "qwer1234", "qwe123", "qweasd", "qweasdzxc",
    "qazwsx", "qazwsxedc", "1qaz2wsx", "1qaz2wsx3edc", "1qazxsw2", "zaq12wsx", "!qaz2wsx", "1q2w3e4r",
    "1q2w3e4r5t", "1q2w3e", "q1w2e3r4", "1q2w3e4r5t6y", "zxcvbnm", "zxcvbn", "asdfgh", "asdfghjkl",
    "asdf1234", "asd123", "zxc123", "zxcv1234", "abc123", "abc1234", "abc12345", "abc123456",
    "abcd1234", "abcdef", "abcdefg", "abcdefgh", "abc@123", "abc@1234", "abc123!", "a123456",
    "a12345678", "a123456789", "aa123456", "aa12345678", "a1234567", "a1b2c3", "a1b2c3d4", "aaaaaa",
    "aaaaaaaa", "aaa111", "aa112233", "q123456", "qq123456", "qq123456789", "qq5201314", "w123456",
    "z123456", "123456a", "123456aa", "123456abc", "123456q", "123456qq", "1234qwer", "12345qwert",
    "12qwaszx", "iloveyou", "iloveyou1", "iloveu", "woaini", "woaini1314", "woaini520", "woaini123",
    "woainima", "wodemima", "mima123", "mima1234", "aini1314", "monkey", "dragon", "master", "letmein",
    "welcome", "welcome1", "welcome123", "login", "sunshine", "princess", "football", "baseball",
    "superman", "batman", "trustno1", "shadow", "michael", "jennifer", "charlie", "jordan", "jordan23",
    "hunter", "hunter2", "freedom", "whatever", "starwars", "computer", "internet", "secret", "cheese",
    "flower", "killer", "ninja", "mustang", "soccer", "hockey", "buster", "pepper", "ginger", "summer",
    "winter", "lovely", "loveme", "love123", "hello", "hello123", "hello1234", "hellokitty", "ashley",
    "bailey", "daniel", "thomas", "andrew", "joshua", "matrix", "tigger", "zaq1zaq1", "google",
    "baidu123", "taobao", "tencent", "weixin", "wechat", "xiaoming", "zhangsan", "lisi", "wangwei",
    "liuyang", "nihao", "nihao123", "woshishui", "huang123", "chenchen", "xiaoxiao", "wangyang",
    "laopo520", "laogong", "beijing", "shanghai", "china", "china123", "zhongguo", "1qaz1qaz",
    "qazqaz", "zxcvbnm123", "123go", "lol123", "test", "test123", "test1234", "testtest", "guest", "user",
    "user123", "demo", "demo123", "default", "changeme", "changeit",
    // Admin and vendor defaults.
    "admin", "admin123", "admin1234", "admin12345", "admin@123", "admin@1234", "admin#123", "admin888",
    "admin666", "administrator", "root", "root123", "root@123", "toor", "root1234", "sysadmin",
    "system", "manager", "oracle", "mysql", "postgres", "sa123456", "1qaz@wsx", "1qaz!qaz", "qwe!@#",
    "!@#$%^", "!@#$%^&*", "!qaz@wsx", "1qaz@wsx#edc", "aa123456!", "aa123456.", "abc123456!",
    "a123456.", "a123456!", "qwer!234", "qwer@1234", "qwer1234!", "p@ssw0rd!", "password1!",
    "passw0rd1", "passw0rd123", "pa$$w0rd", "pa$$word", "huawei@123", "huawei123", "h3c@123",
    "zte@123", "test@123", "user@123", "welcome@123", "changeme123", "aa@123456", "aa.123456",
    "a.123456", "abc.123", "abcd@1234", "abcd.1234", "abcd!234", "school123", "school@123", "xiaoban",
    "xiaoban123", "xiaoban@123", "teacher", "teacher123", "student", "student123", "123@abc",
    "1234abcd", "1234@abcd", "12345678a", "12345678aa", "11111111a", "88888888a", "qwertyui",
    "asdfasdf", "qwerqwer", "1qa2ws3ed", "zxcasdqwe", "qweqwe", "asdasd", "zxczxc", "aaa123", "abcabc",
    "a11111", "q1w2e3", "w1e2r3", "x123456",
];

/// Whether `password` is on the list, ignoring ASCII case (exact match otherwise).
pub fn is_common(password: &str) -> bool {
    COMMON.iter().any(|c| c.eq_ignore_ascii_case(password))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_list_is_long_lowercase_and_without_duplicates() {
        assert!(COMMON.len() >= 300, "{}", COMMON.len());
        let unique: BTreeSet<_> = COMMON.iter().collect();
        assert_eq!(unique.len(), COMMON.len());
        assert!(COMMON.iter().all(|c| c.to_ascii_lowercase() == *c));
    }

    #[test]
    fn matching_ignores_case_but_nothing_else() {
        for weak in [
            "123456",
            "P@ssw0rd",
            "Passw0rd!",
            "Admin@123",
            "woaini1314",
            "Aa123456",
            "Abc@1234",
        ] {
            assert!(is_common(weak), "{weak}");
        }
        assert!(is_common("QWER1234"));
        assert!(!is_common("password12"));
        assert!(!is_common(" 123456"));
        assert!(!is_common("Xiaoban#2026"));
    }
}
