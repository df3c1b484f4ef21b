//! The notice bar: one message for the learner (an error, or news such as
//! "copied"), shown above the workspace until dismissed.

use yew::prelude::*;

use crate::state::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub on_dismiss: Callback<()>,
}

/// A live region that is always in the page, so screen readers announce a
/// message the moment it appears; it is empty while there is none.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let on_click = {
        let on_dismiss = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| on_dismiss.emit(()))
    };

    let Some(notice) = &props.notice else {
        return html! { <div class="notice-slot" role="status" aria-live="polite"></div> };
    };
    let (kind, role, label) = if notice.is_error {
        ("notice notice-error", "alert", "Error")
    } else {
        ("notice notice-info", "status", "Note")
    };

    html! {
        <div class="notice-slot" aria-live="polite">
            <div class={kind} role={role} data-testid="notice">
                <strong class="notice-label">{label}</strong>
                <span class="notice-text">{&notice.text}</span>
                <button
                    type="button"
                    class="button button-quiet"
                    data-testid="notice-dismiss"
                    aria-label="Dismiss the message"
                    onclick={on_click}
                >
                    {"Dismiss"}
                </button>
            </div>
        </div>
    }
}
