//! The OpenAPI document, built from the very routes the server mounts.

use utoipa::openapi::path::Operation;
use utoipa::openapi::{ContentBuilder, OpenApi as OpenApiDoc, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

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

/// Gives every operation a `default` response: the problem+json error envelope.
struct ProblemResponses;

impl Modify for ProblemResponses {
    fn modify(&self, doc: &mut OpenApiDoc) {
        for item in doc.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                add_default_problem(op);
            }
        }
    }
}

fn add_default_problem(op: &mut Operation) {
    let response = ResponseBuilder::new()
        .description("An error, as `application/problem+json` (see the `code` field)")
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    "Problem",
                ))))
                .build(),
        )
        .build();
    op.responses
        .responses
        .entry("default".to_owned())
        .or_insert(RefOr::T(response));
}

/// The tags, one per module that has operations, from the modules' declarations.
fn module_tags() -> Vec<utoipa::openapi::tag::Tag> {
    xiaoban_domain::MODULES
        .iter()
        .filter_map(|m| m.tag)
        .map(|tag| {
            utoipa::openapi::tag::TagBuilder::new()
                .name(tag.name)
                .description(Some(format!("{} {}", tag.zh, tag.en)))
                .build()
        })
        .collect()
}

/// Applies the document-wide modifiers after the routes were collected.
pub fn finish(mut doc: OpenApiDoc) -> OpenApiDoc {
    ProblemResponses.modify(&mut doc);
    doc.tags = Some(module_tags());
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
