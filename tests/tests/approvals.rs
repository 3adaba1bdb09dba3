//! The approvals engine over HTTP, on the demo school: routing, modes, returns, recalls,
//! deadlines, hooks, templates and races.

mod approvals {
    pub mod support;

    mod assists;
    mod attachments;
    mod clock;
    mod dates;
    mod directory;
    mod flows;
    mod hooks;
    mod modes;
    mod offered_actions;
    mod races;
    mod register;
    mod returns;
    mod search;
    mod strict_input;
    mod stuck;
    mod template_views;
    mod templates;
}
