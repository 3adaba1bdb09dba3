//! Each list's item schema is named once: a generic page (`PageOut<UserOut>`) inlines its item,
//! which generators would turn into an anonymous copy of `UserOut`; point it at the named schema.

use std::collections::BTreeMap;

use utoipa::openapi::schema::{ArrayItems, Ref, Schema};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr};

pub(super) fn name_item_schemas(doc: &mut OpenApiDoc) {
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    let named: BTreeMap<String, String> = components
        .schemas
        .iter()
        .filter_map(|(name, schema)| match schema {
            RefOr::T(schema @ Schema::Object(object)) if !object.properties.is_empty() => {
                Some((fingerprint(schema)?, name.clone()))
            }
            _ => None,
        })
        .collect();
    for schema in components.schemas.values_mut() {
        let RefOr::T(Schema::Object(object)) = schema else {
            continue;
        };
        for property in object.properties.values_mut() {
            let RefOr::T(Schema::Array(array)) = property else {
                continue;
            };
            let ArrayItems::RefOrSchema(items) = &mut array.items else {
                continue;
            };
            let found = match items.as_ref() {
                RefOr::T(item @ Schema::Object(_)) => fingerprint(item).and_then(|f| named.get(&f)),
                _ => None,
            };
            if let Some(name) = found {
                **items = RefOr::Ref(Ref::from_schema_name(name));
            }
        }
    }
}

fn fingerprint(schema: &Schema) -> Option<String> {
    serde_json::to_string(schema).ok()
}
