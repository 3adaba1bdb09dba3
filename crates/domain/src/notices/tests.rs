use std::collections::BTreeSet;

use chrono::NaiveDate;
use chrono_tz::Asia::Shanghai;
use uuid::Uuid;

use super::*;
use crate::{DayKind, SchoolHours, WorkingCalendar};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn a_notice_is_published_once_and_withdrawn_for_good() {
    let published = NoticeState::Draft.apply(NoticeAction::Publish);
    assert_eq!(published, Ok(NoticeState::Published));
    assert_eq!(
        NoticeState::Published.apply(NoticeAction::Withdraw),
        Ok(NoticeState::Withdrawn)
    );
    let again = NoticeState::Published.apply(NoticeAction::Publish);
    assert_eq!(
        again.map_err(|e| (e.state, e.action)),
        Err(("published", "publish"))
    );
    for action in NoticeAction::ALL {
        assert!(NoticeState::Withdrawn.apply(*action).is_err(), "{action:?}");
    }
    assert!(
        NoticeState::Published.apply(NoticeAction::Edit).is_err(),
        "a published notice is not edited"
    );
}

#[test]
fn readers_are_offered_only_what_they_may_do() {
    let reader = NoticeState::Published.allowed(|a| a == NoticeAction::Read);
    assert_eq!(reader, [NoticeAction::Read]);
    let office = NoticeState::Draft.allowed(|a| a != NoticeAction::Read);
    assert_eq!(
        office,
        [NoticeAction::Edit, NoticeAction::Pin, NoticeAction::Publish]
    );
    assert!(NoticeState::Draft.allowed(|a| a == NoticeAction::Read).is_empty());
}

#[test]
fn a_guide_is_published_again_as_a_new_version_and_can_come_back() {
    assert_eq!(
        GuideState::Published.apply(GuideAction::Publish),
        Ok(GuideState::Published)
    );
    assert_eq!(
        GuideState::Withdrawn.apply(GuideAction::Publish),
        Ok(GuideState::Published)
    );
    assert!(GuideState::Draft.apply(GuideAction::Withdraw).is_err());
}

#[test]
fn words_round_trip() {
    for s in NoticeState::ALL {
        assert_eq!(NoticeState::parse(s.as_str()), Some(*s));
    }
    for k in GuideKind::ALL {
        assert_eq!(GuideKind::parse(k.as_str()), Some(*k));
    }
    assert_eq!(NoticeState::parse("deleted"), None);
}

#[test]
fn an_audience_reaches_members_of_its_departments_and_holders_of_its_roles() {
    let (teaching, office) = (Uuid::now_v7(), Uuid::now_v7());
    let to_teaching = Audience::parse(AudienceKind::Departments, &[teaching], &[]).unwrap_or(Audience::All);
    let teacher = Viewer {
        departments: BTreeSet::from([teaching]),
        roles: BTreeSet::new(),
    };
    let clerk = Viewer {
        departments: BTreeSet::from([office]),
        roles: BTreeSet::from(["office_clerk".into()]),
    };
    assert!(to_teaching.reaches(&teacher));
    assert!(!to_teaching.reaches(&clerk));
    let to_clerks = Audience::parse(AudienceKind::Roles, &[], &["office_clerk".into()]);
    assert!(
        to_clerks
            .as_ref()
            .is_ok_and(|a| a.reaches(&clerk) && !a.reaches(&teacher))
    );
    assert!(Audience::All.reaches(&Viewer::default()));
}

#[test]
fn an_audience_names_targets_only_when_its_kind_needs_them() {
    assert_eq!(
        Audience::parse(AudienceKind::Departments, &[], &[]),
        Err(AudienceRejection::Empty)
    );
    let mixed = Audience::parse(AudienceKind::All, &[Uuid::now_v7()], &[]);
    assert_eq!(mixed, Err(AudienceRejection::TargetsForEveryone));
    let many: Vec<String> = (0..=audience::MAX_TARGETS).map(|i| format!("r{i}")).collect();
    assert_eq!(
        Audience::parse(AudienceKind::Roles, &[], &many),
        Err(AudienceRejection::TooMany)
    );
    let stored = Audience::parse(AudienceKind::Roles, &[], &["staff".into()]).unwrap_or(Audience::All);
    assert_eq!(Audience::from_stored(stored.kind(), stored.targets()), stored);
}

#[test]
fn the_difference_keeps_common_lines_and_marks_the_rest() {
    let old = "一、携带身份证\n二、填写登记表\n三、领取工作证";
    let new = "一、携带身份证\n二、线上填写登记表\n三、领取工作证\n四、开通校园网";
    let texts: Vec<String> = line_diff(old, new)
        .iter()
        .map(|l| format!("{:?} {}", l.change, l.text))
        .collect();
    assert_eq!(
        texts,
        [
            "Same 一、携带身份证",
            "Removed 二、填写登记表",
            "Added 二、线上填写登记表",
            "Same 三、领取工作证",
            "Added 四、开通校园网"
        ]
    );
    assert!(
        line_diff("a\nb", "a\nb")
            .iter()
            .all(|l| l.change == LineChange::Same)
    );
    assert_eq!(line_diff("", "x").len(), 1);
}

#[test]
fn the_review_falls_six_months_later_on_a_working_day() {
    let plain = WorkingCalendar::new(Shanghai, SchoolHours::default(), []);
    assert_eq!(
        review_due(date(2026, 9, 14), &plain),
        date(2027, 3, 15),
        "a Sunday moves to Monday"
    );
    assert_eq!(
        review_due(date(2026, 8, 31), &plain),
        date(2027, 3, 1),
        "28 Feb 2027 is a Sunday"
    );
    let holiday = WorkingCalendar::new(
        Shanghai,
        SchoolHours::default(),
        [(date(2027, 4, 5), DayKind::Holiday)],
    );
    assert_eq!(
        review_due(date(2026, 10, 5), &holiday),
        date(2027, 4, 6),
        "清明 moves it to the next day"
    );
}
