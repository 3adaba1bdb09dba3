//! The document's tags: one per module that has operations, from the modules' declarations.

use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::tag::{Tag, TagBuilder};

pub(super) fn from_modules(doc: &mut OpenApiDoc) {
    let tags: Vec<Tag> = xiaoban_domain::MODULES
        .iter()
        .filter_map(|m| m.tag)
        .map(|tag| {
            TagBuilder::new()
                .name(tag.name)
                .description(Some(format!("{} {}", tag.zh, tag.en)))
                .build()
        })
        .collect();
    doc.tags = Some(tags);
}
