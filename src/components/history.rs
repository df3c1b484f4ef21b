//! The history of requests sent from this page, newest first. Each entry
//! can be opened (its request back in the editor, its reply in the viewer)
//! or replayed (sent again, to the same endpoint version).

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::state::{Exchange, Outcome};

#[derive(Properties)]
pub struct HistoryProps {
    pub entries: Vec<Rc<Exchange>>,
    /// The `seq` of the exchange the viewer shows.
    pub shown: Option<u64>,
    pub on_open: Callback<u64>,
    pub on_replay: Callback<u64>,
}

/// Entries compare by address: an exchange is never changed in place, and
/// comparing bodies byte by byte on every clock tick would be slow.
impl PartialEq for HistoryProps {
    fn eq(&self, other: &Self) -> bool {
        let same_entries = self.entries.len() == other.entries.len()
            && self.entries.iter().zip(&other.entries).all(|(a, b)| Rc::ptr_eq(a, b));
        same_entries
            && self.shown == other.shown
            && self.on_open == other.on_open
            && self.on_replay == other.on_replay
    }
}

#[component]
pub fn History(props: &HistoryProps) -> Html {
    let rows = props.entries.iter().rev().map(|exchange| entry(exchange, props));

    html! {
        <div class="history-wrap">
            <ol class="history" data-testid="history" aria-label="Sent requests, newest first">
                {for rows}
            </ol>
            if props.entries.is_empty() {
                <p class="muted">{"Requests you send appear here, to open or send again."}</p>
            }
        </div>
    }
}

fn entry(exchange: &Exchange, props: &HistoryProps) -> Html {
    let seq = exchange.seq;
    let on_open = {
        let on_open = props.on_open.clone();
        Callback::from(move |_: MouseEvent| on_open.emit(seq))
    };
    let on_replay = {
        let on_replay = props.on_replay.clone();
        Callback::from(move |_: MouseEvent| on_replay.emit(seq))
    };

    let method = exchange.method.as_deref().unwrap_or("(not a request)");
    let result = match &exchange.outcome {
        Outcome::Success => "ok".to_string(),
        Outcome::RpcError { name, .. } if !name.is_empty() => name.clone(),
        Outcome::RpcError { .. } => "error".to_string(),
        Outcome::HttpError => format!("HTTP {}", exchange.status),
    };
    let kind = exchange.outcome.as_str();
    let current = props.shown == Some(seq);

    html! {
        <li
            class={classes!("history-entry", current.then_some("is-current"))}
            data-testid={format!("history-{seq}")}
            aria-current={current.then_some("true")}
        >
            <span class="history-seq">{format!("#{seq}")}</span>
            <span class="history-method">{method}</span>
            <span class={classes!("history-result", format!("result-{kind}"))}>{result}</span>
            <span class="history-meta muted">
                {format!("v{} · {}", exchange.version, format::time_of_day(&exchange.sent_at.to_iso()))}
            </span>
            <span class="history-actions">
                <button
                    type="button"
                    class="button button-small"
                    data-testid={format!("open-{seq}")}
                    aria-label={format!("Open request {seq}")}
                    onclick={on_open}
                >
                    {"Open"}
                </button>
                <button
                    type="button"
                    class="button button-small"
                    data-testid={format!("replay-{seq}")}
                    aria-label={format!("Send request {seq} again")}
                    onclick={on_replay}
                >
                    {"Replay"}
                </button>
            </span>
        </li>
    }
}
