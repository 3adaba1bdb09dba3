//! The state-machine kit every record with a life cycle uses: states, actions and kinds as
//! closed string enums ([`string_enum!`]), and one transition table per record type
//! ([`Transitions`]) that says which action is legal in which state and where it leads.
//!
//! The enums are stored as text columns (feature `sea-orm`) and published as OpenAPI string
//! enums (feature `openapi`) under the same words they serialize to, so the database, the JSON
//! and the generated client all spell a state the same way.

#[cfg(test)]
mod tests;

/// Declares a closed set of words: a `Copy` enum with `ALL`, `as_str` and `parse`, serialized
/// as its word. With the crate's `sea-orm` feature it is a text column (`DeriveActiveEnum`);
/// with `openapi` a string-enum schema.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:tt),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "Text"))]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $text)]
                #[cfg_attr(feature = "sea-orm", sea_orm(string_value = $text))]
                $variant
            ),*
        }

        impl $name {
            pub const ALL: &[Self] = &[$(Self::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::state::Word for $name {
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn parse(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }
    };
}

pub(crate) use string_enum;

/// A state or an action: a word from a closed set.
pub trait Word: Copy + Eq + 'static {
    fn as_str(self) -> &'static str;

    /// The word's value, `None` for a word outside the set.
    fn parse(text: &str) -> Option<Self>;
}

/// An action that the record's state does not allow. Answered as the one problem code
/// `invalid_transition` (409), naming both words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("`{action}` is not possible while the record is `{state}`")]
pub struct InvalidTransition {
    pub state: &'static str,
    pub action: &'static str,
}

/// A record type's transition table: for each state, the actions it allows and the state each
/// leads to. A state without a row allows nothing (a final state).
#[derive(Debug)]
pub struct Transitions<S: 'static, A: 'static> {
    rows: &'static [(S, &'static [(A, S)])],
}

impl<S: Word, A: Word> Transitions<S, A> {
    pub const fn new(rows: &'static [(S, &'static [(A, S)])]) -> Self {
        Self { rows }
    }

    fn edges(&self, from: S) -> &'static [(A, S)] {
        self.rows
            .iter()
            .find(|(state, _)| *state == from)
            .map_or(&[], |(_, edges)| edges)
    }

    /// Where `action` leads from `from`, or why it cannot be taken.
    pub fn apply(&self, from: S, action: A) -> Result<S, InvalidTransition> {
        self.edges(from)
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, to)| *to)
            .ok_or(InvalidTransition {
                state: from.as_str(),
                action: action.as_str(),
            })
    }

    /// The actions `from` allows, in table order (the order clients show buttons in).
    pub fn allowed(&self, from: S) -> impl Iterator<Item = A> + 'static {
        self.edges(from).iter().map(|(action, _)| *action)
    }

    /// The actions `from` allows that `viewer_may` lets this viewer take.
    pub fn allowed_for(&self, from: S, mut viewer_may: impl FnMut(A) -> bool) -> Vec<A> {
        self.allowed(from).filter(|a| viewer_may(*a)).collect()
    }

    /// Every state some action leads to.
    pub fn targets(&self) -> impl Iterator<Item = S> + 'static {
        self.rows
            .iter()
            .flat_map(|(_, edges)| edges.iter().map(|(_, to)| *to))
    }
}
