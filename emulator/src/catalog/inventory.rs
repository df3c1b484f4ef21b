//! Docs of the inventory methods: accounts, volumes, drives and nodes, enough
//! to find the IDs the async job methods take and to set up new sources.

use super::{member, optional, required, Group, MethodDoc};

pub(super) const LIST_ACCOUNTS: MethodDoc = MethodDoc {
    name: "ListAccounts",
    group: Group::Inventory,
    summary: "Lists the cluster's tenant accounts, optionally a page at a time. Every volume \
        belongs to an account, so this is where to find the accountID that CreateVolume needs \
        and that CloneVolume's newAccountID takes.",
    params: &[
        optional(
            "startAccountID",
            "integer",
            "",
            "First accountID to return, or the next one up if it does not exist. To page \
            through, pass the last accountID seen plus one.",
        ),
        optional("limit", "integer", "", "The most accounts to return."),
        optional(
            "includeStorageContainers",
            "boolean",
            "true",
            "Whether virtual volume storage containers are listed too; false leaves them out.",
        ),
    ],
    returns: &[member(
        "accounts",
        "account array",
        "Each with accountID, username, status, the IDs of its volumes, its CHAP secrets, \
        enableChap and attributes.",
    )],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "The default cluster has accounts 1 (`tenant-a`) and 2 (`tenant-b`), \
        and no storage containers.",
};

