//! Who besides the owner may read a file: whoever can read a record it is attached to.

use uuid::Uuid;

use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Whether the caller may read `file`, attached to `record_id` of `module`, by that
    /// module's own rules ([`crate::modules::RecordModule::can_read_file`]). Unknown modules grant nothing: only the
    /// owner reads.
    pub(crate) async fn can_read_linked_record(
        &self,
        ctx: &RequestContext,
        module: &str,
        record_id: Uuid,
        file: Uuid,
    ) -> Result<bool, ServiceError> {
        match self.module(module) {
            Some(module) => module.can_read_file(self, ctx, record_id, file).await,
            None => Ok(false),
        }
    }
}
