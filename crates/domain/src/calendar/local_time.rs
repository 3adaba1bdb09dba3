//! Turning local wall-clock times into instants, including around DST transitions.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// Resolves a local wall-clock time in `tz` to an instant.
///
/// An ambiguous time (clocks turned back) resolves to its earliest instant. A nonexistent time
/// (inside a spring-forward gap) is skipped forward to the first valid instant after the gap, i.e.
/// the transition itself. Both rules keep the mapping non-decreasing, so periods never run backwards.
pub(crate) fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant.with_timezone(&Utc),
        LocalResult::Ambiguous(first, second) => first.min(second).with_timezone(&Utc),
        LocalResult::None => end_of_gap(tz, local),
    }
}

/// The local calendar date of `instant` in `tz`.
pub(crate) fn local_date(tz: Tz, instant: DateTime<Utc>) -> chrono::NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

fn offset_seconds(tz: Tz, utc: NaiveDateTime) -> i64 {
    i64::from(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
}

// The transition instant T satisfies `local - after < T <= local - before`, where `before`/`after` are
// the offsets on either side of the gap (transitions are months apart, so a day away is safely outside
// it). Bisect that window to the second.
fn end_of_gap(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let day = TimeDelta::days(1);
    let (Some(day_before), Some(day_after)) = (local.checked_sub_signed(day), local.checked_add_signed(day))
    else {
        return local.and_utc();
    };
    let before = offset_seconds(tz, day_before);
    let after = offset_seconds(tz, day_after);
    let (Some(mut low), Some(mut high)) = (
        local.checked_sub_signed(TimeDelta::seconds(after)),
        local.checked_sub_signed(TimeDelta::seconds(before)),
    ) else {
        return local.and_utc();
    };
    if after <= before {
        return high.and_utc();
    }
    while high - low > TimeDelta::seconds(1) {
        let middle = low + (high - low) / 2;
        if offset_seconds(tz, middle) == after {
            high = middle;
        } else {
            low = middle;
        }
    }
    high.and_utc()
}
