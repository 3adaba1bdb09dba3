//! What incoming (收文) and outgoing (发文) official documents share (domain.md §3, §4): the marks
//! a document carries ([`marks`]) and its document number (文号, [`doc_number`]). The two modules
//! build on these; neither keeps a copy.

pub mod doc_number;
pub mod marks;

pub use doc_number::{DocNumber, find_doc_number};
pub use marks::{Classification, Retention, Urgency};
