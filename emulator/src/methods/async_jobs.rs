//! The methods that start async jobs. Each validates its parameters, changes
//! the inventory as the real method does at once (a clone's volume appears in
//! `init`), starts a job and answers with its `asyncHandle`.

use serde_json::{json, Value};

use super::inventory::{
    check_length, check_volume_room, checked_size, no_such_account, ACCESS_MODES,
};
use super::stats::limit;
use super::Call;
use crate::cluster::render::{self, qos_curve};
use crate::cluster::{DriveStatus, PendingActive, Volume, VolumeStatus};
use crate::jobs::{BulkVolumeWork, Work};
use crate::params::{check_distinct, member_int, ApiResult, Params};
use crate::wire::ApiError;
use crate::Emulator;

pub fn clone_volume(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let volume_id = params.required_int("volumeID")?;
    let name = params.required_str("name")?;
    let request = CloneRequest {
        new_account_id: params.optional_id("newAccountID")?,
        new_size: params.optional_id("newSize")?,
        access: params.optional_enum("access", ACCESS_MODES)?,
        attributes: params.optional_object("attributes")?,
        enable512e: params.optional_bool("enable512e")?,
    };
    check_snapshot(params.optional_id("snapshotID")?)?;
    let snap_mirror = params.optional_bool("enableSnapMirrorReplication")?;

    check_length("name", &name, "volumeNameLength")?;
    check_clone_source(emulator, volume_id)?;
    let mut new_volume = clone_target(emulator, volume_id, name, &request)?;
    new_volume.layout.snap_mirror_replication = snap_mirror.unwrap_or(false);
    check_volume_room(emulator, new_volume.account_id, 1)?;
    let bytes = new_volume.total_size;
    let new_id = emulator.cluster.add_volume(new_volume);

    let clone_id = emulator.cluster.next_clone_id();
    let pairs = vec![(volume_id, new_id)];
    let work = Work::Clone { clone_id, group_clone_id: None, pairs, bytes, copy: false };
    let label = format!("clone volume {volume_id} → {new_id}");
    let handle = emulator.start_job("CloneVolume", label, work);
    let volume = emulator.cluster.volume(new_id).map(render::volume_json);
    Ok(json!({
        "asyncHandle": handle,
        "cloneID": clone_id,
        "curve": qos_curve(),
        "volume": volume,
        "volumeID": new_id,
    }))
}

pub fn clone_multiple_volumes(
    emulator: &mut Emulator,
    params: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    let entries = params.required_array("volumes")?;
    let group_access = params.optional_enum("access", ACCESS_MODES)?;
    let group_account = params.optional_id("newAccountID")?;
    if let Some(group_snapshot) = params.optional_id("groupSnapshotID")? {
        return Err(ApiError::new(
            "xGroupSnapshotIDDoesNotExist",
            format!("GroupSnapshotID {group_snapshot} does not exist."),
        ));
    }
    let snap_mirror = params.optional_bool("enableSnapMirrorReplication")?.unwrap_or(false);
    if entries.is_empty() {
        return Err(ApiError::invalid("volumes", "at least one volume is required"));
    }

    // Validate every member before creating anything, so a bad entry changes nothing.
    let source_ids = entries.iter().map(|entry| member_int(entry, "volumes", "volumeID"));
    check_distinct("volumes.volumeID", &source_ids.collect::<ApiResult<Vec<_>>>()?)?;
    let mut targets = Vec::new();
    for entry in entries {
        let Value::Object(members) = entry else {
            return Err(ApiError::wrong_type("volumes", "array of objects", &entry));
        };
        let mut member = Params::new(members);
        let volume_id = member.required_int("volumeID")?;
        let name = member.optional_str("name")?;
        let request = CloneRequest {
            new_account_id: member.optional_id("newAccountID")?.or(group_account),
            new_size: member.optional_id("newSize")?,
            access: member.optional_enum("access", ACCESS_MODES)?.or(group_access.clone()),
            attributes: member.optional_object("attributes")?,
            enable512e: None,
        };
        check_clone_source(emulator, volume_id)?;
        // "If optional members are not specified, the values are inherited from the source
        // volumes", the name included; Element allows two volumes one name.
        let source_name = emulator.cluster.volume(volume_id).map(|v| v.name.clone());
        let name = name.or(source_name).unwrap_or_default();
        check_length("volumes.name", &name, "volumeNameLength")?;
        let mut target = clone_target(emulator, volume_id, name, &request)?;
        target.layout.snap_mirror_replication = snap_mirror;
        targets.push((volume_id, target));
    }

    let mut per_account = std::collections::BTreeMap::new();
    for (_, target) in &targets {
        *per_account.entry(target.account_id).or_insert(0) += 1;
    }
    for (account_id, adding) in per_account {
        check_volume_room(emulator, account_id, adding)?;
    }

    let mut pairs = Vec::new();
    let mut bytes = 0;
    for (source, target) in targets {
        bytes += target.total_size;
        pairs.push((source, emulator.cluster.add_volume(target)));
    }
    let clone_id = emulator.cluster.next_clone_id();
    let group_clone_id = clone_id;
    let label = format!("group clone of {} volumes", pairs.len());
    let members: Vec<Value> =
        pairs.iter().map(|(src, dst)| json!({"srcVolumeID": src, "volumeID": dst})).collect();
    let work =
        Work::Clone { clone_id, group_clone_id: Some(group_clone_id), pairs, bytes, copy: false };
    let handle = emulator.start_job("CloneMultipleVolumes", label, work);
    Ok(json!({"asyncHandle": handle, "groupCloneID": group_clone_id, "members": members}))
}

