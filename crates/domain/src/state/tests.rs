use proptest::prelude::*;

use super::{Transitions, string_enum};

string_enum! {
    /// A door, the smallest record with a life cycle.
    Door {
        Open = "open",
        Closed = "closed",
        Locked = "locked",
    }
}

string_enum! {
    DoorAction {
        Close = "close",
        Lock = "lock",
        Unlock = "unlock",
        OpenUp = "open_up",
    }
}

const DOOR: Transitions<Door, DoorAction> = Transitions::new(&[
    (Door::Open, &[(DoorAction::Close, Door::Closed)]),
    (
        Door::Closed,
        &[(DoorAction::OpenUp, Door::Open), (DoorAction::Lock, Door::Locked)],
    ),
    (Door::Locked, &[(DoorAction::Unlock, Door::Closed)]),
]);

fn door() -> impl Strategy<Value = Door> {
    proptest::sample::select(Door::ALL)
}

fn action() -> impl Strategy<Value = DoorAction> {
    proptest::sample::select(DoorAction::ALL)
}

proptest! {
    #[test]
    fn an_action_applies_exactly_when_it_is_allowed(from in door(), act in action()) {
        let allowed: Vec<DoorAction> = DOOR.allowed(from).collect();
        prop_assert_eq!(DOOR.apply(from, act).is_ok(), allowed.contains(&act));
    }

    #[test]
    fn a_refusal_names_the_state_and_the_action(from in door(), act in action()) {
        if let Err(refused) = DOOR.apply(from, act) {
            prop_assert_eq!(refused.state, from.as_str());
            prop_assert_eq!(refused.action, act.as_str());
        }
    }

    #[test]
    fn any_sequence_of_legal_actions_stays_inside_the_table(steps in proptest::collection::vec(0usize..4, 0..20)) {
        let mut at = Door::Open;
        for pick in steps {
            let choices: Vec<DoorAction> = DOOR.allowed(at).collect();
            let Some(chosen) = choices.get(pick % choices.len().max(1)) else { continue };
            at = DOOR.apply(at, *chosen).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(DOOR.allowed(at).next().is_some());
        }
    }
}

#[test]
fn the_viewer_filter_keeps_table_order() {
    let mine = DOOR.allowed_for(Door::Closed, |a| a != DoorAction::OpenUp);
    assert_eq!(mine, [DoorAction::Lock]);
    assert_eq!(
        DOOR.allowed(Door::Closed).collect::<Vec<_>>(),
        [DoorAction::OpenUp, DoorAction::Lock]
    );
}

#[test]
fn words_round_trip_through_text_and_json() {
    for state in Door::ALL {
        assert_eq!(Door::parse(state.as_str()), Some(*state));
        assert_eq!(serde_json::to_value(state).ok(), Some(state.as_str().into()));
        let back: Option<Door> = serde_json::from_value(state.as_str().into()).ok();
        assert_eq!(back, Some(*state));
    }
    assert_eq!(Door::parse("ajar"), None);
    assert!(serde_json::from_value::<Door>("ajar".into()).is_err());
    assert_eq!(DoorAction::OpenUp.to_string(), "open_up");
}

#[test]
fn an_unknown_state_allows_nothing() {
    const EMPTY: Transitions<Door, DoorAction> = Transitions::new(&[]);
    assert_eq!(EMPTY.allowed(Door::Open).count(), 0);
    assert!(EMPTY.apply(Door::Open, DoorAction::Close).is_err());
}

#[cfg(feature = "openapi")]
#[test]
fn the_schema_lists_the_words_not_the_variant_names() {
    let schema = serde_json::to_value(<DoorAction as utoipa::PartialSchema>::schema()).ok();
    let words = schema.as_ref().and_then(|s| s.get("enum")).cloned();
    assert_eq!(
        words,
        Some(serde_json::json!(["close", "lock", "unlock", "open_up"]))
    );
}

#[cfg(feature = "sea-orm")]
#[test]
fn the_column_stores_the_words() {
    use sea_orm::ActiveEnum;
    assert_eq!(DoorAction::OpenUp.to_value(), "open_up");
    assert_eq!(
        DoorAction::try_from_value(&"open_up".to_owned()).ok(),
        Some(DoorAction::OpenUp)
    );
    assert!(DoorAction::try_from_value(&"ajar".to_owned()).is_err());
}
