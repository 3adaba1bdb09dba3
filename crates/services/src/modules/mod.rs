//! The module kit's behaviour side: what a module does besides declaring itself in the domain
//! ([`ModuleDef`]) — who may read its records' attachments, the hook that follows its approval
//! requests, and the jobs it runs on the clock. [`builtin`] names every module of the product;
//! a test build adds its own (the probe) when the server is built.

mod clock_jobs;
mod list;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use uuid::Uuid;
use xiaoban_domain::ModuleDef;

pub use clock_jobs::ClockJob;
pub use list::builtin;

use crate::approvals::ApprovalHook;
use crate::{RequestContext, ServiceError, Services};

/// A boxed future of a module's answer, so that modules can be kept behind `dyn`; clock jobs
/// run on their own tasks, so theirs must be `Send`.
pub type ModuleFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send + 'a>>;

/// A read check's answer; it runs inside the request that asks, so it need not be `Send`.
pub type ReadFuture<'a> = Pin<Box<dyn Future<Output = Result<bool, ServiceError>> + 'a>>;

/// One business module as the services see it. Only [`RecordModule::def`] is required; the
/// defaults are "nobody but the uploader reads attachments", "starts no approvals", "no jobs".
pub trait RecordModule: Send + Sync {
    fn def(&self) -> &'static ModuleDef;

    /// Whether the caller may read record `id` by the module's own rules (permission and data
    /// scope); whoever may read it may read the files attached to it. Answer `Ok(false)` for
    /// a record that does not exist or is out of reach.
    fn can_read<'a>(&'a self, services: &'a Services, ctx: &'a RequestContext, id: Uuid) -> ReadFuture<'a> {
        let _ = (services, ctx, id);
        Box::pin(async { Ok(false) })
    }

    /// Whether the caller may read `file`, attached to record `id`. Most modules answer as
    /// for the record; a versioned one narrows it to the files of what the reader may see.
    fn can_read_file<'a>(
        &'a self,
        services: &'a Services,
        ctx: &'a RequestContext,
        id: Uuid,
        file: Uuid,
    ) -> ReadFuture<'a> {
        let _ = file;
        self.can_read(services, ctx, id)
    }

    /// The hook that follows the module's approval requests. A module without one cannot
    /// start requests: there is no way to declare "starts approvals" but forget the hook.
    fn approval_hook(&self) -> Option<Arc<dyn ApprovalHook>> {
        None
    }

    /// The jobs the server runs on the clock for this module.
    fn clock_jobs(&self) -> &'static [ClockJob] {
        &[]
    }
}

/// A module that only declares itself: permissions, grants, tag, series.
pub struct Declared(pub &'static ModuleDef);

impl RecordModule for Declared {
    fn def(&self) -> &'static ModuleDef {
        self.0
    }
}

/// Why the modules could not be installed; the server does not start.
#[derive(Debug, thiserror::Error)]
pub enum ModuleSetupError {
    #[error("module `{0}` is installed twice")]
    Duplicate(String),
    #[error("clock job `{0}` is paused but no module declares it")]
    UnknownJob(String),
}

/// The installed modules by code.
pub(crate) type Installed = std::collections::BTreeMap<&'static str, Arc<dyn RecordModule>>;

pub(crate) fn install(modules: Vec<Arc<dyn RecordModule>>) -> Result<Installed, ModuleSetupError> {
    let mut installed = Installed::new();
    for module in modules {
        let code = module.def().code.as_str();
        if installed.insert(code, module).is_some() {
            return Err(ModuleSetupError::Duplicate(code.to_owned()));
        }
    }
    Ok(installed)
}

impl Services {
    /// Installs the product's modules and `extra` ones (a test build's); refuses a code
    /// installed twice, so that the server does not start.
    pub fn install_modules(&self, extra: Vec<Arc<dyn RecordModule>>) -> Result<(), ModuleSetupError> {
        let mut modules = builtin();
        modules.extend(extra);
        let installed = install(modules)?;
        if let Ok(mut current) = self.modules.write() {
            *current = installed;
        }
        Ok(())
    }

    /// The installed module with this code.
    pub fn module(&self, code: &str) -> Option<Arc<dyn RecordModule>> {
        self.modules.read().ok().and_then(|m| m.get(code).cloned())
    }

    /// Every installed module, in code order.
    pub fn modules(&self) -> Vec<Arc<dyn RecordModule>> {
        self.modules
            .read()
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use xiaoban_domain::MODULES;

    use super::*;

    #[test]
    fn every_declared_module_is_installed_once_in_the_declarations_order() {
        let codes: Vec<_> = builtin().iter().map(|m| m.def().code).collect();
        let declared: Vec<_> = MODULES.iter().map(|m| m.code).collect();
        assert_eq!(codes, declared);
    }

    #[test]
    fn a_module_installed_twice_is_refused() {
        let twice: Vec<Arc<dyn RecordModule>> = vec![
            Arc::new(Declared(&xiaoban_domain::departments::MODULE)),
            Arc::new(Declared(&xiaoban_domain::departments::MODULE)),
        ];
        let refused = install(twice).err().map(|e| e.to_string());
        assert_eq!(refused.as_deref(), Some("module `department` is installed twice"));
    }

    #[test]
    fn clock_job_names_are_unique_and_name_their_module() {
        let mut names = std::collections::BTreeSet::new();
        for module in builtin() {
            for job in module.clock_jobs() {
                assert!(names.insert(job.name), "{} twice", job.name);
                let prefix = job.name.split('.').next();
                assert_eq!(prefix, Some(module.def().code.as_str()), "{}", job.name);
            }
        }
        assert!(names.contains("notification.outbox") && names.contains("approval.timers"));
    }
}
