//! The `element-emulator replay` step protocol (issue 2), driven through the built
//! binary one line at a time: each step waits for its answer before the next is
//! written, so a binary that does not flush per line fails here instead of hanging.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use serde_json::{json, Value};

const BINARY: &str = env!("CARGO_BIN_EXE_element-emulator");

/// Long enough for a slow CI machine, short enough that a missing flush fails.
const REPLY_TIMEOUT: Duration = Duration::from_secs(20);

/// A running `element-emulator replay` with its standard input and output.
struct Replay {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
}

impl Replay {
    fn start(extra_args: &[&str]) -> Replay {
        let mut child = Command::new(BINARY)
            .arg("replay")
            .args(extra_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();

        // A reader thread lets a missing line time out instead of blocking the test.
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Replay { stdin: child.stdin.take(), child, lines }
    }

    /// Writes one step line and returns the one line that answers it.
    fn step_line(&mut self, line: &str) -> String {
        let stdin = self.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        self.lines.recv_timeout(REPLY_TIMEOUT).unwrap_or_else(|err| {
            panic!("no reply line to step {line} ({err}): is stdout flushed after each line?")
        })
    }

    /// Writes raw bytes and a line break; returns the one line that answers them.
    fn step_bytes(&mut self, bytes: &[u8]) -> String {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
        self.lines.recv_timeout(REPLY_TIMEOUT).unwrap()
    }

    fn step(&mut self, step: &Value) -> Value {
        let line = self.step_line(&step.to_string());
        serde_json::from_str(&line)
            .unwrap_or_else(|err| panic!("reply {line:?} is not JSON: {err}"))
    }

    /// Posts a JSON-RPC request to the 12.0 endpoint; returns the `body` after
    /// checking the reply is `{"status": 200, "body": ...}`.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let reply = self.step(&post_step(method, params));
        assert_eq!(reply["status"], 200, "{method}: {reply}");
        reply["body"].clone()
    }

    fn advance(&mut self, seconds: u64) -> Value {
        self.step(&json!({"advance": seconds}))
    }

    /// Closes standard input; the process must then exit cleanly with nothing more to say.
    fn finish(mut self) {
        drop(self.stdin.take());
        let status = self.child.wait().unwrap();
        assert!(status.success(), "replay exited with {status}");
        assert!(self.lines.recv().is_err(), "replay printed a line no step asked for");
    }
}

/// The step that posts a JSON-RPC request to the 12.0 endpoint.
fn post_step(method: &str, params: Value) -> Value {
    let body = json!({"method": method, "params": params, "id": 1});
    json!({"post": "/json-rpc/12.0", "body": body})
}

#[test]
fn post_answers_status_and_json_body() {
    let mut replay = Replay::start(&[]);
    let step = json!({"post": "/json-rpc/12.0", "body": {"method": "GetLimits", "id": 1}});
    let reply = replay.step(&step);

    assert_eq!(reply["status"], 200);
    assert_eq!(reply["body"]["id"], 1);
    assert_eq!(reply["body"]["result"]["volumeSizeMin"], 1_000_000_000);
    replay.finish();
}

#[test]
fn raw_invalid_json_gets_an_element_error() {
    let mut replay = Replay::start(&[]);
    let reply = replay.step(&json!({"post": "/json-rpc/12.0", "raw": "{\"method\":"}));

    assert_eq!(reply["status"], 200, "{reply}");
    let error = &reply["body"]["error"];
    assert_eq!(error["code"], 500, "{reply}");
    assert!(error["name"].as_str().unwrap().starts_with('x'), "{reply}");
    assert!(error["message"].is_string(), "{reply}");
    assert!(reply["body"].get("result").is_none(), "{reply}");
    replay.finish();
}

#[test]
fn advance_moves_the_clock_from_the_default_start() {
    let mut replay = Replay::start(&[]);
    assert_eq!(replay.advance(30), json!({"now": "2026-01-01T00:00:30Z"}));
    assert_eq!(replay.advance(3600), json!({"now": "2026-01-01T01:00:30Z"}));
    replay.finish();
}

#[test]
fn start_flag_sets_the_clock() {
    let mut replay = Replay::start(&["--start", "2030-05-01T10:00:00Z"]);
    assert_eq!(replay.advance(30), json!({"now": "2030-05-01T10:00:30Z"}));
    replay.finish();
}

#[test]
fn unsupported_endpoint_is_404_with_a_string_body() {
    let mut replay = Replay::start(&[]);
    let reply = replay.step(&json!({"post": "/json-rpc/99.0", "body": {"method": "GetAPI"}}));

    assert_eq!(reply["status"], 404, "{reply}");
    assert!(reply["body"].is_string(), "the 404 page is not JSON, so body is a string: {reply}");
    replay.finish();
}

