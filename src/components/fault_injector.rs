//! The "inject fault" control (issue 3): pick a method, a count and an
//! error; the next calls of that method answer that error, so the learner
//! sees why scripts retry. It can also make the next bulk volume job fail,
//! and lists the faults still queued, which it can clear.

use element_emulator::{catalog, CallFault, JobError, ResultType};
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
    /// The call faults the emulator still has queued.
    pub queued: Vec<CallFault>,
    /// The job failures it still has queued.
    pub queued_jobs: Vec<(ResultType, JobError)>,
    pub on_inject: Callback<FaultRequest>,
    pub on_fail_bulk_job: Callback<()>,
    pub on_clear: Callback<()>,
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
    let on_fail_bulk_job = {
        let on_fail_bulk_job = props.on_fail_bulk_job.clone();
        Callback::from(move |_: MouseEvent| on_fail_bulk_job.emit(()))
    };
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };

    let queued = props.queued.iter().map(|fault| {
        html! {
            <li>
                <code>{&fault.method}</code>{" → "}<code>{&fault.error.name}</code>
                <span class="muted">{format!(" × {} left", fault.remaining)}</span>
            </li>
        }
    });
    let queued_jobs = props.queued_jobs.iter().map(|(kind, error)| {
        html! {
            <li>
                <span class="muted">{"next "}</span><code>{kind.as_str()}</code>
                <span class="muted">{" job → "}</span><code>{&error.name}</code>
            </li>
        }
    });
    let anything_queued = !props.queued.is_empty() || !props.queued_jobs.is_empty();

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
            <div class="fault-job">
                <button
                    type="button"
                    class="button"
                    data-testid="fault-bulk-job"
                    onclick={on_fail_bulk_job}
                >
                    {"Fail the next bulk volume job"}
                </button>
                <span class="muted">
                    {format!("with {}: {}", faults::BULK_JOB_FAILURE.name,
                        faults::BULK_JOB_FAILURE.why)}
                </span>
            </div>
            if anything_queued {
                <div class="fault-queue-wrap">
                    <ul class="fault-queue" aria-label="Queued faults" data-testid="fault-queue">
                        {for queued}
                        {for queued_jobs}
                    </ul>
                    <button
                        type="button"
                        class="button button-quiet"
                        data-testid="fault-clear"
                        onclick={on_clear}
                    >
                        {"Clear all"}
                    </button>
                </div>
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
