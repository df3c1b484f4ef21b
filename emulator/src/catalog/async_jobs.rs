//! Docs of the methods that start an async job and answer at once with an
//! `asyncHandle`, including how long each job runs on the playground's clock.

use super::{member, optional, required, FieldDoc, Group, MethodDoc};

/// What both bulk volume methods share in their notes (a macro, so that
/// `concat!` can extend it).
macro_rules! bulk_notes {
    () => {
        "The job runs 10 s plus 1 s per GiB of the volume, at most 15 min: volume 1 \
        (100 GiB) takes 110 s. No data moves and no script runs; key and url are made up by \
        the playground. While the job runs, `details` is the playground's own: bulkVolumeID, \
        volumeID, type (read or write), status, percentComplete, currentBytes and \
        totalBytes; ListBulkVolumeJobs shows the same progress. A third job on one volume \
        while two run answers `xMaxBulkVolumeJobsPerVolumeExceeded`, a name the playground \
        chose. The result is bvID, volumeID and a message."
    };
}

pub(super) const CLONE_VOLUME: MethodDoc = MethodDoc {
    name: "CloneVolume",
    group: Group::AsyncJobs,
    summary: "Starts copying a volume, or one of its snapshots, into a new volume and answers \
        at once with the new volume's ID and an asyncHandle. The new volume exists straight \
        away with status `init` and turns `active` when the Clone job completes; poll \
        GetAsyncResult, or watch ListVolumes, to know when it is ready.",
    params: &[
        required("volumeID", "integer", "The volume to clone."),
        required("name", "string", "Name of the new volume, 1 to 64 characters."),
        optional(
            "newAccountID",
            "integer",
            "the source's account",
            "Account that will own the new volume.",
        ),
        optional(
            "newSize",
            "integer",
            "the source's size",
            "Size of the new volume in bytes, larger or smaller than the source, rounded up \
            to a whole MiB.",
        ),
        ACCESS,
        optional(
            "snapshotID",
            "integer",
            "",
            "Clone this snapshot instead of the volume's current contents.",
        ),
        ATTRIBUTES,
        optional(
            "enable512e",
            "boolean",
            "the source's setting",
            "Whether the new volume emulates 512-byte sectors.",
        ),
        SNAPMIRROR,
    ],
    returns: &[
        ASYNC_HANDLE,
        member("cloneID", "integer", "ID of the clone operation."),
        member("volumeID", "integer", "ID of the new volume."),
        member("volume", "volume", "The new volume, with status `init` until the job ends."),
        member(
            "curve",
            "JSON object",
            "The QoS curve applied to the clone: I/O size in bytes to relative cost, where a \
            4096-byte operation costs 100.",
        ),
    ],
    since: "1.0",
    result_type: Some("Clone"),
    example_params: "{\n  \"volumeID\": 1,\n  \"name\": \"db-data-clone\"\n}",
    emulation_notes: "The job runs 5 s plus 0.06 s per GiB of the new volume (the \
        source's size unless newSize says otherwise), at most 15 min: cloning volume 1 \
        (db-data, 100 GiB) takes 11 s. While it runs, `details` is the playground's own: \
        cloneID, srcVolumeID, dstVolumeID, percentComplete, currentBytes and totalBytes. When \
        it completes, the new volume turns `active` and the result is cloneID, volumeID and \
        the message `Clone complete.`. Snapshots are not emulated, so any snapshotID answers \
        `xSnapshotIDDoesNotExist`; newSize may be larger or smaller than the source, within \
        GetLimits' volume sizes; a source still in `init` answers `xNotReadyForIO`; a third \
        clone of one volume while two run answers `xMaxClonesPerVolumeExceeded`.",
};

