//! Async jobs on the virtual clock.
//!
//! A job is created by an async method, runs for a deterministic duration (see
//! [`duration_for`]) and completes, at which point its side effects reach the
//! inventory. Its state at any instant is derived from the clock, so progress
//! is the same however the clock got there.

use serde_json::{json, Map, Value};

use crate::clock::Timestamp;
use crate::{JobError, JobStatus, JobView, ResultType};

const SECOND: i64 = 1000;
const MIN_DURATION: i64 = 5 * SECOND;
const MAX_DURATION: i64 = 15 * 60 * SECOND;

/// What a job works on; it decides the duration, progress details and result.
#[derive(Clone, Debug)]
pub enum Work {
    /// CloneVolume, CloneMultipleVolumes (with a group ID) and CopyVolume
    /// (`copy`: the destination existed before and survives a cancel).
    Clone {
        clone_id: i64,
        group_clone_id: Option<i64>,
        pairs: Vec<(i64, i64)>,
        bytes: i64,
        copy: bool,
    },
    BulkVolume(BulkVolumeWork),
    DriveAdd {
        drives: Vec<i64>,
    },
    DriveRemoval {
        drives: Vec<i64>,
    },
    Rtfi {
        pending_id: i64,
        node_id: i64,
    },
}

/// A bulk volume read or write, with what ListBulkVolumeJobs reports of it.
#[derive(Clone, Debug)]
pub struct BulkVolumeWork {
    pub bulk_id: i64,
    pub volume_id: i64,
    /// `read` or `write`.
    pub mode: &'static str,
    /// `native` or `uncompressed`.
    pub format: String,
    pub script: Option<String>,
    pub key: String,
    pub bytes: i64,
}

impl Work {
    pub fn result_type(&self) -> ResultType {
        match self {
            Work::Clone { .. } => ResultType::Clone,
            Work::BulkVolume(_) => ResultType::BulkVolume,
            Work::DriveAdd { .. } => ResultType::DriveAdd,
            Work::DriveRemoval { .. } => ResultType::DriveRemoval,
            Work::Rtfi { .. } => ResultType::RtfiPendingNode,
        }
    }
}

/// How long a job runs, in milliseconds: from 5 s to 15 min of virtual time.
///
/// Clones copy metadata, not data, so they are fast (about 35 s for half a
/// terabyte, as seen in the field); bulk jobs move every byte through a script;
/// drive additions sync slices per drive; removals migrate data off each drive;
/// an RTFI reinstalls a node.
pub fn duration_for(work: &Work) -> i64 {
    let millis = match work {
        Work::Clone { bytes, .. } => 5 * SECOND + per_gib(*bytes, 60),
        Work::BulkVolume(bulk) => 10 * SECOND + per_gib(bulk.bytes, 1000),
        Work::DriveAdd { drives } => 10 * SECOND + 5 * SECOND * drives.len() as i64,
        Work::DriveRemoval { drives } => 60 * SECOND + 45 * SECOND * drives.len() as i64,
        Work::Rtfi { .. } => 9 * 60 * SECOND,
    };
    millis.clamp(MIN_DURATION, MAX_DURATION)
}

fn per_gib(bytes: i64, millis_per_gib: i64) -> i64 {
    bytes.max(0) / (1 << 20) * millis_per_gib / 1024
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Success(Value),
    Failure(JobError),
    /// Stopped by CancelClone or CancelGroupClone, this far along.
    Cancelled {
        progress: f64,
    },
}

#[derive(Clone, Debug)]
pub struct Job {
    pub handle: u64,
    pub method: &'static str,
    pub label: String,
    pub work: Work,
    pub created: Timestamp,
    pub completes: Timestamp,
    pub outcome: Option<Outcome>,
    pub purged: bool,
}

impl Job {
    pub fn is_running(&self) -> bool {
        self.outcome.is_none()
    }

    /// Fraction done at `now`, from 0.0 to 1.0.
    pub fn progress(&self, now: Timestamp) -> f64 {
        match self.outcome {
            None => {}
            Some(Outcome::Cancelled { progress }) => return progress,
            Some(_) => return 1.0,
        }
        let total = self.completes.millis_since(self.created).max(1);
        (now.millis_since(self.created) as f64 / total as f64).min(1.0)
    }

    /// Whole percent done at `now`.
    pub fn percent(&self, now: Timestamp) -> i64 {
        (self.progress(now) * 100.0).floor() as i64
    }

    /// `lastUpdateTime`: the completion time once done, else the current time.
    pub fn last_update(&self, now: Timestamp) -> Timestamp {
        if self.is_running() {
            now
        } else {
            self.completes
        }
    }

    /// The emulator-defined `details` of a running job: its progress so far.
    pub fn details(&self, now: Timestamp) -> Value {
        let percent = self.percent(now);
        let done = |total: i64| total / 100 * percent;
        match &self.work {
            Work::Clone { clone_id, group_clone_id, pairs, bytes, .. } => {
                let mut details = json!({
                    "cloneID": clone_id,
                    "currentBytes": done(*bytes),
                    "percentComplete": percent,
                    "totalBytes": bytes,
                });
                if let (Some(group), Value::Object(map)) = (group_clone_id, &mut details) {
                    map.insert("groupCloneID".into(), json!(group));
                }
                insert_pairs(&mut details, pairs);
                details
            }
            Work::BulkVolume(bulk) => json!({
                "bulkVolumeID": bulk.bulk_id,
                "currentBytes": done(bulk.bytes),
                "percentComplete": percent,
                "status": "active",
                "totalBytes": bulk.bytes,
                "type": bulk.mode,
                "volumeID": bulk.volume_id,
            }),
            Work::DriveAdd { drives } => {
                let added = drives.len() * percent as usize / 100;
                json!({
                    "abortedDrives": [],
                    "addedDrives": drives[..added],
                    "pendingDrives": drives[added..],
                })
            }
            Work::DriveRemoval { drives } => json!({
                "drives": drives,
                "percentComplete": percent,
            }),
            Work::Rtfi { pending_id, node_id } => json!({
                "assignedNodeID": node_id,
                "pendingNodeID": pending_id,
                "percentComplete": percent,
                "stage": rtfi_stage(percent),
            }),
        }
    }

