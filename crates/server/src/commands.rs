//! What each `xiaoban` subcommand does.

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use xiaoban_services::{Services, SystemClock};

use crate::startup::{build_services, open_database};
use crate::{Application, Config, Options};

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a user with one role; prints the initial password unless --password-stdin.
    CreateUser {
        #[arg(long)]
        username: String,
        /// A role code, e.g. sysadmin, secadmin, auditor, office_clerk.
        #[arg(long)]
        role: String,
        /// Display name (defaults to the username).
        #[arg(long)]
        name: Option<String>,
        /// Read the initial password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Give a user a role, also an administrator role (only here, never through the API).
    GrantRole {
        username: String,
        /// A role code, e.g. secadmin, auditor, or a custom role.
        role: String,
        /// Limit the role to this department (by code) and its sub-departments; default: all.
        #[arg(long)]
        department: Option<String>,
    },
    /// Give a user a new random password that must be changed at the next sign-in (the only
    /// way for an administrator's account).
    ResetPassword { username: String },
    /// Remove a user's two-step verification (a lost phone) and end their sessions (the only
    /// way for an administrator's account).
    ResetTotp { username: String },
    /// Lift a lockout after too many wrong passwords.
    Unlock { username: String },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exits 1 and names the first broken row if any row was altered,
    /// inserted or deleted.
    Verify,
}

pub async fn serve(mut config: Config, migrate: bool, demo: bool) -> anyhow::Result<ExitCode> {
    config.demo |= demo;
    let app = Application::build(
        &config,
        Options {
            migrate,
            ..Options::default()
        },
    )
    .await?;
    let first_admin = app.services().ensure_first_admin().await?;
    let demo = if config.demo {
        Some(app.services().seed_demo().await?)
    } else {
        None
    };
    let host = match config.bind.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_owned(),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}", app.port());
    println!("校办 Xiaoban 已启动 / is running: {url}");
    println!("  API 文档 / API reference: {url}/api/docs/");
    if let Some(admin) = first_admin {
        println!("  首次启动，已创建管理员 / first start, administrator created:");
        println!("    用户名 username: {}", admin.username);
        println!(
            "    初始密码 initial password: {}   （仅显示这一次，首次登录须修改 / shown once, change it at first sign-in）",
            admin.password
        );
    }
    if demo.is_some() {
        println!(
            "  演示学校 / demo school: 用户名 usernames wang.zhuren（办公室主任）、li.wenshu（文书）、zhang.xiaozhang（校长）、"
        );
        println!(
            "    liu.jiaowu（部门负责人）、he.laoshi（教师）、anquan（安全管理员）、shenji（审计管理员）… 密码 password: {}",
            xiaoban_services::demo::DEMO_PASSWORD
        );
    }
    if app.services().demo_seeded().await? {
        tracing::warn!(
            "演示环境：数据库中有演示学校，演示账号共用公开密码，勿用于真实学校 / demo data is seeded: \
             the demo accounts share a published password; never run a real school on this database"
        );
    }
    println!("  按 Ctrl+C 停止 / press Ctrl+C to stop");
    app.run_until_stopped().await?;
    Ok(ExitCode::SUCCESS)
}

pub async fn migrate(config: &Config) -> anyhow::Result<ExitCode> {
    let db = open_database(config).await?;
    xiaoban_persistence::migrate(&db).await?;
    println!("migrations applied");
    Ok(ExitCode::SUCCESS)
}

pub async fn seed_demo(config: &Config) -> anyhow::Result<ExitCode> {
    let services = services(config).await?;
    let report = services.seed_demo().await?;
    println!("demo data is in place: {report}");
    Ok(ExitCode::SUCCESS)
}

pub async fn admin(config: &Config, command: AdminCommand) -> anyhow::Result<ExitCode> {
    let services = services(config).await?;
    match command {
        AdminCommand::CreateUser {
            username,
            role,
            name,
            password_stdin,
        } => {
            let password = if password_stdin {
                Some(read_password()?)
            } else {
                None
            };
            let name = name.unwrap_or_else(|| username.clone());
            let given = password.is_some();
            let password = services
                .admin_create_user(&username, &name, &role, password)
                .await
                .map_err(explain)?;
            println!("created {username} with role {role}; the password must be changed at first sign-in");
            if !given {
                println!("initial password: {password}");
            }
        }
        AdminCommand::GrantRole {
            username,
            role,
            department,
        } => {
            services
                .admin_grant_role(&username, &role, department.as_deref())
                .await
                .map_err(explain)?;
            match department {
                Some(code) => println!("{username} now holds {role} in department {code} and below"),
                None => println!("{username} now holds {role} over all records"),
            }
        }
        AdminCommand::ResetPassword { username } => {
            let password = services.admin_reset_password(&username).await.map_err(explain)?;
            println!("new password for {username} (must be changed at next sign-in): {password}");
        }
        AdminCommand::ResetTotp { username } => {
            if services.admin_reset_totp(&username).await.map_err(explain)? {
                println!("two-step verification of {username} removed; their sessions have ended");
            } else {
                println!("{username} had no two-step verification; their sessions have ended");
            }
        }
        AdminCommand::Unlock { username } => {
            services.admin_unlock(&username).await.map_err(explain)?;
            println!("{username} is unlocked");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn audit(config: &Config, command: AuditCommand) -> anyhow::Result<ExitCode> {
    // A check must not change what it checks: no migration, no role synchronisation.
    let services = build_services(config, false, Arc::new(SystemClock)).await?;
    match command {
        AuditCommand::Verify => {
            let report = services.verify_audit_chain().await?;
            match report.first_broken_id {
                None => {
                    println!("audit log intact: {} events checked", report.checked);
                    Ok(ExitCode::SUCCESS)
                }
                Some(id) => {
                    println!(
                        "audit log BROKEN at event {id} ({} events before it are intact)",
                        report.checked
                    );
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

async fn services(config: &Config) -> anyhow::Result<Services> {
    build_services(config, true, Arc::new(SystemClock)).await
}

fn read_password() -> anyhow::Result<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let password = text.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on standard input");
    Ok(password)
}

/// Validation problems as one readable line.
fn explain(err: xiaoban_services::ServiceError) -> anyhow::Error {
    match err {
        xiaoban_services::ServiceError::Invalid(issues) => {
            let text: Vec<String> = issues.iter().map(|i| format!("{}: {}", i.field, i.en)).collect();
            anyhow::anyhow!("{}", text.join("; "))
        }
        other => anyhow::anyhow!("{other}"),
    }
}
