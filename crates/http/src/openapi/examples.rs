//! Worked examples for the request bodies that are hard to write from the schema alone. The
//! black-box tests send these very examples, so they stay valid.

use serde_json::{Value, json};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr};

use super::operations;

/// A business-trip template: a form of two fields, a department-head step with a reminder and a
/// conditional step for longer trips, a copy to the office on submission.
fn template() -> Value {
    json!({
        "code": "business-trip",
        "name": "出差申请",
        "category": "人事",
        "definition": {
            "form": {"fields": [
                {"key": "days", "label": "出差天数", "kind": "number", "required": true, "min": 0.5, "max": 30},
                {"key": "reason", "label": "出差事由", "kind": "long_text", "required": true}
            ]},
            "steps": [
                {"name": "部门负责人审批", "rule": {"type": "department_head"}, "mode": "or",
                 "deadlineHours": 24, "timeout": {"action": "remind"}},
                {"name": "分管校领导审批", "condition": "days > 3",
                 "rule": {"type": "role", "role": "school_leader"}, "mode": "or"}
            ],
            "options": {"ccOnSubmit": [{"type": "role", "role": "office_clerk"}]}
        }
    })
}

/// Starting a request from that template.
fn start() -> Value {
    json!({
        "templateId": "0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a",
        "form": {"days": 2, "reason": "参加市教研活动"}
    })
}

/// An action based on the version read (`If-Match: "3"` works as well).
fn action() -> Value {
    json!({"comment": "同意", "version": 3})
}

/// The example for a request body schema, by its component name.
pub fn for_schema(name: &str) -> Option<Value> {
    match name {
        "TemplateIn" => Some(template()),
        "StartIn" => Some(start()),
        "ActionIn" => Some(action()),
        _ => None,
    }
}

pub(super) fn add(doc: &mut OpenApiDoc) {
    operations::each(&mut doc.paths, |_, _, op| {
        let Some(RefOr::T(body)) = op.request_body.as_mut() else {
            return;
        };
        let Some(RefOr::T(content)) = body.content.get_mut("application/json") else {
            return;
        };
        let name = match &content.schema {
            Some(RefOr::Ref(reference)) => reference.ref_location.rsplit('/').next().unwrap_or_default(),
            _ => return,
        };
        if let Some(example) = for_schema(name) {
            content.example = Some(example);
        }
    });
}
