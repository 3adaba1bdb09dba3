//! The one list of the product's modules on the services side, in the domain's order
//! (`xiaoban_domain::MODULES`; a test keeps the two equal). Modules that only declare
//! themselves are wrapped in [`Declared`]; the others live in their own folders.

use std::sync::Arc;

use xiaoban_domain::module::platform;

use super::{Declared, RecordModule};

/// Every module of the product.
pub fn builtin() -> Vec<Arc<dyn RecordModule>> {
    use xiaoban_domain as domain;
    vec![
        Arc::new(crate::platform::PlatformModule),
        Arc::new(crate::auth::AuthModule),
        Arc::new(Declared(&platform::ME)),
        Arc::new(Declared(&domain::departments::MODULE)),
        Arc::new(crate::users::UsersModule),
        Arc::new(Declared(&domain::access::ROLES_MODULE)),
        Arc::new(Declared(&domain::api_keys::MODULE)),
        Arc::new(Declared(&domain::security::MODULE)),
        Arc::new(Declared(&domain::audit::MODULE)),
        Arc::new(crate::calendar_years::CalendarModule),
        Arc::new(Declared(&domain::settings::MODULE)),
        Arc::new(Declared(&platform::DIRECTORY)),
        Arc::new(crate::notifications::NotificationsModule),
        Arc::new(crate::approvals::ApprovalsModule),
        Arc::new(Declared(&domain::files::MODULE)),
        Arc::new(crate::notices::NoticesModule),
        Arc::new(crate::notices::GuidesModule),
        Arc::new(Declared(&domain::notices::PUBLIC)),
    ]
}
