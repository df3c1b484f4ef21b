//! Accounts, volumes, drives and nodes: enough of the inventory to discover
//! IDs and set up jobs.

use serde_json::{json, Map, Value};

use super::stats::limit;
use super::Call;
use crate::cluster::render::{self, qos_curve};
use crate::cluster::{Account, Layout, Qos, Volume, VolumeStatus};
use crate::params::{ApiResult, Params};
use crate::wire::ApiError;
use crate::Emulator;

/// The volume access modes: the vendor's four, and the SDK's `snapMirrorTarget`.
pub const ACCESS_MODES: &[&str] =
    &["readOnly", "readWrite", "locked", "replicationTarget", "snapMirrorTarget"];

pub fn list_accounts(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let start = params.optional_int("startAccountID")?.unwrap_or(0);
    let count = take_count(params.optional_int("limit")?);
    params.optional_bool("includeStorageContainers")?;

    let cluster = &emulator.cluster;
    let accounts: Vec<Value> = cluster
        .accounts
        .iter()
        .filter(|account| account.id >= start)
        .take(count)
        .map(|account| cluster.account_json(account))
        .collect();
    Ok(json!({"accounts": accounts}))
}

pub fn add_account(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let username = params.required_str("username")?;
    let initiator_secret = params.optional_str("initiatorSecret")?;
    let target_secret = params.optional_str("targetSecret")?;
    let attributes = params.optional_object("attributes")?.unwrap_or_default();
    let enable_chap = params.optional_bool("enableChap")?.unwrap_or(true);

    check_length("username", &username, "accountNameLength")?;
    for (member, secret) in
        [("initiatorSecret", &initiator_secret), ("targetSecret", &target_secret)]
    {
        if let Some(secret) = secret {
            check_length(member, secret, "secretLength")?;
        }
    }
    let cluster = &mut emulator.cluster;
    if cluster.accounts.iter().any(|account| account.username == username) {
        return Err(ApiError::new("xDuplicateUsername", format!("username={username}")));
    }
    let max = limit("accountCountMax");
    if i64::try_from(cluster.accounts.len()).map_or(true, |count| count >= max) {
        let message = format!("Exceeded max number of accounts. limit={max}");
        return Err(ApiError::new("xExceededLimit", message));
    }

    let next_id = cluster.accounts.len() as i64 + 1;
    let account = Account {
        id: 0,
        initiator_secret: initiator_secret.unwrap_or_else(|| generated_secret(next_id, 'i')),
        target_secret: target_secret.unwrap_or_else(|| generated_secret(next_id, 't')),
        username,
        enable_chap,
        attributes,
    };
    let id = cluster.add_account(account);
    let account = cluster.account(id).map(|account| cluster.account_json(account));
    Ok(json!({"account": account, "accountID": id}))
}

/// A CHAP secret of 12 characters, as the cluster generates when none is given.
fn generated_secret(account_id: i64, kind: char) -> String {
    let key = render::stable_hex_key(account_id as u64 * 2 + u64::from(kind == 't'));
    format!("{}{}", kind, &key[..11])
}

pub fn list_volumes(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let start = params.optional_id("startVolumeID")?;
    let limit = params.optional_id("limit")?;
    let status = params.optional_str("volumeStatus")?;
    let accounts = params.optional_int_array("accounts")?;
    let volume_ids = params.optional_int_array("volumeIDs")?;
    let name = params.optional_str("volumeName")?;
    let schemes = params.optional_str_array("protectionSchemes")?;
    params.optional_bool("isPaired")?;
    params.optional_bool("includeVirtualVolumes")?;

    // The vendor's page: volumeIDs goes with none of the paging and account filters, and
    // at most 10000 volumes come back unless `limit` says otherwise.
    if volume_ids.is_some() {
        let given = [("startVolumeID", start.is_some()), ("limit", limit.is_some())];
        let given = given.into_iter().chain([("accounts", accounts.is_some())]);
        if let Some((member, _)) = given.into_iter().find(|(_, given)| *given) {
            return Err(ApiError::invalid(member, "not allowed with volumeIDs"));
        }
    }
    let (start, count) = (start.unwrap_or(0), take_count(limit.or(Some(10_000))));

    let matches = |volume: &&Volume| {
        volume.id >= start
            && status.as_deref().is_none_or(|status| status == status_name(volume.status))
            && accounts.as_ref().is_none_or(|ids| ids.contains(&volume.account_id))
            && volume_ids.as_ref().is_none_or(|ids| ids.contains(&volume.id))
            && name.as_ref().is_none_or(|name| *name == volume.name)
            && schemes
                .as_ref()
                .is_none_or(|schemes| schemes.contains(&volume.layout.protection_scheme))
    };
    let volumes: Vec<Value> = emulator
        .cluster
        .volumes
        .iter()
        .filter(matches)
        .take(count)
        .map(render::volume_json)
        .collect();
    Ok(json!({"volumes": volumes}))
}

