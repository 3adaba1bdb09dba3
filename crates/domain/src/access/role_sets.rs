//! Groups of built-in roles that modules grant permissions to.

use super::role_codes::*;

const OFFICE_ROLES: [&str; 9] = [
    OFFICE_DIRECTOR,
    OFFICE_CLERK,
    SCHOOL_LEADER,
    DEPT_HEAD,
    DEPT_ASSET_MANAGER,
    ARCHIVIST,
    DISPATCHER,
    REPAIR_WORKER,
    WINDOW_CLERK,
];

/// The general office and the roles that work with it: they look up people and departments.
pub const OFFICE: &[&str] = &OFFICE_ROLES;

/// Every built-in role: the three administrators, the office's roles, staff and students.
pub const EVERYONE: &[&str] =
    &join::<3, 9, 2, 14>([SYSADMIN, SECADMIN, AUDITOR], OFFICE_ROLES, [STAFF, STUDENT]);

/// Three lists as one, at compile time (a wrong `N` does not compile).
const fn join<const A: usize, const B: usize, const C: usize, const N: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
    c: [&'static str; C],
) -> [&'static str; N] {
    assert!(A + B + C == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A {
            a[i]
        } else if i < A + B {
            b[i - A]
        } else {
            c[i - A - B]
        };
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{EVERYONE, OFFICE};

    #[test]
    fn everyone_holds_the_office_once_and_no_role_twice() {
        assert!(OFFICE.iter().all(|role| EVERYONE.contains(role)));
        let mut sorted = EVERYONE.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), EVERYONE.len());
        assert_eq!(EVERYONE.len(), 14);
    }
}
