//! One line of `cases.jsonl` (notes §5), and where the file is found.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};

/// A conformance case. Unknown members are refused, so a new feature of the format
/// fails loudly here instead of being skipped.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub version: String,
    pub endpoint: Option<String>,
    pub raw_body: Option<String>,
    #[serde(default)]
    pub setup: Vec<SetupStep>,
    #[serde(default)]
    pub emulator: Hints,
    /// `null` when `raw_body` is sent instead.
    #[serde(default)]
    pub request: Value,
    pub expect: Value,
    #[serde(default)]
    pub then: Vec<ThenStep>,
    pub confidence: String,
    #[allow(dead_code, reason = "provenance for readers of the file, not used by the harness")]
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetupStep {
    pub request: Value,
    #[serde(default)]
    pub capture: Map<String, Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThenStep {
    pub request: Value,
    pub expect: Value,
}

/// The `emulator` member: how to drive the emulated cluster around the requests.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hints {
    /// `"hold"` (never move the clock) or `"complete"` (finish every job first).
    pub jobs: Option<String>,
    /// Make the next job of a result type fail with this error.
    pub fault: Option<Fault>,
    /// A precondition in words, which the default cluster is expected to meet.
    #[allow(dead_code, reason = "documentation for readers of the case")]
    pub state: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Fault {
    pub result_type: String,
    pub error: FaultError,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultError {
    pub name: String,
    pub message: String,
}

impl Case {
    /// Where every request of the case is posted.
    pub fn endpoint(&self) -> String {
        self.endpoint.clone().unwrap_or_else(|| format!("/json-rpc/{}", self.version))
    }

    /// Cases the notes leave open are reported, never asserted.
    pub fn is_advisory(&self) -> bool {
        self.confidence == "uncertain"
    }
}

/// The shared file when the clone sits beside `shared/` (as in CI), else the copy
/// vendored in `tests/data`.
pub fn cases_path() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../../shared/conformance/cases.jsonl");
    match shared.canonicalize() {
        Ok(found) => found,
        Err(_) => vendored_path(),
    }
}

pub fn vendored_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases.jsonl")
}

/// Every non-blank line, parsed; a line that does not parse is an error naming it.
pub fn load(path: &Path) -> Vec<Result<Case, String>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|err| format!("line {}: {err}", index + 1))
        })
        .collect()
}
