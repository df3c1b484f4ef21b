//! The shared conformance cases (`shared/conformance/cases.jsonl`, notes §5), run
//! against the emulator library. One test runs them all and reports every failure at
//! once; "uncertain" cases are reported but never fail the suite.

#![allow(clippy::print_stdout, reason = "the per-case report is this test's output")]

mod support;

use support::case::{self, Case};
use support::runner;

/// Cases the emulator does not support yet, with the reason. A pending case that
/// passes fails the suite, so this list cannot rot.
const PENDING: &[(&str, &str)] = &[];

/// How one case went.
enum Outcome {
    Passed,
    Failed(Vec<String>),
    /// An "uncertain" case: its failures are printed, never asserted.
    Advisory(Vec<String>),
    Pending(&'static str),
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    advisory: usize,
    pending: usize,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Passed => self.passed += 1,
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Advisory(_) => self.advisory += 1,
            Outcome::Pending(_) => self.pending += 1,
        }
    }
}

#[test]
fn shared_conformance_cases() {
    let path = case::cases_path();
    println!("conformance: cases from {}", path.display());
    warn_if_vendored_copy_is_stale(&path);

    let mut tally = Tally::default();
    let mut suite_failures = Vec::new();
    let mut names = Vec::new();
    for (index, loaded) in case::load(&path).into_iter().enumerate() {
        let case = match loaded {
            Ok(case) => case,
            Err(why) => {
                println!("FAIL     unreadable case: {why}");
                tally.failed += 1;
                suite_failures.push(format!("unreadable case: {why}"));
                continue;
            }
        };

        names.push(case.name.clone());
        let outcome = judge(&case, runner::run(&case, format!("run{index}")));
        report(&case, &outcome, &mut suite_failures);
        tally.add(&outcome);
    }
    suite_failures.extend(stale_pending_names(&names));

    let Tally { passed, failed, advisory, pending } = tally;
    println!(
        "conformance: {passed} passed, {failed} failed, {advisory} advisory, {pending} pending"
    );
    assert!(suite_failures.is_empty(), "conformance failures:\n{}", suite_failures.join("\n"));
}

fn judge(case: &Case, failures: Vec<String>) -> Outcome {
    let pending = PENDING.iter().find(|(name, _)| *name == case.name);
    match (pending, case.is_advisory()) {
        (Some((_, reason)), _) if !failures.is_empty() => Outcome::Pending(reason),
        (Some(_), _) => {
            Outcome::Failed(vec!["now passes, remove it from the pending list".to_string()])
        }
        (None, true) => Outcome::Advisory(failures),
        (None, false) if failures.is_empty() => Outcome::Passed,
        (None, false) => Outcome::Failed(failures),
    }
}

/// Prints the case's line(s) and adds what fails the suite to `suite_failures`.
fn report(case: &Case, outcome: &Outcome, suite_failures: &mut Vec<String>) {
    let name = &case.name;
    match outcome {
        Outcome::Passed => println!("PASS     {name}"),
        Outcome::Failed(failures) => {
            println!("FAIL     {name}");
            for why in failures {
                println!("           {why}");
                suite_failures.push(format!("case {name}, {why}"));
            }
        }
        Outcome::Advisory(failures) if failures.is_empty() => {
            println!("ADVISORY {name}: passes (uncertain case, not asserted)");
        }
        Outcome::Advisory(failures) => {
            println!("ADVISORY {name}: fails (uncertain case, not asserted)");
            for why in failures {
                println!("           {why}");
            }
        }
        Outcome::Pending(reason) => println!("PENDING  {name}: {reason}"),
    }
}

/// A pending entry whose case left the file is as stale as one that passes.
fn stale_pending_names(names: &[String]) -> Vec<String> {
    PENDING
        .iter()
        .filter(|(name, _)| !names.iter().any(|known| known == name))
        .map(|(name, _)| format!("pending case {name} is not in the cases file; remove it"))
        .collect()
}

/// CI reads the shared file; the vendored copy is what a lone clone falls back on.
fn warn_if_vendored_copy_is_stale(used: &std::path::Path) {
    let vendored = case::vendored_path();
    if used == vendored {
        return;
    }
    if std::fs::read(used).ok() != std::fs::read(&vendored).ok() {
        println!(
            "conformance: note: {} differs from the shared file; copy it again",
            vendored.display()
        );
    }
}
