//! argon2id hashing, off the async threads and in a bounded pool.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;
use rand::seq::SliceRandom;

use crate::ServiceError;

/// Where argon2 runs: at most `concurrency` hashes at once (each takes 19 MiB and a core), and at
/// most `queue` requests waiting for a turn; beyond that a request is refused at once
/// ([`ServiceError::Busy`], 503 with `Retry-After`) instead of holding memory while it waits.
/// Without the bound, 48 concurrent sign-ins raised the server's memory by 1.5 GB.
///
/// The hashes run on `concurrency` threads of the pool's own, not on tokio's blocking pool: the
/// allocator keeps each thread's freed 19 MiB for that thread, so hashing on ever new blocking
/// threads grew the memory by 19 MiB per thread even with few hashes at a time.
#[derive(Debug, Clone)]
pub struct HashPool {
    permits: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    queue: usize,
    jobs: mpsc::Sender<Job>,
}

type Job = Box<dyn FnOnce() + Send>;

impl HashPool {
    pub fn new(concurrency: usize, queue: usize) -> Self {
        let concurrency = concurrency.max(1);
        let (jobs, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..concurrency {
            let receiver = Arc::clone(&receiver);
            // A pool that cannot start its threads hashes nothing; every hash then fails with
            // an internal error that names the cause, rather than the server refusing to start.
            let spawned = std::thread::Builder::new()
                .name(format!("xiaoban-hash-{n}"))
                .spawn(move || work_through(&receiver));
            if let Err(err) = spawned {
                tracing::error!("cannot start a password hashing thread: {err}");
            }
        }
        Self {
            permits: Arc::new(Semaphore::new(concurrency)),
            waiting: Arc::new(AtomicUsize::new(0)),
            queue,
            jobs,
        }
    }

    /// One hash per core, and four waiting per core.
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(cores, cores * 4)
    }

    /// Runs `work` when a turn is free; `Busy` if the queue is full.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        let permit = match Arc::clone(&self.permits).try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                // Counted before waiting, so concurrent arrivals cannot all slip past the bound.
                if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(ServiceError::Busy);
                }
                let acquired = Arc::clone(&self.permits).acquire_owned().await;
                self.waiting.fetch_sub(1, Ordering::SeqCst);
                acquired.map_err(|e| ServiceError::Internal(e.to_string()))?
            }
        };
        self.blocking(permit, work).await
    }

    /// Runs `work` when a turn is free, however long the queue: for one request that hashes
    /// many passwords (a roster import), which must wait its turns rather than fail halfway.
    async fn run_waiting<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        self.blocking(permit, work).await
    }

    async fn blocking<T: Send + 'static>(
        &self,
        permit: OwnedSemaphorePermit,
        work: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move || {
            let out = work();
            drop(permit);
            // The request may have gone away meanwhile; then nobody needs the answer.
            let _ = reply.send(out);
        });
        self.jobs
            .send(job)
            .map_err(|_| ServiceError::Internal("the password hashing threads have stopped".into()))?;
        answer
            .await
            .map_err(|_| ServiceError::Internal("a password hashing thread stopped".into()))?
    }

    /// Hashes a password (argon2id, default parameters) in the pool.
    pub async fn hash(&self, password: String) -> Result<String, ServiceError> {
        self.run(move || hash_now(&password)).await
    }

    /// Hashes many passwords, each waiting for its turn in the pool.
    pub async fn hash_all(&self, passwords: Vec<String>) -> Result<Vec<String>, ServiceError> {
        futures_util::future::try_join_all(
            passwords
                .into_iter()
                .map(|password| self.run_waiting(move || hash_now(&password))),
        )
        .await
    }

    /// Checks `password` against a stored hash; with no stored hash it checks against a dummy
    /// one, so an unknown username costs the same time as a wrong password.
    pub async fn verify(&self, stored: Option<String>, password: String) -> Result<bool, ServiceError> {
        self.run(move || {
            let (hash, real) = match stored {
                Some(hash) => (hash, true),
                None => (dummy_hash()?.to_owned(), false),
            };
            let parsed =
                PasswordHash::new(&hash).map_err(|e| ServiceError::Internal(format!("stored hash: {e}")))?;
            let matches = Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            Ok(real && matches)
        })
        .await
    }
}

/// A hashing thread: runs jobs until every handle of the pool is gone.
fn work_through(receiver: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        let job = match receiver.lock() {
            Ok(guard) => guard.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        match job {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

fn hash_now(password: &str) -> Result<String, ServiceError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Internal(format!("hashing failed: {e}")))
}

fn dummy_hash() -> Result<&'static str, ServiceError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let hash = hash_now("xiaoban-dummy-password-for-timing")?;
    Ok(DUMMY.get_or_init(|| hash))
}

/// A random password that satisfies the default policy: 16 characters from all four classes,
/// without look-alike characters.
pub fn random_password() -> String {
    const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"23456789";
    const SYMBOLS: &[u8] = b"#%+=@^_-";
    let mut rng = rand::rng();
    let mut pick = |set: &[u8]| char::from(set[rng.random_range(0..set.len())]);
    let mut chars: Vec<char> = vec![pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    let all: Vec<u8> = [LOWER, UPPER, DIGITS, SYMBOLS].concat();
    while chars.len() < 16 {
        chars.push(pick(&all));
    }
    chars.shuffle(&mut rand::rng());
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let pool = HashPool::new(1, 1);
        let hash = pool.hash("Xiaoban#2026".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            pool.verify(Some(hash.clone()), "Xiaoban#2026".into())
                .await
                .unwrap()
        );
        assert!(!pool.verify(Some(hash), "xiaoban#2026".into()).await.unwrap());
        assert!(
            !pool
                .verify(None, "xiaoban-dummy-password-for-timing".into())
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn beyond_the_queue_a_hash_is_refused_at_once_and_a_batch_waits_its_turns() {
        let pool = HashPool::new(1, 0);
        let blocker = pool.permits.clone().try_acquire_owned().unwrap();
        assert!(matches!(pool.hash("a".into()).await, Err(ServiceError::Busy)));
        let batch = tokio::spawn({
            let pool = pool.clone();
            async move { pool.hash_all(vec!["a".into(), "b".into()]).await }
        });
        tokio::task::yield_now().await;
        drop(blocker);
        assert_eq!(batch.await.unwrap().unwrap().len(), 2);
        assert!(pool.hash("c".into()).await.is_ok(), "free again");
    }

    #[test]
    fn random_passwords_pass_the_default_policy() {
        let policy = xiaoban_domain::identity::PasswordPolicy::default();
        for _ in 0..50 {
            let password = random_password();
            assert_eq!(policy.check(&password, "admin"), Ok(()), "{password}");
        }
    }
}
