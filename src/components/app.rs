//! The page: owns the reducer and the clock's timer, derives what each
//! component draws, and lays the panels out (methods, request and response,
//! docs, jobs, history, faults).

use std::rc::Rc;

use element_emulator::JobStatus;
use yew::prelude::*;

use super::clock_controls::ClockControls;
use super::editor::Editor;
use super::fault_injector::{FaultInjector, FaultRequest};
use super::history::History;
use super::method_docs::MethodDocs;
use super::method_list::MethodList;
use super::notice::NoticeBar;
use super::response::ResponseView;
use super::timeline::Timeline;
use super::Shared;
use crate::browser;
use crate::hooks::use_clock_timer;
use crate::state::{Action, State};

/// A callback that turns its input into an action and dispatches it. Made
/// once per page, so that children comparing props see the same callback.
#[hook]
fn use_dispatch<IN: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    to_action: fn(IN) -> Action,
) -> Callback<IN> {
    use_callback(dispatcher.clone(), move |input, dispatcher| {
        dispatcher.dispatch(to_action(input));
    })
}

/// A callback that dispatches `to_action` and then how long the reducer
/// took, which is the emulator's time to answer (rendering comes later).
#[hook]
fn use_timed_dispatch<IN: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    to_action: fn(IN) -> Action,
) -> Callback<IN> {
    use_callback(dispatcher.clone(), move |input, dispatcher| {
        let started = browser::now_ms();
        dispatcher.dispatch(to_action(input));
        dispatcher.dispatch(Action::Timed(browser::now_ms() - started));
    })
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::new);
    let dispatcher = state.dispatcher();

    let on_tick = use_dispatch(&dispatcher, Action::Tick);
    use_clock_timer(on_tick);

    let on_select = use_dispatch(&dispatcher, Action::SelectMethod);
    let on_edit = use_dispatch(&dispatcher, Action::Edit);
    let on_version = use_dispatch(&dispatcher, Action::SetVersion);
    let on_prettify = use_dispatch(&dispatcher, |()| Action::Prettify);
    let on_send = use_timed_dispatch(&dispatcher, |()| Action::Send);
    let on_replay = use_timed_dispatch(&dispatcher, Action::Replay);
    let on_open = use_dispatch(&dispatcher, Action::Open);
    let on_inspect = use_dispatch(&dispatcher, Action::InspectJob);
    let on_rate = use_dispatch(&dispatcher, Action::SetRate);
    let on_step = use_dispatch(&dispatcher, |()| Action::Step);
    let on_notify = use_dispatch(&dispatcher, Action::Notify);
    let on_dismiss = use_dispatch(&dispatcher, |()| Action::DismissNotice);
    let on_inject = use_dispatch(&dispatcher, |request: FaultRequest| Action::InjectFault {
        method: request.method,
        times: request.times,
        error: request.error,
    });
    let on_fail_bulk_job = use_dispatch(&dispatcher, |()| Action::FailNextBulkJob);
    let on_clear = use_dispatch(&dispatcher, |()| Action::ClearFaults);

    // What the emulator knows, read once per render: cheap (a few jobs).
    let emulator = state.emulator.borrow();
    let (now, jobs) = (emulator.now(), emulator.jobs());
    let (queued, queued_jobs) = (emulator.call_faults().to_vec(), emulator.job_faults().to_vec());
    drop(emulator);
    let busy = jobs.iter().any(|job| job.status == JobStatus::Running);
    let shown = state.shown_exchange().map(|exchange| Shared(Rc::clone(exchange)));

    html! {
        <div class="page">
            <header class="masthead">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{"{ }"}</span>
                    <div>
                        <h1 class="brand-title">{"Element Playground"}</h1>
                        <p class="brand-sub">
                            {"Write a NetApp Element JSON-RPC request, send it to the \
                              emulated 12.0 cluster in this page, and watch its jobs run."}
                        </p>
                    </div>
                </div>
            </header>
            <NoticeBar notice={state.notice.clone()} on_dismiss={on_dismiss} />
            <div class="workspace">
                <aside class="col-methods">
                    <MethodList
                        version={state.version}
                        selected={state.selected}
                        on_select={on_select}
                    />
                </aside>
                <main class="col-main">
                    <Editor
                        text={Shared(Rc::clone(&state.editor))}
                        version={state.version}
                        on_edit={on_edit}
                        on_send={on_send}
                        on_prettify={on_prettify}
                        on_version={on_version}
                    />
                    <ResponseView exchange={shown} on_notify={on_notify} />
                </main>
                <div class="col-docs">
                    <MethodDocs selected={state.selected} version={state.version} />
                </div>
                <section class="card jobs-card" aria-labelledby="jobs-title">
                    <header class="card-head">
                        <h2 class="panel-title" id="jobs-title">{"Async jobs"}</h2>
                        <ClockControls
                            now={now}
                            rate={state.rate}
                            busy={busy}
                            on_rate={on_rate}
                            on_step={on_step}
                        />
                    </header>
                    <Timeline jobs={jobs} now={now} on_inspect={on_inspect} />
                </section>
                <section class="card history-card" aria-labelledby="history-title">
                    <header class="card-head">
                        <h2 class="panel-title" id="history-title">{"History"}</h2>
                    </header>
                    <History
                        entries={state.history.clone()}
                        shown={state.shown}
                        on_open={on_open}
                        on_replay={on_replay}
                    />
                </section>
                <section class="card faults-card" aria-labelledby="faults-title">
                    <header class="card-head">
                        <h2 class="panel-title" id="faults-title">{"Inject a fault"}</h2>
                    </header>
                    <FaultInjector
                        {queued}
                        {queued_jobs}
                        {on_inject}
                        {on_fail_bulk_job}
                        {on_clear}
                    />
                </section>
            </div>
        </div>
    }
}
