//! The transient errors a learner can inject (issue 3): the next N calls of
//! a method answer one of these instead of running, so the page can show
//! why real scripts retry.

use element_emulator::JobError;

/// One injectable error: its Element name, the message the emulator
/// answers with, and a line on when a real cluster says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultKind {
    pub name: &'static str,
    pub message: &'static str,
    pub why: &'static str,
}

impl FaultKind {
    /// The error the emulator answers with.
    pub fn error(&self) -> JobError {
        JobError { name: self.name.to_string(), message: self.message.to_string() }
    }
}

/// The most calls one injection may fail.
pub const MAX_TIMES: u32 = 99;

// FIXME: the messages are the playground's wording; no captured cluster
// reply for these names is at hand to copy the exact text from.
pub const KINDS: [FaultKind; 4] = [
    FaultKind {
        name: "xDBVersionMismatch",
        message: "The database object changed while this request was updating it",
        why: "Two writers raced on the cluster database. Safe to retry at once.",
    },
    FaultKind {
        name: "xNotReadyForIO",
        message: "The volume is not ready for I/O yet",
        why: "A volume or service is still coming up. Retry after a short pause.",
    },
    FaultKind {
        name: "xSliceNotRegistered",
        message: "The slice is not registered with the cluster yet",
        why: "After a service restart, slices register again within seconds. Retry.",
    },
    FaultKind {
        name: "xMaxClonesPerVolumeExceeded",
        message: "Too many clones of this volume are running",
        why: "A volume allows two running clones. Retry when one completes.",
    },
];

/// How a bulk volume job fails when its script does, as the vendor's
/// GetAsyncResult page shows it (nested in the job's `result.error`).
pub const BULK_JOB_FAILURE: FaultKind = FaultKind {
    name: "xBulkVolumeScriptFailure",
    message: "Bulk volume job failed",
    why: "The job's script failed. GetAsyncResult still succeeds: the job's error is nested \
          in its result.",
};

/// The injectable error with this name.
pub fn kind(name: &str) -> Option<&'static FaultKind> {
    KINDS.iter().find(|kind| kind.name == name)
}