    /// The `result` of a successful job, as GetAsyncResult and
    /// ListAsyncResults' `data` report it.
    pub fn success_result(&self) -> Value {
        match &self.work {
            Work::Clone { clone_id, group_clone_id: None, pairs, .. } => json!({
                "cloneID": clone_id,
                "message": "Clone complete.",
                "volumeID": pairs.first().map_or(0, |pair| pair.1),
            }),
            Work::Clone { clone_id, group_clone_id: Some(group), pairs, .. } => {
                let members: Vec<Value> = pairs
                    .iter()
                    .map(|(src, dst)| json!({"srcVolumeID": src, "volumeID": dst}))
                    .collect();
                json!({
                    "cloneID": clone_id,
                    "groupCloneID": group,
                    "members": members,
                    "message": "Clone complete.",
                })
            }
            Work::BulkVolume(bulk) => json!({
                "bvID": bulk.bulk_id,
                "message": "Bulk volume job succeeded",
                "volumeID": bulk.volume_id,
            }),
            Work::DriveAdd { drives } => json!({
                "abortedDrives": [],
                "addedDrives": drives,
                "pendingDrives": [],
            }),
            Work::DriveRemoval { drives } => json!({
                "abortedDrives": [],
                "pendingDrives": [],
                "removedDrives": drives,
            }),
            Work::Rtfi { pending_id, node_id } => json!({
                "message": "Node added.",
                "nodeID": node_id,
                "pendingNodeID": pending_id,
            }),
        }
    }

    /// The nested `error` of a failed job, with the job's own IDs alongside.
    pub fn error_json(&self, error: &JobError) -> Value {
        let mut object = Map::new();
        object.insert("message".into(), json!(error.message));
        object.insert("name".into(), json!(error.name));
        if let Work::BulkVolume(bulk) = &self.work {
            object.insert("bvID".into(), json!(bulk.bulk_id));
            object.insert("volumeID".into(), json!(bulk.volume_id));
        }
        Value::Object(object)
    }

    pub fn view(&self, now: Timestamp) -> JobView {
        let status = match &self.outcome {
            None => JobStatus::Running,
            Some(Outcome::Success(_)) => JobStatus::Succeeded,
            Some(Outcome::Failure(_)) => JobStatus::Failed,
            Some(Outcome::Cancelled { .. }) => JobStatus::Cancelled,
        };
        JobView {
            handle: self.handle,
            result_type: self.work.result_type(),
            method: self.method,
            label: self.label.clone(),
            created: self.created,
            completes: self.completes,
            status,
            progress: self.progress(now),
            purged: self.purged,
        }
    }
}

fn insert_pairs(details: &mut Value, pairs: &[(i64, i64)]) {
    let Value::Object(map) = details else { return };
    if let [(src, dst)] = pairs {
        map.insert("srcVolumeID".into(), json!(src));
        map.insert("dstVolumeID".into(), json!(dst));
    }
}

fn rtfi_stage(percent: i64) -> &'static str {
    match percent {
        0..=19 => "Downloading image",
        20..=69 => "Installing software",
        70..=89 => "Rebooting",
        _ => "Joining cluster",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::GIB;

    fn clone_of(bytes: i64) -> Work {
        Work::Clone { clone_id: 1, group_clone_id: None, pairs: vec![(1, 6)], bytes, copy: false }
    }

    fn bulk_read(bytes: i64) -> BulkVolumeWork {
        BulkVolumeWork {
            bulk_id: 1,
            volume_id: 1,
            mode: "read",
            format: "native".to_string(),
            script: None,
            key: String::new(),
            bytes,
        }
    }

    #[test]
    fn durations_follow_the_documented_model_and_bounds() {
        let table = [
            (clone_of(GIB), 5_060),
            (clone_of(512 * GIB), 35_720),
            (clone_of(16 * 1024 * GIB), 900_000),
            (Work::BulkVolume(bulk_read(10 * GIB)), 20_000),
            (Work::DriveAdd { drives: vec![17, 18] }, 20_000),
            (Work::DriveRemoval { drives: vec![16] }, 105_000),
            (Work::Rtfi { pending_id: 1, node_id: 5 }, 540_000),
        ];
        for (work, millis) in table {
            assert_eq!(duration_for(&work), millis, "{work:?}");
        }
    }

    #[test]
    fn drive_add_details_move_drives_from_pending_to_added() {
        let start = Timestamp::from_secs(0);
        let job = Job {
            handle: 2,
            method: "AddDrives",
            label: String::new(),
            work: Work::DriveAdd { drives: vec![17, 18] },
            created: start,
            completes: start.plus_millis(20_000),
            outcome: None,
            purged: false,
        };
        let halfway = job.details(start.plus_millis(10_000));
        assert_eq!(
            halfway,
            json!({"abortedDrives": [], "addedDrives": [17], "pendingDrives": [18]})
        );
        assert_eq!(job.percent(start.plus_millis(5_000)), 25);
    }
}
