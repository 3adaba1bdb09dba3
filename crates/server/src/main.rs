//! `xiaoban`: the school general office's system of record.

use std::io::Write;

use clap::{Parser, Subcommand};
use xiaoban_server::commands::{self, AdminCommand, AuditCommand};
use xiaoban_server::{Config, logging};

#[derive(Parser)]
#[command(
    name = "xiaoban",
    version,
    about = "校办 Xiaoban: the school general office's system of record"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (applies pending migrations first unless --no-migrate).
    Serve {
        /// Do not apply migrations; /api/v1/ready reports not ready while any are pending.
        #[arg(long)]
        no_migrate: bool,
        /// Seed the demo school when the database has no data yet.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document (JSON) to standard output.
    Openapi,
    /// Seed the demo school (departments, users, sample records); for trying Xiaoban out.
    SeedDemo,
    /// Manage accounts: create users, reset passwords, lift lockouts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Check the audit log's hash chain.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Back up the database and the uploaded files into a new directory (safe while serving).
    Backup {
        /// A directory that does not exist yet or is empty.
        dir: std::path::PathBuf,
    },
    /// Restore a backup into an empty database and data directory, then check it.
    Restore {
        /// A directory written by `xiaoban backup`.
        dir: std::path::PathBuf,
    },
    /// Print the version.
    Version,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Openapi => print_openapi(),
        Command::Version => {
            println!("xiaoban {}", env!("CARGO_PKG_VERSION"));
            Ok(std::process::ExitCode::SUCCESS)
        }
        command => run_async(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("xiaoban: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn print_openapi() -> anyhow::Result<std::process::ExitCode> {
    let doc = xiaoban_http::openapi_document();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", doc.to_pretty_json()?)?;
    Ok(std::process::ExitCode::SUCCESS)
}

fn run_async(command: Command) -> anyhow::Result<std::process::ExitCode> {
    let config = Config::load()?;
    logging::init(&config);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        match command {
            Command::Serve { no_migrate, demo } => commands::serve(config, !no_migrate, demo).await,
            Command::Migrate => commands::migrate(&config).await,
            Command::SeedDemo => commands::seed_demo(&config).await,
            Command::Admin(admin) => commands::admin(&config, admin).await,
            Command::Audit(audit) => commands::audit(&config, audit).await,
            Command::Backup { dir } => xiaoban_server::backup::backup_command(&config, &dir).await,
            Command::Restore { dir } => xiaoban_server::backup::restore_command(&config, &dir).await,
            Command::Openapi | Command::Version => Ok(std::process::ExitCode::SUCCESS),
        }
    })
}
