//! Which paths exist with which methods, read from the OpenAPI document, so that a request to a
//! known path with the wrong method answers 405 with `Allow` instead of 404.

use utoipa::openapi::OpenApi;

#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<Segment>, Vec<&'static str>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param,
}

impl RouteTable {
    pub fn from_openapi(doc: &OpenApi) -> Self {
        let mut table = Self::default();
        for (path, item) in &doc.paths.paths {
            let methods = [
                ("GET", item.get.is_some()),
                ("POST", item.post.is_some()),
                ("PUT", item.put.is_some()),
                ("PATCH", item.patch.is_some()),
                ("DELETE", item.delete.is_some()),
            ];
            table.add(
                path,
                methods.iter().filter(|(_, on)| *on).map(|(m, _)| *m).collect(),
            );
        }
        table
    }

    pub fn add(&mut self, path: &str, methods: Vec<&'static str>) {
        let segments = split(path)
            .map(|s| {
                if s.starts_with('{') {
                    Segment::Param
                } else {
                    Segment::Literal(s.to_owned())
                }
            })
            .collect();
        self.routes.push((segments, methods));
    }

    /// The methods of the route whose every segment is literal and equal to `path`'s (e.g.
    /// `/users/export.xlsx`, which `/users/{id}` would also match); `None` when there is none.
    pub fn literal_methods(&self, path: &str) -> Option<Vec<&'static str>> {
        let parts: Vec<&str> = split(path).collect();
        self.routes
            .iter()
            .find(|(segments, _)| {
                segments.len() == parts.len()
                    && segments
                        .iter()
                        .zip(&parts)
                        .all(|(seg, part)| matches!(seg, Segment::Literal(lit) if lit == part))
            })
            .map(|(_, methods)| methods.clone())
    }

    /// The methods a path answers to; empty when no route has this path.
    pub fn methods_for(&self, path: &str) -> Vec<&'static str> {
        // A path that is a route of its own answers only that route's methods.
        if let Some(methods) = self.literal_methods(path) {
            return methods;
        }
        let parts: Vec<&str> = split(path).collect();
        let mut found = Vec::new();
        for (segments, methods) in &self.routes {
            let matches = segments.len() == parts.len()
                && segments.iter().zip(&parts).all(|(seg, part)| match seg {
                    Segment::Param => !part.is_empty(),
                    Segment::Literal(lit) => lit == part,
                });
            if matches {
                for method in methods {
                    if !found.contains(method) {
                        found.push(method);
                    }
                }
            }
        }
        found
    }
}

/// Path segments; a trailing slash yields a final empty segment, because actix treats
/// `/things/` and `/things` as different paths.
fn split(path: &str) -> impl Iterator<Item = &str> {
    path.strip_prefix('/').unwrap_or(path).split('/')
}

#[cfg(test)]
mod tests {
    use super::RouteTable;

    #[test]
    fn templates_match_concrete_paths() {
        let mut table = RouteTable::default();
        table.add("/api/v1/things", vec!["GET", "POST"]);
        table.add("/api/v1/things/{id}", vec!["GET", "PATCH"]);
        assert_eq!(table.methods_for("/api/v1/things/42"), vec!["GET", "PATCH"]);
        assert!(
            table.methods_for("/api/v1/things/").is_empty(),
            "a trailing slash is another path"
        );
        assert!(table.methods_for("/api/v1/nothing").is_empty());
    }
}
