//! The OpenAPI document, built from the very routes the server mounts.

mod examples;
mod headers;
mod lists;
mod operations;
mod problems;
mod tags;
mod unions;

use utoipa::OpenApi;
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{OpenApi as OpenApiDoc, ServerBuilder};

use crate::errors::Problem;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Xiaoban API",
        description = "校办 Xiaoban：学校综合办公室与服务大厅的业务系统。\n\nThe REST API of Xiaoban, the system of record of a school's general office and service hall. Conventions (paging, errors, versions, idempotency) are described in docs/api-design.md.",
        license(name = "MIT OR Apache-2.0"),
    ),
    components(schemas(Problem))
)]
pub struct ApiDoc;

/// Applies the document-wide modifiers after the routes were collected.
pub fn finish(mut doc: OpenApiDoc) -> OpenApiDoc {
    tags::from_modules(&mut doc);
    mark_public_operations(&mut doc);
    lists::name_item_schemas(&mut doc);
    unions::add_discriminators(&mut doc);
    problems::add_error_responses(&mut doc);
    headers::declare(&mut doc);
    examples::add(&mut doc);
    // Relative to wherever the document is served from, so one document fits every installation.
    doc.servers = Some(vec![
        ServerBuilder::new()
            .url("/")
            .description(Some("This installation"))
            .build(),
    ]);
    if let Some(license) = doc.info.license.as_mut() {
        license.identifier = Some("MIT OR Apache-2.0".to_owned());
    }
    let scheme = utoipa::openapi::security::HttpBuilder::new()
        .scheme(utoipa::openapi::security::HttpAuthScheme::Bearer)
        .description(Some(
            "An access token from `POST /api/v1/auth/login`, or an API key (`xb_…`) for scripts and integrations.",
        ))
        .build();
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme(
            "bearerAuth",
            utoipa::openapi::security::SecurityScheme::Http(scheme),
        );
    doc
}

/// An operation without a security requirement is public: say so with the empty requirement
/// (`security: [{}]`) rather than leave generators and linters guessing.
fn mark_public_operations(doc: &mut OpenApiDoc) {
    operations::each(&mut doc.paths, |_, _, op| {
        if op.security.as_ref().is_none_or(Vec::is_empty) {
            op.security = Some(vec![SecurityRequirement::default()]);
        }
    });
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    /// Follows a local `$ref` (`#/components/responses/Conflict`) to what it names.
    fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
        match value["$ref"].as_str().and_then(|r| r.strip_prefix("#/")) {
            Some(pointer) => doc.pointer(&format!("/{pointer}")).unwrap_or(&Value::Null),
            None => value,
        }
    }

    #[test]
    fn every_error_is_a_problem_and_every_versioned_write_takes_if_match() {
        let doc = serde_json::to_value(crate::openapi_document()).unwrap_or_default();
        let mut checked = 0;
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                for (status, response) in op["responses"].as_object().into_iter().flatten() {
                    let is_error = status == "default" || status.starts_with('4') || status.starts_with('5');
                    // The readiness probe's 503 is its own report, for load balancers.
                    if !is_error || (op["operationId"] == "get_readiness" && status == "503") {
                        continue;
                    }
                    let schema = &resolve(&doc, response)["content"]["application/problem+json"]["schema"];
                    assert_eq!(
                        schema["$ref"], "#/components/schemas/Problem",
                        "{method} {path} {status}"
                    );
                    checked += 1;
                }
                let body = &op["requestBody"]["content"]["application/json"]["schema"];
                if resolve(&doc, body)["properties"].get("version").is_some() {
                    let params = op["parameters"].as_array().cloned().unwrap_or_default();
                    let if_match = params.iter().any(|p| resolve(&doc, p)["name"] == "If-Match");
                    assert!(
                        if_match,
                        "{method} {path} takes a version but declares no If-Match"
                    );
                    assert!(op["responses"].get("409").is_some(), "{method} {path} has no 409");
                }
            }
        }
        assert!(checked > 300, "only {checked} error responses");
    }
}
