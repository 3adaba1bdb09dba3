//! Creates that a client may safely repeat: a request with an `Idempotency-Key` that was already
//! handled replays the first outcome instead of creating a second record.

use std::future::Future;
use std::pin::Pin;

use chrono::Duration;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use xiaoban_persistence::{PersistenceError, Tx, begin_write, idempotency};

use crate::{RequestContext, ServiceError, Services};

/// How long a key is remembered.
pub const KEY_LIFETIME_HOURS: i64 = 24;

/// The result of a create: new, or the replay of an earlier identical request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created<T> {
    Fresh(T),
    Replayed(T),
}

impl<T> Created<T> {
    pub fn into_inner(self) -> T {
        match self {
            Self::Fresh(v) | Self::Replayed(v) => v,
        }
    }

    /// The value, fresh or replayed.
    pub fn get(&self) -> &T {
        match self {
            Self::Fresh(v) | Self::Replayed(v) => v,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Created<U> {
        match self {
            Self::Fresh(v) => Created::Fresh(f(v)),
            Self::Replayed(v) => Created::Replayed(f(v)),
        }
    }

    /// Like [`Created::map`] for a conversion that can fail; fresh or replayed stays as it was.
    pub fn try_map<U, E>(self, f: impl FnOnce(T) -> Result<U, E>) -> Result<Created<U>, E> {
        Ok(match self {
            Self::Fresh(v) => Created::Fresh(f(v)?),
            Self::Replayed(v) => Created::Replayed(f(v)?),
        })
    }

    pub fn is_replay(&self) -> bool {
        matches!(self, Self::Replayed(_))
    }
}

/// Work that runs inside the create's transaction.
pub type TxWork<'t, T> = Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send + 't>>;

impl Services {
    /// Runs `work` in a write transaction. With an idempotency key in `ctx`, the key is claimed in
    /// the same transaction and the output stored with it, so a commit records both and a rollback
    /// neither. A repeat with the same key and input replays the stored output; with another input
    /// it is refused. On PostgreSQL a concurrent repeat waits for the first to commit, then replays.
    pub async fn create_once<T, I, F>(
        &self,
        ctx: &RequestContext,
        operation: &str,
        input: &I,
        work: F,
    ) -> Result<Created<T>, ServiceError>
    where
        T: Serialize + DeserializeOwned + Send,
        I: Serialize + ?Sized,
        F: for<'t> FnOnce(&'t Tx) -> TxWork<'t, T>,
    {
        let tx = begin_write(self.db()).await?;
        let Some(key) = ctx.idempotency_key.as_deref() else {
            let out = work(&tx).await?;
            tx.commit().await.map_err(PersistenceError::from)?;
            return Ok(Created::Fresh(out));
        };
        let scope = format!("{}:{operation}", ctx.actor.scope_key());
        let fingerprint = fingerprint(input)?;
        let now = self.now();
        let expires = now + Duration::hours(KEY_LIFETIME_HOURS);
        match idempotency::claim(&tx, &scope, key, &fingerprint, now, expires).await {
            Ok(()) => {}
            Err(PersistenceError::Duplicate(_)) => {
                drop(tx);
                return self.replay(&scope, key, &fingerprint).await;
            }
            Err(err) => return Err(err.into()),
        }
        let out = work(&tx).await?;
        let stored = serde_json::to_string(&out).map_err(|e| ServiceError::Internal(e.to_string()))?;
        idempotency::record_response(&tx, &scope, key, stored).await?;
        tx.commit().await.map_err(PersistenceError::from)?;
        Ok(Created::Fresh(out))
    }

    async fn replay<T: DeserializeOwned>(
        &self,
        scope: &str,
        key: &str,
        fingerprint: &str,
    ) -> Result<Created<T>, ServiceError> {
        let Some(record) = idempotency::find(self.db(), scope, key).await? else {
            // The first request's key expired between our claim and this read; the client may retry.
            return Err(ServiceError::Busy);
        };
        if record.fingerprint != fingerprint {
            return Err(ServiceError::IdempotencyKeyReused);
        }
        let out =
            serde_json::from_str(&record.response).map_err(|e| ServiceError::Internal(e.to_string()))?;
        Ok(Created::Replayed(out))
    }

    /// Forgets keys older than their lifetime; run periodically.
    pub async fn purge_expired_idempotency_keys(&self) -> Result<u64, ServiceError> {
        Ok(idempotency::purge_expired(self.db(), self.now()).await?)
    }
}

fn fingerprint<I: Serialize + ?Sized>(input: &I) -> Result<String, ServiceError> {
    let bytes = serde_json::to_vec(input).map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}
