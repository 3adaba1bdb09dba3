//! Who a notice reaches: everyone, the members of some departments (with their sub-departments)
//! or the holders of some roles.

use std::collections::BTreeSet;

use uuid::Uuid;

/// Most departments or roles one notice may name.
pub const MAX_TARGETS: usize = 200;

crate::state::string_enum! {
    /// How a notice's audience is given.
    AudienceKind {
        /// 全体.
        All = "all",
        /// 指定部门 (and their sub-departments).
        Departments = "departments",
        /// 指定角色.
        Roles = "roles",
    }
}

/// A notice's audience, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    All,
    Departments(BTreeSet<Uuid>),
    Roles(BTreeSet<String>),
}

/// Why an audience cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AudienceRejection {
    #[error("name at least one department or role")]
    Empty,
    #[error("too many departments or roles")]
    TooMany,
    #[error("an audience of everyone names no departments or roles")]
    TargetsForEveryone,
}

impl Audience {
    /// The audience from its wire form: a kind with the departments or role codes it names.
    pub fn parse(
        kind: AudienceKind,
        departments: &[Uuid],
        roles: &[String],
    ) -> Result<Self, AudienceRejection> {
        let audience = match kind {
            AudienceKind::All if departments.is_empty() && roles.is_empty() => return Ok(Self::All),
            AudienceKind::All => return Err(AudienceRejection::TargetsForEveryone),
            AudienceKind::Departments if !roles.is_empty() => {
                return Err(AudienceRejection::TargetsForEveryone);
            }
            AudienceKind::Roles if !departments.is_empty() => {
                return Err(AudienceRejection::TargetsForEveryone);
            }
            AudienceKind::Departments => Self::Departments(departments.iter().copied().collect()),
            AudienceKind::Roles => Self::Roles(roles.iter().map(|r| r.trim().to_owned()).collect()),
        };
        match audience.targets().len() {
            0 => Err(AudienceRejection::Empty),
            n if n > MAX_TARGETS => Err(AudienceRejection::TooMany),
            _ => Ok(audience),
        }
    }

    /// The audience as stored: its kind and target words (department ids or role codes).
    pub fn from_stored(kind: AudienceKind, targets: impl IntoIterator<Item = String>) -> Self {
        match kind {
            AudienceKind::All => Self::All,
            AudienceKind::Departments => {
                Self::Departments(targets.into_iter().filter_map(|t| t.parse().ok()).collect())
            }
            AudienceKind::Roles => Self::Roles(targets.into_iter().collect()),
        }
    }

    pub fn kind(&self) -> AudienceKind {
        match self {
            Self::All => AudienceKind::All,
            Self::Departments(_) => AudienceKind::Departments,
            Self::Roles(_) => AudienceKind::Roles,
        }
    }

    /// The stored target words, sorted.
    pub fn targets(&self) -> Vec<String> {
        match self {
            Self::All => Vec::new(),
            Self::Departments(ids) => ids.iter().map(Uuid::to_string).collect(),
            Self::Roles(codes) => codes.iter().filter(|c| !c.is_empty()).cloned().collect(),
        }
    }

    /// Whether the notice reaches `viewer`.
    pub fn reaches(&self, viewer: &Viewer) -> bool {
        match self {
            Self::All => true,
            Self::Departments(ids) => ids.iter().any(|d| viewer.departments.contains(d)),
            Self::Roles(codes) => codes.iter().any(|c| viewer.roles.contains(c)),
        }
    }
}

/// What decides whether a notice reaches a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    /// The person's departments and all their ancestors (a notice to 教务处 reaches its 教研室).
    pub departments: BTreeSet<Uuid>,
    /// The codes of the roles the person holds.
    pub roles: BTreeSet<String>,
}

impl Viewer {
    /// The target words a stored audience must contain to reach this viewer.
    pub fn target_words(&self) -> Vec<String> {
        self.departments
            .iter()
            .map(Uuid::to_string)
            .chain(self.roles.iter().cloned())
            .collect()
    }
}
