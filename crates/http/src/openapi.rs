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
    tags(
        (name = "platform", description = "Health and readiness"),
        (name = "auth", description = "登录 Sign-in, token refresh and sign-out"),
        (name = "me", description = "个人中心 The signed-in user"),
        (name = "departments", description = "部门 The department tree"),
        (name = "users", description = "用户 Users, their departments and roles"),
        (name = "roles", description = "角色与权限 Roles and the permission catalogue"),
        (name = "api-keys", description = "API 密钥 Keys for scripts and integrations"),
        (name = "settings", description = "安全策略 The password and lockout policy"),
        (name = "audit", description = "审计日志 The tamper-evident audit log (auditor only)"),
        (name = "calendar", description = "工作日历 The school's working calendar and deadlines"),
        (name = "directory", description = "通讯录 Names and departments for pickers"),
        (name = "approvals", description = "审批 Approval templates, requests, actions and the inbox"),
        (name = "notifications", description = "通知 The signed-in user's notifications"),
        (name = "files", description = "附件 Uploaded files, attached to records"),
    ),
    components(schemas(Problem)),
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

/// Applies the document-wide modifiers after the routes were collected.
pub fn finish(mut doc: OpenApiDoc) -> OpenApiDoc {
    ProblemResponses.modify(&mut doc);
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
