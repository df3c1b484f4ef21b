//! The page's one reducer. [`State`] holds the emulator, the clock's rate,
//! the editor, the selected method and the history; [`apply`] is the only
//! code that changes them. It is pure apart from the emulator it drives, and
//! that emulator only knows the virtual time it is handed, so `apply` runs
//! natively in tests. Timers, `performance.now()` and the clipboard live in
//! hooks, which turn what they see into [`Action`]s.

pub mod clock;
pub mod exchange;
pub mod faults;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use element_emulator::{catalog, versions, Emulator, ResultType, DEFAULT_START};
use yew::Reducible;

use crate::json::pretty;
use crate::request;
pub use clock::Rate;
pub use exchange::{Exchange, Outcome};

/// How many sent requests the history keeps; older ones drop off.
pub const HISTORY_LIMIT: usize = 50;

/// The method the page opens on: the first stop of the learner's tour.
pub const FIRST_METHOD: &str = "GetLimits";

/// A message for the learner, shown above the workspace until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub is_error: bool,
    pub text: String,
}

/// Everything the page shows that is not purely local to one component.
#[derive(Clone, Debug)]
pub struct State {
    /// Shared, not cloned: the emulator is not `Clone`, and `apply` mutates
    /// it in place. Yew drops the previous state, so no one sees the change
    /// through an old snapshot.
    pub emulator: Rc<RefCell<Emulator>>,
    pub rate: Rate,
    residue_ms: f64,
    pub editor: Rc<str>,
    /// The endpoint version requests go to, one of `supported_versions()`.
    pub version: &'static str,
    /// The method whose docs are shown.
    pub selected: Option<&'static str>,
    /// Sent requests, oldest first, at most [`HISTORY_LIMIT`].
    pub history: Vec<Rc<Exchange>>,
    /// The `seq` of the exchange the response viewer shows.
    pub shown: Option<u64>,
    pub notice: Option<Notice>,
    next_seq: u64,
    /// The JSON-RPC `id` the next template gets.
    next_id: u64,
}

/// Everything that can happen to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show a method's docs and put its template in the editor.
    SelectMethod(&'static str),
    /// The learner typed in the editor.
    Edit(String),
    /// Post to another endpoint version.
    SetVersion(String),
    Prettify,
    /// Post the editor's text.
    Send,
    /// Post a history entry's request again, to the same endpoint version.
    Replay(u64),
    /// The real milliseconds the last post took, measured by the caller.
    Timed(f64),
    /// Show a history entry's reply, and its request in the editor.
    Open(u64),
    /// Put a GetAsyncResult for this job handle in the editor.
    InspectJob(u64),
    SetRate(Rate),
    /// Jump to the next job completion, or 10 s on when nothing runs.
    Step,
    /// Real milliseconds passed since the last tick.
    Tick(f64),
    /// Make the next `times` calls of `method` answer the error `error`
    /// (one of [`faults::KINDS`]).
    InjectFault {
        method: &'static str,
        times: u32,
        error: &'static str,
    },
    /// Make the next bulk volume job fail, as a failed script makes it.
    FailNextBulkJob,
    /// Forget every queued fault.
    ClearFaults,
    Notify(Notice),
    DismissNotice,
}

impl State {
    /// A fresh page: the default cluster at the default start, the clock at
    /// 1x, and the first method's template in the editor.
    pub fn new() -> State {
        let mut state = State {
            emulator: Rc::new(RefCell::new(Emulator::new(DEFAULT_START))),
            rate: Rate::default(),
            residue_ms: 0.0,
            editor: Rc::from(""),
            version: default_version(),
            selected: None,
            history: Vec::new(),
            shown: None,
            notice: None,
            next_seq: 1,
            next_id: 1,
        };
        apply(&mut state, Action::SelectMethod(FIRST_METHOD));
        state
    }

