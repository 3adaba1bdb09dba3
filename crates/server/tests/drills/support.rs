//! Scratch databases, the server process and its CLI.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use tempfile::TempDir;
use xiaoban_persistence::ConnectionTrait;

/// Which database a drill runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    /// A server URL whose user may create databases.
    Postgres(String),
}

impl Backend {
    /// The test database of this run: `TEST_DATABASE_URL` when it names PostgreSQL.
    pub fn of_this_run() -> Self {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres") => Self::Postgres(url),
            _ => Self::Sqlite,
        }
    }
}

/// A data directory and an empty database of its own, removed afterwards.
pub struct Scratch {
    dir: TempDir,
    pub database_url: String,
    postgres: Option<(String, String)>,
}

impl Scratch {
    pub async fn new(backend: &Backend) -> Self {
        let dir = tempfile::tempdir().unwrap();
        match backend {
            Backend::Sqlite => {
                let file = dir.path().join("data").join("xiaoban.db");
                Self {
                    database_url: format!("sqlite://{}?mode=rwc", file.display()),
                    dir,
                    postgres: None,
                }
            }
            Backend::Postgres(admin_url) => {
                let name = format!("xiaoban_drill_{}", uuid::Uuid::now_v7().simple());
                let admin = xiaoban_persistence::connect(admin_url, 1).await.unwrap();
                admin
                    .execute_unprepared(&format!(
                        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                    ))
                    .await
                    .unwrap();
                admin.close().await.unwrap();
                Self {
                    database_url: with_database(admin_url, &name),
                    dir,
                    postgres: Some((admin_url.clone(), name)),
                }
            }
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A path inside the scratch directory (outside the data directory).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with this scratch's database and data directory and nothing else configured.
    pub fn xiaoban(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_xiaoban"));
        for (key, _) in std::env::vars() {
            if key.starts_with("XIAOBAN_") {
                cmd.env_remove(key);
            }
        }
        cmd.current_dir(self.dir.path())
            .env("XIAOBAN_DATABASE_URL", &self.database_url)
            .env("XIAOBAN_DATA_DIR", self.data_dir())
            .env("XIAOBAN_FRONTEND_DIR", self.dir.path().join("no-frontend"))
            .env("XIAOBAN_LOG_LEVEL", "warn")
            // The drills act as administrators without an authenticator (their subject is
            // crashes and backups; two-step verification is tested in tests/tests/totp.rs).
            .env("XIAOBAN_TOTP_REQUIRED_FOR", "none");
        cmd
    }

    /// Runs a CLI command to its end, with `stdin` as its standard input.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = self
            .xiaoban()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs a CLI command that must succeed; returns its standard output.
    pub fn run_ok(&self, args: &[&str]) -> String {
        let out = self.run(args, "");
        assert!(
            out.status.success(),
            "xiaoban {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs outside any runtime the test may still be using.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let admin = xiaoban_persistence::connect(&admin_url, 1).await.unwrap();
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await
                    .unwrap();
                admin.close().await.unwrap();
            });
        });
        let _ignored = dropped.join();
    }
}

fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// A running `xiaoban serve`; killed (SIGKILL) when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts `xiaoban serve` on a free port and waits until it prints the line with its URL.
    pub fn start(scratch: &Scratch, demo: bool) -> Self {
        let mut cmd = scratch.xiaoban();
        cmd.env("XIAOBAN_BIND", "127.0.0.1:0")
            .env("XIAOBAN_WORKERS", "2")
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if demo {
            cmd.arg("--demo");
        }
        let mut child = cmd.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let running = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|line| line.contains("is running: http://"))
            .expect("the server stopped before printing its URL");
        let base = running
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap()
            .to_owned();
        // Keep reading so that the server never blocks on a full pipe.
        std::thread::spawn(move || for _line in lines {});
        Self { child, base }
    }

    /// `kill -9`: no shutdown, no flush, no goodbye.
    pub fn kill9(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ignored = self.child.kill();
            let _ignored = self.child.wait();
        }
    }
}

/// Whether `dir` holds no file at any depth.
pub fn has_no_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).map_or(true, |entries| {
        entries
            .flatten()
            .all(|e| e.path().is_dir() && has_no_files(&e.path()))
    })
}
