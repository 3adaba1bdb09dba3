//! `openapi/openapi.json` is generated, never edited: it must equal what the code produces.
//! Run with `UPDATE_OPENAPI=1` to rewrite it after changing the API.

use std::path::PathBuf;

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    let generated = format!("{}\n", xiaoban_http::openapi_document().to_pretty_json().unwrap());
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale; run `UPDATE_OPENAPI=1 cargo test -p xiaoban-tests --test api openapi_drift` and commit it"
    );
}
