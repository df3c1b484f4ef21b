//! The emulated cluster's inventory: accounts, volumes, drives and nodes.
//!
//! Methods read and change it; jobs change it when they complete. The
//! default inventory ([`Cluster::default_12_0`]) is a small, believable
//! four-node 12.0 cluster, so a learner can explore without setting anything up.

pub mod render;
mod seed;

use serde_json::{Map, Value};

use crate::clock::Timestamp;

pub const GIB: i64 = 1 << 30;

#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub initiator_secret: String,
    pub target_secret: String,
    pub enable_chap: bool,
    pub attributes: Map<String, Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeStatus {
    /// Being initialized (a clone in progress): not ready for connections.
    Init,
    Active,
}

#[derive(Clone, Debug)]
pub struct Qos {
    pub min_iops: i64,
    pub max_iops: i64,
    pub burst_iops: i64,
}

impl Default for Qos {
    fn default() -> Qos {
        Qos { min_iops: 50, max_iops: 15_000, burst_iops: 15_000 }
    }
}

/// How a volume's data is kept: what CreateVolume can set, and clones inherit.
#[derive(Clone, Debug)]
pub struct Layout {
    /// `singleHelix`, `doubleHelix` or `tripleHelix`.
    pub protection_scheme: String,
    /// How many snapshots the volume keeps in its FIFO, at most and at least.
    pub fifo_size: i64,
    pub min_fifo_size: i64,
    pub snap_mirror_replication: bool,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            protection_scheme: "doubleHelix".to_string(),
            fifo_size: 24,
            min_fifo_size: 0,
            snap_mirror_replication: false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Volume {
    pub id: i64,
    pub name: String,
    pub account_id: i64,
    pub total_size: i64,
    pub enable512e: bool,
    pub access: String,
    pub status: VolumeStatus,
    pub created: Timestamp,
    pub qos: Qos,
    pub layout: Layout,
    pub attributes: Map<String, Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DriveStatus {
    Available,
    Active,
    Removing,
}

impl DriveStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DriveStatus::Available => "available",
            DriveStatus::Active => "active",
            DriveStatus::Removing => "removing",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Drive {
    pub id: i64,
    pub node_id: i64,
    pub slot: i64,
    /// `volume` (metadata), `block`, or `unknown` until the drive is added.
    pub kind: &'static str,
    pub capacity: i64,
    pub status: DriveStatus,
    /// Handles of the DriveAdd / DriveRemoval jobs that touched this drive.
    pub async_result_ids: Vec<u64>,
}

/// Network and hardware identity shared by active and pending nodes.
#[derive(Clone, Debug)]
pub struct Host {
    pub name: String,
    pub mip: String,
    pub cip: String,
    pub sip: String,
    pub software_version: String,
    pub node_type: &'static str,
    pub chassis_type: &'static str,
    pub cpu_model: &'static str,
    pub memory_gb: i64,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub id: i64,
    pub host: Host,
    /// Whether the node carries a factory origination certificate (GetOrigin).
    pub has_origin: bool,
}

#[derive(Clone, Debug)]
pub struct PendingNode {
    pub pending_id: i64,
    pub host: Host,
    /// False when the node runs other software and AddNodes must RTFI it.
    pub compatible: bool,
    /// Set once AddNodes has started installing it (it is then pending-active).
    pub adding: Option<PendingActive>,
}

#[derive(Clone, Debug)]
pub struct PendingActive {
    pub assigned_node_id: i64,
    pub async_handle: u64,
    pub active_node_key: String,
}

#[derive(Clone, Debug, Default)]
pub struct Cluster {
    pub accounts: Vec<Account>,
    pub volumes: Vec<Volume>,
    pub drives: Vec<Drive>,
    pub nodes: Vec<Node>,
    pub pending_nodes: Vec<PendingNode>,
    next_account_id: i64,
    next_volume_id: i64,
    next_node_id: i64,
    next_clone_id: i64,
    next_bulk_id: i64,
}

impl Cluster {
    pub fn account(&self, id: i64) -> Option<&Account> {
        self.accounts.iter().find(|account| account.id == id)
    }

    pub fn volume(&self, id: i64) -> Option<&Volume> {
        self.volumes.iter().find(|volume| volume.id == id)
    }

    pub fn volume_mut(&mut self, id: i64) -> Option<&mut Volume> {
        self.volumes.iter_mut().find(|volume| volume.id == id)
    }

    pub fn drive_mut(&mut self, id: i64) -> Option<&mut Drive> {
        self.drives.iter_mut().find(|drive| drive.id == id)
    }

    pub fn pending_node_mut(&mut self, pending_id: i64) -> Option<&mut PendingNode> {
        self.pending_nodes.iter_mut().find(|node| node.pending_id == pending_id)
    }

    pub fn add_account(&mut self, mut account: Account) -> i64 {
        self.next_account_id += 1;
        account.id = self.next_account_id;
        self.accounts.push(account);
        self.next_account_id
    }

    pub fn add_volume(&mut self, mut volume: Volume) -> i64 {
        self.next_volume_id += 1;
        volume.id = self.next_volume_id;
        self.volumes.push(volume);
        self.next_volume_id
    }

    pub fn remove_volume(&mut self, id: i64) {
        self.volumes.retain(|volume| volume.id != id);
    }

    pub fn next_clone_id(&mut self) -> i64 {
        self.next_clone_id += 1;
        self.next_clone_id
    }

    pub fn next_bulk_id(&mut self) -> i64 {
        self.next_bulk_id += 1;
        self.next_bulk_id
    }

    /// Reserves the node ID a pending node will have once added.
    pub fn next_node_id(&mut self) -> i64 {
        self.next_node_id += 1;
        self.next_node_id
    }

    /// Turns a pending node into an active node with the given ID.
    pub fn activate_pending_node(&mut self, pending_id: i64, node_id: i64) {
        let Some(index) = self.pending_nodes.iter().position(|node| node.pending_id == pending_id)
        else {
            return;
        };
        let pending = self.pending_nodes.remove(index);
        let mut host = pending.host;
        if !pending.compatible {
            host.software_version = seed::CLUSTER_SOFTWARE.to_string();
        }
        self.nodes.push(Node { id: node_id, host, has_origin: false });

        // "Once you add a node, any drives on the node are made available", for AddDrives.
        let first = self.drives.iter().map(|drive| drive.id).max().unwrap_or(0) + 1;
        for slot in 0..seed::DRIVES_PER_NODE {
            self.drives.push(seed::spare(first + slot, node_id, slot));
        }
    }
}
