//! `element-emulator replay`: drives the emulator from JSON steps on standard
//! input, one per line, answering exactly one JSON line per step on standard
//! output, flushed at once, so another program can drive it step by step.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use element_emulator::{Emulator, JobError, ResultType, Timestamp, DEFAULT_START};
use serde_json::{json, Value};

const USAGE: &str = "usage: element-emulator replay [--start <ISO-8601 UTC time>]

Reads one JSON step per line on standard input and writes one JSON line per step:
  {\"post\": \"/json-rpc/12.0\", \"body\": <JSON>}   -> {\"status\": <http status>, \"body\": <reply>}
  {\"post\": \"/json-rpc/12.0\", \"raw\": \"<text>\"} -> the same, sending the text as is
  {\"advance\": <seconds>}                          -> {\"now\": \"<ISO time>\"}
  {\"failNext\": {\"resultType\": \"BulkVolume\", \"error\": {\"name\": \"x...\", \"message\": \"...\"}}}
                                                  -> {\"ok\": true}
  {\"failNextCalls\": {\"method\": \"CloneVolume\", \"times\": 2, \"error\": {\"name\": \"x...\", \"message\": \"...\"}}}
                                                  -> {\"ok\": true}
  anything else                                   -> {\"stepError\": \"<why>\"}";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let start = match parse_args(&args) {
        Ok(start) => start,
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

fn parse_args(args: &[String]) -> Result<Timestamp, String> {
    match args {
        [command] if command == "replay" => Ok(DEFAULT_START),
        [command, flag, time] if command == "replay" && flag == "--start" => {
            Timestamp::parse_iso(time).map_err(|err| format!("--start: {err}"))
        }
        [] => Err("missing subcommand".to_string()),
        _ => Err(format!("unexpected arguments: {}", args.join(" "))),
    }
}

fn replay(start: Timestamp, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut emulator = Emulator::new(start);
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = step(&mut emulator, &line).unwrap_or_else(|why| json!({"stepError": why}));
        writeln!(output, "{answer}")?;
        output.flush()?;
    }
    Ok(())
}

/// Runs one step line and returns its answer, or why the step is invalid.
fn step(emulator: &mut Emulator, line: &str) -> Result<Value, String> {
    let step: Value = serde_json::from_str(line).map_err(|err| format!("not JSON: {err}"))?;
    let Value::Object(step) = step else {
        return Err("a step must be a JSON object".to_string());
    };

    if let Some(path) = step.get("post") {
        let path = path.as_str().ok_or("\"post\" must be a path string")?;
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
        return Ok(json!({"status": response.status, "body": body}));
    }
    if let Some(seconds) = step.get("advance") {
        let seconds = seconds.as_f64().filter(|s| s.is_finite() && *s >= 0.0);
        let seconds = seconds.ok_or("\"advance\" must be a non-negative number of seconds")?;
        let millis = (seconds * 1000.0).round().min(1e15) as i64;
        let target = emulator.now().plus_millis(millis);
        emulator.advance_to(target);
        return Ok(json!({"now": emulator.now().to_iso()}));
    }
    if let Some(fault) = step.get("failNext") {
        let (result_type, error) = parse_fault(fault)?;
        emulator.fail_next(result_type, error);
        return Ok(json!({"ok": true}));
    }
    if let Some(fault) = step.get("failNextCalls") {
        let (method, times, error) = parse_call_fault(fault)?;
        emulator.fail_next_calls(&method, times, error);
        return Ok(json!({"ok": true}));
    }
    Err("unknown step: expected \"post\", \"advance\", \"failNext\" or \"failNextCalls\""
        .to_string())
}

fn parse_call_fault(fault: &Value) -> Result<(String, u32, JobError), String> {
    let method =
        fault.get("method").and_then(Value::as_str).ok_or("failNextCalls needs a method name")?;
    let times = fault
        .get("times")
        .and_then(Value::as_u64)
        .and_then(|times| u32::try_from(times).ok())
        .filter(|times| *times > 0)
        .ok_or("failNextCalls.times must be a positive whole number")?;
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

/// The `error` member of a fault step: a name, and a message (the name if absent).
fn parse_error(fault: &Value, step: &str) -> Result<JobError, String> {
    let error = fault.get("error").ok_or_else(|| format!("{step} needs an error"))?;
    let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_string);
    let name = text("name").ok_or_else(|| format!("{step}.error needs a string name"))?;
    let message = text("message").unwrap_or_else(|| name.clone());
    Ok(JobError { name, message })
}
