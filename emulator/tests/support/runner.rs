//! Runs one conformance case against a fresh emulator, through the same library call
//! the app uses, and lists what failed.

use element_emulator::{Emulator, JobError, ResultType, DEFAULT_START};
use serde_json::Value;

use super::case::Case;
use super::expect::{brief, check_reply, Reply};
use super::vars::Vars;

/// More completions than any case starts jobs; past it the clock is not moving jobs on.
const MAX_COMPLETIONS: usize = 1000;

/// Every failure of `case`, each opened by the step it happened in (`step main: ...`).
pub fn run(case: &Case, run_id: String) -> Vec<String> {
    let mut session = Session {
        case,
        emulator: Emulator::new(DEFAULT_START),
        vars: Vars::new(run_id),
        endpoint: case.endpoint(),
        failures: Vec::new(),
    };
    if let Err(why) = session.run_steps() {
        session.failures.push(why);
    }
    session.failures
}

struct Session<'a> {
    case: &'a Case,
    emulator: Emulator,
    vars: Vars,
    endpoint: String,
    failures: Vec<String>,
}

impl Session<'_> {
    /// The steps in order. An `Err` stops the case: a later step could not mean much.
    fn run_steps(&mut self) -> Result<(), String> {
        let case = self.case;
        self.apply_fault()?;

        for (index, step) in case.setup.iter().enumerate() {
            let label = format!("setup {}", index + 1);
            let reply = self.send(&step.request).map_err(in_step(&label))?;
            self.vars.capture(&step.capture, &reply).map_err(in_step(&label))?;
        }
        self.finish_jobs_if_asked()?;

        // The main request, then the follow-ups; all their checks run even if some fail.
        let expect = self.vars.substitute(&case.expect).map_err(in_step("main"))?;
        let reply = match &case.raw_body {
            Some(raw) => self.post(raw.clone()),
            None => self.send(&case.request).map_err(in_step("main"))?,
        };
        self.check("main", &expect, &reply);

        for (index, step) in case.then.iter().enumerate() {
            let label = format!("then {}", index + 1);
            let expect = self.vars.substitute(&step.expect).map_err(in_step(&label))?;
            let reply = self.send(&step.request).map_err(in_step(&label))?;
            self.check(&label, &expect, &reply);
        }
        Ok(())
    }

    /// `emulator.fault`: set before any step, so the first matching job fails.
    fn apply_fault(&mut self) -> Result<(), String> {
        let Some(fault) = &self.case.emulator.fault else {
            return Ok(());
        };
        let result_type = ResultType::parse(&fault.result_type)
            .ok_or_else(|| format!("fault: unknown resultType {:?}", fault.result_type))?;
        let error =
            JobError { name: fault.error.name.clone(), message: fault.error.message.clone() };
        self.emulator.fail_next(result_type, error);
        Ok(())
    }

    /// `emulator.jobs`: "hold" never moves the clock (nothing here does); "complete"
    /// steps it to each next completion until no job is left running.
    fn finish_jobs_if_asked(&mut self) -> Result<(), String> {
        match self.case.emulator.jobs.as_deref() {
            None | Some("hold") => Ok(()),
            Some("complete") => {
                for _ in 0..MAX_COMPLETIONS {
                    let Some(at) = self.emulator.next_completion() else {
                        return Ok(());
                    };
                    self.emulator.advance_to(at);
                }
                Err(format!("jobs complete: still running after {MAX_COMPLETIONS} completions"))
            }
            Some(other) => Err(format!("unknown jobs hint {other:?}")),
        }
    }

    fn send(&mut self, request: &Value) -> Result<Reply, String> {
        let request = self.vars.substitute(request)?;
        Ok(self.post(request.to_string()))
    }

    /// Posts at the emulator's own time, so only `finish_jobs_if_asked` moves the clock.
    fn post(&mut self, body: String) -> Reply {
        let now = self.emulator.now();
        let response = self.emulator.post(now, &self.endpoint, &body);
        let reply = Reply::new(response.status, response.body);
        self.vars.set_previous(&reply);
        reply
    }

    fn check(&mut self, label: &str, expect: &Value, reply: &Reply) {
        let failures = check_reply(expect, reply);
        if failures.is_empty() {
            return;
        }
        self.failures.extend(failures.into_iter().map(in_step(label)));
        let body = brief(&reply.body);
        self.failures.push(format!("step {label}: reply was HTTP {} {body}", reply.status));
    }
}

/// Opens an error with the step it happened in.
fn in_step(label: &str) -> impl Fn(String) -> String + '_ {
    move |why| format!("step {label}: {why}")
}
