//! What the document-wide passes ask of an operation: which it is, what it takes, what it answers.

use std::collections::BTreeMap;

use utoipa::openapi::path::{Operation, Paths};
use utoipa::openapi::schema::{Object, Schema};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{RefOr, Type};

pub(super) type Schemas = BTreeMap<String, RefOr<Schema>>;

/// Operations that honour `If-Match` without a `version` in a body (they have none).
const IF_MATCH_WITHOUT_BODY: &[&str] = &["delete_approval_draft", "submit_approval_draft"];

/// Calls `f` with the path, method and operation of every operation.
pub(super) fn each(paths: &mut Paths, mut f: impl FnMut(&str, &'static str, &mut Operation)) {
    for (path, item) in &mut paths.paths {
        let methods = [
            ("get", &mut item.get),
            ("post", &mut item.post),
            ("put", &mut item.put),
            ("patch", &mut item.patch),
            ("delete", &mut item.delete),
        ];
        for (method, op) in methods {
            if let Some(op) = op {
                f(path, method, op);
            }
        }
    }
}

pub(super) fn id(op: &Operation) -> &str {
    op.operation_id.as_deref().unwrap_or_default()
}

/// Public operations carry the empty requirement (see `mark_public_operations`).
pub(super) fn needs_sign_in(op: &Operation) -> bool {
    op.security
        .as_ref()
        .is_some_and(|all| all.iter().any(|req| *req != SecurityRequirement::default()))
}

/// The object schema behind a schema or a `$ref` to one.
pub(super) fn object<'a>(schema: &'a RefOr<Schema>, schemas: &'a Schemas) -> Option<&'a Object> {
    match schema {
        RefOr::T(Schema::Object(object)) => Some(object),
        RefOr::Ref(reference) => {
            let name = reference.ref_location.rsplit('/').next()?;
            match schemas.get(name)? {
                RefOr::T(Schema::Object(object)) => Some(object),
                _ => None,
            }
        }
        RefOr::T(_) => None,
    }
}

/// The object schema of the JSON request body, if any.
pub(super) fn json_body<'a>(op: &'a Operation, schemas: &'a Schemas) -> Option<&'a Object> {
    let RefOr::T(body) = op.request_body.as_ref()? else {
        return None;
    };
    let RefOr::T(content) = body.content.get("application/json")? else {
        return None;
    };
    object(content.schema.as_ref()?, schemas)
}

/// A write that is based on a version the client read: it takes `version` in its body or
/// honours `If-Match` alone.
pub(super) fn is_versioned_write(method: &str, op: &Operation, schemas: &Schemas) -> bool {
    method != "get"
        && (IF_MATCH_WITHOUT_BODY.contains(&id(op))
            || json_body(op, schemas).is_some_and(|body| body.properties.contains_key("version")))
}

/// A body that is a versioned record: it has a required integer `version`, which the handler
/// also sends as `ETag`.
pub(super) fn is_versioned_record(body: &Object) -> bool {
    body.required.iter().any(|name| name == "version")
        && matches!(
            body.properties.get("version"),
            Some(RefOr::T(Schema::Object(version))) if version.schema_type == Type::Integer.into()
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_operation_exists() {
        let doc = crate::openapi_document();
        let mut ids = Vec::new();
        let mut paths = doc.paths.clone();
        each(&mut paths, |_, _, op| ids.push(id(op).to_owned()));
        let lists = [
            IF_MATCH_WITHOUT_BODY,
            super::super::headers::IDEMPOTENT,
            super::super::problems::RATE_LIMITED,
        ];
        for listed in lists.into_iter().flatten() {
            assert!(ids.iter().any(|op| op == listed), "{listed} is not an operation");
        }
    }
}
