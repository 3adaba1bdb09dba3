//! The `xiaoban` binary as an admin runs it.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers stop the test on the first failure"
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn xiaoban() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xiaoban"));
    for (key, _) in std::env::vars() {
        if key.starts_with("XIAOBAN_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

#[test]
fn help_explains_every_subcommand_in_one_line() {
    let out = xiaoban().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for command in ["serve", "migrate", "openapi", "seed-demo", "version"] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(command))
            .unwrap_or_default();
        assert!(
            line.len() > command.len() + 10,
            "no description for {command}: {text}"
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let out = xiaoban().arg("version").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("xiaoban {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn openapi_prints_the_committed_document() {
    let out = xiaoban().arg("openapi").output().unwrap();
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = xiaoban()
        .current_dir(dir.path())
        .env("XIAOBAN_BIND", "everywhere")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("XIAOBAN_BIND") && err.contains("everywhere") && err.contains("0.0.0.0:8080"),
        "{err}"
    );
}

#[test]
fn a_port_in_use_names_the_setting_to_change() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = xiaoban()
        .current_dir(dir.path())
        .env("XIAOBAN_BIND", &addr)
        .env("XIAOBAN_LOG_LEVEL", "warn")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&addr) && err.contains("已被其他程序占用") && err.contains("XIAOBAN_BIND"),
        "{err}"
    );
}

#[test]
fn serve_creates_its_database_answers_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = xiaoban()
        .current_dir(dir.path())
        .env("XIAOBAN_BIND", "127.0.0.1:0")
        .env("XIAOBAN_LOG_LEVEL", "warn")
        .args(["serve", "--demo"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = stdout.lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_owned();
    assert!(dir.path().join("data/xiaoban.db").is_file());
    assert!(dir.path().join("data/token-secret").is_file());

    let health = http_get(&url, "/api/v1/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "server did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status}");
}

#[test]
fn administrator_roles_are_granted_on_the_server_within_the_separation_of_duties() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        xiaoban()
            .current_dir(dir.path())
            .env("XIAOBAN_LOG_LEVEL", "warn")
            .args(args)
            .output()
            .unwrap()
    };
    let created = run(&[
        "admin",
        "create-user",
        "--username",
        "li.anquan",
        "--role",
        "staff",
    ]);
    assert!(created.status.success(), "{created:?}");
    let granted = run(&["admin", "grant-role", "li.anquan", "secadmin"]);
    assert!(granted.status.success(), "{granted:?}");
    assert!(
        String::from_utf8(granted.stdout)
            .unwrap()
            .contains("li.anquan now holds secadmin")
    );
    let mixed = run(&["admin", "grant-role", "li.anquan", "sysadmin"]);
    assert!(!mixed.status.success());
    let refusal = String::from_utf8(mixed.stderr).unwrap();
    assert!(refusal.contains("separation of duties"), "{refusal}");
    let reset = run(&["admin", "reset-password", "li.anquan"]);
    assert!(reset.status.success(), "{reset:?}");
    let totp = run(&["admin", "reset-totp", "li.anquan"]);
    assert!(totp.status.success(), "{totp:?}");
    let said = String::from_utf8(totp.stdout).unwrap();
    assert!(said.contains("li.anquan had no two-step verification"), "{said}");
    assert!(!run(&["admin", "reset-totp", "nobody"]).status.success());
    let verified = run(&["audit", "verify"]);
    let report = String::from_utf8(verified.stdout).unwrap();
    assert!(report.contains("audit log intact"), "{report}");
}

/// A minimal HTTP/1.1 GET, to keep the binary's tests free of an HTTP client dependency.
fn http_get(base: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let host = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn audit_verify_reads_the_database_as_it_is_and_never_migrates_it() {
    let dir = tempfile::tempdir().unwrap();
    let verified = xiaoban()
        .current_dir(dir.path())
        .env("XIAOBAN_LOG_LEVEL", "warn")
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(!verified.status.success(), "{verified:?}");
    // SQLite keeps each table's CREATE statement as plain text in the file.
    let db = std::fs::read(dir.path().join("data/xiaoban.db")).unwrap_or_default();
    let text = String::from_utf8_lossy(&db);
    assert!(!text.contains("audit_events"), "audit verify created the schema");
    assert!(!text.contains("calendar_days"), "audit verify created the schema");
}
