//! The request editor: a plain `<textarea>` for input over a highlighted
//! copy of its text, the endpoint version, and the checks of
//! [`crate::request`] shown as the learner types (a JSON mistake with its
//! line and column, marked in place).

use std::rc::Rc;

use element_emulator::versions;
use web_sys::{Element, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{code_block, Shared};
use crate::json::highlight;
use crate::request::{self, RequestError, RequestSummary};

/// Above this many bytes the editor shows its text without colours: the
/// overlay would cost a full re-parse of the page's markup on every key.
pub const EDITOR_HIGHLIGHT_MAX: usize = 256 * 1024;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: Shared<str>,
    pub version: &'static str,
    pub on_edit: Callback<String>,
    pub on_send: Callback<()>,
    pub on_prettify: Callback<()>,
    pub on_version: Callback<String>,
}

/// What the editor knows about its text, computed once per text.
struct Checked {
    result: Result<RequestSummary, RequestError>,
    /// The overlay's markup, or `None` when the text is too long to colour.
    overlay: Option<String>,
}

fn check(text: &str) -> Checked {
    let result = request::check(text);
    let overlay = (text.len() <= EDITOR_HIGHLIGHT_MAX).then(|| {
        let mark = match &result {
            Err(RequestError::Json(error)) => Some(error.offset(text)),
            _ => None,
        };
        // A trailing line break in a textarea still takes a line; the
        // space keeps the overlay as tall, so the two scroll alike.
        let mut markup = highlight::to_html(text, highlight::HIGHLIGHT_LIMIT, mark);
        markup.push_str("\n ");
        markup
    });
    Checked { result, overlay }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let overlay_ref = use_node_ref();
    let version_ref = use_node_ref();
    let checked = use_memo(props.text.clone(), |text| check(text));

    {
        // Once the learner has used the select, an option's `selected`
        // attribute no longer moves it; the element's value does.
        let version_ref = version_ref.clone();
        use_effect_with(props.version, move |version| {
            if let Some(select) = version_ref.cast::<HtmlSelectElement>() {
                select.set_value(version);
            }
        });
    }

    let on_input = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let on_keydown = {
        let on_send = props.on_send.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                on_send.emit(());
            }
        })
    };
    let on_scroll = {
        // The overlay cannot scroll by itself; it follows the textarea.
        let overlay_ref = overlay_ref.clone();
        Callback::from(move |event: Event| {
            let area: Element = event.target_unchecked_into();
            if let Some(overlay) = overlay_ref.cast::<Element>() {
                overlay.set_scroll_top(area.scroll_top());
                overlay.set_scroll_left(area.scroll_left());
            }
        })
    };
    let on_change_version = {
        let on_version = props.on_version.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_version.emit(select.value());
        })
    };
    let on_send_click = click(&props.on_send);
    let on_prettify_click = click(&props.on_prettify);

    let options = versions::supported_versions().iter().rev().map(|version| {
        html! {
            <option value={*version} selected={*version == props.version}>{*version}</option>
        }
    });
    // Without the overlay to line up with, long lines wrap: a browser does not
    // paint one line of megabytes at all.
    let (surface_class, overlay, wrap) = match &checked.overlay {
        Some(markup) => ("editor-surface", code_block::trusted(markup.clone()), "off"),
        None => ("editor-surface is-plain", Html::default(), "soft"),
    };

    html! {
        <section class="card editor-card" aria-labelledby="editor-title">
            <header class="card-head">
                <h2 class="panel-title" id="editor-title">{"Request"}</h2>
                <label class="field-inline">
                    <span>{"Endpoint"}</span>
                    <select
                        class="select"
                        data-testid="endpoint-version"
                        ref={version_ref}
                        onchange={on_change_version}
                    >
                        {for options}
                    </select>
                </label>
                <code class="endpoint-path">{format!("POST /json-rpc/{}", props.version)}</code>
            </header>
            <div class={surface_class}>
                <pre class="editor-overlay code" aria-hidden="true" ref={overlay_ref}>
                    {overlay}
                </pre>
                <textarea
                    class="editor-input code"
                    data-testid="editor"
                    aria-label="JSON-RPC request"
                    aria-describedby="editor-status"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    {wrap}
                    value={AttrValue::from(Rc::clone(&props.text.0))}
                    oninput={on_input}
                    onkeydown={on_keydown}
                    onscroll={on_scroll}
                />
            </div>
            <footer class="editor-foot">
                <div class="editor-status" id="editor-status" aria-live="polite">
                    {status(&checked.result, props.text.len())}
                </div>
                <button
                    type="button"
                    class="button"
                    data-testid="prettify"
                    onclick={on_prettify_click}
                >
                    {"Prettify"}
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    data-testid="send"
                    title="Send (Ctrl+Enter or ⌘+Enter in the editor)"
                    onclick={on_send_click}
                >
                    {"Send"}
                    <kbd class="kbd">{"Ctrl+Enter"}</kbd>
                </button>
            </footer>
        </section>
    }
}

/// A click handler that reports only that the button was pressed.
fn click(callback: &Callback<()>) -> Callback<MouseEvent> {
    let callback = callback.clone();
    Callback::from(move |_: MouseEvent| callback.emit(()))
}

/// The line under the editor: which check failed, or what will be sent.
fn status(result: &Result<RequestSummary, RequestError>, len: usize) -> Html {
    let plain_note = (len > EDITOR_HIGHLIGHT_MAX)
        .then(|| html! { <span class="muted">{" · too long to colour"}</span> });
    match result {
        Ok(summary) => {
            let id = summary.id.as_deref().unwrap_or("none");
            html! {
                <span class="status-ok">
                    {format!("Ready: {} with id {id}", summary.method)}
                    {for plain_note}
                </span>
            }
        }
        Err(RequestError::Json(error)) => html! {
            <span class="status-error" data-testid="parse-error">
                {format!("Not JSON: {error}")}
            </span>
        },
        Err(error) => html! {
            <span class="status-warn" data-testid="request-error">
                {format!("Not a JSON-RPC request: {error}")}
            </span>
        },
    }
}