fn status_name(status: VolumeStatus) -> &'static str {
    match status {
        VolumeStatus::Init => "init",
        VolumeStatus::Active => "active",
    }
}

pub fn create_volume(emulator: &mut Emulator, params: &mut Params, _: &Call) -> ApiResult<Value> {
    let name = params.required_str("name")?;
    let account_id = params.required_int("accountID")?;
    let total_size = params.required_int("totalSize")?;
    let enable512e = params.optional_bool("enable512e")?.unwrap_or(false);
    // The vendor's page: only `snapMirrorTarget` may be set at creation.
    let access = params.optional_enum("access", &["snapMirrorTarget"])?;
    let qos = read_qos(params.optional_object("qos")?)?;
    let attributes = params.optional_object("attributes")?.unwrap_or_default();
    let layout = read_layout(params)?;
    // No QoS policy exists on the emulated cluster (the policy methods are not emulated).
    if let Some(policy) = params.optional_id("qosPolicyID")? {
        let message = format!("QoSPolicyID {policy} does not exist.");
        return Err(ApiError::new("xQoSPolicyDoesNotExist", message));
    }
    params.optional_bool("associateWithQoSPolicy")?;

    check_length("name", &name, "volumeNameLength")?;
    let total_size = checked_size("totalSize", total_size)?;
    if emulator.cluster.account(account_id).is_none() {
        return Err(no_such_account(account_id));
    }
    check_volume_room(emulator, account_id, 1)?;

    let volume = Volume {
        id: 0,
        name,
        account_id,
        total_size,
        enable512e,
        access: access.unwrap_or_else(|| "readWrite".to_string()),
        status: VolumeStatus::Active,
        created: emulator.now,
        qos,
        layout,
        attributes,
    };
    let id = emulator.cluster.add_volume(volume);
    let volume = emulator.cluster.volume(id).map(render::volume_json);
    Ok(json!({"curve": qos_curve(), "volume": volume, "volumeID": id}))
}

pub const PROTECTION_SCHEMES: &[&str] = &["singleHelix", "doubleHelix", "tripleHelix"];

/// The protection scheme, snapshot FIFO and SnapMirror flag CreateVolume may set.
fn read_layout(params: &mut Params) -> ApiResult<Layout> {
    let mut layout = Layout::default();
    if let Some(scheme) = params.optional_enum("protectionScheme", PROTECTION_SCHEMES)? {
        layout.protection_scheme = scheme;
    }
    let snapshots = limit("snapshotsPerVolumeMax");
    let fifo = params.optional_int("fifoSize")?.unwrap_or(layout.fifo_size);
    let min_fifo = params.optional_int("minFifoSize")?.unwrap_or(layout.min_fifo_size);
    if !(1..=snapshots).contains(&fifo) {
        return Err(ApiError::invalid("fifoSize", format!("{fifo} is outside 1..{snapshots}")));
    }
    if !(0..=fifo).contains(&min_fifo) {
        return Err(ApiError::invalid("minFifoSize", format!("{min_fifo} is outside 0..{fifo}")));
    }
    (layout.fifo_size, layout.min_fifo_size) = (fifo, min_fifo);
    layout.snap_mirror_replication =
        params.optional_bool("enableSnapMirrorReplication")?.unwrap_or(false);
    Ok(layout)
}

