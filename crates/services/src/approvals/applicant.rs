//! What the organisation says about a request's applicant, for conditions on the applicant
//! (`applicant_department`, `applicant_roles`, …; see
//! [`xiaoban_domain::approvals::condition::applicant`]). Read when a request is loaded for a
//! change, so a step sees the organisation as it is when the step is entered.

use uuid::Uuid;
use xiaoban_domain::approvals::condition::applicant::ApplicantFacts;
use xiaoban_persistence::ConnectionTrait;
use xiaoban_persistence::identity::{departments, memberships, users};

use crate::ServiceError;

/// The request's department and those above it, the applicant's roles (codes and names) and
/// their position.
pub(crate) async fn facts(
    db: &impl ConnectionTrait,
    applicant: Uuid,
    department: Option<Uuid>,
) -> Result<ApplicantFacts, ServiceError> {
    let mut facts = ApplicantFacts::default();
    if let Some(department) = department {
        let all = departments::all(db).await?;
        let mut at = Some(department);
        let mut seen = Vec::new();
        while let Some(id) = at.filter(|id| !seen.contains(id)) {
            seen.push(id);
            let Some(row) = all.iter().find(|d| d.id == id) else {
                break;
            };
            facts.departments.push(row.name.clone());
            at = row.parent_id;
        }
    }
    for role in memberships::roles_of(db, applicant).await? {
        for word in [role.code, role.name] {
            if !facts.roles.contains(&word) {
                facts.roles.push(word);
            }
        }
    }
    facts.position = users::find(db, applicant).await?.and_then(|u| u.position);
    Ok(facts)
}