pub(super) const CLONE_MULTIPLE_VOLUMES: MethodDoc = MethodDoc {
    name: "CloneMultipleVolumes",
    group: Group::AsyncJobs,
    summary: "Clones several volumes together as one group, optionally from a group snapshot \
        so that the copies are consistent with each other. It answers with one asyncHandle for \
        the group and the ID of each new volume. Settings given at the top level apply to \
        every clone unless its entry in volumes overrides them.",
    params: &[
        required(
            "volumes",
            "JSON object array",
            "One entry per source: volumeID (required), and optionally name, access, \
            attributes, newAccountID and newSize. Whatever is left out is inherited from the \
            source volume.",
        ),
        optional("access", "string", "", "Access for the new volumes, unless overridden."),
        optional(
            "groupSnapshotID",
            "integer",
            "",
            "Clone this group snapshot instead of the volumes' current contents.",
        ),
        optional("newAccountID", "integer", "", "Owner of the new volumes, unless overridden."),
        SNAPMIRROR,
    ],
    returns: &[
        ASYNC_HANDLE,
        member("groupCloneID", "integer", "ID of the group clone operation."),
        member(
            "members",
            "JSON object array",
            "One entry per clone: srcVolumeID and the new volume's volumeID.",
        ),
    ],
    since: "7.0",
    result_type: Some("Clone"),
    example_params: "{\n  \"volumes\": [\n    {\n      \"volumeID\": 1,\n      \
        \"name\": \"db-data-copy\"\n    },\n    {\n      \"volumeID\": 2\n    }\n  ],\n  \
        \"access\": \"readOnly\"\n}",
    emulation_notes: "The vendor does not document this job's resultType; the playground \
        reports `Clone`. The whole group is one job, timed like CloneVolume on the combined \
        size of the new volumes (5 s plus 0.06 s per GiB, at most 15 min), and the new \
        volumes are `init` until it completes. An entry without a name takes the source's name, \
        as every setting it leaves out comes from its source. Group snapshots are not emulated, so any groupSnapshotID answers \
        `xGroupSnapshotIDDoesNotExist`. The result is cloneID, groupCloneID, members and the \
        message `Clone complete.`.",
};

pub(super) const COPY_VOLUME: MethodDoc = MethodDoc {
    name: "CopyVolume",
    group: Group::AsyncJobs,
    summary: "Overwrites an existing volume with the contents of another volume, or of one of \
        its snapshots. The destination keeps its ID, name and account; only its data changes. \
        It answers at once with an asyncHandle and a cloneID: a copy is a clone job, so \
        ListSyncJobs shows its progress and CancelClone stops it.",
    params: &[
        required("volumeID", "integer", "The volume to copy from."),
        required(
            "dstVolumeID",
            "integer",
            "The volume to overwrite. It must exist and have the source's size.",
        ),
        optional(
            "snapshotID",
            "integer",
            "",
            "Copy this snapshot instead of the volume's current contents.",
        ),
    ],
    returns: &[ASYNC_HANDLE, member("cloneID", "integer", "ID of the copy, for CancelClone.")],
    since: "9.0",
    result_type: Some("Clone"),
    example_params: "{\n  \"volumeID\": 2,\n  \"dstVolumeID\": 5\n}",
    emulation_notes: "The vendor does not document this job's resultType; the playground \
        reports `Clone`, timed like CloneVolume on the source's size: copying volume 2 \
        (db-logs) onto volume 5 (scratch), both 20 GiB, takes 6.2 s. The copy counts against \
        the source's limit of two running clones. The destination stays `active` throughout, and a cancelled copy \
        leaves it in place. A destination of another size answers `xInvalidParameter`, a \
        destination still in `init` answers `xNotReadyForIO`, and any snapshotID answers \
        `xSnapshotIDDoesNotExist`, since snapshots are not emulated. The result is cloneID, \
        volumeID (the destination) and the message `Clone complete.`.",
};

