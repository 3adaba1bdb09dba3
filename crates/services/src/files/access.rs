//! Who besides the owner may read a file: whoever can read a record it is attached to.

use uuid::Uuid;

use crate::{RequestContext, ServiceError, Services};

impl Services {
    /// Whether the caller may read `record_id` of `module`, by that module's own rules (permission
    /// and data scope). Each module that attaches files adds its arm here, calling its own
    /// read check and answering `Ok(false)` for its `NotFound`.
    #[expect(
        clippy::match_single_binding,
        reason = "the arms of the modules that attach files go here (approval first)"
    )]
    pub(crate) async fn can_read_linked_record(
        &self,
        ctx: &RequestContext,
        module: &str,
        record_id: Uuid,
    ) -> Result<bool, ServiceError> {
        // No module attaches files yet; unknown modules grant nothing (only the owner reads).
        // Adding the first arm makes the `expect` above and this `let` unnecessary: remove both.
        let _ = (ctx, record_id);
        match module {
            _ => Ok(false),
        }
    }
}
