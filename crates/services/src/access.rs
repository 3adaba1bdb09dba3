//! Authorization: every use case asks for a permission and gets the reach of the caller's
//! grants for it, or a refusal that is recorded in the audit log.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;
use xiaoban_domain::access::{DataScope, Reach, reach};
use xiaoban_persistence::identity::departments;

use crate::audit::Change;
use crate::{Actor, Principal, RequestContext, ServiceError, Services};

impl Services {
    /// The records `permission` reaches for the caller. Anonymous callers get
    /// [`ServiceError::Unauthenticated`]; callers without it [`ServiceError::Forbidden`].
    pub async fn authorize(
        &self,
        ctx: &RequestContext,
        permission: &'static str,
    ) -> Result<Reach, ServiceError> {
        let principal = match &ctx.actor {
            Actor::System => return Ok(Reach::All),
            Actor::Anonymous => return Err(ServiceError::Unauthenticated),
            Actor::Principal(p) => p,
        };
        let needs_tree = principal
            .grants
            .iter()
            .any(|g| matches!(g.scope, DataScope::Department { .. }) && g.permissions.contains(permission));
        let tree = if needs_tree {
            Tree::load(self).await?
        } else {
            Tree::default()
        };
        match reach(&principal.grants, permission, |d| tree.subtree(d)) {
            Some(reach) => Ok(reach),
            None => {
                let refusal = Change::new("access.denied", "permission", Some(permission.to_owned()));
                if let Err(err) = self.record_event(ctx, refusal).await {
                    tracing::warn!(%err, "could not record a refused request");
                }
                Err(ServiceError::Forbidden { permission })
            }
        }
    }

    /// The signed-in principal, or [`ServiceError::Unauthenticated`].
    pub fn principal<'c>(&self, ctx: &'c RequestContext) -> Result<&'c Principal, ServiceError> {
        ctx.actor.principal().ok_or(ServiceError::Unauthenticated)
    }
}

/// The department tree as child lists.
#[derive(Debug, Default)]
pub struct Tree {
    children: BTreeMap<Uuid, Vec<Uuid>>,
}

impl Tree {
    pub async fn load(services: &Services) -> Result<Self, ServiceError> {
        let mut children: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for (id, parent) in departments::parent_links(services.db()).await? {
            if let Some(parent) = parent {
                children.entry(parent).or_default().push(id);
            }
        }
        Ok(Self { children })
    }

    /// `root` and all its descendants.
    pub fn subtree(&self, root: Uuid) -> BTreeSet<Uuid> {
        let mut out = BTreeSet::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if out.insert(id) {
                stack.extend(self.children.get(&id).into_iter().flatten().copied());
            }
        }
        out
    }
}
