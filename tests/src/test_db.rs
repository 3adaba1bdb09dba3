//! One database per test. PostgreSQL databases are cloned from a template migrated once per
//! schema version (cheap `CREATE DATABASE … TEMPLATE`), and dropped when the test ends.

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, Database};
use sha2::{Digest, Sha256};
use tempfile::TempDir;
use tokio::sync::OnceCell;
use xiaoban_persistence::{connect, db::migration_names, migrate};

pub enum TestDatabase {
    Sqlite {
        url: String,
        _dir: TempDir,
    },
    Postgres {
        url: String,
        admin_url: String,
        name: String,
    },
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();
static SQLITE_TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();

impl TestDatabase {
    /// A fresh, migrated database.
    pub async fn create() -> Self {
        match std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
        {
            Some(admin_url) if admin_url.starts_with("postgres") => Self::postgres(admin_url).await,
            _ => Self::sqlite().await,
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Self::Sqlite { url, .. } | Self::Postgres { url, .. } => url,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres { .. })
    }

    async fn sqlite() -> Self {
        let template = SQLITE_TEMPLATE.get_or_init(sqlite_template).await;
        let dir = tempfile::tempdir().expect("temp dir for the test database");
        let path = dir.path().join("xiaoban.db");
        std::fs::copy(template, &path).expect("copy the SQLite template");
        let url = format!("sqlite://{}?mode=rwc", path.display());
        Self::Sqlite { url, _dir: dir }
    }

    async fn postgres(admin_url: String) -> Self {
        let template = TEMPLATE.get_or_init(|| build_template(admin_url.clone())).await;
        let name = format!("xiaoban_test_{}", uuid::Uuid::now_v7().simple());
        let admin = Database::connect(&admin_url)
            .await
            .expect("connect to PostgreSQL");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .await
            .expect("clone the template database");
        admin.close().await.expect("close admin connection");
        Self::Postgres {
            url: with_database(&admin_url, &name),
            admin_url,
            name,
        }
    }
}

/// The migrations' names and sources (and the data they load), hashed.
fn schema_fingerprint() -> String {
    let sources = format!(
        "{}\n{}",
        migration_names().join("\n"),
        env!("XIAOBAN_SCHEMA_FINGERPRINT")
    );
    hex::encode(Sha256::digest(sources.as_bytes()))[..16].to_owned()
}

/// A migrated SQLite file per schema version, shared by every test process and kept between
/// runs: copying it is much cheaper than migrating (and loading the holiday calendar) per test.
/// It is built under a unique name and renamed, so a concurrent or interrupted build never
/// leaves a half-migrated template behind.
async fn sqlite_template() -> PathBuf {
    let path = std::env::temp_dir().join(format!("xiaoban-tpl-{}.db", schema_fingerprint()));
    if path.exists() {
        return path;
    }
    let building = path.with_extension(format!("{}.building", uuid::Uuid::now_v7().simple()));
    let url = format!("sqlite://{}?mode=rwc", building.display());
    let db = connect(&url, 1).await.expect("open the SQLite template");
    migrate(&db).await.expect("migrate the SQLite template");
    // Everything into the main file, so copying that one file copies the whole database.
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .expect("checkpoint the SQLite template");
    db.close().await.expect("close the SQLite template");
    std::fs::rename(&building, &path).expect("publish the SQLite template");
    for suffix in ["-wal", "-shm"] {
        let mut side = building.clone().into_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(side);
    }
    path
}

/// Creates (once per schema version, across processes) a migrated template database. The name
/// fingerprints the migrations' names and sources, so an edited migration gets a new template.
async fn build_template(admin_url: String) -> String {
    let name = format!("xiaoban_tpl_{}", schema_fingerprint());
    let admin = Database::connect(&admin_url)
        .await
        .expect("connect to PostgreSQL");
    // Serialises template builds of concurrent test processes.
    admin
        .execute_unprepared("SELECT pg_advisory_lock(4242001)")
        .await
        .expect("lock");
    let exists = admin
        .query_one_raw(sea_orm::Statement::from_string(
            admin.get_database_backend(),
            format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
        ))
        .await
        .expect("look for the template");
    if exists.is_none() {
        let building = format!("{name}_building");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .await
            .expect("drop");
        admin
            .execute_unprepared(&format!(
                "CREATE DATABASE {building} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            ))
            .await
            .expect("create the template database");
        let db = connect(&with_database(&admin_url, &building), 2)
            .await
            .expect("connect to the template");
        migrate(&db).await.expect("migrate the template");
        db.close().await.expect("close the template");
        // The rename marks the template complete; a crash before it leaves only `_building`.
        admin
            .execute_unprepared(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await
            .expect("rename");
    }
    admin
        .execute_unprepared("SELECT pg_advisory_unlock(4242001)")
        .await
        .expect("unlock");
    admin.close().await.expect("close admin connection");
    name
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = &base[scheme_end..];
    let root = match host_part.find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Self::Postgres { admin_url, name, .. } = self else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        let label = name.clone();
        // Drop runs outside async; a short-lived runtime on its own thread does the work.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let admin = Database::connect(&admin_url)
                    .await
                    .map_err(std::io::Error::other)?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await
                    .map_err(std::io::Error::other)?;
                admin.close().await.map_err(std::io::Error::other)
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {label}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_name_is_replaced_and_options_kept() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
            "postgres://u:p@h/t2?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h:5432", "t3"), "postgres://h:5432/t3");
    }
}
