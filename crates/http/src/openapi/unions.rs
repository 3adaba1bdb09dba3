//! Tagged unions (`#[serde(tag = "…")]` enums) become `oneOf` with a `discriminator`, and each
//! inline variant becomes a titled schema of its own (`ApproverRuleDto` → `ApproverRuleUsers`, …),
//! so generators name the variants and switch on the tag.

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::schema::{Discriminator, Object, Ref, Schema};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr};

use super::operations::{self, Schemas};

pub(super) fn add_discriminators(doc: &mut OpenApiDoc) {
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    let snapshot = components.schemas.clone();
    let mut lifted: Schemas = BTreeMap::new();
    for (name, schema) in &mut components.schemas {
        let RefOr::T(Schema::OneOf(union)) = schema else {
            continue;
        };
        let Some(tag) = common_tag(&union.items, &snapshot) else {
            continue;
        };
        let base = name
            .trim_end_matches("Dto")
            .trim_end_matches("Out")
            .trim_end_matches("In");
        let mut discriminator = Discriminator::new(tag.clone());
        for variant in &mut union.items {
            let Some(value) = operations::object(variant, &snapshot).and_then(|o| tag_value(o, &tag)) else {
                continue;
            };
            if let RefOr::T(Schema::Object(object)) = variant {
                let title = format!("{base}{}", pascal(&value));
                if snapshot.contains_key(&title) || lifted.contains_key(&title) {
                    object.title = Some(title);
                    continue;
                }
                object.title = Some(title.clone());
                lifted.insert(title.clone(), RefOr::T(Schema::Object(object.clone())));
                *variant = RefOr::Ref(Ref::from_schema_name(&title));
            }
            if let RefOr::Ref(reference) = variant {
                discriminator
                    .mapping
                    .insert(value, reference.ref_location.clone());
            }
        }
        union.discriminator = Some(discriminator);
    }
    components.schemas.extend(lifted);
}

/// The property every variant requires with one fixed string value, e.g. `type` or `action`.
fn common_tag(variants: &[RefOr<Schema>], schemas: &Schemas) -> Option<String> {
    let objects: Vec<&Object> = variants
        .iter()
        .map(|variant| operations::object(variant, schemas))
        .collect::<Option<_>>()?;
    let first = objects.first()?;
    first
        .required
        .iter()
        .find(|name| objects.iter().all(|object| tag_value(object, name).is_some()))
        .cloned()
}

fn tag_value(object: &Object, tag: &str) -> Option<String> {
    if !object.required.iter().any(|name| name == tag) {
        return None;
    }
    let RefOr::T(Schema::Object(property)) = object.properties.get(tag)? else {
        return None;
    };
    match property.enum_values.as_deref()? {
        [Value::String(value)] => Some(value.clone()),
        _ => None,
    }
}

/// `department_head` → `DepartmentHead`.
fn pascal(value: &str) -> String {
    value
        .split(['_', '-'])
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tag_values_become_pascal_case_names() {
        assert_eq!(super::pascal("department_head"), "DepartmentHead");
        assert_eq!(super::pascal("self"), "Self");
    }
}
