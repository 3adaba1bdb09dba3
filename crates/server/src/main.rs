//! `xiaoban`: the school general office's system of record.

use std::io::Write;

use clap::{Parser, Subcommand};
use std::sync::Arc;

use xiaoban_server::startup::{build_services, open_database};
use xiaoban_server::{Application, Config, Options, logging};
use xiaoban_services::SystemClock;

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
    /// Print the version.
    Version,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Openapi => print_openapi(),
        Command::Version => {
            println!("xiaoban {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        command => run_async(command),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xiaoban: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn print_openapi() -> anyhow::Result<()> {
    let doc = xiaoban_http::openapi_document();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", doc.to_pretty_json()?)?;
    Ok(())
}

fn run_async(command: Command) -> anyhow::Result<()> {
    let config = Config::load()?;
    logging::init(&config);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        match command {
            Command::Serve { no_migrate, demo } => serve(config, !no_migrate, demo).await,
            Command::Migrate => {
                let db = open_database(&config).await?;
                xiaoban_persistence::migrate(&db).await?;
                println!("migrations applied");
                Ok(())
            }
            Command::SeedDemo => seed_demo(&config).await,
            Command::Openapi | Command::Version => Ok(()),
        }
    })
}

async fn serve(mut config: Config, migrate: bool, demo: bool) -> anyhow::Result<()> {
    config.demo |= demo;
    let app = Application::build(
        &config,
        Options {
            migrate,
            ..Options::default()
        },
    )
    .await?;
    if config.demo {
        xiaoban_server::startup::seed_demo(app.services()).await?;
    }
    let host = match config.bind.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_owned(),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}", app.port());
    println!("校办 Xiaoban 已启动 / is running: {url}");
    println!("  API 文档 / API reference: {url}/api/docs/");
    println!("  按 Ctrl+C 停止 / press Ctrl+C to stop");
    app.run_until_stopped().await?;
    Ok(())
}

async fn seed_demo(config: &Config) -> anyhow::Result<()> {
    let services = build_services(config, true, Arc::new(SystemClock)).await?;
    let report = services.seed_demo().await?;
    println!("demo data is in place: {report}");
    Ok(())
}