pub(super) const ADD_ACCOUNT: MethodDoc = MethodDoc {
    name: "AddAccount",
    group: Group::Inventory,
    summary: "Creates a tenant account that can own volumes, with the CHAP secrets iSCSI \
        initiators use to reach them; the CHAP settings apply to every volume of the account. \
        It answers with the new accountID, which CreateVolume needs.",
    params: &[
        required("username", "string", "A unique name, 1 to 64 characters."),
        optional(
            "initiatorSecret",
            "string",
            "",
            "CHAP secret for the initiator, 12 to 16 characters and different from \
            targetSecret. Random when omitted.",
        ),
        optional(
            "targetSecret",
            "string",
            "",
            "CHAP secret for the target (mutual CHAP), 12 to 16 characters and different \
            from initiatorSecret. Random when omitted.",
        ),
        optional("attributes", "JSON object", "", "Name-value pairs stored with the account."),
        optional(
            "enableChap",
            "boolean",
            "true",
            "Whether initiators may use the account's CHAP credentials to reach its volumes.",
        ),
    ],
    returns: &[
        member("accountID", "integer", "ID of the new account."),
        member("account", "account", "The new account."),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{\n  \"username\": \"tenant-c\"\n}",
    emulation_notes: "The account exists at once; its ID follows the default cluster's \
        accounts 1 and 2. A username already in use answers `xDuplicateUsername`, and secrets \
        outside 12 to 16 characters answer `xExceededLimit`.",
};

pub(super) const LIST_VOLUMES: MethodDoc = MethodDoc {
    name: "ListVolumes",
    group: Group::Inventory,
    summary: "Lists volumes with their size, owner, access, QoS and status, filtered by \
        account, status, name, IDs or pairing, and paged with startVolumeID and limit. Use it \
        to find volume IDs for the job methods, and to watch a clone go from `init` to \
        `active`.",
    params: &[
        optional(
            "startVolumeID",
            "integer",
            "",
            "Only volumes with this ID or a higher one. Not allowed with volumeIDs.",
        ),
        optional(
            "limit",
            "integer",
            "10000",
            "The most volumes to return. Not allowed with volumeIDs.",
        ),
        optional(
            "volumeStatus",
            "string",
            "",
            "Only volumes in this status; the reference lists creating, snapshotting, active \
            and deleted.",
        ),
        optional(
            "accounts",
            "integer array",
            "",
            "Only volumes owned by these accounts. Not allowed with volumeIDs.",
        ),
        optional(
            "volumeIDs",
            "integer array",
            "",
            "Only these volumes; the other filters then apply within them. Not allowed with \
            accounts, startVolumeID or limit.",
        ),
        optional("volumeName", "string", "", "Only volumes with this name."),
        optional(
            "isPaired",
            "boolean",
            "",
            "true: only volumes paired for replication; false: only unpaired ones.",
        ),
        optional(
            "includeVirtualVolumes",
            "boolean",
            "true",
            "Whether virtual volumes are listed; false leaves them out.",
        ),
        optional(
            "protectionSchemes",
            "string array",
            "",
            "Only volumes with one of these protection schemes: singleHelix, doubleHelix, \
            tripleHelix.",
        ),
    ],
    returns: &[member("volumes", "volume array", "The volumes that match, by volumeID.")],
    since: "8.0",
    result_type: None,
    example_params: "{\n  \"accounts\": [\n    1\n  ]\n}",
    emulation_notes: "The default cluster has volumes 1 to 5, all active; volume 1 is \
        `db-data`, 100 GiB, owned by account 1. A clone is listed at once with status `init` \
        and turns `active` when its job completes, so volumeStatus `init` finds clones in \
        progress. There are no paired or virtual volumes, so isPaired and \
        includeVirtualVolumes change nothing. Endpoints older than 8.0 do not have this \
        method.",
};

pub(super) const CREATE_VOLUME: MethodDoc = MethodDoc {
    name: "CreateVolume",
    group: Group::Inventory,
    summary: "Creates a new, empty volume for an account, sized in bytes, with QoS settings \
        of its own or from a QoS policy. It is not an async job: the answer carries the new \
        volume, ready to serve as a source for CloneVolume or a bulk volume job.",
    params: &[
        required(
            "name",
            "string",
            "1 to 64 characters; names need not be unique, though unique ones help.",
        ),
        required("accountID", "integer", "The account that will own the volume."),
        required(
            "totalSize",
            "integer",
            "Size in bytes, rounded up to a whole MiB; GetLimits gives the smallest and \
            largest sizes allowed.",
        ),
        optional(
            "enable512e",
            "boolean",
            "false",
            "Whether the volume emulates 512-byte sectors. The vendor's reference lists it as \
            required, so always send it to a real cluster.",
        ),
        optional(
            "access",
            "string",
            "readWrite",
            "Only `snapMirrorTarget` is accepted, for a SnapMirror destination; other modes are \
            set afterwards with ModifyVolume.",
        ),
        optional(
            "qos",
            "QoS object",
            "",
            "Initial minIOPS, maxIOPS and burstIOPS. The cluster's defaults (GetDefaultQoS) \
            when omitted.",
        ),
        optional(
            "attributes",
            "JSON object",
            "",
            "Name-value pairs, less than 1 KB in all as JSON.",
        ),
        optional(
            "qosPolicyID",
            "integer",
            "",
            "Take the QoS settings of this policy instead; not allowed with qos.",
        ),
        optional(
            "associateWithQoSPolicy",
            "boolean",
            "true",
            "Whether the volume stays linked to the policy given in qosPolicyID.",
        ),
        optional(
            "protectionScheme",
            "string",
            "doubleHelix",
            "How many copies of the data the cluster keeps: singleHelix, doubleHelix or \
            tripleHelix.",
        ),
        optional(
            "fifoSize",
            "integer",
            "24",
            "The most snapshots the volume keeps first in, first out; at most \
            snapshotsPerVolumeMax.",
        ),
        optional(
            "minFifoSize",
            "integer",
            "0",
            "Snapshot slots reserved for the FIFO, at most fifoSize.",
        ),
        optional(
            "enableSnapMirrorReplication",
            "boolean",
            "false",
            "Whether the volume may be replicated to SnapMirror endpoints.",
        ),
    ],
    returns: &[
        member("volumeID", "integer", "ID of the new volume."),
        member("volume", "volume", "The new volume."),
        member(
            "curve",
            "JSON object",
            "The QoS curve: I/O size in bytes to relative cost, where a 4096-byte operation \
            costs 100.",
        ),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{\n  \"name\": \"analytics\",\n  \"accountID\": 2,\n  \
        \"totalSize\": 10737418240,\n  \"enable512e\": true\n}",
    emulation_notes: "The volume is `active` at once; its ID follows the default cluster's \
        volumes 1 to 5. Sources disagree on enable512e: the vendor's reference and early \
        Python SDKs require it, the 12.3 SDK makes it optional; the playground accepts a \
        request without it and then uses false. QoS policies are not emulated, so any \
        qosPolicyID answers `xQoSPolicyDoesNotExist`. The protection scheme, FIFO sizes and \
        SnapMirror flag are stored and shown, and clones inherit the first three.",
};

pub(super) const LIST_DRIVES: MethodDoc = MethodDoc {
    name: "ListDrives",
    group: Group::Inventory,
    summary: "Lists the drives in the cluster's active nodes with their status: `active` \
        drives hold data, `available` ones are installed but not yet added, and others are \
        being removed or have failed. Use it to pick drive IDs for AddDrives and RemoveDrives.",
    params: &[],
    returns: &[member(
        "drives",
        "drive array",
        "Each with driveID, nodeID, slot, capacity, serial, type and status.",
    )],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "In the default cluster, drives 1 to 16 are active and 17 to 20 are \
        available. Statuses change as DriveAdd and DriveRemoval jobs complete.",
};

pub(super) const LIST_ALL_NODES: MethodDoc = MethodDoc {
    name: "ListAllNodes",
    group: Group::Inventory,
    summary: "Lists every node the cluster knows: its active members, the pending nodes \
        waiting to be added, and the pending-active nodes part way through being added. Use it \
        for an overview; ListPendingNodes gives the pending ones alone.",
    params: &[],
    returns: &[
        member("nodes", "node array", "The active nodes."),
        member("pendingNodes", "pendingNode array", "Nodes that are ready to be added."),
        member(
            "pendingActiveNodes",
            "pendingActiveNode array",
            "Nodes that are being added, each with the asyncHandle of its RTFI job.",
        ),
    ],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "In the default cluster, nodes 1 to 4 are active and pending nodes 1 \
        and 2 wait to be added. A node that joins at once moves straight to nodes; one that \
        needs reimaging is listed in pendingActiveNodes until its RtfiPendingNode job \
        completes, then in nodes.",
};

pub(super) const LIST_PENDING_NODES: MethodDoc = MethodDoc {
    name: "ListPendingNodes",
    group: Group::Inventory,
    summary: "Lists pending nodes: nodes that are configured and running, ready to join this \
        cluster, but not yet added. Each entry's pendingNodeID is what AddNodes takes, and its \
        software version tells whether adding it will first need a reimage.",
    params: &[],
    returns: &[member(
        "pendingNodes",
        "pendingNode array",
        "Each with pendingNodeID, name, addresses, platform and softwareVersion.",
    )],
    since: "1.0",
    result_type: None,
    example_params: "{}",
    emulation_notes: "Pending node 1 runs older software, so adding it starts a 9 min \
        RtfiPendingNode job; pending node 2 runs 12.0 and joins at once.",
};
