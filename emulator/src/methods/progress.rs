//! The progress channels a cluster documents besides GetAsyncResult:
//! ListSyncJobs for clones and copies, ListBulkVolumeJobs for bulk volume
//! jobs. Both list running jobs only, and read their percentage from the same
//! [`Job::percent`] that `details` and the timeline use, so the three agree at
//! every virtual instant.

use serde_json::{json, Value};

use super::Call;
use crate::jobs::{Job, Work};
use crate::params::{ApiResult, Params};
use crate::Emulator;

/// Logical blocks are 4 KiB inside the cluster, whatever the volume exposes.
const BLOCK_BYTES: i64 = 4096;
/// How many blocks a bulk volume job moves per transfer (emulator-defined).
const BLOCKS_PER_TRANSFER: i64 = 1024;

/// One `clone` sync job per source and destination pair of every running
/// clone or copy.
pub fn list_sync_jobs(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let now = emulator.now;
    let mut sync_jobs = Vec::new();
    for job in emulator.jobs.iter().filter(|job| job.is_running()) {
        let Work::Clone { clone_id, group_clone_id, pairs, .. } = &job.work else { continue };
        let percent = job.percent(now);
        let timing = Timing::of(job, now);
        for (src, dst) in pairs {
            let total = emulator.cluster.volume(*dst).map_or(0, |volume| volume.total_size);
            let mut entry = json!({
                "blocksPerSecond": timing.rate(total / BLOCK_BYTES),
                "bytesPerSecond": timing.rate(total),
                "cloneID": clone_id,
                "currentBytes": total / 100 * percent,
                "dstServiceID": service_for(*dst),
                "dstVolumeID": dst,
                "elapsedTime": timing.elapsed_secs,
                "nodeID": node_for(*src),
                "percentComplete": percent as f64,
                "remainingTime": timing.remaining_secs,
                "sliceID": src,
                "snapshotID": 0,
                "srcServiceID": service_for(*src),
                "srcVolumeID": src,
                "stage": "whole",
                "totalBytes": total,
                "type": "clone",
            });
            if let (Some(group), Value::Object(map)) = (group_clone_id, &mut entry) {
                map.insert("groupCloneID".into(), json!(group));
            }
            sync_jobs.push(entry);
        }
    }
    Ok(json!({"syncJobs": sync_jobs}))
}

/// Every running bulk volume read or write.
pub fn list_bulk_volume_jobs(
    emulator: &mut Emulator,
    _: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    let now = emulator.now;
    let mut bulk_jobs = Vec::new();
    for job in emulator.jobs.iter().filter(|job| job.is_running()) {
        let Work::BulkVolume(bulk) = &job.work else { continue };
        let percent = job.percent(now);
        let timing = Timing::of(job, now);
        let blocks = bulk.bytes / BLOCK_BYTES;
        let next_lba = blocks / 100 * percent;
        let mut entry = json!({
            "attributes": {
                "blocksPerTransfer": BLOCKS_PER_TRANSFER,
                "firstPendingLba": next_lba,
                "nLbas": blocks,
                "nextLba": next_lba,
                "pendingLbas": [],
                "percentComplete": percent,
                "startLba": 0,
            },
            "bulkVolumeID": bulk.bulk_id,
            "createTime": job.created.to_iso(),
            "elapsedTime": timing.elapsed_secs,
            "format": bulk.format,
            "key": bulk.key,
            "percentComplete": percent,
            "remainingTime": timing.remaining_secs,
            "srcVolumeID": bulk.volume_id,
            "status": "active",
            "type": bulk.mode,
        });
        if let (Some(script), Value::Object(map)) = (&bulk.script, &mut entry) {
            map.insert("script".into(), json!(script));
        }
        bulk_jobs.push(entry);
    }
    Ok(json!({"bulkVolumeJobs": bulk_jobs}))
}

/// Whole seconds a running job has run and has left, and its overall pace.
struct Timing {
    elapsed_secs: i64,
    remaining_secs: i64,
    total_secs: f64,
}

impl Timing {
    fn of(job: &Job, now: crate::Timestamp) -> Timing {
        let elapsed = now.millis_since(job.created);
        let remaining = job.completes.millis_since(now);
        let total = job.completes.millis_since(job.created).max(1);
        Timing {
            elapsed_secs: elapsed / 1000,
            remaining_secs: (remaining + 999) / 1000,
            total_secs: total as f64 / 1000.0,
        }
    }

    /// Units per second if `units` move evenly over the job's whole run.
    fn rate(&self, units: i64) -> f64 {
        (units as f64 / self.total_secs).round()
    }
}

/// The emulated cluster spreads volumes over its four nodes by ID; each node
/// runs one slice service numbered after it (emulator-defined).
fn node_for(volume_id: i64) -> i64 {
    volume_id.rem_euclid(4) + 1
}

fn service_for(volume_id: i64) -> i64 {
    node_for(volume_id) + 20
}
