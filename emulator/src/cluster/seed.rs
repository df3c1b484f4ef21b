//! The default inventory: a four-node 12.0 cluster with two tenants, five
//! volumes, sixteen drives in use and four spare, and two nodes waiting to join.

use serde_json::Map;

use super::{
    Account, Cluster, Drive, DriveStatus, Host, Layout, Node, PendingNode, Qos, Volume,
    VolumeStatus, GIB,
};
use crate::clock::Timestamp;

/// The full software version string of the emulated cluster's nodes.
pub const CLUSTER_SOFTWARE: &str = "12.0.0.333";

/// The version the pending node that needs an RTFI runs.
const OLD_SOFTWARE: &str = "11.8.0.23";

const DRIVE_CAPACITY: i64 = 960_197_124_096;
/// Drives in each node: one metadata drive in slot 0, then block drives.
pub const DRIVES_PER_NODE: i64 = 4;
const METADATA_DRIVE_CAPACITY: i64 = 300_069_052_416;

impl Cluster {
    /// The cluster a fresh emulator starts with; `now` dates its volumes.
    pub fn default_12_0(now: Timestamp) -> Cluster {
        let mut cluster = Cluster::default();
        let setup_time = Timestamp::from_millis(now.as_millis() - 30 * 24 * 3600 * 1000);

        for username in ["tenant-a", "tenant-b"] {
            cluster.add_account(Account {
                id: 0,
                username: username.to_string(),
                initiator_secret: format!("{username}-init9"),
                target_secret: format!("{username}-targ7"),
                enable_chap: true,
                attributes: Map::new(),
            });
        }

        let volumes = [
            ("db-data", 1, 100 * GIB),
            ("db-logs", 1, 20 * GIB),
            ("web-assets", 2, 50 * GIB),
            ("backup-01", 2, 1024 * GIB),
            ("scratch", 1, 20 * GIB),
        ];
        for (name, account_id, total_size) in volumes {
            cluster.add_volume(Volume {
                id: 0,
                name: name.to_string(),
                account_id,
                total_size,
                enable512e: true,
                access: "readWrite".to_string(),
                status: VolumeStatus::Active,
                created: setup_time,
                qos: Qos::default(),
                layout: Layout::default(),
                attributes: Map::new(),
            });
        }

        for node_id in 1..=4 {
            cluster.next_node_id();
            cluster.nodes.push(Node {
                id: node_id,
                host: host(&format!("sf-node-{node_id:02}"), 10 + node_id, CLUSTER_SOFTWARE),
                has_origin: node_id != 4,
            });
        }
        cluster.drives = seed_drives();

        cluster.pending_nodes = vec![
            PendingNode {
                pending_id: 1,
                host: host("sf-node-05", 15, OLD_SOFTWARE),
                compatible: false,
                adding: None,
            },
            PendingNode {
                pending_id: 2,
                host: host("sf-node-06", 16, CLUSTER_SOFTWARE),
                compatible: true,
                adding: None,
            },
        ];
        cluster
    }
}

/// Drives 1..=16 are active (one metadata and three block drives per node);
/// drives 17..=20 are spares, available in nodes 3 and 4.
fn seed_drives() -> Vec<Drive> {
    let mut drives = Vec::new();
    for node_id in 1..=4 {
        for slot in 0..DRIVES_PER_NODE {
            let kind = if slot == 0 { "volume" } else { "block" };
            let capacity = if slot == 0 { METADATA_DRIVE_CAPACITY } else { DRIVE_CAPACITY };
            drives.push(drive(drives.len() as i64 + 1, node_id, slot, kind, capacity));
        }
    }
    for (node_id, slot) in [(3, 4), (3, 5), (4, 4), (4, 5)] {
        drives.push(spare(drives.len() as i64 + 1, node_id, slot));
    }
    drives
}

/// A drive the cluster has not added yet: available, its type still unknown.
pub fn spare(id: i64, node_id: i64, slot: i64) -> Drive {
    let capacity = if slot == 0 { METADATA_DRIVE_CAPACITY } else { DRIVE_CAPACITY };
    let mut drive = drive(id, node_id, slot, "unknown", capacity);
    drive.status = DriveStatus::Available;
    drive.async_result_ids.clear();
    drive
}

fn drive(id: i64, node_id: i64, slot: i64, kind: &'static str, capacity: i64) -> Drive {
    Drive {
        id,
        node_id,
        slot,
        kind,
        capacity,
        status: DriveStatus::Active,
        // The cluster's own setup added these drives as async job 1.
        async_result_ids: vec![1],
    }
}

fn host(name: &str, octet: i64, software: &str) -> Host {
    Host {
        name: name.to_string(),
        mip: format!("10.117.30.{octet}"),
        cip: format!("10.117.60.{octet}"),
        sip: format!("10.117.62.{octet}"),
        software_version: software.to_string(),
        node_type: "H610S",
        chassis_type: "R640",
        cpu_model: "Intel(R) Xeon(R) Silver 4110 CPU @ 2.10GHz",
        memory_gb: 256,
    }
}
