//! Docs of the seven common methods: API discovery, async results, limits,
//! origin and the engineering statistics.

use super::{member, optional, required, Group, MethodDoc};

pub(super) const GET_API: MethodDoc = MethodDoc {
    name: "GetAPI",
    group: Group::Common,
    summary: "Lists the methods the cluster answers at the endpoint version in the URL, with \
        the cluster's software version and every endpoint version it serves. Clients call it \
        first to learn what they can use: the Python SDK, for one, sends GetAPI to \
        /json-rpc/7.0, then reconnects at the version the cluster reports as current, or at \
        the one its user asked for.",
    params: &[],
    returns: &[
        member(
            "<endpoint version>",
            "string array",
            "Named after the endpoint version in the URL (for example `12.0`): the sorted \
            names of the methods available at that version. GetAPI never lists itself.",
        ),
        member(
            "currentVersion",
            "string",
            "The cluster's software version as `major.minor`, a string rather than a number.",
        ),
        member(
            "supportedVersions",
            "string array",
            "Every endpoint version the cluster serves, oldest first, as strings.",
        ),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "The method list is keyed by the endpoint version in the URL and holds \
        only the methods that exist at that version, as a real capture shows (the vendor page \
        says the key is the software version). currentVersion is always `12.0`. A method \
        listed here that the playground does not emulate answers `xMethodNotEmulated`, which \
        is not the same as `xUnknownAPIMethod` for a name the cluster does not know.",
};

pub(super) const GET_ASYNC_RESULT: MethodDoc = MethodDoc {
    name: "GetAsyncResult",
    group: Group::Common,
    summary: "Tells where an async job stands: still running, or complete with either its \
        result or its error. Poll it with the asyncHandle a job-starting method returned until \
        status is `complete`. A failed job is still a successful call: the job's error is \
        nested in `result.error`, while a top-level `error` means the query itself failed.",
    params: &[
        required(
            "asyncHandle",
            "integer",
            "The handle returned by the method that started the job (ListAsyncResults calls \
            it asyncResultID).",
        ),
        optional(
            "keepResult",
            "boolean",
            "false",
            "When true, a completed result stays available for later queries. When false or \
            absent, a completed result is returned once and then deleted.",
        ),
    ],
    returns: &[
        member("status", "string", "`running` while the job runs, then `complete`."),
        member(
            "resultType",
            "string",
            "The kind of job: Clone, BulkVolume, DriveAdd, DriveRemoval or RtfiPendingNode.",
        ),
        member("createTime", "ISO 8601 date string", "When the job started, in UTC."),
        member("lastUpdateTime", "ISO 8601 date string", "When its status last changed, in UTC."),
        member("details", "JSON object", "Only while running: how the job is progressing."),
        member(
            "result",
            "JSON object",
            "Only once complete and successful: the job's final return value.",
        ),
        member(
            "error",
            "JSON object",
            "Only once complete and failed: the job's error, with at least name and message.",
        ),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{\n  \"asyncHandle\": 1,\n  \"keepResult\": true\n}",
    emulation_notes: "A running job is never deleted, whatever keepResult says; a completed \
        one is deleted after one read unless keepResult is true; ListAsyncResults never \
        deletes anything. While a job runs, `details` holds progress figures the playground \
        defines (real clusters leave its content undocumented). An unknown or deleted handle \
        answers `xAsyncHandleDoesNotExist` at endpoint 11.0 and later and `xDBNoSuchPath` at \
        older endpoints, the two names real clusters have used. Handle 1 is the DriveAdd job \
        that completed while the default cluster was set up.",
};

pub(super) const LIST_ASYNC_RESULTS: MethodDoc = MethodDoc {
    name: "ListAsyncResults",
    group: Group::Common,
    summary: "Lists the async jobs the cluster knows, running and completed, optionally only \
        those of some result types. Unlike GetAsyncResult it never deletes a completed result, \
        so it is the safe way to look around. Each entry's asyncResultID is the handle to pass \
        to GetAsyncResult.",
    params: &[optional(
        "asyncResultTypes",
        "string array",
        "",
        "Only list jobs of these types: DriveAdd, BulkVolume, Clone, DriveRemoval or \
        RtfiPendingNode. Every type when absent.",
    )],
    returns: &[member(
        "asyncHandles",
        "JSON object array",
        "One entry per job: asyncResultID (integer), resultType, createTime, lastUpdateTime, \
        completed and success (booleans), and data (JSON object), which for a job that \
        succeeded is what GetAsyncResult returns as its result.",
    )],
    since: "9.0",
    result_type: None,
    example_params: "{\n  \"asyncResultTypes\": [\n    \"Clone\",\n    \"DriveAdd\"\n  ]\n}",
    emulation_notes: "Real clusters do not document how a running or failed job looks here. \
        The playground lists a running job with completed false, success false and data \
        holding its progress details, and a failed job with completed true, success false and \
        data holding its error. Endpoints older than 9.0 do not have this method.",
};

pub(super) const GET_LIMITS: MethodDoc = MethodDoc {
    name: "GetLimits",
    group: Group::Common,
    summary: "Returns the limits the cluster's software enforces: how many accounts, volumes \
        and snapshots it allows, how long names may be, the range of volume sizes and IOPS, and \
        how many clone or bulk volume jobs may run at once. Scripts read it to check input \
        before they send a request.",
    params: &[],
    returns: &[
        member(
            "<limit name>",
            "integer",
            "Every member of the result is one limit, an integer; 12.0 reports 61 of them, \
            such as volumeSizeMin, volumeSizeMax and volumeNameLengthMax.",
        ),
        member("cloneJobsPerVolumeMax", "integer", "Clone jobs that may run on one volume."),
        member("cloneJobsPerNodeMax", "integer", "Clone jobs that may run on one node."),
        member(
            "bulkVolumeJobsPerVolumeMax",
            "integer",
            "Bulk volume jobs that may run on one volume.",
        ),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "The answer is the same at every endpoint version, as on a real cluster: \
        limits belong to the installed software, not to the API version. The 61 figures are \
        those of the vendor's example for 12.x, and the playground enforces the ones its \
        methods touch (name lengths, volume sizes, QoS ranges, clones per volume).",
};

pub(super) const GET_ORIGIN: MethodDoc = MethodDoc {
    name: "GetOrigin",
    group: Group::Common,
    summary: "Returns, node by node, the origination certificate recorded when the node was \
        built: who integrated it, where, and under which contract. A node without one, such as \
        a software-only or virtual node, reports a null origin.",
    params: &[],
    returns: &[member(
        "nodes",
        "JSON object array",
        "One entry per node: nodeID, and result, whose origin member is the certificate \
        object or null.",
    )],
    since: "9.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "The shape follows a response captured from a real cluster: hyphenated \
        keys such as `contract-date` and a member literally named `<signature>`. The vendor \
        page's own example is not valid JSON. The certificate contents are invented; \
        node 4 has none and reports `origin: null`, as does any node added later. Endpoints \
        older than 9.0 do not have this method.",
};

pub(super) const GET_COMPLETE_STATS: MethodDoc = MethodDoc {
    name: "GetCompleteStats",
    group: Group::Common,
    summary: "An engineering method that dumps the cluster's statistics in full. Its output \
        is undocumented, changes between releases and is not guaranteed to be accurate, so \
        tooling should use GetClusterStats, GetVolumeStats, GetNodeStats or GetDriveStats \
        instead.",
    params: &[],
    returns: &[],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "No real sample is public, and clients only rely on the result being \
        a JSON object. The playground answers invented counters for the cluster, each node \
        (by nodeID) and each volume (by volumeID), growing with the virtual clock.",
};

pub(super) const GET_RAW_STATS: MethodDoc = MethodDoc {
    name: "GetRawStats",
    group: Group::Common,
    summary: "An engineering method that returns the cluster's raw internal counters. Like \
        GetCompleteStats, its output is undocumented, changes between releases and is not \
        guaranteed to be accurate; the supported statistics methods are GetClusterStats, \
        GetVolumeStats, GetNodeStats and GetDriveStats.",
    params: &[],
    returns: &[],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "No real sample is public, and clients only rely on the result being \
        a JSON object. The playground answers invented counters keyed `service-<n>`, one \
        block service per active block drive, growing with the virtual clock.",
};
