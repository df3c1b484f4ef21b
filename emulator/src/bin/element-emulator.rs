//! `element-emulator replay`: drives the emulator from JSON steps on standard
//! input, one per line, answering exactly one JSON line per step on standard
//! output, flushed at once, so another program can drive it step by step.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use element_emulator::{versions, Emulator, JobError, ResultType, Timestamp, DEFAULT_START};
use serde_json::{json, Map, Value};

const USAGE: &str = "usage: element-emulator replay [--start <ISO-8601 UTC time>]

Reads one JSON step per line on standard input and writes one JSON line per step:
  {\"post\": \"/json-rpc/12.0\", \"body\": <JSON>}   -> {\"status\": <http status>, \"body\": <reply>}
  {\"post\": \"/json-rpc/12.0\", \"raw\": \"<text>\"} -> the same, sending the text as is
  {\"advance\": <seconds>}                          -> {\"now\": \"<ISO time>\"}
  {\"failNext\": {\"resultType\": \"BulkVolume\", \"error\": {\"name\": \"x...\", \"message\": \"...\"}}}
                                                  -> {\"ok\": true}
  {\"failNextCalls\": {\"method\": \"CloneVolume\", \"times\": 2, \"error\": {\"name\": \"x...\", \"message\": \"...\"}}}
                                                  -> {\"ok\": true}
  anything else                                   -> {\"stepError\": \"<why>\"}

A reply body that is not JSON (a 404 page) comes back as a string. Blank lines get no
answer. The clock starts at 2026-01-01T00:00:00Z unless --start says otherwise, and
stops at 9999-12-31T23:59:59Z.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let start = match parse_args(&args) {
        Ok(Command::Replay(start)) => start,
        Ok(Command::Help) => {
            // Asked-for help goes to standard output, where a pager can read it.
            return match writeln!(io::stdout(), "{USAGE}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            };
        }
        Err(message) => {
            eprintln!("element-emulator: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match replay(start, io::stdin().lock(), io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("element-emulator: {err}");
            ExitCode::FAILURE
        }
    }
}

enum Command {
    Replay(Timestamp),
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] => Err("missing subcommand".to_string()),
        ["-h" | "--help" | "help", ..] | ["replay", "-h" | "--help"] => Ok(Command::Help),
        ["replay"] => Ok(Command::Replay(DEFAULT_START)),
        ["replay", "--start", time] => {
            Timestamp::parse_iso(time).map(Command::Replay).map_err(|err| format!("--start: {err}"))
        }
        ["replay", "--start"] => Err("--start needs a time, such as 2026-01-01T00:00:00Z".into()),
        ["replay", ..] => Err(format!("unexpected arguments: {}", args[1..].join(" "))),
        [other, ..] => Err(format!("unknown subcommand: {other}")),
    }
}

/// Answers each line of `input`. A line that is not UTF-8 is a step error
/// like any other: the replay goes on.
fn replay(start: Timestamp, mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut emulator = Emulator::new(start);
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let answer = match std::str::from_utf8(&line) {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => step(&mut emulator, text),
            Err(err) => Err(format!("the line is not UTF-8: {err}")),
        };
        let answer = answer.unwrap_or_else(|why| json!({"stepError": why}));
        writeln!(output, "{answer}")?;
        output.flush()?;
    }
}

/// Runs one step line and returns its answer, or why the step is invalid.
fn step(emulator: &mut Emulator, line: &str) -> Result<Value, String> {
    let step: Value = serde_json::from_str(line).map_err(|err| format!("not JSON: {err}"))?;
    let Value::Object(step) = step else {
        return Err("a step must be a JSON object".to_string());
    };
    let kind = ["post", "advance", "failNext", "failNextCalls"]
        .into_iter()
        .find(|kind| step.contains_key(*kind))
        .ok_or("unknown step: expected \"post\", \"advance\", \"failNext\" or \"failNextCalls\"")?;
    let allowed: &[&str] = if kind == "post" { &["post", "body", "raw"] } else { &[kind] };
    if let Some(extra) = step.keys().find(|key| !allowed.contains(&key.as_str())) {
        return Err(format!("a step has one kind: {kind:?} cannot go with {extra:?}"));
    }

    match kind {
        "post" => post(emulator, &step),
        "advance" => {
            let seconds = step["advance"].as_f64().filter(|s| s.is_finite() && *s >= 0.0);
            let seconds = seconds.ok_or("\"advance\" must be a non-negative number of seconds")?;
            // The float-to-integer cast saturates; the clock stops at Timestamp::MAX anyway.
            let target = emulator.now().plus_millis((seconds * 1000.0).round() as i64);
            emulator.advance_to(target);
            Ok(json!({"now": emulator.now().to_iso()}))
        }
        "failNext" => {
            let (result_type, error) = parse_fault(&step["failNext"])?;
            emulator.fail_next(result_type, error);
            Ok(json!({"ok": true}))
        }
        _ => {
            let (method, times, error) = parse_call_fault(&step["failNextCalls"])?;
            emulator.fail_next_calls(&method, times, error);
            Ok(json!({"ok": true}))
        }
    }
}

fn post(emulator: &mut Emulator, step: &Map<String, Value>) -> Result<Value, String> {
    let path = step["post"].as_str().ok_or("\"post\" must be a path string")?;
    let body = match (step.get("body"), step.get("raw")) {
        (Some(body), None) => body.to_string(),
        (None, Some(Value::String(raw))) => raw.clone(),
        (None, Some(_)) => return Err("\"raw\" must be a string".to_string()),
        _ => return Err("a post step needs exactly one of \"body\" or \"raw\"".to_string()),
    };
    let now = emulator.now();
    let response = emulator.post(now, path, &body);
    let body =
        serde_json::from_str::<Value>(&response.body).unwrap_or(Value::String(response.body));
    Ok(json!({"status": response.status, "body": body}))
}

fn parse_call_fault(fault: &Value) -> Result<(String, u32, JobError), String> {
    let method =
        fault.get("method").and_then(Value::as_str).ok_or("failNextCalls needs a method name")?;
    if !versions::is_element_method(method) {
        return Err(format!("failNextCalls: {method:?} is not an Element method"));
    }
    let times = fault
        .get("times")
        .and_then(Value::as_u64)
        .and_then(|times| u32::try_from(times).ok())
        .filter(|times| *times > 0)
        .ok_or("failNextCalls.times must be a whole number from 1 to 4294967295")?;
    let error = parse_error(fault, "failNextCalls")?;
    Ok((method.to_string(), times, error))
}

fn parse_fault(fault: &Value) -> Result<(ResultType, JobError), String> {
    let name =
        fault.get("resultType").and_then(Value::as_str).ok_or("failNext needs a resultType")?;
    let result_type = ResultType::parse(name).ok_or_else(|| {
        let known: Vec<&str> = ResultType::ALL.iter().map(|kind| kind.as_str()).collect();
        format!("unknown resultType {name:?}; expected one of {}", known.join(", "))
    })?;
    Ok((result_type, parse_error(fault, "failNext")?))
}

/// The `error` member of a fault step: a name, and a message (the name if
/// absent or empty), as Element errors always carry both.
fn parse_error(fault: &Value, step: &str) -> Result<JobError, String> {
    let error = fault.get("error").ok_or_else(|| format!("{step} needs an error"))?;
    let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_string);
    let name = text("name").filter(|name| !name.trim().is_empty());
    let name = name.ok_or_else(|| format!("{step}.error needs a non-empty string name"))?;
    let message = text("message").filter(|message| !message.is_empty());
    Ok(JobError { message: message.unwrap_or_else(|| name.clone()), name })
}
