use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::access::{BUILTIN_ROLES, find_role};

#[test]
fn module_codes_and_tags_are_unique() {
    let codes: BTreeSet<_> = MODULES.iter().map(|m| m.code).collect();
    assert_eq!(codes.len(), MODULES.len());
    let tags: Vec<_> = MODULES.iter().filter_map(|m| m.tag.map(|t| t.name)).collect();
    assert_eq!(tags.iter().collect::<BTreeSet<_>>().len(), tags.len(), "{tags:?}");
    assert_eq!(find_module("approval").map(|m| m.code.as_str()), Some("approval"));
    assert!(find_module("nothing").is_none());
}

#[test]
fn every_permission_belongs_to_exactly_one_module_whose_group_it_carries() {
    let mut owners: BTreeMap<&str, Vec<ModuleCode>> = BTreeMap::new();
    for module in MODULES {
        for permission in module.permissions {
            owners.entry(permission.code).or_default().push(module.code);
            assert_eq!(permission.group, module.code.as_str(), "{}", permission.code);
        }
    }
    assert!(owners.values().all(|o| o.len() == 1), "{owners:?}");
    assert_eq!(owners.len(), CATALOGUE.len());
}

#[test]
fn every_grant_names_a_real_role_and_one_of_the_modules_own_permissions() {
    for module in MODULES {
        let own: BTreeSet<_> = module.permissions.iter().map(|p| p.code).collect();
        for grant in module.grants {
            assert!(
                !grant.roles.is_empty() && !grant.permissions.is_empty(),
                "{}",
                module.code
            );
            for role in grant.roles {
                assert!(find_role(role).is_some(), "{}: role {role}", module.code);
            }
            for permission in grant.permissions {
                assert!(own.contains(permission), "{} grants {permission}", module.code);
            }
        }
    }
}

#[test]
fn series_keys_are_unique() {
    let keys: Vec<_> = MODULES.iter().flat_map(|m| m.series).map(|s| s.key).collect();
    assert_eq!(keys.iter().collect::<BTreeSet<_>>().len(), keys.len(), "{keys:?}");
    assert!(keys.contains(&"approval"));
}

/// The bundles as they were written by hand before the modules declared their grants, with
/// what each later module grants (notices and guides: everyone reads, the office writes).
#[rustfmt::skip]
const BEFORE: &[(&str, &[&str])] = &[
    ("sysadmin", &["department.read", "department.manage", "user.read", "user.manage", "user.import",
        "role.read", "role.manage", "role.assign", "calendar.manage", "settings.manage",
        "notification.read", "approval.use", "approval.template.manage", "notice.read", "guide.read"]),
    ("secadmin", &["user.read", "user.view_sensitive", "user.reset_password", "user.unlock",
        "user.set_clearance", "api_key.manage", "security.manage", "notification.read", "approval.use",
        "notice.read", "guide.read"]),
    ("auditor", &["audit.read", "notification.read"]),
    ("office_director", &["notification.read", "department.read", "user.read", "approval.use",
        "approval.template.manage", "approval.admin", "notice.read", "notice.manage", "guide.read",
        "guide.manage"]),
    ("office_clerk", &["notification.read", "department.read", "user.read", "approval.use",
        "notice.read", "notice.manage", "guide.read", "guide.manage"]),
    ("school_leader", OFFICE_BEFORE),
    ("dept_head", OFFICE_BEFORE),
    ("dept_asset_manager", OFFICE_BEFORE),
    ("archivist", OFFICE_BEFORE),
    ("dispatcher", OFFICE_BEFORE),
    ("repair_worker", OFFICE_BEFORE),
    ("window_clerk", OFFICE_BEFORE),
    ("staff", &["notification.read", "approval.use", "notice.read", "guide.read"]),
    ("student", &["notification.read", "approval.use", "notice.read", "guide.read"]),
];

const OFFICE_BEFORE: &[&str] = &[
    "notification.read",
    "department.read",
    "user.read",
    "approval.use",
    "notice.read",
    "guide.read",
];

#[test]
fn the_derived_role_bundles_are_the_hand_written_ones() {
    assert_eq!(BUILTIN_ROLES.len(), BEFORE.len());
    for (code, before) in BEFORE {
        let derived: BTreeSet<_> = find_role(code)
            .map(|r| r.permissions.iter().copied().collect())
            .unwrap_or_default();
        let before: BTreeSet<_> = before.iter().copied().collect();
        assert_eq!(derived, before, "{code}");
    }
}

#[test]
fn the_catalogue_keeps_its_order() {
    let codes: Vec<_> = CATALOGUE.iter().map(|p| p.code).collect();
    assert_eq!(codes.first(), Some(&"department.read"));
    assert_eq!(codes.last(), Some(&"guide.manage"));
    assert_eq!(codes.len(), 25);
}
