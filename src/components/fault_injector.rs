//! The "inject fault" control (issue 3): pick a method, a count and an
//! error; the next calls of that method answer that error, so the learner
//! sees why scripts retry. Lists the faults still queued.

use element_emulator::catalog;
use element_emulator::CallFault;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::faults::{self, FaultKind, MAX_TIMES};

/// What the learner asked to inject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultRequest {
    pub method: &'static str,
    pub times: u32,
    pub error: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct FaultInjectorProps {
    /// The faults the emulator still has queued.
    pub queued: Vec<CallFault>,
    pub on_inject: Callback<FaultRequest>,
}

/// The method the form starts on: the one whose retries matter most.
const DEFAULT_METHOD: &str = "CloneVolume";

#[component]
pub fn FaultInjector(props: &FaultInjectorProps) -> Html {
    let method = use_state(|| DEFAULT_METHOD);
    let times = use_state(|| "1".to_string());
    let kind = use_state(|| &faults::KINDS[0]);

    let on_method = {
        let method = method.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(doc) = catalog::find(&select.value()) {
                method.set(doc.name);
            }
        })
    };
    let on_times = {
        let times = times.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            times.set(input.value());
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(found) = faults::kind(&select.value()) {
                kind.set(found);
            }
        })
    };

    let count = parse_times(&times);
    let on_submit = {
        let (on_inject, method, kind) = (props.on_inject.clone(), *method, *kind);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(times) = count {
                on_inject.emit(FaultRequest { method, times, error: kind.name });
            }
        })
    };

    let methods = catalog::methods().iter().map(|doc| {
        html! { <option value={doc.name} selected={doc.name == *method}>{doc.name}</option> }
    });
    let kinds = faults::KINDS.iter().map(|option: &FaultKind| {
        html! {
            <option value={option.name} selected={option.name == kind.name}>{option.name}</option>
        }
    });
    let queued = props.queued.iter().map(|fault| {
        html! {
            <li>
                <code>{&fault.method}</code>{" → "}<code>{&fault.error.name}</code>
                <span class="muted">{format!(" × {} left", fault.remaining)}</span>
            </li>
        }
    });

    html! {
        <form class="fault-form" onsubmit={on_submit} aria-describedby="fault-why">
            <label class="field">
                <span>{"Method"}</span>
                <select class="select" data-testid="fault-method" onchange={on_method}>
                    {for methods}
                </select>
            </label>
            <label class="field field-narrow">
                <span>{"Next calls"}</span>
                <input
                    class="input"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max={MAX_TIMES.to_string()}
                    data-testid="fault-times"
                    aria-invalid={count.is_none().then_some("true")}
                    value={(*times).clone()}
                    oninput={on_times}
                />
            </label>
            <label class="field">
                <span>{"Error"}</span>
                <select class="select" data-testid="fault-error" onchange={on_kind}>
                    {for kinds}
                </select>
            </label>
            <button
                type="submit"
                class="button"
                data-testid="fault-add"
                disabled={count.is_none()}
            >
                {"Inject"}
            </button>
            <p class="fault-why muted" id="fault-why">
                if count.is_none() {
                    <span class="status-error">{format!("Pick a count from 1 to {MAX_TIMES}. ")}</span>
                }
                {kind.why}
            </p>
            if !props.queued.is_empty() {
                <ul class="fault-queue" aria-label="Queued faults">{for queued}</ul>
            }
        </form>
    }
}

/// The count the learner typed, if it is one the emulator accepts.
fn parse_times(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|times| (1..=MAX_TIMES).contains(times))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_must_be_whole_and_in_range() {
        let rows = [("1", Some(1)), (" 7 ", Some(7)), ("0", None), ("100", None), ("2.5", None)];
        for (text, expected) in rows {
            assert_eq!(parse_times(text), expected, "{text:?}");
        }
        assert_eq!(parse_times(""), None);
    }
}
