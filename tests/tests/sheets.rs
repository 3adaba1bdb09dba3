//! Reading the workbooks the API sends back.

/// The first row of the first sheet, as text: an import sample's Chinese header.
pub fn header_row(bytes: &[u8]) -> Vec<String> {
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = calamine::Reader::worksheet_range_at(&mut book, 0)
        .unwrap()
        .unwrap();
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}