/// Overwrites an existing volume with the content of another (or of one of
/// its snapshots). It is a clone job: it counts against the source's clone
/// limit, reports as `Clone`, shows in ListSyncJobs and stops with CancelClone.
pub fn copy_volume(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let volume_id = params.required_int("volumeID")?;
    let dst_volume_id = params.required_int("dstVolumeID")?;
    check_snapshot(params.optional_id("snapshotID")?)?;

    check_clone_source(emulator, volume_id)?;
    let source_size = emulator.cluster.volume(volume_id).map_or(0, |volume| volume.total_size);
    let destination =
        emulator.cluster.volume(dst_volume_id).ok_or_else(|| no_such_volume(dst_volume_id))?;
    if dst_volume_id == volume_id {
        return Err(ApiError::invalid("dstVolumeID", "a volume cannot be copied onto itself"));
    }
    if destination.status == VolumeStatus::Init {
        let message = format!("VolumeID {dst_volume_id} is still being initialized; retry later");
        return Err(ApiError::new("xNotReadyForIO", message));
    }
    if destination.total_size != source_size {
        let why = format!(
            "the destination must be the size of the source ({source_size} bytes), not {} bytes",
            destination.total_size
        );
        return Err(ApiError::invalid("dstVolumeID", &why));
    }

    let clone_id = emulator.cluster.next_clone_id();
    let pairs = vec![(volume_id, dst_volume_id)];
    let work =
        Work::Clone { clone_id, group_clone_id: None, pairs, bytes: source_size, copy: true };
    let label = format!("copy volume {volume_id} → {dst_volume_id}");
    let handle = emulator.start_job("CopyVolume", label, work);
    Ok(json!({"asyncHandle": handle, "cloneID": clone_id}))
}

/// Stops a running CloneVolume or CopyVolume; its handle goes away and a
/// clone's new volume is removed.
pub fn cancel_clone(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let clone_id = params.required_int("cloneID")?;
    let grouped = running_clone(
        emulator,
        |work| matches!(work, Work::Clone { clone_id: id, group_clone_id: Some(_), .. } if *id == clone_id),
    );
    if grouped.is_some() {
        let why = format!("clone {clone_id} belongs to a group clone; CancelGroupClone stops it");
        return Err(ApiError::invalid("cloneID", why));
    }
    let index = running_clone(emulator, |work| {
        matches!(work, Work::Clone { clone_id: id, group_clone_id: None, .. } if *id == clone_id)
    })
    .ok_or_else(|| {
        ApiError::new("xCloneIDDoesNotExist", format!("CloneID {clone_id} does not exist."))
    })?;
    emulator.cancel(index);
    Ok(json!({}))
}

/// Stops a running CloneMultipleVolumes; every member's new volume is removed.
pub fn cancel_group_clone(
    emulator: &mut Emulator,
    params: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    let group_id = params.required_int("groupCloneID")?;
    let index = running_clone(
        emulator,
        |work| matches!(work, Work::Clone { group_clone_id: Some(id), .. } if *id == group_id),
    )
    .ok_or_else(|| {
        ApiError::new(
            "xGroupCloneIDDoesNotExist",
            format!("GroupCloneID {group_id} does not exist."),
        )
    })?;
    emulator.cancel(index);
    Ok(json!({}))
}

