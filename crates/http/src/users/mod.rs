//! Users: DTOs shared by `/me`, sign-in and `/users`, and the `/users` routes.

mod actions;
mod dto;
mod input;
mod read;
mod roles;
mod write;

pub use dto::{ScopeOut, UserDepartmentOut, UserOut, UserRoleOut};
pub use input::{
    ClearanceIn, CreatedUserOut, PasswordResetOut, RoleGrantIn, UserIn, UserPatchIn, UserStatusIn, UsersQuery,
};

pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(read::list_users)
        .service(read::export_users)
        .service(write::create_user)
        .service(read::get_user)
        .service(write::patch_user)
        .service(actions::disable_user)
        .service(actions::enable_user)
        .service(actions::reset_user_password)
        .service(actions::reset_user_totp)
        .service(actions::unlock_user)
        .service(actions::set_user_clearance)
        .service(roles::assign_user_role)
        .service(roles::remove_user_role);
}
