//! Reducer tests: drive [`apply`] with actions as the page would, against the
//! real emulator on its virtual clock, and read the state back.

use element_emulator::{JobStatus, DEFAULT_START};

use super::*;

fn send(state: &mut State, body: &str) -> Rc<Exchange> {
    apply(state, Action::Edit(body.to_string()));
    apply(state, Action::Send);
    state.history.last().cloned().unwrap_or_else(|| panic!("nothing sent for {body}"))
}

const CLONE: &str = r#"{"method":"CloneVolume","params":{"volumeID":1,"name":"copy"},"id":9}"#;

#[test]
fn opens_on_the_first_method_template() {
    let state = State::new();
    assert_eq!(state.selected, Some(FIRST_METHOD));
    assert!(state.editor.contains(r#""method": "GetLimits""#), "{}", state.editor);
    assert!(state.editor.contains(r#""id": 1"#));
    assert_eq!(state.version, versions::CLUSTER_VERSION);
    assert_eq!(state.emulator.borrow().now(), DEFAULT_START);
    assert_eq!(state.notice, None);
}

#[test]
fn each_template_gets_a_new_id() {
    let mut state = State::new();
    apply(&mut state, Action::SelectMethod("GetAsyncResult"));
    assert!(state.editor.contains(r#""id": 2"#), "{}", state.editor);
    apply(&mut state, Action::InspectJob(7));
    let expected = "{\n  \"method\": \"GetAsyncResult\",\n  \"params\": {\n    \"asyncHandle\": 7,\n    \"keepResult\": true\n  },\n  \"id\": 3\n}";
    assert_eq!(&*state.editor, expected);
}

#[test]
fn sending_records_history_and_outcomes() {
    let mut state = State::new();
    let limits = send(&mut state, r#"{"method":"GetLimits","id":1}"#);
    let unknown = send(&mut state, r#"{"method":"NoSuchMethod","id":2}"#);
    let broken = send(&mut state, "{\"method\":");

    assert_eq!((limits.seq, limits.status, limits.outcome.as_str()), (1, 200, "success"));
    assert_eq!(limits.method.as_deref(), Some("GetLimits"));
    assert!(limits.body.contains("\"result\""));
    assert!(
        matches!(&unknown.outcome, Outcome::RpcError { name, .. } if name == "xUnknownAPIMethod")
    );
    assert_eq!((broken.method.clone(), broken.outcome.as_str()), (None, "error"));
    assert_eq!(state.shown, Some(3));
}

#[test]
fn an_unserved_version_is_an_http_error() {
    let mut state = State::new();
    let version = versions::supported_versions().first().copied().unwrap_or("1.0");
    apply(&mut state, Action::SetVersion(version.to_string()));
    assert_eq!(state.version, version);

    apply(&mut state, Action::SetVersion("99.0".to_string()));
    assert_eq!(state.version, version);
    assert!(state.notice.as_ref().is_some_and(|notice| notice.is_error));
}

#[test]
fn timing_lands_on_the_last_exchange() {
    let mut state = State::new();
    assert!(!apply(&mut state, Action::Timed(1.0)));
    send(&mut state, r#"{"method":"GetLimits"}"#);
    apply(&mut state, Action::Timed(0.25));
    assert_eq!(state.history.last().and_then(|exchange| exchange.elapsed_ms), Some(0.25));
}

#[test]
fn replay_and_open_reuse_the_request() {
    let mut state = State::new();
    send(&mut state, r#"{"method":"GetLimits","id":"a"}"#);
    apply(&mut state, Action::Edit("{}".to_string()));
    apply(&mut state, Action::Replay(1));
    assert_eq!(state.history.len(), 2);
    assert_eq!(state.history[1].request, state.history[0].request);
    assert_eq!(state.history[1].body, state.history[0].body);
    assert_eq!(&*state.editor, "{}");

    apply(&mut state, Action::Open(1));
    assert_eq!((&*state.editor, state.shown), (r#"{"method":"GetLimits","id":"a"}"#, Some(1)));
    apply(&mut state, Action::Replay(42));
    assert!(state.notice.is_some());
}

#[test]
fn history_keeps_the_latest_entries() {
    let mut state = State::new();
    for _ in 0..HISTORY_LIMIT + 3 {
        send(&mut state, r#"{"method":"GetLimits"}"#);
    }
    let seqs: Vec<u64> = state.history.iter().map(|exchange| exchange.seq).collect();
    assert_eq!(seqs.len(), HISTORY_LIMIT);
    assert_eq!((seqs[0], seqs[HISTORY_LIMIT - 1]), (4, HISTORY_LIMIT as u64 + 3));
}

#[test]
fn prettify_keeps_order_and_reports_errors() {
    let mut state = State::new();
    apply(&mut state, Action::Edit(r#"{"z":1,"a":{}}"#.to_string()));
    apply(&mut state, Action::Prettify);
    assert_eq!(&*state.editor, "{\n  \"z\": 1,\n  \"a\": {}\n}");

    apply(&mut state, Action::Edit("{\"z\":".to_string()));
    apply(&mut state, Action::Prettify);
    assert_eq!(&*state.editor, "{\"z\":");
    let notice = state.notice.clone().map(|notice| notice.text);
    assert_eq!(
        notice.as_deref(),
        Some("cannot prettify a request that is not JSON (line 1, column 5: EOF while parsing a value)")
    );
    apply(&mut state, Action::DismissNotice);
    assert_eq!(state.notice, None);
}

#[test]
fn ticks_follow_the_rate() {
    let mut state = State::new();
    let start = state.emulator.borrow().now();
    let now = |state: &State| state.emulator.borrow().now().millis_since(start);

    apply(&mut state, Action::Tick(100.0));
    assert_eq!(now(&state), 100);
    apply(&mut state, Action::SetRate(Rate::X60));
    apply(&mut state, Action::Tick(100.0));
    assert_eq!(now(&state), 6_100);
    apply(&mut state, Action::SetRate(Rate::Paused));
    assert!(!apply(&mut state, Action::Tick(100.0)));
    assert_eq!(now(&state), 6_100);
}

#[test]
fn step_jumps_to_the_next_completion_then_idles_forward() {
    let mut state = State::new();
    apply(&mut state, Action::SetRate(Rate::Paused));
    let start = state.emulator.borrow().now();
    apply(&mut state, Action::Step);
    assert_eq!(state.emulator.borrow().now(), start.plus_millis(clock::IDLE_STEP_MS));

    let clone = send(&mut state, CLONE);
    assert_eq!(clone.outcome, Outcome::Success, "{}", clone.body);
    let job = |state: &State| state.emulator.borrow().jobs().into_iter().last();
    let running = job(&state).map(|job| (job.status, job.completes));
    let Some((JobStatus::Running, completes)) = running else {
        panic!("clone job not running: {running:?}");
    };

    apply(&mut state, Action::Step);
    assert_eq!(state.emulator.borrow().now(), completes);
    assert_eq!(job(&state).map(|job| job.status), Some(JobStatus::Succeeded));
}

#[test]
fn unknown_methods_leave_the_editor_alone() {
    let mut state = State::new();
    let before = state.editor.clone();
    apply(&mut state, Action::SelectMethod("NoSuchMethod"));
    assert_eq!(state.editor, before);
    assert_eq!(state.selected, Some(FIRST_METHOD));
    assert!(state.notice.is_some());
}

#[test]
fn issue_3_injected_faults_fail_the_next_calls_then_clear() {
    let mut state = State::new();
    let inject = Action::InjectFault { method: "GetLimits", times: 2, error: "xNotReadyForIO" };
    apply(&mut state, inject);
    let notice = state.notice.clone().map(|notice| (notice.is_error, notice.text));
    let expected = "the next 2 calls of GetLimits will answer xNotReadyForIO";
    assert_eq!(notice, Some((false, expected.to_string())));
    assert_eq!(state.emulator.borrow().call_faults().len(), 1);

    let names: Vec<String> = (0..3)
        .map(|_| match &send(&mut state, r#"{"method":"GetLimits","id":1}"#).outcome {
            Outcome::RpcError { name, .. } => name.clone(),
            other => other.as_str().to_string(),
        })
        .collect();
    assert_eq!(names, ["xNotReadyForIO", "xNotReadyForIO", "success"]);
    assert!(state.emulator.borrow().call_faults().is_empty());
}

#[test]
fn issue_3_faults_only_reach_the_named_method() {
    let mut state = State::new();
    let inject =
        Action::InjectFault { method: "ListVolumes", times: 1, error: "xDBVersionMismatch" };
    apply(&mut state, inject);
    assert_eq!(send(&mut state, r#"{"method":"GetLimits"}"#).outcome, Outcome::Success);

    let failed = send(&mut state, r#"{"method":"ListVolumes"}"#);
    let Outcome::RpcError { name, message } = &failed.outcome else {
        panic!("ListVolumes did not fail: {}", failed.body);
    };
    assert_eq!(name, "xDBVersionMismatch");
    assert_eq!(Some(message.as_str()), faults::kind(name).map(|kind| kind.message));
}

#[test]
fn issue_3_refuses_faults_it_cannot_inject() {
    let rows = [
        ("NoSuchMethod", 1, "xNotReadyForIO"),
        ("GetLimits", 1, "xNoSuchError"),
        ("GetLimits", 0, "xNotReadyForIO"),
        ("GetLimits", faults::MAX_TIMES + 1, "xNotReadyForIO"),
    ];
    for (method, times, error) in rows {
        let mut state = State::new();
        apply(&mut state, Action::InjectFault { method, times, error });
        assert!(
            state.notice.as_ref().is_some_and(|notice| notice.is_error),
            "{method} {times} {error}"
        );
        assert!(state.emulator.borrow().call_faults().is_empty());
    }
}

#[test]
fn a_bulk_job_can_be_made_to_fail_and_faults_cleared() {
    let mut state = State::new();
    apply(&mut state, Action::FailNextBulkJob);
    assert_eq!(state.emulator.borrow().job_faults().len(), 1);
    let read = r#"{"method":"StartBulkVolumeRead","params":{"volumeID":2,"format":"native"}}"#;
    send(&mut state, read);
    for _ in 0..20 {
        apply(&mut state, Action::Step);
    }
    let jobs = state.emulator.borrow().jobs();
    let bulk = jobs.iter().filter(|job| job.method == "StartBulkVolumeRead");
    assert_eq!(bulk.map(|job| job.status).collect::<Vec<_>>(), [JobStatus::Failed]);

    apply(&mut state, Action::FailNextBulkJob);
    let inject = Action::InjectFault { method: "GetLimits", times: 2, error: "xNotReadyForIO" };
    apply(&mut state, inject);
    apply(&mut state, Action::ClearFaults);
    let emulator = state.emulator.borrow();
    assert!(emulator.call_faults().is_empty() && emulator.job_faults().is_empty());
    drop(emulator);
    assert_eq!(send(&mut state, r#"{"method":"GetLimits"}"#).outcome, Outcome::Success);
}

#[test]
fn a_new_action_retires_the_last_notice_but_the_clock_does_not() {
    let mut state = State::new();
    apply(&mut state, Action::Edit("{not json".to_string()));
    apply(&mut state, Action::Prettify);
    assert!(state.notice.as_ref().is_some_and(|notice| notice.is_error));

    apply(&mut state, Action::Tick(500.0));
    assert!(state.notice.is_some(), "a clock tick is not the learner's doing");
    send(&mut state, r#"{"method":"GetLimits"}"#);
    assert_eq!(state.notice, None);
}

#[test]
fn opening_an_entry_goes_back_to_its_endpoint() {
    let mut state = State::new();
    apply(&mut state, Action::SetVersion("8.0".to_string()));
    let old = send(&mut state, r#"{"method":"GetLimits"}"#);
    apply(&mut state, Action::SetVersion("12.0".to_string()));
    apply(&mut state, Action::Open(old.seq));
    assert_eq!(state.version, "8.0");
}