#[test]
fn fail_next_makes_the_next_bulk_volume_job_fail() {
    let mut replay = Replay::start(&[]);
    let error = json!({"name": "xBulkVolumeScriptFailure", "message": "Bulk volume job failed"});
    let fault = json!({"failNext": {"resultType": "BulkVolume", "error": error}});
    assert_eq!(replay.step(&fault), json!({"ok": true}));

    let started = replay.call("StartBulkVolumeRead", json!({"volumeID": 1, "format": "native"}));
    let handle = started["result"]["asyncHandle"].clone();
    assert!(handle.is_u64(), "{started}");
    replay.advance(3600);

    let done = replay.call("GetAsyncResult", json!({"asyncHandle": handle, "keepResult": true}));
    assert_eq!(done["result"]["status"], "complete", "{done}");
    assert_eq!(done["result"]["resultType"], "BulkVolume", "{done}");
    assert_eq!(done["result"]["error"]["name"], "xBulkVolumeScriptFailure", "{done}");
    assert!(done.get("error").is_none(), "a failed job is a successful call: {done}");
    replay.finish();
}

#[test]
fn fail_next_calls_fails_that_many_calls_then_lets_them_through() {
    let mut replay = Replay::start(&[]);
    let error = json!({"name": "xSliceNotRegistered", "message": "Slice 7 is not registered"});
    let fault = json!({"failNextCalls": {"method": "CloneVolume", "times": 2, "error": error}});
    assert_eq!(replay.step(&fault), json!({"ok": true}));

    let params = json!({"volumeID": 1, "name": "retry-me"});
    for attempt in 1..=2 {
        let failed = replay.call("CloneVolume", params.clone());
        assert_eq!(failed["error"]["name"], "xSliceNotRegistered", "attempt {attempt}: {failed}");
        assert_eq!(failed["error"]["message"], "Slice 7 is not registered");
        assert_eq!(failed["error"]["code"], 500);
    }
    let listed = replay.call("ListVolumes", json!({}));
    assert!(listed.get("error").is_none(), "other methods are not affected: {listed}");
    let cloned = replay.call("CloneVolume", params);
    assert!(cloned["result"]["asyncHandle"].is_u64(), "the third call succeeds: {cloned}");

    for bad in [
        json!({"failNextCalls": {"method": "CloneVolume", "times": 0, "error": error}}),
        json!({"failNextCalls": {"method": "CloneVolume", "times": 1}}),
        json!({"failNextCalls": {"times": 1, "error": error}}),
    ] {
        let reply = replay.step(&bad);
        assert!(reply["stepError"].is_string(), "{bad} → {reply}");
    }
    replay.finish();
}

