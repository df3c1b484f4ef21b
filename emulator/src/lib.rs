//! An in-process emulator of the NetApp Element (SolidFire) JSON-RPC API.
//!
//! [`Emulator::post`] takes what a client would send to a cluster (a path such as
//! `/json-rpc/12.0` and a request body) together with the current virtual time, and
//! returns the HTTP status and body a 12.0 cluster would answer. Async methods start
//! jobs that progress on that virtual clock; [`Emulator::jobs`] describes them for a
//! timeline. The crate is pure Rust (no browser APIs), deterministic, and never
//! panics on input: bad requests become Element error objects.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod catalog;
pub mod clock;
mod cluster;
mod jobs;
mod methods;
mod params;
pub mod versions;
mod wire;

#[cfg(test)]
mod lifecycle_tests;

pub use clock::{Timestamp, DEFAULT_START};
pub use methods::emulated_methods;

use cluster::Cluster;
use jobs::{Job, Outcome, Work};
use serde_json::Value;

/// What the emulator answers to one POST.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// `application/json` for JSON-RPC replies, `text/html` for 404 pages.
    pub content_type: &'static str,
    pub body: String,
}

/// The five kinds of async result Element reports in `resultType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResultType {
    Clone,
    BulkVolume,
    DriveAdd,
    DriveRemoval,
    RtfiPendingNode,
}

impl ResultType {
    pub const ALL: [ResultType; 5] = [
        ResultType::Clone,
        ResultType::BulkVolume,
        ResultType::DriveAdd,
        ResultType::DriveRemoval,
        ResultType::RtfiPendingNode,
    ];

    /// The name on the wire (`resultType`, `asyncResultTypes`).
    pub fn as_str(self) -> &'static str {
        match self {
            ResultType::Clone => "Clone",
            ResultType::BulkVolume => "BulkVolume",
            ResultType::DriveAdd => "DriveAdd",
            ResultType::DriveRemoval => "DriveRemoval",
            ResultType::RtfiPendingNode => "RtfiPendingNode",
        }
    }

    pub fn parse(name: &str) -> Option<ResultType> {
        ResultType::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// A job's failure, reported nested in GetAsyncResult's `result.error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobError {
    pub name: String,
    pub message: String,
}

/// Where a job stands, for the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobStatus {
    Running,
    Succeeded,
    Failed,
    /// Stopped by CancelClone or CancelGroupClone; its handle is gone.
    Cancelled,
}

impl JobStatus {
    /// A lowercase name for the status, as the timeline labels it.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }
}

/// A transient error queued by [`Emulator::fail_next_calls`]: the next
/// `remaining` calls of `method` answer `error` instead of running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallFault {
    pub method: String,
    pub remaining: u32,
    pub error: JobError,
}

/// One async job as the timeline draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct JobView {
    /// The `asyncHandle` (also ListAsyncResults' `asyncResultID`).
    pub handle: u64,
    pub result_type: ResultType,
    /// The method that started it (`CloneVolume`).
    pub method: &'static str,
    /// A short description (`clone of volume 1 → 7`).
    pub label: String,
    pub created: Timestamp,
    /// When it completes (or completed).
    pub completes: Timestamp,
    pub status: JobStatus,
    /// From 0.0 to 1.0 at the emulator's current time.
    pub progress: f64,
    /// True once GetAsyncResult has returned its completion without `keepResult`,
    /// so the API no longer knows the handle.
    pub purged: bool,
}

/// The emulated cluster, its jobs and its virtual clock.
#[derive(Debug)]
pub struct Emulator {
    now: Timestamp,
    cluster: Cluster,
    jobs: Vec<Job>,
    /// Failures queued by [`Emulator::fail_next`], consumed in order.
    faults: Vec<(ResultType, JobError)>,
    /// Errors queued by [`Emulator::fail_next_calls`], consumed in order.
    call_faults: Vec<CallFault>,
}