pub(super) const START_BULK_VOLUME_READ: MethodDoc = MethodDoc {
    name: "StartBulkVolumeRead",
    group: Group::AsyncJobs,
    summary: "Opens a bulk volume read session: the cluster streams a volume's data, or a \
        snapshot's, out to an external backup target through a web server on a storage node, \
        usually driven by a script. It answers with an asyncHandle to follow the job, and the \
        session key and URL an outside tool would use. At most two bulk volume jobs may run on \
        one volume at a time.",
    params: &[
        required("volumeID", "integer", "The volume to read."),
        FORMAT,
        optional(
            "snapshotID",
            "integer",
            "",
            "Read this existing snapshot. Without it, the cluster snapshots the volume first \
            and deletes that snapshot when the read is over.",
        ),
        SCRIPT,
        SCRIPT_PARAMETERS,
        ATTRIBUTES_BULK,
    ],
    returns: BULK_RETURNS,
    since: "6.0",
    result_type: Some("BulkVolume"),
    example_params: "{\n  \"volumeID\": 1,\n  \"format\": \"native\"\n}",
    emulation_notes: concat!(
        bulk_notes!(),
        " Snapshots are not emulated, so any snapshotID answers `xSnapshotIDDoesNotExist`."
    ),
};

pub(super) const START_BULK_VOLUME_WRITE: MethodDoc = MethodDoc {
    name: "StartBulkVolumeWrite",
    group: Group::AsyncJobs,
    summary: "Opens a bulk volume write session: the cluster takes data from an external \
        source, such as an earlier bulk read, and writes it over the contents of an existing \
        volume. Like the read, it answers with an asyncHandle, a session key and a URL, and at \
        most two bulk volume jobs may run on one volume at a time.",
    params: &[
        required("volumeID", "integer", "The volume to write to."),
        FORMAT,
        SCRIPT,
        SCRIPT_PARAMETERS,
        ATTRIBUTES_BULK,
    ],
    returns: BULK_RETURNS,
    since: "6.0",
    result_type: Some("BulkVolume"),
    example_params: "{\n  \"volumeID\": 2,\n  \"format\": \"native\"\n}",
    emulation_notes: bulk_notes!(),
};

pub(super) const ADD_DRIVES: MethodDoc = MethodDoc {
    name: "AddDrives",
    group: Group::AsyncJobs,
    summary: "Adds available drives to the cluster so that they start holding data; the \
        cluster picks each drive's role unless told. It answers with an asyncHandle at once, \
        while data is rebalanced onto the new drives in the background. Adding several drives \
        in one call rebalances once instead of once per drive.",
    params: &[required(
        "drives",
        "JSON object array",
        "One entry per drive: driveID (integer, required; ListDrives shows which drives are \
        available) and optionally type (`slice`, `block` or `volume`), which the cluster \
        chooses when it is omitted.",
    )],
    returns: &[ASYNC_HANDLE],
    since: "1.0",
    result_type: Some("DriveAdd"),
    example_params: "{\n  \"drives\": [\n    {\n      \"driveID\": 17\n    }\n  ]\n}",
    emulation_notes: "The job runs 10 s plus 5 s per drive. Drives 17 to 20 of the default \
        cluster are available, of type `unknown`, and only available drives may be added; a \
        node that joins brings four more. Added drives are `active` at once, with the type \
        asked for or the one the cluster picks (a metadata `volume` drive for a node without \
        one, else `block`), while `details` moves them from pendingDrives to addedDrives as the \
        job syncs them. The result lists them in addedDrives next to empty abortedDrives and \
        pendingDrives, the shape a real cluster reports; a failed job leaves them available.",
};

pub(super) const REMOVE_DRIVES: MethodDoc = MethodDoc {
    name: "RemoveDrives",
    group: Group::AsyncJobs,
    summary: "Takes drives out of the cluster after moving their data to the other drives, \
        to shrink capacity or to replace worn drives. It answers with an asyncHandle while the \
        data moves, which can take minutes depending on how much the drives hold. Removing \
        several drives in one call rebalances once.",
    params: &[required("drives", "integer array", "IDs of the drives to remove.")],
    returns: &[ASYNC_HANDLE],
    since: "1.0",
    result_type: Some("DriveRemoval"),
    example_params: "{\n  \"drives\": [\n    16\n  ]\n}",
    emulation_notes: "The job runs 60 s plus 45 s per drive, at most 15 min. Drives 1 to 16 \
        of the default cluster are active, and only active drives may be removed. While the \
        job runs the drives are `removing` and `details` gives drives and percentComplete; \
        when it completes they are `available` again and the result lists them in \
        removedDrives, next to empty abortedDrives and pendingDrives.",
};

