//! Orders for steps signed one after the other (依次审批) and the manager chain (连续多级主管).
//! Both keep the applicant out: no task of a request ever goes to its applicant.

use uuid::Uuid;

/// The order a sequential step is signed in: the rule's order, each person once. The applicant's
/// place goes to their superior (the first of `superior` not already in the order), or is
/// dropped when the superior signs anyway. When the applicant is the only one named, the order
/// is left as it is for the step's "approver is the applicant" setting to decide.
pub fn signing_order(applicant: Uuid, named: &[Uuid], superior: &[Uuid]) -> Vec<Uuid> {
    if named.iter().all(|p| *p == applicant) {
        return named.to_vec();
    }
    let mut order: Vec<Uuid> = Vec::with_capacity(named.len());
    for person in named {
        let person = if *person == applicant {
            match superior
                .iter()
                .find(|s| **s != applicant && !named.contains(s) && !order.contains(s))
            {
                Some(s) => *s,
                None => continue,
            }
        } else {
            *person
        };
        if !order.contains(&person) {
            order.push(person);
        }
    }
    order
}

/// The heads a manager chain names, nearest first. `heads` holds the head of the applicant's
/// department and of each department above it (`None` where a department has none). A head's own
/// request starts at the level above the levels they head; levels are counted from there, the
/// applicant is never named, a person heading two levels signs once, and the chain stops after
/// `up_to` levels, after the first head for whom `stops_here` holds, or at the top.
pub fn manager_chain(
    applicant: Uuid,
    heads: &[Option<Uuid>],
    up_to: Option<u8>,
    stops_here: impl Fn(Uuid) -> bool,
) -> Vec<Uuid> {
    let start = heads.iter().take_while(|h| **h == Some(applicant)).count();
    let mut chain = Vec::new();
    for (level, head) in heads.iter().skip(start).enumerate() {
        if up_to.is_some_and(|n| level >= usize::from(n)) {
            break;
        }
        let Some(head) = *head else { continue };
        if head == applicant {
            continue;
        }
        if !chain.contains(&head) {
            chain.push(head);
        }
        if stops_here(head) {
            break;
        }
    }
    chain
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Over generated department chains: the applicant (person 0) is never named, nobody twice,
        /// and never more people than levels allowed.
        #[test]
        fn a_chain_never_names_the_applicant_or_anyone_twice(
            heads in prop::collection::vec(prop::option::of(0..5u128), 0..8),
            up_to in prop::option::of(1..6u8),
            role_holder in 0..5u128,
        ) {
            let heads: Vec<Option<Uuid>> = heads.into_iter().map(|h| h.map(Uuid::from_u128)).collect();
            let applicant = Uuid::from_u128(0);
            let chain = manager_chain(applicant, &heads, up_to, |h| h == Uuid::from_u128(role_holder));
            prop_assert!(!chain.contains(&applicant));
            let mut distinct = chain.clone();
            distinct.dedup();
            distinct.sort();
            distinct.dedup();
            prop_assert_eq!(distinct.len(), chain.len());
            if let Some(n) = up_to {
                prop_assert!(chain.len() <= usize::from(n));
            }
        }
    }

    fn p(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn the_listed_order_is_kept_and_repeats_sign_once() {
        assert_eq!(
            signing_order(p(9), &[p(3), p(1), p(3), p(2)], &[]),
            [p(3), p(1), p(2)]
        );
    }

    #[test]
    fn the_applicant_s_place_goes_to_the_superior() {
        assert_eq!(
            signing_order(p(9), &[p(1), p(9), p(2)], &[p(5)]),
            [p(1), p(5), p(2)]
        );
    }

    #[test]
    fn the_applicant_s_place_is_dropped_when_the_superior_signs_anyway() {
        assert_eq!(signing_order(p(9), &[p(1), p(9), p(5)], &[p(5)]), [p(1), p(5)]);
        assert_eq!(signing_order(p(9), &[p(9), p(1)], &[p(9)]), [p(1)]);
    }

    #[test]
    fn an_applicant_named_alone_is_left_to_the_step_setting() {
        assert_eq!(signing_order(p(9), &[p(9)], &[p(5)]), [p(9)]);
    }

    #[test]
    fn a_chain_climbs_the_given_levels() {
        let heads = [Some(p(1)), Some(p(2)), Some(p(3))];
        assert_eq!(manager_chain(p(9), &heads, Some(2), |_| false), [p(1), p(2)]);
        assert_eq!(
            manager_chain(p(9), &heads, Some(9), |_| false),
            [p(1), p(2), p(3)]
        );
    }

    #[test]
    fn a_head_s_own_chain_starts_one_level_up() {
        let heads = [Some(p(9)), Some(p(2)), Some(p(3))];
        assert_eq!(manager_chain(p(9), &heads, Some(1), |_| false), [p(2)]);
    }

    #[test]
    fn a_chain_stops_after_the_first_head_holding_the_role() {
        let heads = [Some(p(1)), Some(p(2)), Some(p(3))];
        assert_eq!(manager_chain(p(9), &heads, None, |h| h == p(2)), [p(1), p(2)]);
        assert_eq!(manager_chain(p(9), &heads, Some(1), |h| h == p(2)), [p(1)]);
    }

    #[test]
    fn a_person_heading_two_levels_signs_once_and_missing_heads_are_passed() {
        let heads = [Some(p(1)), None, Some(p(1)), Some(p(4))];
        assert_eq!(manager_chain(p(9), &heads, None, |_| false), [p(1), p(4)]);
    }

    #[test]
    fn the_applicant_heading_a_higher_level_is_passed_over() {
        let heads = [Some(p(1)), Some(p(9)), Some(p(3))];
        assert_eq!(manager_chain(p(9), &heads, Some(3), |_| false), [p(1), p(3)]);
    }
}
