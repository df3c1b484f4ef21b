//! The response viewer: the HTTP status, size and time of the exchange
//! shown, its body highlighted (or as plain text when it is HTML or too big
//! to colour at once), an error summary when the reply is one, and a copy
//! button.

use std::rc::Rc;

use yew::prelude::*;

use super::{code_block, Shared};
use crate::browser;
use crate::format;
use crate::json::{highlight, pretty};
use crate::state::{Exchange, Notice, Outcome};

/// Bodies up to this size are re-indented for reading; a bigger one stays
/// as the cluster sent it, one long line that the viewer wraps.
pub const PRETTY_LIMIT: usize = 512 * 1024;

#[derive(Properties, PartialEq)]
pub struct ResponseViewProps {
    pub exchange: Option<Shared<Exchange>>,
    pub on_notify: Callback<Notice>,
}

/// What the viewer draws for one body, computed once per body.
#[derive(Debug, PartialEq, Eq)]
pub struct BodyView {
    /// The text shown (and copied): the body, re-indented when it is JSON.
    pub text: Rc<str>,
    /// The text as highlighted, escaped markup (shared: it can be 2 MB).
    pub markup: Rc<str>,
    /// Why the text is shown differently from the usual, if it is.
    pub note: Option<&'static str>,
}

/// Builds the view of a body: re-indented and coloured JSON, within limits.
pub fn body_view(body: &str, is_json: bool) -> BodyView {
    if !is_json {
        let mut markup = String::with_capacity(body.len());
        highlight::escape_into(&mut markup, body);
        let note = Some("Not JSON-RPC: the web server's page, shown as text");
        return BodyView { text: body.into(), markup: markup.into(), note };
    }

    let (text, mut note) = if body.len() <= PRETTY_LIMIT {
        (pretty::reindent(body), None)
    } else {
        (body.to_string(), Some("Large reply: shown as sent, without indentation"))
    };
    if text.len() > highlight::HIGHLIGHT_LIMIT {
        note = note.or(Some("Large reply: colours stop after the first 64 KB"));
    }
    let markup = highlight::to_html(&text, highlight::HIGHLIGHT_LIMIT, None);
    BodyView { text: text.into(), markup: markup.into(), note }
}