/// The index of the running job whose work `matches`.
fn running_clone(emulator: &Emulator, matches: impl Fn(&Work) -> bool) -> Option<usize> {
    emulator.jobs.iter().position(|job| job.is_running() && matches(&job.work))
}

struct CloneRequest {
    new_account_id: Option<i64>,
    new_size: Option<i64>,
    access: Option<String>,
    attributes: Option<serde_json::Map<String, Value>>,
    enable512e: Option<bool>,
}

/// The source must exist, be ready for IO, and have fewer running clones than
/// `cloneJobsPerVolumeMax`.
fn check_clone_source(emulator: &Emulator, volume_id: i64) -> ApiResult<()> {
    let source = emulator.cluster.volume(volume_id).ok_or_else(|| no_such_volume(volume_id))?;
    if source.status == VolumeStatus::Init {
        let message = format!("VolumeID {volume_id} is still being initialized; retry later");
        return Err(ApiError::new("xNotReadyForIO", message));
    }
    let running = emulator
        .jobs
        .iter()
        .filter(|job| job.is_running())
        .filter(|job| matches!(&job.work, Work::Clone { pairs, .. } if pairs.iter().any(|p| p.0 == volume_id)))
        .count() as i64;
    let max = limit("cloneJobsPerVolumeMax");
    if running >= max {
        let message =
            format!("VolumeID {volume_id} already has {running} clones running; limit={max}");
        return Err(ApiError::new("xMaxClonesPerVolumeExceeded", message));
    }
    Ok(())
}

/// The new volume a clone creates, in `init` until the job completes.
fn clone_target(
    emulator: &Emulator,
    volume_id: i64,
    name: String,
    request: &CloneRequest,
) -> ApiResult<Volume> {
    let source = emulator.cluster.volume(volume_id).ok_or_else(|| no_such_volume(volume_id))?;
    let account_id = request.new_account_id.unwrap_or(source.account_id);
    if emulator.cluster.account(account_id).is_none() {
        return Err(no_such_account(account_id));
    }
    // The vendor's page: newSize "might be greater or less than" the source's size.
    let total_size = match request.new_size {
        Some(size) => checked_size("newSize", size)?,
        None => source.total_size,
    };
    Ok(Volume {
        id: 0,
        name,
        account_id,
        total_size,
        enable512e: request.enable512e.unwrap_or(source.enable512e),
        access: request.access.clone().unwrap_or_else(|| source.access.clone()),
        status: VolumeStatus::Init,
        created: emulator.now,
        qos: source.qos.clone(),
        layout: source.layout.clone(),
        attributes: request.attributes.clone().unwrap_or_default(),
    })
}

pub fn start_bulk_volume_read(
    emulator: &mut Emulator,
    params: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    start_bulk_volume(emulator, params, "read")
}

pub fn start_bulk_volume_write(
    emulator: &mut Emulator,
    params: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    start_bulk_volume(emulator, params, "write")
}

fn start_bulk_volume(
    emulator: &mut Emulator,
    params: &mut Params,
    mode: &'static str,
) -> ApiResult<Value> {
    let volume_id = params.required_int("volumeID")?;
    let format = params.required_enum("format", &["native", "uncompressed"])?;
    if mode == "read" {
        check_snapshot(params.optional_id("snapshotID")?)?;
    }
    let script = params.optional_str("script")?;
    params.optional_object("scriptParameters")?;
    params.optional_object("attributes")?;

    let volume = emulator.cluster.volume(volume_id).ok_or_else(|| no_such_volume(volume_id))?;
    let bytes = volume.total_size;
    check_bulk_jobs_per_volume(emulator, volume_id)?;

    let key = render::stable_hex_key(emulator.next_handle() * 7919 + volume_id as u64);
    let bulk_id = emulator.cluster.next_bulk_id();
    let bulk = BulkVolumeWork { bulk_id, volume_id, mode, format, script, key: key.clone(), bytes };
    let label = format!("bulk {mode} of volume {volume_id}");
    let method = if mode == "read" { "StartBulkVolumeRead" } else { "StartBulkVolumeWrite" };
    let handle = emulator.start_job(method, label, Work::BulkVolume(bulk));

    let node_sip = emulator.cluster.nodes.first().map_or("127.0.0.1", |node| &node.host.sip);
    Ok(json!({
        "asyncHandle": handle,
        "key": key,
        "url": format!("https://{node_sip}:44000/"),
    }))
}

