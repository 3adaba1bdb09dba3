//! What is derived from [`MODULES`] at compile time: the catalogue and the role bundles. The
//! functions are `const` so that the results stay plain `&'static` slices.

use super::{MODULES, ModuleDef};
use crate::access::{Duty, PermissionDef};

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn contains(list: &[&str], wanted: &str) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same(list[i], wanted) {
            return true;
        }
        i += 1;
    }
    false
}

const fn permission_count() -> usize {
    let (mut n, mut m) = (0, 0);
    while m < MODULES.len() {
        n += MODULES[m].permissions.len();
        m += 1;
    }
    n
}

const PLACEHOLDER: PermissionDef = PermissionDef::new("", "", "", "", Duty::Business);

const fn flatten<const N: usize>() -> [PermissionDef; N] {
    let mut out = [PLACEHOLDER; N];
    let (mut k, mut m) = (0, 0);
    while m < MODULES.len() {
        let mut p = 0;
        while p < MODULES[m].permissions.len() {
            out[k] = MODULES[m].permissions[p];
            k += 1;
            p += 1;
        }
        m += 1;
    }
    out
}

const CATALOGUE_LEN: usize = permission_count();
const FLAT: [PermissionDef; CATALOGUE_LEN] = flatten::<CATALOGUE_LEN>();

/// Every permission the system knows: each module's, in the order of [`MODULES`].
pub const CATALOGUE: &[PermissionDef] = &FLAT;

const fn grants(module: &ModuleDef, role: &str, permission: &str) -> bool {
    let mut g = 0;
    while g < module.grants.len() {
        let grant = module.grants[g];
        if contains(grant.roles, role) && contains(grant.permissions, permission) {
            return true;
        }
        g += 1;
    }
    false
}

/// How many permissions the modules grant `role`.
pub const fn granted_count(role: &str) -> usize {
    let (mut n, mut m) = (0, 0);
    while m < MODULES.len() {
        let mut p = 0;
        while p < MODULES[m].permissions.len() {
            if grants(MODULES[m], role, MODULES[m].permissions[p].code) {
                n += 1;
            }
            p += 1;
        }
        m += 1;
    }
    n
}

/// The permissions the modules grant `role`, in catalogue order; `N` is [`granted_count`].
pub const fn granted_to<const N: usize>(role: &str) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut k, mut m) = (0, 0);
    while m < MODULES.len() {
        let mut p = 0;
        while p < MODULES[m].permissions.len() {
            let code = MODULES[m].permissions[p].code;
            if grants(MODULES[m], role, code) {
                out[k] = code;
                k += 1;
            }
            p += 1;
        }
        m += 1;
    }
    out
}