pub(super) const ADD_NODES: MethodDoc = MethodDoc {
    name: "AddNodes",
    group: Group::AsyncJobs,
    summary: "Adds pending nodes (configured nodes waiting to join; see ListPendingNodes) to \
        the cluster. A node that already runs the cluster's software joins at once; one that \
        runs other software is first reimaged to the cluster's version (return to factory \
        image, RTFI), and its entry in the answer carries the asyncHandle of that job. Once a \
        node has joined, its drives show up as available for AddDrives.",
    params: &[
        required("pendingNodes", "integer array", "pendingNodeIDs of the nodes to add."),
        optional(
            "autoInstall",
            "boolean",
            "true",
            "Whether to reimage nodes that need it. Reimaging is the default behaviour.",
        ),
    ],
    returns: &[
        member("autoInstall", "boolean", "Whether the added nodes are being reimaged."),
        member(
            "nodes",
            "JSON object array",
            "One entry per added node: pendingNodeID, assignedNodeID and, when the node is \
            being reimaged, asyncHandle; also its addresses, platform and software version.",
        ),
    ],
    since: "1.0",
    result_type: Some("RtfiPendingNode"),
    example_params: "{\n  \"pendingNodes\": [\n    1\n  ],\n  \"autoInstall\": true\n}",
    emulation_notes: "In the default cluster, pending node 1 runs older software (11.8): \
        adding it starts an RtfiPendingNode job of 9 min, during which ListAllNodes shows it \
        among pendingActiveNodes and `details` gives pendingNodeID, assignedNodeID, \
        percentComplete and the current stage; then the node is active. Pending node 2 already \
        runs 12.0, so it joins at once and its entry has no asyncHandle. Each node that joins \
        brings four available drives for AddDrives. Sending autoInstall false for a node that \
        needs reimaging answers `xInvalidParameter`, the playground's choice; a pending node \
        that does not exist answers `xDBNoSuchPath`.",
};

const ASYNC_HANDLE: FieldDoc =
    member("asyncHandle", "integer", "Pass it to GetAsyncResult to follow the job.");

const ACCESS: FieldDoc = optional(
    "access",
    "string",
    "the source's access",
    "readOnly, readWrite, locked or replicationTarget (which means locked while the volume \
    is not paired).",
);

const ATTRIBUTES: FieldDoc =
    optional("attributes", "JSON object", "", "Name-value pairs stored with the new volume.");

const SNAPMIRROR: FieldDoc = optional(
    "enableSnapMirrorReplication",
    "boolean",
    "false",
    "Whether the new volume may be replicated to SnapMirror endpoints.",
);

const FORMAT: FieldDoc = required(
    "format",
    "string",
    "`native`: compact, opaque data meant for a later bulk write; `uncompressed`: every byte \
    of the volume as it is.",
);

const SCRIPT: FieldDoc = optional(
    "script",
    "string",
    "",
    "Name of an executable on the node, run with the session's key and URL. Without it, \
    the caller uses the key and URL itself.",
);

const SCRIPT_PARAMETERS: FieldDoc =
    optional("scriptParameters", "JSON object", "", "Parameters handed to the script.");

const ATTRIBUTES_BULK: FieldDoc =
    optional("attributes", "JSON object", "", "Name-value pairs stored with the job.");

const BULK_RETURNS: &[FieldDoc] = &[
    ASYNC_HANDLE,
    member("key", "string", "Opaque key that identifies the session."),
    member("url", "string", "Address of the node's web server for this session."),
];
