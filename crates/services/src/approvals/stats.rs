//! Per-template figures, so the office sees what simplifying a flow did: steps, cycle time,
//! on-time rate, rejection and return rates.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use xiaoban_domain::access::codes::APPROVAL_TEMPLATE_MANAGE;
use xiaoban_domain::approvals::definition::Definition;
use xiaoban_domain::approvals::flow::{InstanceStatus, TaskStatus};
use xiaoban_persistence::approvals::{instances, tasks, templates};

use crate::{RequestContext, ServiceError, Services};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateStats {
    pub template_id: Uuid,
    /// Steps of the current version.
    pub steps: usize,
    pub started: usize,
    pub running: usize,
    pub approved: usize,
    pub rejected: usize,
    /// Withdrawn by the applicant or cancelled by an administrator.
    pub withdrawn: usize,
    /// Hours from submission to the end, over finished requests.
    pub cycle_hours_median: Option<f64>,
    pub cycle_hours_p90: Option<f64>,
    /// Share of decisions with a deadline that came in time.
    pub on_time_rate: Option<f64>,
    /// Rejected among approved + rejected.
    pub rejection_rate: Option<f64>,
    /// Requests sent back at least once among all started.
    pub return_rate: Option<f64>,
}

impl Services {
    pub async fn approval_template_stats(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<TemplateStats, ServiceError> {
        self.authorize(ctx, APPROVAL_TEMPLATE_MANAGE).await?;
        let db = self.db();
        let template = templates::find(db, id).await?.ok_or(ServiceError::NotFound {
            entity: "approval_template",
        })?;
        let current = templates::version_number(db, id, template.current_version).await?;
        let steps = match current {
            Some(v) => serde_json::from_str::<Definition>(&v.definition)
                .map(|d| d.steps.len())
                .unwrap_or(0),
            None => 0,
        };
        let all = instances::of_template(db, id).await?;
        let ids: Vec<Uuid> = all.iter().map(|i| i.id).collect();
        let all_tasks = tasks::of_instances(db, &ids).await?;
        let count = |status: InstanceStatus| all.iter().filter(|i| i.status == status).count();
        let (approved, rejected) = (count(InstanceStatus::Approved), count(InstanceStatus::Rejected));
        let mut cycles: Vec<f64> = all
            .iter()
            .filter_map(|i| {
                i.finished_at
                    .map(|f| (f - i.submitted_at).num_seconds() as f64 / 3600.0)
            })
            .collect();
        cycles.sort_by(f64::total_cmp);
        let timed: Vec<bool> = all_tasks
            .iter()
            .filter_map(|t| {
                t.due_at.zip(t.decided_at).filter(|_| {
                    matches!(
                        t.status,
                        TaskStatus::Approved | TaskStatus::Rejected | TaskStatus::Returned
                    )
                })
            })
            .map(|(due, decided)| decided <= due)
            .collect();
        let returned = all
            .iter()
            .filter(|i| {
                all_tasks
                    .iter()
                    .any(|t| t.instance_id == i.id && t.status == TaskStatus::Returned)
            })
            .count();
        Ok(TemplateStats {
            template_id: id,
            steps,
            started: all.len(),
            running: count(InstanceStatus::Running) + count(InstanceStatus::Returned),
            approved,
            rejected,
            withdrawn: count(InstanceStatus::Withdrawn) + count(InstanceStatus::Cancelled),
            cycle_hours_median: percentile(&cycles, 0.5),
            cycle_hours_p90: percentile(&cycles, 0.9),
            on_time_rate: ratio(timed.iter().filter(|ok| **ok).count(), timed.len()),
            rejection_rate: ratio(rejected, approved + rejected),
            return_rate: ratio(returned, all.len()),
        })
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted
        .get(rank.min(sorted.len()) - 1)
        .map(|v| (v * 100.0).round() / 100.0)
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::{percentile, ratio};

    #[test]
    fn nearest_rank_percentiles() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(percentile(&v, 0.5), Some(5.0));
        assert_eq!(percentile(&v, 0.9), Some(9.0));
        assert_eq!(percentile(&[4.0], 0.9), Some(4.0));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(ratio(2, 3), Some(0.667));
        assert_eq!(ratio(1, 0), None);
    }
}