    /// The exchange the response viewer shows, if any.
    pub fn shown_exchange(&self) -> Option<&Rc<Exchange>> {
        let seq = self.shown?;
        self.history.iter().find(|exchange| exchange.seq == seq)
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Posts `body` to `version` and records the exchange.
    fn post(&mut self, version: &'static str, body: Rc<str>) {
        let path = format!("/json-rpc/{version}");
        let mut emulator = self.emulator.borrow_mut();
        let now = emulator.now();
        let response = emulator.post(now, &path, &body);
        drop(emulator);

        let exchange = Exchange::new(self.next_seq, version, body, now, response);
        self.shown = Some(exchange.seq);
        self.next_seq += 1;
        self.history.push(Rc::new(exchange));
        if self.history.len() > HISTORY_LIMIT {
            let excess = self.history.len() - HISTORY_LIMIT;
            self.history.drain(..excess);
        }
    }

    fn error(&mut self, text: String) {
        self.notice = Some(Notice { is_error: true, text });
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}

/// The endpoint version the page starts on: the cluster's own.
fn default_version() -> &'static str {
    let supported = versions::supported_versions();
    let own = supported.iter().find(|v| **v == versions::CLUSTER_VERSION);
    own.or(supported.last()).copied().unwrap_or(versions::CLUSTER_VERSION)
}

impl Action {
    /// Whether the learner did something new, which retires the notice
    /// about what they did before (the action may then set its own).
    fn retires_notice(&self) -> bool {
        !matches!(
            self,
            Action::Timed(_) | Action::Tick(_) | Action::Notify(_) | Action::DismissNotice
        )
    }
}

/// Applies `action` to `state`; returns whether anything changed.
pub fn apply(state: &mut State, action: Action) -> bool {
    if action.retires_notice() {
        state.notice = None;
    }
    match action {
        Action::SelectMethod(name) => {
            let Some(doc) = catalog::find(name) else {
                state.error(format!("no docs for method {name}"));
                return true;
            };
            state.selected = Some(doc.name);
            let id = state.take_id();
            state.editor = request::template(doc, id).into();
        }
        Action::Edit(text) => state.editor = text.into(),
        Action::SetVersion(text) => {
            let supported = versions::supported_versions();
            match supported.iter().find(|version| **version == text) {
                Some(version) => state.version = version,
                None => {
                    state.error(format!("endpoint version {text} is not one the cluster serves"))
                }
            }
        }
        Action::Prettify => match pretty::prettify(&state.editor) {
            Ok(text) => state.editor = text.into(),
            Err(error) => {
                state.error(format!("cannot prettify a request that is not JSON ({error})"))
            }
        },
        Action::Send => state.post(state.version, state.editor.clone()),
        Action::Replay(seq) => {
            let Some(old) = state.history.iter().find(|exchange| exchange.seq == seq) else {
                state.error(format!("history entry {seq} is no longer kept"));
                return true;
            };
            let (version, request) = (old.version, old.request.clone());
            state.post(version, request);
        }
        Action::Timed(elapsed_ms) => {
            let Some(last) = state.history.last_mut() else { return false };
            Rc::make_mut(last).elapsed_ms = Some(elapsed_ms.max(0.0));
        }
        Action::Open(seq) => {
            let Some(old) = state.history.iter().find(|exchange| exchange.seq == seq) else {
                return false;
            };
            (state.editor, state.version) = (old.request.clone(), old.version);
            state.shown = Some(seq);
        }
        Action::InspectJob(handle) => {
            let id = state.take_id();
            state.editor = request::async_result(handle, id).into();
            state.selected = catalog::find("GetAsyncResult").map(|doc| doc.name);
        }
        Action::SetRate(rate) => {
            state.rate = rate;
            state.residue_ms = 0.0;
        }
        Action::Step => {
            let mut emulator = state.emulator.borrow_mut();
            let now = emulator.now();
            let next = emulator.next_completion().filter(|at| *at > now);
            emulator.advance_to(next.unwrap_or(now.plus_millis(clock::IDLE_STEP_MS)));
        }
        Action::Tick(elapsed_ms) => {
            let (whole, residue) = clock::advance(state.rate, elapsed_ms, state.residue_ms);
            state.residue_ms = residue;
            if whole <= 0 {
                return false;
            }
            let mut emulator = state.emulator.borrow_mut();
            let next = emulator.now().plus_millis(whole);
            emulator.advance_to(next);
        }
        Action::InjectFault { method, times, error } => inject_fault(state, method, times, error),
        Action::FailNextBulkJob => {
            let error = faults::BULK_JOB_FAILURE.error();
            state.emulator.borrow_mut().fail_next(ResultType::BulkVolume, error);
            let name = faults::BULK_JOB_FAILURE.name;
            let text = format!("the next bulk volume job will fail with {name}");
            state.notice = Some(Notice { is_error: false, text });
        }
        Action::ClearFaults => {
            state.emulator.borrow_mut().clear_faults();
            let text = "no fault is queued any more: calls and jobs run normally".to_string();
            state.notice = Some(Notice { is_error: false, text });
        }
        Action::Notify(notice) => state.notice = Some(notice),
        Action::DismissNotice => state.notice = None,
    }
    true
}

/// Queues a transient error, or says why it cannot.
fn inject_fault(state: &mut State, method: &str, times: u32, error: &str) {
    let Some(doc) = catalog::find(method) else {
        return state.error(format!("cannot inject a fault into {method}: not an emulated method"));
    };
    let Some(kind) = faults::kind(error) else {
        return state.error(format!("cannot inject {error}: not an injectable error"));
    };
    if !(1..=faults::MAX_TIMES).contains(&times) {
        let max = faults::MAX_TIMES;
        return state.error(format!("cannot inject a fault {times} times: pick 1 to {max}"));
    }

    state.emulator.borrow_mut().fail_next_calls(doc.name, times, kind.error());
    let calls = if times == 1 { "call".to_string() } else { format!("{times} calls") };
    let text = format!("the next {calls} of {} will answer {}", doc.name, kind.name);
    state.notice = Some(Notice { is_error: false, text });
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if apply(&mut next, action) {
            Rc::new(next)
        } else {
            self
        }
    }
}
