//! Data scope: which records a permission reaches.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The records one role assignment reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum DataScope {
    /// Every record: `{"kind":"all"}`.
    All,
    /// Records of the department and its descendants: `{"kind":"department","departmentId":…}`.
    Department { department_id: Uuid },
    /// Only the principal's own records: `{"kind":"self"}`.
    #[serde(rename = "self")]
    OwnRecords,
}

/// One role assignment: its permissions and the scope they apply to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    pub permissions: BTreeSet<String>,
    pub scope: DataScope,
}

/// What a principal may see for one permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Every record.
    All,
    /// Records in any of `departments` (already expanded to subtrees), plus own records if `own`.
    Some { departments: BTreeSet<Uuid>, own: bool },
}

/// Combines the grants holding `permission`. `None` means no grant holds it (refuse with 403).
/// `subtree(d)` must return `d` and all its descendants.
pub fn reach(grants: &[Grant], permission: &str, subtree: impl Fn(Uuid) -> BTreeSet<Uuid>) -> Option<Reach> {
    let mut holding = grants
        .iter()
        .filter(|g| g.permissions.contains(permission))
        .peekable();
    holding.peek()?;
    let mut departments = BTreeSet::new();
    let mut own = false;
    for grant in holding {
        match grant.scope {
            DataScope::All => return Some(Reach::All),
            DataScope::Department { department_id } => departments.extend(subtree(department_id)),
            DataScope::OwnRecords => own = true,
        }
    }
    Some(Reach::Some { departments, own })
}

impl Reach {
    /// Whether a record belonging to `record_departments` and owned by `record_owner` is visible to `me`.
    pub fn allows(&self, record_departments: &[Uuid], record_owner: Option<Uuid>, me: Uuid) -> bool {
        match self {
            Self::All => true,
            Self::Some { departments, own } => {
                record_departments.iter().any(|d| departments.contains(d))
                    || (*own && record_owner == Some(me))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Departments 0..8 in a binary tree: the children of `n` are `2n+1` and `2n+2`.
    fn dept(n: u128) -> Uuid {
        Uuid::from_u128(n + 1)
    }

    fn subtree(root: Uuid) -> BTreeSet<Uuid> {
        let mut out = BTreeSet::new();
        let mut stack = vec![root.as_u128() - 1];
        while let Some(n) = stack.pop() {
            if n < 8 {
                out.insert(dept(n));
                stack.extend([2 * n + 1, 2 * n + 2]);
            }
        }
        out
    }

    fn grant(perms: &[&str], scope: DataScope) -> Grant {
        Grant {
            permissions: perms.iter().map(|p| (*p).to_owned()).collect(),
            scope,
        }
    }

    const ME: Uuid = Uuid::from_u128(100);

    #[test]
    fn no_grant_with_the_permission_means_no_reach() {
        let grants = [grant(&["user.read"], DataScope::All)];
        assert_eq!(reach(&grants, "user.manage", subtree), None);
        assert_eq!(reach(&[], "user.read", subtree), None);
    }

    #[test]
    fn any_all_grant_wins() {
        let grants = [
            grant(&["user.read"], DataScope::OwnRecords),
            grant(&["user.read"], DataScope::All),
        ];
        assert_eq!(reach(&grants, "user.read", subtree), Some(Reach::All));
    }

    #[test]
    fn department_grants_reach_their_subtrees_and_ignore_other_permissions() {
        let grants = [
            grant(
                &["user.read"],
                DataScope::Department {
                    department_id: dept(1),
                },
            ),
            grant(
                &["user.manage"],
                DataScope::Department {
                    department_id: dept(2),
                },
            ),
        ];
        let reach = reach(&grants, "user.read", subtree);
        let expected: BTreeSet<_> = [1, 3, 4, 7].map(dept).into();
        assert_eq!(
            reach,
            Some(Reach::Some {
                departments: expected,
                own: false
            })
        );
    }

    #[test]
    fn allows_checks_departments_then_ownership() {
        let r = Reach::Some {
            departments: [dept(3)].into(),
            own: true,
        };
        assert!(r.allows(&[dept(5), dept(3)], None, ME));
        assert!(r.allows(&[], Some(ME), ME));
        assert!(!r.allows(&[dept(5)], Some(dept(9)), ME));
        let not_own = Reach::Some {
            departments: [].into(),
            own: false,
        };
        assert!(!not_own.allows(&[dept(0)], Some(ME), ME));
        assert!(Reach::All.allows(&[], None, ME));
    }

    fn scope_strategy() -> impl Strategy<Value = DataScope> {
        prop_oneof![
            Just(DataScope::All),
            Just(DataScope::OwnRecords),
            (0u128..8).prop_map(|n| DataScope::Department {
                department_id: dept(n)
            }),
        ]
    }

    fn grant_strategy() -> impl Strategy<Value = Grant> {
        (
            proptest::sample::subsequence(vec!["a.read", "a.manage"], 0..=2),
            scope_strategy(),
        )
            .prop_map(|(perms, scope)| grant(&perms, scope))
    }

    proptest! {
        #[test]
        fn allows_for_the_union_equals_any_single_grant_allowing(
            grants in proptest::collection::vec(grant_strategy(), 0..5),
            record_departments in proptest::collection::vec((0u128..8).prop_map(dept), 0..3),
            owner in proptest::option::of(prop_oneof![Just(ME), Just(Uuid::from_u128(200))]),
        ) {
            let union = reach(&grants, "a.read", subtree)
                .is_some_and(|r| r.allows(&record_departments, owner, ME));
            let any_single = grants.iter().any(|g| {
                reach(std::slice::from_ref(g), "a.read", subtree)
                    .is_some_and(|r| r.allows(&record_departments, owner, ME))
            });
            prop_assert_eq!(union, any_single);
        }
    }
}
