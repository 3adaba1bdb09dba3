//! A stored file name: the client's name made safe to show and to send back in headers.

/// The longest name kept, in characters (the extension is kept whole).
pub const MAX_NAME_CHARS: usize = 200;

/// The last path segment of `raw`, without control characters, bidirectional controls (which
/// would show `a\u{202E}txt.exe` as `aexe.txt`) or characters Windows refuses,
/// trimmed, at most [`MAX_NAME_CHARS`] characters with the extension kept. `None` if nothing is left.
pub fn sanitize_name(raw: &str) -> Option<String> {
    // Browsers on Windows used to send the whole path (C:\fakepath\…).
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !crate::text::is_bidi_control(*c))
        .map(|c| if "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim().trim_matches('.').trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(shorten(trimmed))
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, Some(ext)),
        _ => (name, None),
    };
    let room = MAX_NAME_CHARS - ext.map_or(0, |e| e.chars().count() + 1);
    let mut out: String = stem.chars().take(room).collect();
    if let Some(ext) = ext {
        out.push('.');
        out.push_str(ext);
    }
    out
}
