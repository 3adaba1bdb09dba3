use super::*;

/// A minimal stored (uncompressed) zip with the given entries, as Office and OFD writers make.
fn zip_with(names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for name in names {
        let offset = u32::try_from(out.len()).unwrap();
        let len = u16::try_from(name.len()).unwrap();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[0; 22]);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[0; 24]);
        central.extend_from_slice(&len.to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).unwrap();
    let cd_len = u32::try_from(central.len()).unwrap();
    let count = u16::try_from(names.len()).unwrap();
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

#[test]
fn each_accepted_kind_is_recognised_by_its_bytes() {
    let webp = b"RIFF\x10\0\0\0WEBPVP8 ".to_vec();
    let ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("通知.pdf", b"%PDF-1.7\n".to_vec(), "application/pdf"),
        ("照片.PNG", PNG.to_vec(), "image/png"),
        ("照片.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
        ("动图.gif", b"GIF89a....".to_vec(), "image/gif"),
        ("图.webp", webp, "image/webp"),
        (
            "请示.docx",
            zip_with(&["[Content_Types].xml", "word/document.xml"]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "表.xlsx",
            zip_with(&["xl/workbook.xml", "[Content_Types].xml"]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("旧表.xls", ole2.to_vec(), "application/vnd.ms-excel"),
        (
            "红头文件.ofd",
            zip_with(&["OFD.xml", "Doc_0/Document.xml"]),
            "application/ofd",
        ),
        (
            "名单.csv",
            "姓名,部门\n张三,校办\n".as_bytes().to_vec(),
            "text/csv; charset=utf-8",
        ),
        ("说明.txt", b"hello".to_vec(), "text/plain; charset=utf-8"),
    ];
    for (name, bytes, content_type) in cases {
        let checked = check(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(checked.content_type, content_type, "{name}");
    }
}

#[test]
fn a_png_named_pdf_is_refused_naming_what_it_is() {
    assert_eq!(
        check("报告.pdf", PNG),
        Err(FileRejection::ExtensionMismatch {
            kind: FileKind::Png,
            extension: "pdf".into()
        })
    );
}

#[test]
fn executables_archives_and_binaries_are_refused() {
    assert_eq!(
        check("setup.exe", b"MZ\x90\0\x03\0\0\0"),
        Err(FileRejection::UnknownContent)
    );
    assert_eq!(
        check("setup.pdf", b"MZ\x90\0\x03\0\0\0"),
        Err(FileRejection::UnknownContent)
    );
    let plain_zip = zip_with(&["a.txt", "b.exe"]);
    assert_eq!(check("包.zip", &plain_zip), Err(FileRejection::UnknownContent));
    assert_eq!(check("a.docx", &plain_zip), Err(FileRejection::UnknownContent));
    assert_eq!(
        check("a.txt", b"text\0with nul"),
        Err(FileRejection::UnknownContent)
    );
    assert_eq!(check("a.txt", &[0xC3, 0x28]), Err(FileRejection::UnknownContent));
    assert_eq!(check("a.txt", b""), Err(FileRejection::Empty));
}

#[test]
fn a_truncated_zip_is_not_mistaken_for_a_document() {
    let mut docx = zip_with(&["[Content_Types].xml"]);
    docx.truncate(docx.len() - 30);
    assert_eq!(detect(&docx), None);
    assert_eq!(detect(b"PK\x03\x04"), None);
}

#[test]
fn text_without_a_known_extension_is_refused() {
    assert!(matches!(
        check("script.sh", b"#!/bin/sh\nrm -rf /\n"),
        Err(FileRejection::ExtensionMismatch {
            kind: FileKind::Text,
            ..
        })
    ));
    assert!(matches!(
        check("README", b"hi"),
        Err(FileRejection::ExtensionMismatch { .. })
    ));
}

#[test]
fn names_lose_paths_and_dangerous_characters_and_keep_chinese() {
    assert_eq!(
        sanitize_name("关于2026年寒假安排的通知.pdf").as_deref(),
        Some("关于2026年寒假安排的通知.pdf")
    );
    assert_eq!(
        sanitize_name("C:\\fakepath\\请示.docx").as_deref(),
        Some("请示.docx")
    );
    assert_eq!(sanitize_name("../../etc/passwd").as_deref(), Some("passwd"));
    assert_eq!(sanitize_name("a\"b<c>\r\n.txt").as_deref(), Some("a_b_c_.txt"));
    assert_eq!(sanitize_name("  . ").as_deref(), None);
    assert_eq!(sanitize_name("dir/").as_deref(), None);
}

#[test]
fn long_names_are_cut_to_200_characters_keeping_the_extension() {
    let long = format!("{}.pdf", "长".repeat(300));
    let name = sanitize_name(&long).unwrap();
    assert_eq!(name.chars().count(), MAX_NAME_CHARS);
    assert!(name.ends_with("长.pdf"));
}

#[test]
fn bidirectional_controls_are_stripped_so_a_txt_cannot_pose_as_a_jpg() {
    assert_eq!(
        sanitize_name("photo\u{202E}gpj.txt").as_deref(),
        Some("photogpj.txt")
    );
    assert_eq!(
        sanitize_name("\u{2066}通知\u{2069}\u{200F}\u{061C}.pdf").as_deref(),
        Some("通知.pdf")
    );
}
