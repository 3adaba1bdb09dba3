//! Out-of-office delegation (委托): while I am away my new tasks go to a colleague; the
//! timeline records that the task was delegated.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;
use xiaoban_persistence::approvals::{DelegationRow, delegations, people};
use xiaoban_persistence::{PersistenceError, begin_write};

use crate::audit::{self, Change};
use crate::{RequestContext, ServiceError, Services};

const MAX_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DelegationInput {
    pub delegate_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DelegationView {
    pub id: Uuid,
    pub delegate_id: Uuid,
    pub delegate_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub reason: Option<String>,
    /// In force now.
    pub active: bool,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Services {
    pub async fn my_delegations(&self, ctx: &RequestContext) -> Result<Vec<DelegationView>, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        let rows = delegations::of_user(self.db(), me).await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.delegate_id).collect();
        let names = people::names(self.db(), &ids).await?;
        let now = self.now();
        Ok(rows.into_iter().map(|r| view(r, &names, now)).collect())
    }

    pub async fn create_delegation(
        &self,
        ctx: &RequestContext,
        input: DelegationInput,
    ) -> Result<DelegationView, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        let now = self.now();
        if input.delegate_id == me {
            return Err(ServiceError::invalid(
                "delegateId",
                "不能委托给自己",
                "You cannot delegate to yourself",
            ));
        }
        if input.ends_at <= input.starts_at || input.ends_at <= now {
            return Err(ServiceError::invalid(
                "endsAt",
                "结束时间应晚于开始时间和当前时间",
                "The end must be after the start and after now",
            ));
        }
        if input.ends_at - input.starts_at > Duration::days(MAX_DAYS) {
            return Err(ServiceError::invalid(
                "endsAt",
                "委托期限不能超过 90 天",
                "A delegation lasts at most 90 days",
            ));
        }
        if input.reason.as_deref().is_some_and(|r| r.chars().count() > 200) {
            return Err(ServiceError::invalid(
                "reason",
                "原因不能超过 200 字",
                "The reason must not exceed 200 characters",
            ));
        }
        let tx = begin_write(self.db()).await?;
        if !super::handover::can_act(&tx, input.delegate_id).await? {
            return Err(ServiceError::invalid(
                "delegateId",
                "被委托人不存在、已停用或没有审批权限",
                "The delegate does not exist, is disabled or cannot act on approvals",
            ));
        }
        let row = DelegationRow {
            id: Uuid::now_v7(),
            user_id: me,
            delegate_id: input.delegate_id,
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            reason: input.reason.clone(),
            created_at: now,
            revoked_at: None,
        };
        delegations::insert(&tx, row.clone()).await?;
        let change = Change::new(
            "approval.delegation.create",
            "approval_delegation",
            Some(row.id.to_string()),
        )
        .after(
            json!({ "delegate": input.delegate_id, "startsAt": input.starts_at, "endsAt": input.ends_at }),
        );
        audit::record(&tx, ctx, now, change).await?;
        let names = people::names(&tx, &[input.delegate_id]).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(view(row, &names, now))
    }

    /// Ends one of my delegations now; tasks already delegated stay with the delegate.
    pub async fn revoke_delegation(
        &self,
        ctx: &RequestContext,
        id: Uuid,
    ) -> Result<DelegationView, ServiceError> {
        let me = self.approval_viewer(ctx).await?.id;
        let now = self.now();
        let tx = begin_write(self.db()).await?;
        let mut row = delegations::find(&tx, id)
            .await?
            .filter(|r| r.user_id == me)
            .ok_or(ServiceError::NotFound {
                entity: "approval_delegation",
            })?;
        if row.revoked_at.is_none() {
            row.revoked_at = Some(now);
            delegations::save(&tx, row.clone()).await?;
            let change = Change::new(
                "approval.delegation.revoke",
                "approval_delegation",
                Some(id.to_string()),
            );
            audit::record(&tx, ctx, now, change).await?;
        }
        let names = people::names(&tx, &[row.delegate_id]).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(view(row, &names, now))
    }
}

fn view(
    row: DelegationRow,
    names: &std::collections::BTreeMap<Uuid, String>,
    now: DateTime<Utc>,
) -> DelegationView {
    DelegationView {
        id: row.id,
        delegate_id: row.delegate_id,
        delegate_name: names.get(&row.delegate_id).cloned().unwrap_or_default(),
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        reason: row.reason,
        active: row.revoked_at.is_none() && row.starts_at <= now && row.ends_at > now,
        revoked_at: row.revoked_at,
    }
}
