//! Which limits each kind of field uses, and the fixed caps behind them.

use super::FieldKind;

/// Most fields in one form.
pub const MAX_FIELDS: usize = 50;
/// Most characters of a field key.
pub const MAX_KEY_CHARS: usize = 40;
/// Most characters of a label.
pub const MAX_LABEL_CHARS: usize = 40;
/// Most options of a select field.
pub const MAX_OPTIONS: usize = 50;
/// Most characters of one option.
pub const MAX_OPTION_CHARS: usize = 100;
/// Most characters of a placeholder.
pub const MAX_PLACEHOLDER_CHARS: usize = 100;
/// Most characters of a help text.
pub const MAX_HELP_CHARS: usize = 500;
/// Largest amount of money, in fen (10^12 fen = 10 billion yuan), and the smallest negative one.
pub const MONEY_LIMIT_FEN: i64 = 1_000_000_000_000;

impl FieldKind {
    /// `min`/`max` apply (number and money).
    pub(super) fn uses_bounds(&self) -> bool {
        matches!(self, Self::Number | Self::Money)
    }

    /// `minLength`/`maxLength` apply (characters of text, items of lists).
    pub(super) fn uses_lengths(&self) -> bool {
        matches!(
            self,
            Self::Text | Self::LongText | Self::MultiSelect | Self::Attachments | Self::LineItems
        )
    }

    /// `options` apply.
    pub(super) fn uses_options(&self) -> bool {
        matches!(self, Self::Select | Self::MultiSelect)
    }

    /// The largest `maxLength` a designer may set.
    pub(super) fn length_cap(&self) -> u32 {
        match self {
            Self::Text => 200,
            Self::LongText => 5000,
            Self::MultiSelect => MAX_OPTIONS as u32,
            Self::Attachments | Self::LineItems => 100,
            _ => 0,
        }
    }

    /// The limit on characters or items when the designer set no `maxLength`.
    pub(super) fn default_max_length(&self) -> u32 {
        match self {
            Self::Attachments => 20,
            Self::LineItems => 50,
            _ => self.length_cap(),
        }
    }

    /// The field is filled by picking rather than typing ("请选择…" instead of "请填写…").
    pub(super) fn is_picked(&self) -> bool {
        matches!(
            self,
            Self::Date | Self::DateRange | Self::Select | Self::MultiSelect | Self::User | Self::Department
        )
    }
}
