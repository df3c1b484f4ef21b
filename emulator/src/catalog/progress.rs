//! Docs of the methods that watch or stop running jobs without starting one:
//! the progress lists and the clone cancellations.

use super::{member, required, Group, MethodDoc};

pub(super) const LIST_SYNC_JOBS: MethodDoc = MethodDoc {
    name: "ListSyncJobs",
    group: Group::Progress,
    summary: "Lists the synchronization jobs running on the cluster: data moving between \
        slice and block services. Clones and copies show here with type `clone`, their \
        percentComplete, bytes done and time left, which is how a script can watch a clone \
        without its asyncHandle.",
    params: &[],
    returns: &[member(
        "syncJobs",
        "JSON object array",
        "One entry per running sync job: type, cloneID, srcVolumeID, dstVolumeID, \
        percentComplete, currentBytes, totalBytes, bytesPerSecond, elapsedTime, \
        remainingTime, stage and the services and node involved.",
    )],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "Only clone sync jobs are emulated: one entry per source and \
        destination of every running CloneVolume, CopyVolume and CloneMultipleVolumes (with \
        its groupCloneID). percentComplete is the same figure as the job's `details` and the \
        timeline, at every instant. The node, slice and service IDs, the zero snapshotID and \
        the rates are the playground's own, derived from the volume IDs and the job's length. \
        Slice and block syncs after drive changes are not listed.",
};

pub(super) const LIST_BULK_VOLUME_JOBS: MethodDoc = MethodDoc {
    name: "ListBulkVolumeJobs",
    group: Group::Progress,
    summary: "Lists the bulk volume read and write jobs running on the cluster, with each \
        one's key, format, status and progress.",
    params: &[],
    returns: &[member(
        "bulkVolumeJobs",
        "JSON object array",
        "One entry per running job: bulkVolumeID, srcVolumeID, type (read or write), format, \
        key, script, status, percentComplete, createTime, elapsedTime, remainingTime and \
        the LBA ranges in attributes.",
    )],
    since: "6.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "A job shows here from its start until it completes, with status \
        `active` and the same percentComplete as its `details` and the timeline. The LBA \
        figures in attributes count 4 KiB blocks and advance with percentComplete; \
        blocksPerTransfer is the playground's own.",
};

pub(super) const CANCEL_CLONE: MethodDoc = MethodDoc {
    name: "CancelClone",
    group: Group::Progress,
    summary: "Stops a running CloneVolume or CopyVolume, given the cloneID it answered with. \
        The job ends and its asyncHandle is removed, so GetAsyncResult no longer knows it. \
        The result is an empty object.",
    params: &[required(
        "cloneID",
        "integer",
        "The cloneID that CloneVolume or CopyVolume returned.",
    )],
    returns: &[],
    since: "9.0",
    result_type: None,
    example_params: "{\n  \"cloneID\": 1\n}",
    emulation_notes: "Run CloneVolume first: its cloneID is 1 on a fresh page. A cancelled \
        clone's new volume is deleted; a cancelled copy leaves its destination in place. The \
        timeline keeps the job as `cancelled` where it stopped. A cloneID that is not \
        running answers `xCloneIDDoesNotExist`, a name the playground chose; the cloneID of \
        a CloneMultipleVolumes member answers `xInvalidParameter`: CancelGroupClone stops it.",
};

pub(super) const CANCEL_GROUP_CLONE: MethodDoc = MethodDoc {
    name: "CancelGroupClone",
    group: Group::Progress,
    summary: "Stops a running CloneMultipleVolumes, given the groupCloneID it answered with. \
        The job ends and its asyncHandle is removed. The result is an empty object.",
    params: &[required(
        "groupCloneID",
        "integer",
        "The groupCloneID that CloneMultipleVolumes returned.",
    )],
    returns: &[],
    since: "9.0",
    result_type: None,
    example_params: "{\n  \"groupCloneID\": 1\n}",
    emulation_notes: "Run CloneMultipleVolumes first: its groupCloneID is 1 on a fresh \
        page. Every new volume of the group is deleted. A groupCloneID that is not running \
        answers `xGroupCloneIDDoesNotExist`, a name the playground chose. The vendor's \
        example sends cloneID; the parameter is groupCloneID.",
};
