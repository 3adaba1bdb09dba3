//! The marks on an official document: classification (密级), urgency (紧急程度) and, once
//! archived, retention (保管期限). Stored and published as their words.

use crate::state::string_enum;

string_enum! {
    /// 密级, lowest first: a reader sees a document's content only at or above its level.
    Classification {
        /// 公开.
        Public = "public",
        /// 内部.
        Internal = "internal",
        /// 秘密.
        Secret = "secret",
        /// 机密.
        Confidential = "confidential",
    }
}

impl Classification {
    /// The mark as printed on the document.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Public => "公开",
            Self::Internal => "内部",
            Self::Secret => "秘密",
            Self::Confidential => "机密",
        }
    }

    fn rank(self) -> u8 {
        match self {
            Self::Public => 0,
            Self::Internal => 1,
            Self::Secret => 2,
            Self::Confidential => 3,
        }
    }

    /// Whether a person cleared to `clearance` may read what is marked `self`.
    pub fn readable_at(self, clearance: Self) -> bool {
        clearance.rank() >= self.rank()
    }
}

string_enum! {
    /// 紧急程度: 特急 goes first in every queue, then 加急.
    Urgency {
        /// 平件.
        Normal = "normal",
        /// 加急.
        Urgent = "urgent",
        /// 特急.
        VeryUrgent = "very_urgent",
    }
}

impl Urgency {
    pub fn zh(self) -> &'static str {
        match self {
            Self::Normal => "平件",
            Self::Urgent => "加急",
            Self::VeryUrgent => "特急",
        }
    }

    /// The place in a work queue: lower comes first.
    pub fn queue_rank(self) -> u8 {
        match self {
            Self::VeryUrgent => 0,
            Self::Urgent => 1,
            Self::Normal => 2,
        }
    }
}

string_enum! {
    /// 保管期限 of an archived document (DA/T 22).
    Retention {
        /// 永久, code `Y`.
        Permanent = "permanent",
        /// 30 年, code `D30`.
        Years30 = "years_30",
        /// 10 年, code `D10`.
        Years10 = "years_10",
    }
}

impl Retention {
    pub fn zh(self) -> &'static str {
        match self {
            Self::Permanent => "永久",
            Self::Years30 => "30年",
            Self::Years10 => "10年",
        }
    }

    /// The code in an archive code (档号): `Y`, `D30`, `D10`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Permanent => "Y",
            Self::Years30 => "D30",
            Self::Years10 => "D10",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_sees_what_is_marked_at_or_below_their_clearance() {
        use Classification::*;
        assert!(Internal.readable_at(Internal) && Internal.readable_at(Confidential));
        assert!(!Secret.readable_at(Internal) && !Confidential.readable_at(Secret));
        assert!(Public.readable_at(Public));
    }

    #[test]
    fn very_urgent_comes_first() {
        let mut queue = [Urgency::Normal, Urgency::VeryUrgent, Urgency::Urgent];
        queue.sort_by_key(|u| u.queue_rank());
        assert_eq!(queue, [Urgency::VeryUrgent, Urgency::Urgent, Urgency::Normal]);
    }

    #[test]
    fn the_words_and_codes_are_the_printed_ones() {
        assert_eq!(Classification::Confidential.zh(), "机密");
        assert_eq!(Urgency::VeryUrgent.zh(), "特急");
        let codes: Vec<&str> = Retention::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes, ["Y", "D30", "D10"]);
    }
}
