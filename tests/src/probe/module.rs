//! The probe declares itself as every module does: its numbering series in a `ModuleDef`,
//! and its behaviour (who reads its attachments, its approval hook) as a `RecordModule`.

use std::sync::Arc;

use uuid::Uuid;
use xiaoban_domain::ModuleDef;
use xiaoban_domain::module::SeriesDef;
use xiaoban_services::approvals::ApprovalHook;
use xiaoban_services::modules::{ReadFuture, RecordModule};
use xiaoban_services::{RequestContext, ServiceError, Services};

use super::approval::{MODULE, ProbeHook};
use super::service::{self, NUMBER_SERIES};

pub const DEF: ModuleDef = ModuleDef {
    series: &[SeriesDef {
        key: NUMBER_SERIES,
        name: "测试探针",
        pattern: "{year}-探-{seq:04}",
    }],
    ..ModuleDef::new(MODULE)
};

pub struct ProbeModule;

impl RecordModule for ProbeModule {
    fn def(&self) -> &'static ModuleDef {
        &DEF
    }

    /// Every signed-in user sees every probe, and so its attachments.
    fn can_read<'a>(&'a self, services: &'a Services, _ctx: &'a RequestContext, id: Uuid) -> ReadFuture<'a> {
        Box::pin(async move {
            match service::get(services, id).await {
                Ok(_) => Ok(true),
                Err(ServiceError::NotFound { .. }) => Ok(false),
                Err(err) => Err(err),
            }
        })
    }

    fn approval_hook(&self) -> Option<Arc<dyn ApprovalHook>> {
        Some(Arc::new(ProbeHook))
    }
}
