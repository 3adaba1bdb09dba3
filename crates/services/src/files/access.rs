//! Who besides the owner may read a file: whoever can read a record it is attached to.

use uuid::Uuid;

use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Whether the caller may read `record_id` of `module`, by that module's own rules (permission
    /// and data scope). Each module that attaches files adds its arm here, calling its own
    /// read check and answering `Ok(false)` for its `NotFound`.
    pub(crate) async fn can_read_linked_record(
        &self,
        ctx: &RequestContext,
        module: &str,
        record_id: Uuid,
    ) -> Result<bool, ServiceError> {
        match module {
            "approval" => match self.get_approval(ctx, record_id).await {
                Ok(_) => Ok(true),
                Err(ServiceError::NotFound { .. } | ServiceError::Forbidden { .. }) => Ok(false),
                Err(err) => Err(err),
            },
            // Unknown modules grant nothing: only the owner reads.
            _ => Ok(false),
        }
    }
}
