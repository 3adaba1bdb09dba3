//! Just enough of the zip format to list entry names, from the central directory at the end
//! (local headers may omit sizes, the central directory never does).

const EOCD: &[u8] = b"PK\x05\x06";
const CENTRAL: &[u8] = b"PK\x01\x02";
/// The end record is 22 bytes plus a comment of at most 65,535.
const EOCD_SEARCH: usize = 22 + 65_535;
/// More entries than any document has; bounds the work on hostile input.
const MAX_ENTRIES: usize = 100_000;

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
}

/// The names in the central directory, or `None` when it cannot be read.
pub fn entry_names(bytes: &[u8]) -> Option<Vec<String>> {
    let floor = bytes.len().saturating_sub(EOCD_SEARCH);
    let eocd = (floor..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..].starts_with(EOCD))?;
    let count = u16_at(bytes, eocd + 10)?.min(MAX_ENTRIES);
    let mut at = u32_at(bytes, eocd + 16)?;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        if !bytes.get(at..)?.starts_with(CENTRAL) {
            return None;
        }
        let name_len = u16_at(bytes, at + 28)?;
        let extra_len = u16_at(bytes, at + 30)?;
        let comment_len = u16_at(bytes, at + 32)?;
        let name = bytes.get(at + 46..at + 46 + name_len)?;
        names.push(String::from_utf8_lossy(name).into_owned());
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}
