//! The wire form of inventory objects, with Element's member names. UUIDs are
//! derived from IDs, so the same cluster always renders the same bytes.

use serde_json::{json, Value};

use super::{Account, Cluster, Drive, Host, Node, PendingNode, Volume, VolumeStatus};

/// The IOPS curve Element reports for every volume's QoS.
pub fn qos_curve() -> Value {
    json!({
        "1048576": 15000, "131072": 1950, "16384": 270, "262144": 3900, "32768": 500,
        "4096": 100, "524288": 7600, "65536": 1000, "8192": 160
    })
}

/// A well-formed, version-4-shaped UUID that depends only on its inputs.
pub fn stable_uuid(kind: u64, id: i64) -> String {
    let high = mix(kind.wrapping_mul(0x9e37_79b9) ^ id as u64);
    let low = mix(high ^ 0x5851_f42d_4c95_7f2d);
    let time_mid = (high >> 16) & 0xffff;
    let version = 0x4000 | (high & 0x0fff);
    let variant = 0x8000 | (low >> 48 & 0x3fff);
    let node = low & 0xffff_ffff_ffff;
    format!("{:08x}-{time_mid:04x}-{version:04x}-{variant:04x}-{node:012x}", high >> 32)
}

/// 32 lowercase hex characters derived from a seed (bulk volume keys).
pub fn stable_hex_key(seed: u64) -> String {
    let high = mix(seed ^ 0xb5ad_4ece_da1c_e2a9);
    format!("{high:016x}{:016x}", mix(high))
}

