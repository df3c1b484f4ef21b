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

/// How much of a body the viewer lays out at first, and how much more each
/// "show more" adds. Laying out 2 MB of text takes the browser a quarter of a
/// second; a slice this size takes a few milliseconds, so no click waits.
pub const SHOWN_STEP: usize = 256 * 1024;

#[derive(Properties, PartialEq)]
pub struct ResponseViewProps {
    pub exchange: Option<Shared<Exchange>>,
    pub on_notify: Callback<Notice>,
}

/// The text the viewer shows for one body, computed once per body.
#[derive(Debug, PartialEq, Eq)]
pub struct BodyView {
    /// The text shown (and copied): the body, re-indented when it is JSON.
    pub text: Rc<str>,
    /// Whether the text is JSON, to be coloured.
    pub is_json: bool,
    /// Why the text is shown differently from the usual, if it is.
    pub note: Option<&'static str>,
}

/// Builds the view of a body: re-indented JSON, within limits.
pub fn body_view(body: &str, is_json: bool) -> BodyView {
    if !is_json {
        let note = Some("Not JSON-RPC: the web server's page, shown as text");
        return BodyView { text: body.into(), is_json, note };
    }
    let (text, mut note) = if body.len() <= PRETTY_LIMIT {
        (pretty::reindent(body), None)
    } else {
        (body.to_string(), Some("Large reply: shown as sent, without indentation"))
    };
    if text.len() > highlight::HIGHLIGHT_LIMIT {
        note = note.or(Some("Large reply: colours stop after the first 64 KB"));
    }
    BodyView { text: text.into(), is_json, note }
}

/// The markup of the first `shown` bytes of `view` (rounded down to a whole
/// character), and how many bytes that is.
pub fn shown_markup(view: &BodyView, shown: usize) -> (Rc<str>, usize) {
    let mut cut = shown.min(view.text.len());
    while !view.text.is_char_boundary(cut) {
        cut -= 1;
    }
    let slice = &view.text[..cut];
    let markup = if view.is_json {
        highlight::to_html(slice, highlight::HIGHLIGHT_LIMIT, None)
    } else {
        let mut markup = String::with_capacity(slice.len());
        highlight::escape_into(&mut markup, slice);
        markup
    };
    (markup.into(), cut)
}

#[component]
pub fn ResponseView(props: &ResponseViewProps) -> Html {
    let copied = use_state_eq(|| None::<u64>);
    // How much of which exchange's body is laid out; another exchange starts
    // again from one step.
    let shown = use_state_eq(|| (0_u64, SHOWN_STEP));
    let body_key = props
        .exchange
        .as_ref()
        .map(|exchange| (Shared::from(Rc::clone(&exchange.body)), exchange.is_json()));
    let view =
        use_memo(body_key, |key| key.as_ref().map(|(body, is_json)| body_view(body, *is_json)));
    let seq = props.exchange.as_ref().map_or(0, |exchange| exchange.seq);
    let limit = if shown.0 == seq { shown.1 } else { SHOWN_STEP };
    let markup = use_memo((view.clone(), limit), |(view, limit)| {
        view.as_ref().as_ref().map(|view| shown_markup(view, *limit))
    });

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
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set((seq, limit.saturating_add(SHOWN_STEP))))
    };
    let on_all = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set((seq, usize::MAX)))
    };

    let outcome = exchange.outcome.as_str();
    let elapsed = exchange.elapsed_ms.map_or_else(|| "…".to_string(), format::real_ms);
    let copy_label = if *copied == Some(exchange.seq) { "Copied" } else { "Copy" };
    let (markup, shown_bytes) =
        markup.as_ref().clone().unwrap_or_else(|| (Rc::from(""), exchange.body.len()));
    let total = view.map_or(0, |view| view.text.len());
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
                    title="Copy the whole body"
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
            if shown_bytes < total {
                <p class="body-more" data-testid="response-more">
                    <span>
                        {format!("Showing the first {} of {}.", format::bytes(shown_bytes),
                            format::bytes(total))}
                    </span>
                    <button type="button" class="button" data-testid="show-more" onclick={on_more}>
                        {format!("Show {} more", format::bytes(SHOWN_STEP.min(total - shown_bytes)))}
                    </button>
                    <button
                        type="button"
                        class="button button-quiet"
                        data-testid="show-all"
                        onclick={on_all}
                    >
                        {"Show all"}
                    </button>
                </p>
            }
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
        assert_eq!(view.note, None);
        let (markup, shown) = shown_markup(&view, SHOWN_STEP);
        assert!(markup.contains(r#"<span class="tok-key">"id"</span>"#));
        assert_eq!(shown, view.text.len());
    }

    #[test]
    fn html_bodies_stay_text() {
        let view = body_view("<h1>404 Not Found</h1>", false);
        assert_eq!(&*view.text, "<h1>404 Not Found</h1>");
        assert_eq!(&*shown_markup(&view, SHOWN_STEP).0, "&lt;h1&gt;404 Not Found&lt;/h1&gt;");
        assert!(view.note.is_some());
    }

    #[test]
    fn a_two_megabyte_reply_is_kept_as_sent_and_laid_out_a_slice_at_a_time() {
        let item = r#"{"volumeID":1,"name":"db-data"},"#;
        let mut body = String::from(r#"{"id":1,"result":{"volumes":["#);
        while body.len() < 2 * 1024 * 1024 {
            body.push_str(item);
        }
        body.push_str("{}]}}");

        let view = body_view(&body, true);
        assert_eq!(&*view.text, body);
        assert_eq!(view.note, Some("Large reply: shown as sent, without indentation"));

        let (markup, shown) = shown_markup(&view, SHOWN_STEP);
        assert_eq!(shown, SHOWN_STEP);
        let coloured = markup.matches("<span").count();
        assert!(coloured > 0 && coloured < 64 * 1024, "{coloured} spans");
        let (all, shown_all) = shown_markup(&view, usize::MAX);
        assert_eq!(shown_all, body.len());
        assert_eq!(all.len() - markup.len(), body.len() - SHOWN_STEP, "the rest is plain text");
    }

    #[test]
    fn slices_end_on_a_character() {
        let view = body_view(&format!("\"{}\"", "é".repeat(SHOWN_STEP)), true);
        let (_, shown) = shown_markup(&view, SHOWN_STEP);
        assert!(view.text.is_char_boundary(shown) && shown <= SHOWN_STEP, "{shown}");
    }
}