#[component]
pub fn ResponseView(props: &ResponseViewProps) -> Html {
    let copied = use_state_eq(|| None::<u64>);
    let body_key = props
        .exchange
        .as_ref()
        .map(|exchange| (Shared::from(Rc::clone(&exchange.body)), exchange.is_json()));
    let view =
        use_memo(body_key, |key| key.as_ref().map(|(body, is_json)| body_view(body, *is_json)));

    let Some(exchange) = &props.exchange else {
        return html! {
            <section class="card response-card" data-outcome="none" aria-labelledby="response-title">
                <header class="card-head">
                    <h2 class="panel-title" id="response-title">{"Response"}</h2>
                </header>
                <p class="placeholder">
                    {"Send a request to see what the cluster answers. "}
                    {"Ctrl+Enter sends from the editor."}
                </p>
                <pre class="code response-body" data-testid="response-body"></pre>
            </section>
        };
    };
    let view = view.as_ref().as_ref();

    let on_copy = {
        let (copied, on_notify) = (copied.clone(), props.on_notify.clone());
        let text = view.map_or_else(|| Rc::from(""), |view| Rc::clone(&view.text));
        let seq = exchange.seq;
        Callback::from(move |_: MouseEvent| {
            let (copied, on_notify) = (copied.clone(), on_notify.clone());
            let on_done = Callback::from(move |result: Result<(), String>| match result {
                Ok(()) => copied.set(Some(seq)),
                Err(error) => on_notify.emit(Notice {
                    is_error: true,
                    text: format!("could not copy the response: {error}"),
                }),
            });
            browser::copy_text(text.to_string(), on_done);
        })
    };

    let outcome = exchange.outcome.as_str();
    let elapsed = exchange.elapsed_ms.map_or_else(|| "…".to_string(), format::real_ms);
    let copy_label = if *copied == Some(exchange.seq) { "Copied" } else { "Copy" };
    let markup = view.map_or_else(|| Rc::from(""), |view| Rc::clone(&view.markup));
    let note = view.and_then(|view| view.note);
    let large = exchange.body.len() > highlight::HIGHLIGHT_LIMIT;

    html! {
        <section
            class={classes!("card", "response-card", format!("is-{outcome}"))}
            data-outcome={outcome}
            aria-labelledby="response-title"
        >
            <header class="card-head">
                <h2 class="panel-title" id="response-title">{"Response"}</h2>
                <span class={classes!("status-pill", format!("pill-{outcome}"))}
                    data-testid="response-status">
                    {format::status_line(exchange.status)}
                </span>
                <span class="meta" data-testid="response-size" title="Body size">
                    {format::bytes(exchange.body.len())}
                </span>
                <span class="meta" data-testid="response-time" title="Real time the emulator took">
                    {elapsed}
                </span>
                <span class="meta muted" title="Virtual time it was sent at">
                    {format!("#{} · {} · v{}", exchange.seq,
                        format::time_of_day(&exchange.sent_at.to_iso()), exchange.version)}
                </span>
                <button
                    type="button"
                    class="button button-quiet"
                    data-testid="copy-response"
                    onclick={on_copy}
                >
                    {copy_label}
                </button>
            </header>
            {summary(exchange)}
            if let Some(note) = note {
                <p class="body-note">{note}</p>
            }
            <pre
                class={classes!("code", "response-body", large.then_some("is-large"))}
                data-testid="response-body"
                tabindex="0"
                aria-label="Response body"
            >
                {code_block::trusted(markup)}
            </pre>
        </section>
    }
}

/// A line that says plainly when a reply is an error, even with HTTP 200.
fn summary(exchange: &Exchange) -> Html {
    match &exchange.outcome {
        Outcome::Success => Html::default(),
        Outcome::RpcError { name, message } => html! {
            <p class="outcome-line outcome-error" role="status">
                <strong>{"JSON-RPC error "}<code>{name}</code></strong>
                {format!(": {message}. ")}
                <span class="muted">
                    {"HTTP 200 with an error member is still a failed call."}
                </span>
            </p>
        },
        Outcome::HttpError => html! {
            <p class="outcome-line outcome-error" role="status">
                <strong>{format!("HTTP {}", exchange.status)}</strong>
                {": no JSON-RPC endpoint answered at this path. Check the endpoint version."}
            </p>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_and_colours_json() {
        let view = body_view(r#"{"id":1,"result":{}}"#, true);
        assert_eq!(&*view.text, "{\n  \"id\": 1,\n  \"result\": {}\n}");
        assert!(view.markup.contains(r#"<span class="tok-key">"id"</span>"#));
        assert_eq!(view.note, None);
    }

    #[test]
    fn html_bodies_stay_text() {
        let view = body_view("<h1>404 Not Found</h1>", false);
        assert_eq!(&*view.text, "<h1>404 Not Found</h1>");
        assert_eq!(&*view.markup, "&lt;h1&gt;404 Not Found&lt;/h1&gt;");
        assert!(view.note.is_some());
    }

    #[test]
    fn a_two_megabyte_reply_is_kept_as_sent_and_coloured_in_part() {
        let item = r#"{"volumeID":1,"name":"db-data"},"#;
        let mut body = String::from(r#"{"id":1,"result":{"volumes":["#);
        while body.len() < 2 * 1024 * 1024 {
            body.push_str(item);
        }
        body.push_str("{}]}}");

        let view = body_view(&body, true);
        assert_eq!(&*view.text, body);
        assert_eq!(view.note, Some("Large reply: shown as sent, without indentation"));
        let coloured = view.markup.matches("<span").count();
        assert!(coloured > 0 && coloured < 64 * 1024, "{coloured} spans");
    }
}
