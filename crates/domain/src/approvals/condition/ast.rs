//! The parsed form of a condition.

/// A condition expression. `And`/`Or` hold flat lists so a long chain does not nest.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    Const(bool),
    /// A bare field: true when it is non-empty, non-zero or `true`.
    Truthy(FieldRef),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(FieldRef, CmpOp, Literal),
    In {
        field: FieldRef,
        items: Vec<Literal>,
        negated: bool,
    },
    Contains(FieldRef, Literal),
}

/// A field of the form, or one part of a date-range field.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FieldRef {
    pub key: String,
    pub part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Part {
    Whole,
    /// `.days`: calendar days of a date range, both ends included.
    Days,
    /// `.start`: the first day of a date range, as `YYYY-MM-DD`.
    Start,
    /// `.end`: the last day of a date range, as `YYYY-MM-DD`.
    End,
}

impl Part {
    /// The part named after the dot.
    pub(super) fn named(name: &str) -> Option<Self> {
        match name {
            "days" => Some(Self::Days),
            "start" => Some(Self::Start),
            "end" => Some(Self::End),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum CmpOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Literal {
    Number(f64),
    Str(String),
    Bool(bool),
}

impl Expr {
    /// Adds the fields this expression reads that `wanted` accepts, by base key, first use
    /// first, each once.
    pub(super) fn collect_fields(&self, wanted: &dyn Fn(&FieldRef) -> bool, keys: &mut Vec<String>) {
        let mut add = |field: &FieldRef| {
            if wanted(field) && !keys.contains(&field.key) {
                keys.push(field.key.clone());
            }
        };
        match self {
            Self::Const(_) => {}
            Self::Truthy(field)
            | Self::Compare(field, _, _)
            | Self::In { field, .. }
            | Self::Contains(field, _) => add(field),
            Self::Not(inner) => inner.collect_fields(wanted, keys),
            Self::And(parts) | Self::Or(parts) => {
                for part in parts {
                    part.collect_fields(wanted, keys);
                }
            }
        }
    }
}
