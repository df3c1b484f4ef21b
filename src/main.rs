//! Element Playground: a static page that teaches the NetApp Element
//! JSON-RPC API against an emulator running inside the page.
//!
//! The page is one Yew app over one reducer ([`state`]): the emulator, the
//! virtual clock's rate, the request editor, the selected method and the
//! history all live in [`state::State`], and only [`state::apply`] changes
//! them. Components ([`components`]) draw the state and turn clicks and keys
//! into [`state::Action`]s; side effects (the clock's timer, the clipboard,
//! `performance.now()`) live in [`hooks`] and [`browser`]. The [`json`]
//! module tokenizes, highlights and prettifies request and response text,
//! and [`request`] validates the editor's text step by step.

mod boot;
mod browser;
mod components;
mod format;
mod hooks;
mod json;
mod request;
mod state;

fn main() {
    boot::install_logging_and_panic_hook();
    boot::mount::<components::app::App>();
}
