//! Storage of the approvals engine. Rows are the entity models; the engine in the services crate
//! decides what to write.

pub mod delegations;
pub mod drafts;
pub mod inbox;
pub mod instances;
pub mod oversight;
pub mod people;
pub mod tasks;
pub mod templates;

pub use crate::entities::approval_delegation::Model as DelegationRow;
pub use crate::entities::approval_draft::Model as DraftRow;
pub use crate::entities::approval_instance::Model as InstanceRow;
pub use crate::entities::approval_task::Model as TaskRow;
pub use crate::entities::approval_template::Model as TemplateRow;
pub use crate::entities::approval_template_version::Model as TemplateVersionRow;
pub use crate::timeline::RecordEventRow as EventRow;
