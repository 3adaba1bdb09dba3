//! Uploaded files (附件): what a file is, judged by its bytes, and a safe name to keep.
//! The client's Content-Type is never trusted; the extension must agree with the content.

mod module;
mod name;
mod zip;

#[cfg(test)]
mod tests;

pub use module::MODULE;
pub use name::{MAX_NAME_CHARS, sanitize_name};

/// A type of file Xiaoban accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    /// Office Open XML: docx, xlsx, pptx (a zip with `[Content_Types].xml`).
    Ooxml,
    /// Legacy Office in an OLE2 compound file: doc, xls, ppt.
    Ole2,
    /// OFD (GB/T 33190), China's fixed-layout e-document format (a zip with `OFD.xml`).
    Ofd,
    /// UTF-8 text without NUL bytes: txt, csv.
    Text,
}

impl FileKind {
    /// The extensions (lowercase, without the dot) a file of this kind may carry.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Png => &["png"],
            Self::Jpeg => &["jpg", "jpeg"],
            Self::Gif => &["gif"],
            Self::Webp => &["webp"],
            Self::Ooxml => &["docx", "xlsx", "pptx"],
            Self::Ole2 => &["doc", "xls", "ppt"],
            Self::Ofd => &["ofd"],
            Self::Text => &["txt", "csv"],
        }
    }

    /// What the kind is called in messages (Chinese, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Self::Pdf => ("PDF 文档", "a PDF document"),
            Self::Png => ("PNG 图片", "a PNG image"),
            Self::Jpeg => ("JPEG 图片", "a JPEG image"),
            Self::Gif => ("GIF 图片", "a GIF image"),
            Self::Webp => ("WebP 图片", "a WebP image"),
            Self::Ooxml => (
                "Office 文档（docx/xlsx/pptx）",
                "an Office document (docx/xlsx/pptx)",
            ),
            Self::Ole2 => (
                "旧版 Office 文档（doc/xls/ppt）",
                "a legacy Office document (doc/xls/ppt)",
            ),
            Self::Ofd => ("OFD 版式文件", "an OFD document"),
            Self::Text => ("文本文件", "a text file"),
        }
    }
}

/// What an accepted file is and which media type it is served with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub kind: FileKind,
    pub content_type: &'static str,
}

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileRejection {
    #[error("the file is empty")]
    Empty,
    /// The bytes are not of an accepted kind (executables, archives, unknown binaries).
    #[error("the content is not of an accepted type")]
    UnknownContent,
    /// The bytes are fine but the name's extension belongs to another kind (or is missing).
    #[error("the content is {:?} but the extension is {extension:?}", kind)]
    ExtensionMismatch { kind: FileKind, extension: String },
}

/// The kind of `bytes`, judged by content only.
pub fn detect(bytes: &[u8]) -> Option<FileKind> {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(FileKind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(FileKind::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else if bytes.starts_with(OLE2) {
        Some(FileKind::Ole2)
    } else if bytes.starts_with(b"PK\x03\x04") {
        let names = zip::entry_names(bytes)?;
        if names.iter().any(|n| n == "[Content_Types].xml") {
            Some(FileKind::Ooxml)
        } else if names.iter().any(|n| n == "OFD.xml") {
            Some(FileKind::Ofd)
        } else {
            None
        }
    } else if is_text(bytes) {
        Some(FileKind::Text)
    } else {
        None
    }
}

fn is_text(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

/// The lowercase extension of `name`, without the dot ("" when there is none).
pub fn extension_of(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// Accepts `bytes` named `name` if the content is of an accepted kind and the extension agrees.
pub fn check(name: &str, bytes: &[u8]) -> Result<CheckedFile, FileRejection> {
    if bytes.is_empty() {
        return Err(FileRejection::Empty);
    }
    let kind = detect(bytes).ok_or(FileRejection::UnknownContent)?;
    let extension = extension_of(name);
    if !kind.extensions().contains(&extension.as_str()) {
        return Err(FileRejection::ExtensionMismatch { kind, extension });
    }
    Ok(CheckedFile {
        kind,
        content_type: content_type(&extension),
    })
}

/// The media type served for an accepted extension.
fn content_type(extension: &str) -> &'static str {
    match extension {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "ppt" => "application/vnd.ms-powerpoint",
        "ofd" => "application/ofd",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
