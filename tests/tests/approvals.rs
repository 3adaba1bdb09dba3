//! The approvals engine over HTTP, on the demo school: routing, modes, returns, recalls,
//! deadlines, hooks, templates and races.

pub mod support;

mod assists;
mod attachments;
mod batch;
mod branch_rights;
mod clock;
mod computed;
mod copies;
mod dates;
mod directory;
mod documented_examples;
mod drafts;
mod field_rights;
mod flows;
mod hooks;
mod line_items;
mod manager_chain;
mod modes;
mod notices;
mod numbering;
mod offered_actions;
mod own_requests;
mod own_requests_demo;
mod parallel;
mod races;
mod register;
mod removed_signers;
mod resubmits;
mod returns;
mod search;
mod sequential;
mod sequential_handover;
mod signatures;
mod strict_input;
mod stuck;
mod template_views;
mod templates;
mod timeline;
