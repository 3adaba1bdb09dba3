//! Jobs a module runs on the clock while the server runs (deadlines, reminders, clean-ups).

use std::time::Duration;

use super::ModuleFuture;
use crate::Services;

/// One job: the server calls `run` every `every`, logging a failure with the job's name.
#[derive(Clone, Copy)]
pub struct ClockJob {
    /// Stable name, for logs and for pausing it (tests call jobs themselves).
    pub name: &'static str,
    pub every: Duration,
    pub run: for<'a> fn(&'a Services) -> ModuleFuture<'a, ()>,
}

impl std::fmt::Debug for ClockJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClockJob")
            .field("name", &self.name)
            .field("every", &self.every)
            .finish_non_exhaustive()
    }
}

impl Services {
    /// The clock jobs of every installed module.
    pub fn clock_jobs(&self) -> Vec<ClockJob> {
        self.modules()
            .iter()
            .flat_map(|m| m.clock_jobs().iter().copied())
            .collect()
    }
}