fn read_qos(qos: Option<Map<String, Value>>) -> ApiResult<Qos> {
    let mut result = Qos::default();
    let Some(qos) = qos else { return Ok(result) };
    let mut params = Params::new(qos);
    result.min_iops = params.optional_int("minIOPS")?.unwrap_or(result.min_iops);
    result.max_iops = params.optional_int("maxIOPS")?.unwrap_or(result.max_iops);
    result.burst_iops = params.optional_int("burstIOPS")?.unwrap_or(result.burst_iops);
    let bounds = [
        ("minIOPS", result.min_iops, "volumeMinIOPS"),
        ("maxIOPS", result.max_iops, "volumeMaxIOPS"),
        ("burstIOPS", result.burst_iops, "volumeBurstIOPS"),
    ];
    for (member, value, limit_name) in bounds {
        let (min, max) = (limit(&format!("{limit_name}Min")), limit(&format!("{limit_name}Max")));
        if !(min..=max).contains(&value) {
            return Err(ApiError::invalid(member, format!("{value} is outside {min}..{max}")));
        }
    }
    Ok(result)
}

/// A size in bytes within GetLimits' bounds, rounded up to a whole MiB.
pub fn checked_size(member: &str, size: i64) -> ApiResult<i64> {
    const MIB: i64 = 1 << 20;
    let (min, max) = (limit("volumeSizeMin"), limit("volumeSizeMax"));
    let why = if size < min {
        format!("{size} bytes is below the minimum volume size of {min} bytes")
    } else if size > max {
        format!("{size} bytes is above the maximum volume size of {max} bytes")
    } else {
        // Within the bounds, rounding up cannot overflow. The maximum is a
        // whole number of MiB, so the rounded size stays within it.
        return Ok((size + MIB - 1) / MIB * MIB);
    };
    Err(ApiError::new("xInvalidParameter", format!("{member}: {why}")))
}

/// Volumes are limited per cluster (`volumeCountMax`) and per account
/// (`volumesPerAccountCountMax`); `adding` more would pass one of them.
pub fn check_volume_room(emulator: &Emulator, account_id: i64, adding: usize) -> ApiResult<()> {
    let volumes = &emulator.cluster.volumes;
    let owned = volumes.iter().filter(|volume| volume.account_id == account_id).count();
    let checks = [
        ("volumeCountMax", volumes.len(), "volumes on the cluster".to_string()),
        ("volumesPerAccountCountMax", owned, format!("volumes for accountID {account_id}")),
    ];
    for (name, count, what) in checks {
        let max = limit(name);
        if i64::try_from(count.saturating_add(adding)).map_or(true, |total| total > max) {
            let message = format!("Exceeded max number of {what}. limit={max}");
            return Err(ApiError::new("xExceededLimit", message));
        }
    }
    Ok(())
}

/// How many items a `limit` parameter asks for; none or 0 means all.
pub fn take_count(limit: Option<i64>) -> usize {
    match limit {
        Some(limit) if limit > 0 => usize::try_from(limit).unwrap_or(usize::MAX),
        _ => usize::MAX,
    }
}

/// A name's length within GetLimits' `<limit>Min` and `<limit>Max`.
pub fn check_length(member: &str, text: &str, limit_name: &str) -> ApiResult<()> {
    let (min, max) = (limit(&format!("{limit_name}Min")), limit(&format!("{limit_name}Max")));
    let length = text.chars().count() as i64;
    if (min..=max).contains(&length) {
        return Ok(());
    }
    let why = format!("length {length} is outside {min}..{max} characters");
    Err(ApiError::new("xExceededLimit", format!("{member}: {why}")))
}

pub fn no_such_account(id: i64) -> ApiError {
    ApiError::new("xAccountIDDoesNotExist", format!("Illegal AccountID {id}"))
}

pub fn list_drives(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let drives: Vec<Value> = emulator.cluster.drives.iter().map(render::drive_json).collect();
    Ok(json!({"drives": drives}))
}

pub fn list_all_nodes(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let cluster = &emulator.cluster;
    let nodes: Vec<Value> = cluster.nodes.iter().map(render::node_json).collect();
    let waiting = cluster.pending_nodes.iter().filter(|node| node.adding.is_none());
    let pending: Vec<Value> = waiting.map(render::pending_node_json).collect();
    let pending_active: Vec<Value> =
        cluster.pending_nodes.iter().filter_map(render::pending_active_json).collect();
    Ok(json!({"nodes": nodes, "pendingActiveNodes": pending_active, "pendingNodes": pending}))
}

pub fn list_pending_nodes(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let waiting = emulator.cluster.pending_nodes.iter().filter(|node| node.adding.is_none());
    let pending: Vec<Value> = waiting.map(render::pending_node_json).collect();
    Ok(json!({"pendingNodes": pending}))
}