/// splitmix64's finalizer: a cheap, well-spread bit mixer.
fn mix(mut bits: u64) -> u64 {
    bits = bits.wrapping_add(0x9e37_79b9_7f4a_7c15);
    bits = (bits ^ (bits >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    bits = (bits ^ (bits >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    bits ^ (bits >> 31)
}

impl Cluster {
    pub fn account_json(&self, account: &Account) -> Value {
        let volumes: Vec<i64> = self
            .volumes
            .iter()
            .filter(|volume| volume.account_id == account.id)
            .map(|volume| volume.id)
            .collect();
        json!({
            "accountID": account.id,
            "attributes": account.attributes,
            "enableChap": account.enable_chap,
            "initiatorSecret": account.initiator_secret,
            "status": "active",
            "storageContainerID": "00000000-0000-0000-0000-000000000000",
            "targetSecret": account.target_secret,
            "username": account.username,
            "volumes": volumes,
        })
    }
}

pub fn volume_json(volume: &Volume) -> Value {
    let status = match volume.status {
        VolumeStatus::Init => "init",
        VolumeStatus::Active => "active",
    };
    let iqn = format!("iqn.2010-01.com.solidfire:mkt4.{}.{}", iqn_name(&volume.name), volume.id);
    json!({
        "access": volume.access,
        "accountID": volume.account_id,
        "attributes": volume.attributes,
        "blockSize": 4096,
        "createTime": volume.created.to_iso(),
        "currentProtectionScheme": volume.layout.protection_scheme,
        "deleteTime": "",
        "enable512e": volume.enable512e,
        "enableSnapMirrorReplication": volume.layout.snap_mirror_replication,
        "fifoSize": volume.layout.fifo_size,
        "iqn": iqn,
        "lastAccessTime": Value::Null,
        "lastAccessTimeIO": Value::Null,
        "minFifoSize": volume.layout.min_fifo_size,
        "name": volume.name,
        "previousProtectionScheme": Value::Null,
        "purgeTime": "",
        "qos": {
            "burstIOPS": volume.qos.burst_iops,
            "burstTime": 60,
            "curve": qos_curve(),
            "maxIOPS": volume.qos.max_iops,
            "minIOPS": volume.qos.min_iops,
        },
        "qosPolicyID": Value::Null,
        "scsiEUIDeviceID": format!("6d6b7434{:08x}f47acc0100000000", volume.id),
        "scsiNAADeviceID": format!("6f47acc1000000006d6b7434{:08x}", volume.id),
        // A clone gets its slice once the copy starts filling it.
        "sliceCount": i64::from(volume.status == VolumeStatus::Active),
        "status": status,
        "totalSize": volume.total_size,
        "virtualVolumeID": Value::Null,
        "volumeAccessGroups": [],
        "volumeConsistencyGroupUUID": stable_uuid(2, volume.id),
        "volumeID": volume.id,
        "volumePairs": [],
        "volumeUUID": stable_uuid(1, volume.id),
    })
}

/// A volume name as it appears in an IQN: lower case, and only the letters,
/// digits, `-` and `.` an iSCSI name allows (anything else becomes `-`).
fn iqn_name(name: &str) -> String {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
    name.chars().map(|c| if allowed(c) { c.to_ascii_lowercase() } else { '-' }).collect()
}

pub fn drive_json(drive: &Drive) -> Value {
    let drive_type = match drive.kind {
        "volume" => "Slice",
        "block" => "Block",
        _ => "Unknown",
    };
    json!({
        "asyncResultIDs": drive.async_result_ids,
        "attributes": {},
        "capacity": drive.capacity,
        "chassisSlot": drive.slot.to_string(),
        "customerSliceFileCapacity": 0,
        "driveFailureDetail": "None",
        "driveID": drive.id,
        "driveSecurityFaultReason": "None",
        "driveStatus": "Healthy",
        "driveType": drive_type,
        "failCount": 0,
        "keyID": Value::Null,
        "keyProviderID": Value::Null,
        "nodeID": drive.node_id,
        "reservedSliceFileCapacity": 0,
        "segmentFileSize": 0,
        "serial": format!("scsi-SATA_SAMSUNG_MZ7LM96S2UJNX0J{:06}", drive.id * 7919 % 1_000_000),
        "skipLabel": false,
        "slot": drive.slot,
        "smartSsdWriteCapable": false,
        "status": drive.status.as_str(),
        "type": drive.kind,
        "usableCapacity": drive.capacity - drive.capacity / 20,
    })
}

fn platform_json(host: &Host) -> Value {
    json!({
        "chassisType": host.chassis_type,
        "cpuModel": host.cpu_model,
        "nodeMemoryGB": host.memory_gb,
        "nodeType": host.node_type,
        "platformConfigVersion": "12.0.0.333",
    })
}

pub fn node_json(node: &Node) -> Value {
    let host = &node.host;
    json!({
        "associatedFServiceID": 0,
        "associatedMasterServiceID": node.id,
        "attributes": {},
        "chassisName": format!("{}-chassis", host.name),
        "cip": host.cip,
        "cipi": "Bond10G",
        "customProtectionDomainName": "",
        "fibreChannelTargetPortGroup": Value::Null,
        "maintenanceMode": "Disabled",
        "mip": host.mip,
        "mipi": "Bond1G",
        "name": host.name,
        "nodeID": node.id,
        "nodeSlot": "",
        "platformInfo": platform_json(host),
        "role": "Storage",
        "sip": host.sip,
        "sipi": "Bond10G",
        "softwareVersion": host.software_version,
        "uuid": stable_uuid(3, node.id),
        "virtualNetworks": [],
    })
}

pub fn pending_node_json(node: &PendingNode) -> Value {
    let host = &node.host;
    json!({
        "assignedNodeID": 0,
        "chassisName": format!("{}-chassis", host.name),
        "cip": host.cip,
        "cipi": "Bond10G",
        "compatible": node.compatible,
        "customProtectionDomainName": "",
        "mip": host.mip,
        "mipi": "Bond1G",
        "name": host.name,
        "nodeSlot": "",
        "pendingNodeID": node.pending_id,
        "platformInfo": platform_json(host),
        "role": "Storage",
        "sip": host.sip,
        "sipi": "Bond10G",
        "softwareVersion": host.software_version,
        "uuid": stable_uuid(4, node.pending_id),
    })
}

/// A pending node that AddNodes is installing, as in `pendingActiveNodes`.
pub fn pending_active_json(node: &PendingNode) -> Option<Value> {
    let adding = node.adding.as_ref()?;
    let host = &node.host;
    Some(json!({
        "activeNodeKey": adding.active_node_key,
        "assignedNodeID": adding.assigned_node_id,
        "asyncHandle": adding.async_handle,
        "cip": host.cip,
        "mip": host.mip,
        "pendingActiveNodeID": node.pending_id,
        "pendingNodeID": node.pending_id,
        "platformInfo": platform_json(host),
        "role": "Storage",
        "sip": host.sip,
        "softwareVersion": host.software_version,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_well_formed_stable_and_distinct() {
        let uuid = stable_uuid(1, 7);
        assert_eq!(uuid, stable_uuid(1, 7));
        assert_ne!(uuid, stable_uuid(1, 8));
        assert_ne!(uuid, stable_uuid(2, 7));
        let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert!(uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(&uuid[14..15], "4");
        assert!("89ab".contains(&uuid[19..20]));
    }

    #[test]
    fn keys_are_32_hex_characters() {
        let key = stable_hex_key(3);
        assert_eq!(key.len(), 32);
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(key, stable_hex_key(4));
    }
}