/// At most `bulkVolumeJobsPerVolumeMax` bulk jobs run on one volume.
fn check_bulk_jobs_per_volume(emulator: &Emulator, volume_id: i64) -> ApiResult<()> {
    let running = emulator
        .jobs
        .iter()
        .filter(|job| job.is_running())
        .filter(|job| matches!(&job.work, Work::BulkVolume(bulk) if bulk.volume_id == volume_id))
        .count() as i64;
    let max = limit("bulkVolumeJobsPerVolumeMax");
    if running >= max {
        let message = format!(
            "VolumeID {volume_id} already has {running} bulk volume jobs running; limit={max}"
        );
        return Err(ApiError::new("xMaxBulkVolumeJobsPerVolumeExceeded", message));
    }
    Ok(())
}

pub fn add_drives(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let entries = params.required_array("drives")?;
    let mut drives = Vec::new();
    let mut asked = Vec::new();
    for entry in &entries {
        let id = member_int(entry, "drives", "driveID")?;
        let kind = match entry.get("type").filter(|kind| !kind.is_null()) {
            None => None,
            Some(Value::String(kind)) if ["slice", "block", "volume"].contains(&kind.as_str()) => {
                Some(kind.as_str())
            }
            Some(Value::String(kind)) => {
                return Err(ApiError::new("xUnrecognizedEnumString", kind))
            }
            Some(other) => return Err(ApiError::wrong_type("drives.type", "string", other)),
        };
        drives.push(id);
        asked.push(kind);
    }
    check_distinct("drives.driveID", &drives)?;
    check_drives(emulator, &drives, DriveStatus::Available)?;

    // Added drives are active at once, typed; the job syncs data onto them.
    let handle = emulator.next_handle();
    for (id, asked) in drives.iter().zip(asked) {
        let kind = assigned_type(emulator, *id, asked);
        if let Some(drive) = emulator.cluster.drive_mut(*id) {
            drive.status = DriveStatus::Active;
            drive.kind = kind;
            drive.async_result_ids.push(handle);
        }
    }
    let label = format!("add drives {}", list(&drives));
    let handle = emulator.start_job("AddDrives", label, Work::DriveAdd { drives });
    Ok(json!({"asyncHandle": handle}))
}

pub fn remove_drives(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let drives = params.required_int_array("drives")?;
    check_distinct("drives", &drives)?;
    check_drives(emulator, &drives, DriveStatus::Active)?;

    let handle = emulator.next_handle();
    for id in &drives {
        if let Some(drive) = emulator.cluster.drive_mut(*id) {
            drive.status = DriveStatus::Removing;
            drive.async_result_ids.push(handle);
        }
    }
    let label = format!("remove drives {}", list(&drives));
    let handle = emulator.start_job("RemoveDrives", label, Work::DriveRemoval { drives });
    Ok(json!({"asyncHandle": handle}))
}

/// Every drive must exist, be in `status`, and not already be in a running job.
fn check_drives(emulator: &Emulator, drives: &[i64], status: DriveStatus) -> ApiResult<()> {
    if drives.is_empty() {
        return Err(ApiError::invalid("drives", "at least one drive is required"));
    }
    for id in drives {
        let drive = emulator.cluster.drives.iter().find(|drive| drive.id == *id);
        let drive = drive.ok_or_else(|| {
            ApiError::new("xDriveIDDoesNotExist", format!("DriveID {id} does not exist."))
        })?;
        let busy =
            emulator.jobs.iter().filter(|job| job.is_running()).find_map(|job| match &job.work {
                Work::DriveAdd { drives } if drives.contains(id) => Some("added"),
                Work::DriveRemoval { drives } if drives.contains(id) => Some("removed"),
                _ => None,
            });
        let why = match busy {
            Some(doing) => {
                format!("drive {id} is still being {doing} by job {}", drive_job(emulator, *id))
            }
            None if drive.status != status => {
                format!("drive {id} is {}; it must be {}", drive.status.as_str(), status.as_str())
            }
            None => continue,
        };
        return Err(ApiError::new("xInvalidParameter", why));
    }
    Ok(())
}