impl Emulator {
    /// The default 12.0 cluster, with its clock at `start`.
    pub fn new(start: Timestamp) -> Emulator {
        let mut emulator = Emulator {
            now: start,
            cluster: Cluster::default_12_0(start),
            jobs: Vec::new(),
            faults: Vec::new(),
            call_faults: Vec::new(),
        };
        emulator.seed_setup_job();
        emulator
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock to `now` (never backwards), completing every job that
    /// is due by then, in order of completion.
    pub fn advance_to(&mut self, now: Timestamp) {
        while let Some(index) = self.next_due(now) {
            let completes = self.jobs[index].completes;
            self.now = self.now.max(completes);
            self.complete(index);
        }
        self.now = self.now.max(now);
    }

    /// Answers one POST as the cluster would, after moving the clock to `now`.
    pub fn post(&mut self, now: Timestamp, path: &str, body: &str) -> HttpResponse {
        self.advance_to(now);
        methods::answer(self, path, body)
    }

    /// Makes the next job of `result_type` to complete fail with `error`.
    pub fn fail_next(&mut self, result_type: ResultType, error: JobError) {
        self.faults.push((result_type, error));
    }

    /// Makes the next `times` calls of `method` answer `error`, as a cluster
    /// under stress answers transient errors that clients must retry.
    pub fn fail_next_calls(&mut self, method: &str, times: u32, error: JobError) {
        if times > 0 {
            let method = method.to_string();
            self.call_faults.push(CallFault { method, remaining: times, error });
        }
    }

    /// The transient errors still queued, oldest first.
    pub fn call_faults(&self) -> &[CallFault] {
        &self.call_faults
    }

    /// The job failures still queued, oldest first.
    pub fn job_faults(&self) -> &[(ResultType, JobError)] {
        &self.faults
    }

    /// Forgets every queued call fault and job failure.
    pub fn clear_faults(&mut self) {
        self.call_faults.clear();
        self.faults.clear();
    }

    /// Takes one queued transient error for `method`, if any.
    fn take_call_fault(&mut self, method: &str) -> Option<JobError> {
        let index = self.call_faults.iter().position(|fault| fault.method == method)?;
        let fault = &mut self.call_faults[index];
        fault.remaining -= 1;
        let error = fault.error.clone();
        if fault.remaining == 0 {
            self.call_faults.remove(index);
        }
        Some(error)
    }

    /// Every job ever started, by handle, including purged ones.
    pub fn jobs(&self) -> Vec<JobView> {
        self.jobs.iter().map(|job| job.view(self.now)).collect()
    }

    /// When the next running job completes, if any is running.
    pub fn next_completion(&self) -> Option<Timestamp> {
        self.jobs.iter().filter(|job| job.is_running()).map(|job| job.completes).min()
    }

    fn next_due(&self, now: Timestamp) -> Option<usize> {
        self.jobs
            .iter()
            .enumerate()
            .filter(|(_, job)| job.is_running() && job.completes <= now)
            .min_by_key(|(_, job)| (job.completes, job.handle))
            .map(|(index, _)| index)
    }

    /// Starts a job now and returns its handle.
    fn start_job(&mut self, method: &'static str, label: String, work: Work) -> u64 {
        let handle = self.next_handle();
        let completes = self.now.plus_millis(jobs::duration_for(&work));
        let job = Job {
            handle,
            method,
            label,
            work,
            created: self.now,
            completes,
            outcome: None,
            purged: false,
        };
        self.jobs.push(job);
        handle
    }

    /// Ends a job: a queued fault makes it fail; either way its side effects
    /// reach the inventory.
    fn complete(&mut self, index: usize) {
        let result_type = self.jobs[index].work.result_type();
        let fault = self.faults.iter().position(|(kind, _)| *kind == result_type);
        let outcome = match fault {
            Some(position) => Outcome::Failure(self.faults.remove(position).1),
            None => Outcome::Success(self.jobs[index].success_result()),
        };
        let succeeded = matches!(outcome, Outcome::Success(_));
        let work = self.jobs[index].work.clone();
        self.jobs[index].outcome = Some(outcome);
        methods::apply_completion(&mut self.cluster, &work, succeeded);
    }

    /// Stops a running job where it stands and removes its handle; its
    /// side effects are undone as for a failure.
    fn cancel(&mut self, index: usize) {
        let job = &mut self.jobs[index];
        let progress = job.progress(self.now);
        job.outcome = Some(Outcome::Cancelled { progress });
        job.completes = self.now;
        job.purged = true;
        let work = job.work.clone();
        methods::apply_completion(&mut self.cluster, &work, false);
    }

    /// The handle the next job will get.
    fn next_handle(&self) -> u64 {
        self.jobs.len() as u64 + 1
    }

    /// The DriveAdd job that brought the first sixteen drives in when the
    /// cluster was built, an hour before the clock starts.
    fn seed_setup_job(&mut self) {
        let drives: Vec<i64> = (1..=16).collect();
        let created = Timestamp::from_millis(self.now.as_millis() - 3_600_000);
        let work = Work::DriveAdd { drives };
        let completes = created.plus_millis(jobs::duration_for(&work));
        let job = Job {
            handle: 1,
            method: "AddDrives",
            label: "cluster setup: add drives 1-16".to_string(),
            created,
            completes,
            outcome: Some(Outcome::Success(Value::Null)),
            purged: false,
            work,
        };
        let result = job.success_result();
        self.jobs.push(Job { outcome: Some(Outcome::Success(result)), ..job });
    }
}
