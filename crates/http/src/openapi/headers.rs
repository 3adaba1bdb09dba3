//! The protocol headers, declared once as components and referenced where they apply:
//! `Idempotency-Key` and `If-Match` on requests; `ETag`, `Location`, `Retry-After` and
//! `Idempotent-Replayed` on responses.

use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Ref, Schema};
use utoipa::openapi::{Components, OpenApi as OpenApiDoc, RefOr, Required, Type};

use super::operations::{self, Schemas};
use crate::responses::REPLAYED_HEADER;

pub(super) const RETRY_AFTER: &str = "#/components/headers/RetryAfter";
const ETAG: &str = "#/components/headers/ETag";
const LOCATION: &str = "#/components/headers/Location";
const REPLAYED: &str = "#/components/headers/IdempotentReplayed";
const IF_MATCH: &str = "#/components/parameters/IfMatch";
const IDEMPOTENCY_KEY: &str = "#/components/parameters/IdempotencyKey";

/// Creates that replay their first answer for a repeated `Idempotency-Key`; besides these, every
/// action on a request (`POST /approvals/{id}/…`) does.
pub(super) const IDEMPOTENT: &[&str] = &[
    "create_user",
    "create_department",
    "create_role",
    "create_approval_template",
    "start_approval",
    "create_approval_draft",
    "submit_approval_draft",
    "batch_approve_approvals",
    "batch_reject_approvals",
];

pub(super) fn declare(doc: &mut OpenApiDoc) {
    let components = doc.components.get_or_insert_with(Default::default);
    add_components(components);
    let schemas = components.schemas.clone();
    operations::each(&mut doc.paths, |path, method, op| {
        let idempotent = is_idempotent(path, method, op);
        if idempotent {
            add_parameter(op, IDEMPOTENCY_KEY);
        }
        if operations::is_versioned_write(method, op, &schemas) {
            add_parameter(op, IF_MATCH);
        }
        add_response_headers(op, idempotent, &schemas);
    });
}

fn is_idempotent(path: &str, method: &str, op: &Operation) -> bool {
    IDEMPOTENT.contains(&operations::id(op))
        || (method == "post" && path.starts_with("/api/v1/approvals/{id}/"))
}

fn add_parameter(op: &mut Operation, location: &str) {
    op.parameters
        .get_or_insert_with(Vec::new)
        .push(RefOr::Ref(Ref::new(location)));
}

fn add_response_headers(op: &mut Operation, idempotent: bool, schemas: &Schemas) {
    for (status, response) in &mut op.responses.responses {
        let RefOr::T(response) = response else {
            continue;
        };
        let mut add = |name: &str, location: &str| {
            response
                .headers
                .entry(name.to_owned())
                .or_insert_with(|| RefOr::Ref(Ref::new(location)));
        };
        if status == "201" {
            add("Location", LOCATION);
        }
        if idempotent && status.starts_with('2') {
            add(REPLAYED_HEADER, REPLAYED);
        }
        let versioned = response
            .content
            .get("application/json")
            .and_then(|content| match content {
                RefOr::T(content) => content.schema.as_ref(),
                RefOr::Ref(_) => None,
            })
            .and_then(|schema| operations::object(schema, schemas))
            .is_some_and(operations::is_versioned_record);
        if status == "200" && versioned {
            add("ETag", ETAG);
        }
    }
}

fn add_components(components: &mut Components) {
    let string = || Schema::Object(ObjectBuilder::new().schema_type(Type::String).build());
    let header = |description: &str, schema: Schema| -> RefOr<Header> {
        RefOr::T(
            HeaderBuilder::new()
                .schema(Some(schema))
                .description(Some(description))
                .build(),
        )
    };
    let headers = [
        (
            "ETag",
            header(
                "The record's version as a strong tag, `\"3\"`: send it back as `If-Match`",
                string(),
            ),
        ),
        (
            "Location",
            header("Where the created record can be read", string()),
        ),
        (
            "RetryAfter",
            header(
                "Seconds to wait before retrying",
                Schema::Object(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(1))
                        .build(),
                ),
            ),
        ),
        (
            "IdempotentReplayed",
            header(
                "`true` when this answer replays an earlier request with the same `Idempotency-Key`",
                string(),
            ),
        ),
    ];
    for (name, value) in headers {
        components.headers.insert(name.to_owned(), value);
    }
    let parameter = |name: &str, description: &str| {
        RefOr::T(
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(description))
                .schema(Some(string()))
                .build(),
        )
    };
    components.parameters.insert(
        "IfMatch".to_owned(),
        parameter(
            "If-Match",
            "The version edited, as the `ETag` read (`\"3\"`, `W/\"3\"` too); instead of or agreeing with the body's `version`. Stale: 409 `version_conflict`",
        ),
    );
    components.parameters.insert(
        "IdempotencyKey".to_owned(),
        parameter(
            "Idempotency-Key",
            "1 to 200 visible ASCII characters, new for each new request: a retry with the same key and body replays the first answer (24 hours); another body is 422 `idempotency_key_reused`",
        ),
    );
}