#[test]
fn bad_steps_get_step_errors_and_replay_goes_on() {
    let fault = r#""error":{"name":"xSliceNotRegistered","message":"busy"}"#;
    let table = [
        ("hello", "not JSON"),
        ("[1,2]", "JSON object"),
        ("{}", "unknown step"),
        (r#"{"post":5}"#, "path string"),
        (r#"{"post":"/json-rpc/12.0"}"#, "exactly one of"),
        (r#"{"advance":"soon"}"#, "non-negative number"),
        (r#"{"advance":-1}"#, "non-negative number"),
        (r#"{"advance":1,"extra":2}"#, r#""advance" cannot go with "extra""#),
        (r#"{"advance":5,"post":"/json-rpc/12.0","body":{}}"#, r#"cannot go with "advance""#),
        (r#"{"failNext":{"resultType":"Snapshot","error":{"name":"x"}}}"#, "unknown resultType"),
        (r#"{"failNext":{"resultType":"Clone","error":{"name":""}}}"#, "non-empty string name"),
        (r#"{"failNext":{"resultType":"Clone"}}"#, "needs an error"),
        (
            &format!(r#"{{"failNextCalls":{{"method":"NoSuchMethod","times":1,{fault}}}}}"#),
            "not an Element method",
        ),
        (
            &format!(r#"{{"failNextCalls":{{"method":"CloneVolume","times":0,{fault}}}}}"#),
            "whole number",
        ),
        (
            &format!(r#"{{"failNextCalls":{{"method":"CloneVolume","times":2.5,{fault}}}}}"#),
            "whole number",
        ),
    ];
    let mut replay = Replay::start(&[]);
    for (bad, fragment) in table {
        let line = replay.step_line(bad);
        let reply: Value = serde_json::from_str(&line).unwrap();
        let why = reply["stepError"].as_str().unwrap_or_else(|| panic!("{bad} → {line}"));
        assert!(why.contains(fragment), "{bad} → {line}");
        assert_eq!(reply.as_object().unwrap().len(), 1, "{bad} → {line}");
    }

    // None of them changed anything: the clock is where it was, no fault is armed.
    assert_eq!(replay.advance(5), json!({"now": "2026-01-01T00:00:05Z"}));
    let limits = replay.call("GetLimits", json!({}));
    assert!(limits["result"].is_object(), "{limits}");
    replay.finish();
}

#[test]
fn a_line_that_is_not_utf8_is_a_step_error() {
    let mut replay = Replay::start(&[]);
    let line = replay.step_bytes(b"{\"advance\": \xff\xfe}");
    assert!(line.contains("not UTF-8"), "{line}");
    assert_eq!(replay.advance(1), json!({"now": "2026-01-01T00:00:01Z"}));
    replay.finish();
}

#[test]
fn the_clock_stops_at_the_last_instant_iso_8601_can_show() {
    let mut replay = Replay::start(&[]);
    let started = replay.call("CloneVolume", json!({"volumeID": 1, "name": "far-future"}));
    let handle = started["result"]["asyncHandle"].clone();
    let last = json!({"now": "9999-12-31T23:59:59Z"});
    assert_eq!(replay.step(&json!({"advance": 1e300})), last);
    assert_eq!(replay.step(&json!({"advance": u64::MAX})), last);

    let complete = replay.call("GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(complete["result"]["status"], "complete", "{complete}");
    // It completed seconds after it started, not when the clock ran out.
    let completed_at = complete["result"]["lastUpdateTime"].as_str().unwrap_or_default();
    assert!(completed_at.starts_with("2026-01-01T00:00:"), "{complete}");
    replay.finish();
}

#[test]
fn help_and_bad_arguments() {
    let help = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("usage: element-emulator replay"));

    for args in [&["replay", "--start"][..], &["replay", "--start", "soon"], &["play"], &[]] {
        let output = Command::new(BINARY).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("usage:"), "{args:?}: {stderr}");
    }
}

#[test]
fn clone_volume_runs_completes_and_is_purged_after_one_read() {
    let mut replay = Replay::start(&[]);
    let started = replay.call("CloneVolume", json!({"volumeID": 1, "name": "replay-clone"}));
    let handle = started["result"]["asyncHandle"].clone();
    let new_volume = started["result"]["volumeID"].clone();
    assert_eq!(volume_status(&mut replay, &new_volume), "init");

    // Running: reading it, even without keepResult, does not purge it.
    let running = replay.call("GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(running["result"]["status"], "running", "{running}");
    assert!(running["result"]["details"].is_object(), "{running}");

    // Jobs last at most 15 minutes of virtual time.
    replay.advance(16 * 60);
    assert_eq!(volume_status(&mut replay, &new_volume), "active");
    let complete = replay.call("GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(complete["result"]["status"], "complete", "{complete}");
    assert_eq!(complete["result"]["resultType"], "Clone", "{complete}");
    assert!(complete["result"]["result"].is_object(), "{complete}");

    // Read once without keepResult: gone.
    let purged = replay.call("GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(purged["error"]["name"], "xAsyncHandleDoesNotExist", "{purged}");
    assert_eq!(purged["error"]["code"], 500, "{purged}");
    replay.finish();
}

/// The `status` of one volume, as ListVolumes shows it.
fn volume_status(replay: &mut Replay, volume_id: &Value) -> String {
    let listed = replay.call("ListVolumes", json!({}));
    let volumes = listed["result"]["volumes"].as_array().unwrap();
    let volume = volumes.iter().find(|volume| volume["volumeID"] == *volume_id);
    let volume = volume.unwrap_or_else(|| panic!("volume {volume_id} not listed: {listed}"));
    volume["status"].as_str().unwrap().to_string()
}

#[test]
fn the_same_steps_give_the_same_bytes() {
    let steps = [
        post_step("GetAPI", json!({})),
        post_step("CloneVolume", json!({"volumeID": 1, "name": "c"})),
        post_step("StartBulkVolumeRead", json!({"volumeID": 2, "format": "native"})),
        post_step("AddDrives", json!({"drives": [{"driveID": 17}]})),
        json!({"advance": 7}),
        post_step("ListAsyncResults", json!({})),
        json!({"advance": 900}),
        post_step("ListAsyncResults", json!({})),
        post_step("ListVolumes", json!({})),
        json!({"post": "/json-rpc/12.0", "raw": "not json"}),
        json!("nonsense"),
    ];
    let script: Vec<String> = steps.iter().map(Value::to_string).collect();
    let script = script.join("\n");

    let first = run_script(&script);
    let second = run_script(&script);
    assert_eq!(first.lines().count(), steps.len(), "one line per step:\n{first}");
    assert!(first == second, "two runs differ:\n{first}\n---\n{second}");
}

/// Feeds a whole step file at once and returns everything the process printed.
fn run_script(script: &str) -> String {
    let mut child = Command::new(BINARY)
        .arg("replay")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{script}").unwrap();
    drop(stdin);

    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "replay exited with {}", output.status);
    String::from_utf8(output.stdout).unwrap()
}