/// The handle of the last job that touched a drive.
fn drive_job(emulator: &Emulator, id: i64) -> u64 {
    let drive = emulator.cluster.drives.iter().find(|drive| drive.id == id);
    drive.and_then(|drive| drive.async_result_ids.last().copied()).unwrap_or(0)
}

/// The type a drive takes when added: the one asked for (`slice` is the
/// metadata type, `volume` in ListDrives), else a metadata drive for a node
/// that has none, else a block drive, as the cluster assigns it.
fn assigned_type(emulator: &Emulator, id: i64, asked: Option<&str>) -> &'static str {
    match asked {
        Some("slice" | "volume") => return "volume",
        Some(_) => return "block",
        None => {}
    }
    let node =
        emulator.cluster.drives.iter().find(|drive| drive.id == id).map(|drive| drive.node_id);
    let has_metadata = emulator.cluster.drives.iter().any(|drive| {
        Some(drive.node_id) == node && drive.kind == "volume" && drive.status == DriveStatus::Active
    });
    if has_metadata {
        "block"
    } else {
        "volume"
    }
}

pub fn add_nodes(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let pending_ids = params.required_int_array("pendingNodes")?;
    let auto_install = params.optional_bool("autoInstall")?.unwrap_or(true);
    if pending_ids.is_empty() {
        return Err(ApiError::invalid("pendingNodes", "at least one pending node is required"));
    }
    check_distinct("pendingNodes", &pending_ids)?;
    for id in &pending_ids {
        let node = emulator.cluster.pending_nodes.iter().find(|node| node.pending_id == *id);
        let node = node.filter(|node| node.adding.is_none()).ok_or_else(|| {
            let path = format!("/pendingnodes/{id}");
            ApiError::new(
                "xDBNoSuchPath",
                format!("DBClient operation requested on a non-existent path at [{path}]"),
            )
        })?;
        if !node.compatible && !auto_install {
            let why = format!(
                "pending node {id} runs {} and needs an RTFI; set autoInstall to true",
                node.host.software_version
            );
            return Err(ApiError::new("xInvalidParameter", why));
        }
    }

    let mut added = Vec::new();
    for pending_id in pending_ids {
        added.push(add_node(emulator, pending_id));
    }
    Ok(json!({"autoInstall": auto_install, "nodes": added}))
}

/// Adds one validated pending node: at once if it runs the cluster's
/// software, else through an RTFI job.
fn add_node(emulator: &mut Emulator, pending_id: i64) -> Value {
    let node_id = emulator.cluster.next_node_id();
    let active_node_key = render::stable_hex_key(pending_id as u64)[..10].to_string();
    let Some(node) = emulator.cluster.pending_nodes.iter().find(|n| n.pending_id == pending_id)
    else {
        return json!({"pendingNodeID": pending_id});
    };
    let mut added = json!({
        "activeNodeKey": active_node_key,
        "assignedNodeID": node_id,
        "cip": node.host.cip,
        "mip": node.host.mip,
        "nodeID": node_id,
        "pendingNodeID": pending_id,
        "platformInfo": {"chassisType": node.host.chassis_type, "cpuModel": node.host.cpu_model,
                          "nodeMemoryGB": node.host.memory_gb, "nodeType": node.host.node_type},
        "sip": node.host.sip,
        "softwareVersion": node.host.software_version,
    });
    if node.compatible {
        emulator.cluster.activate_pending_node(pending_id, node_id);
        return added;
    }

    let label = format!("RTFI pending node {pending_id} → node {node_id}");
    let handle = emulator.start_job("AddNodes", label, Work::Rtfi { pending_id, node_id });
    if let Some(node) = emulator.cluster.pending_node_mut(pending_id) {
        node.adding = Some(PendingActive {
            assigned_node_id: node_id,
            async_handle: handle,
            active_node_key,
        });
    }
    if let Value::Object(map) = &mut added {
        map.insert("asyncHandle".into(), json!(handle));
    }
    added
}

/// Snapshots are not emulated, so the cluster has none: any ID is unknown.
fn check_snapshot(snapshot_id: Option<i64>) -> ApiResult<()> {
    match snapshot_id {
        Some(id) => Err(ApiError::new(
            "xSnapshotIDDoesNotExist",
            format!("SnapshotID {id} does not exist."),
        )),
        None => Ok(()),
    }
}

pub fn no_such_volume(id: i64) -> ApiError {
    ApiError::new("xVolumeIDDoesNotExist", format!("VolumeID {id} does not exist."))
}

fn list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}
