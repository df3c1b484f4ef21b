//! GetLimits, GetOrigin, GetCompleteStats and GetRawStats: the read-only
//! common methods that describe the cluster itself.

use serde_json::{json, Map, Value};

use super::Call;
use crate::cluster::DriveStatus;
use crate::params::{ApiResult, Params};
use crate::Emulator;

/// The limits of a 12.x cluster, as the vendor documents them. The answer is
/// the same at every endpoint version.
pub const LIMITS: &[(&str, i64)] = &[
    ("accountCountMax", 5000),
    ("accountNameLengthMax", 64),
    ("accountNameLengthMin", 1),
    ("backupTargetNameLengthMax", 64),
    ("backupTargetNameLengthMin", 1),
    ("bulkVolumeJobsPerNodeMax", 8),
    ("bulkVolumeJobsPerVolumeMax", 2),
    ("chapCredentialsCountMax", 15000),
    ("cloneJobsPerNodeMax", 8),
    ("cloneJobsPerVirtualVolumeMax", 8),
    ("cloneJobsPerVolumeMax", 2),
    ("clusterAdminAccountMax", 5000),
    ("clusterAdminInfoNameLengthMax", 1024),
    ("clusterAdminInfoNameLengthMin", 1),
    ("clusterPairsCountMax", 4),
    ("fibreChannelVolumeAccessMax", 16384),
    ("initiatorAliasLengthMax", 224),
    ("initiatorCountMax", 10000),
    ("initiatorNameLengthMax", 224),
    ("initiatorsPerVolumeAccessGroupCountMax", 128),
    ("iscsiSessionsFromFibreChannelNodesMax", 4096),
    ("maxAuthSessionsForCluster", 1024),
    ("maxAuthSessionsPerUser", 1024),
    ("nodesPerClusterCountMax", 100),
    ("nodesPerClusterCountMin", 3),
    ("qosPolicyCountMax", 500),
    ("qosPolicyNameLengthMax", 64),
    ("qosPolicyNameLengthMin", 1),
    ("scheduleNameLengthMax", 244),
    ("secretLengthMax", 16),
    ("secretLengthMin", 12),
    ("snapMirrorEndpointIPAddressesCountMax", 64),
    ("snapMirrorEndpointsCountMax", 4),
    ("snapMirrorLabelLengthMax", 31),
    ("snapMirrorObjectAttributeValueInfoCountMax", 9900000),
    ("snapshotNameLengthMax", 255),
    ("snapshotsPerVolumeMax", 32),
    ("storageNodesPerClusterCountMin", 2),
    ("virtualVolumeCountMax", 8000),
    ("virtualVolumesPerAccountCountMax", 10000),
    ("volumeAccessGroupCountMax", 1000),
    ("volumeAccessGroupLunMax", 16383),
    ("volumeAccessGroupNameLengthMax", 64),
    ("volumeAccessGroupNameLengthMin", 1),
    ("volumeAccessGroupsPerInitiatorCountMax", 1),
    ("volumeAccessGroupsPerVolumeCountMax", 64),
    ("volumeBurstIOPSMax", 200000),
    ("volumeBurstIOPSMin", 100),
    ("volumeCountMax", 4000),
    ("volumeMaxIOPSMax", 200000),
    ("volumeMaxIOPSMin", 100),
    ("volumeMinIOPSMax", 15000),
    ("volumeMinIOPSMin", 50),
    ("volumeNameLengthMax", 64),
    ("volumeNameLengthMin", 1),
    ("volumeSizeMax", 17592186044416),
    ("volumeSizeMin", 1000000000),
    ("volumesPerAccountCountMax", 2000),
    ("volumesPerGroupSnapshotMax", 32),
    ("volumesPerVolumeAccessGroupCountMax", 2000),
    ("witnessNodesPerClusterCountMax", 4),
];

/// One limit by name (0 if unknown, which a unit test rules out for the
/// names the emulator enforces).
pub fn limit(name: &str) -> i64 {
    LIMITS.iter().find(|(key, _)| *key == name).map_or(0, |(_, value)| *value)
}

pub fn get_limits(_: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let limits: Map<String, Value> =
        LIMITS.iter().map(|(name, value)| (name.to_string(), json!(value))).collect();
    Ok(Value::Object(limits))
}

/// Factory-built nodes carry an origination certificate; a node without one
/// (here node 4, and any node added later) reports `origin: null`.
pub fn get_origin(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let nodes: Vec<Value> = emulator
        .cluster
        .nodes
        .iter()
        .map(|node| {
            let origin = if node.has_origin { origin_certificate(node.id) } else { Value::Null };
            json!({"nodeID": node.id, "result": {"origin": origin}})
        })
        .collect();
    Ok(json!({"nodes": nodes}))
}

/// The signature bytes of each factory-built node's certificate, base64 as
/// on the wire: 64 made-up bytes each (a SHA-512 of the node's name), so
/// that a client decoding them gets bytes, as from a real cluster.
const ORIGIN_SIGNATURES: [&str; 3] = [
    "BA9TfWSd3W7R2AxyS1/9lUSl+Av7nKV+LiM07RuGqLGES2+3NCSMzye15yhycnuM5jw3C0YQ/dze1aTpFa9klw==",
    "uqxZJ3/GqcCBe2M9doDzuzlOcZs5l00of7IjgeFIzj3sG+H+pB5YBEANU+591QUlc2ZWY1L2trhgwHOloX+Ceg==",
    "jGI6ec6lI3SqslglFfDcYpvKZBeDTnOmL7ylLhICuOjPOo3coZt7ReGMuro5xd+ltnHl2hle4AQ9lqVhalac1Q==",
];

/// The public key that checks those signatures: a PEM header around a name.
const ORIGIN_PUBKEY: &str = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KcGxheWdyb3VuZAo=";

fn origin_certificate(node_id: i64) -> Value {
    let index = usize::try_from(node_id - 1).unwrap_or(0) % ORIGIN_SIGNATURES.len();
    json!({
        "<signature>": {
            "data": ORIGIN_SIGNATURES[index],
            "pubkey": ORIGIN_PUBKEY,
            "version": 1,
        },
        "contract-date": "03/14/2024",
        "contract-name": "00004812",
        "contract-quantity": 4,
        "contract-type": "Master",
        "integrator": "NetApp",
        "location": "Research Triangle Park, North Carolina",
        "organization": "none",
        "type": "appliance",
    })
}

/// Undocumented engineering counters: a stable object per cluster, node and
/// volume, growing with virtual time so successive calls differ.
pub fn get_complete_stats(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let seconds = emulator.now.as_millis().div_euclid(1000) % 1_000_000_000;
    let cluster = &emulator.cluster;
    let nodes: Map<String, Value> = cluster
        .nodes
        .iter()
        .map(|node| {
            let load = node.id * 1000;
            let stats = json!({
                "cpu": 12 + node.id,
                "networkUtilizationCluster": 3,
                "networkUtilizationStorage": 7,
                "readOps": seconds * (400 + load / 10),
                "usedMemory": 91_000_000_000_i64 + load,
                "writeOps": seconds * (250 + load / 20),
            });
            (node.id.to_string(), stats)
        })
        .collect();
    let volumes: Map<String, Value> = cluster
        .volumes
        .iter()
        .map(|volume| {
            let stats = json!({
                "readBytes": seconds * 4096 * (volume.id * 37 % 50 + 10),
                "readOps": seconds * (volume.id * 37 % 50 + 10),
                "writeBytes": seconds * 4096 * (volume.id * 23 % 40 + 5),
                "writeOps": seconds * (volume.id * 23 % 40 + 5),
            });
            (volume.id.to_string(), stats)
        })
        .collect();
    let total_ops = seconds * 4500;
    Ok(json!({
        "cluster": {"clientQueueDepth": 6, "readOps": total_ops, "writeOps": total_ops / 2},
        "nodes": nodes,
        "volumes": volumes,
    }))
}

/// Raw per-service counters, keyed `service-<n>`, one block service per
/// active block drive.
pub fn get_raw_stats(emulator: &mut Emulator, _: &mut Params, _: &Call) -> ApiResult<Value> {
    let seconds = emulator.now.as_millis().div_euclid(1000) % 1_000_000_000;
    let services: Map<String, Value> = emulator
        .cluster
        .drives
        .iter()
        .filter(|drive| drive.kind == "block" && drive.status == DriveStatus::Active)
        .map(|drive| {
            let stats = json!({
                "nodeID": drive.node_id,
                "readBytes": seconds * 65_536,
                "scacheBytesInUse": 1_073_741_824 + drive.id * 4096,
                "writeBytes": seconds * 32_768,
            });
            (format!("service-{}", drive.id + 100), stats)
        })
        .collect();
    Ok(Value::Object(services))
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;

    use super::*;

    #[test]
    fn origin_signatures_and_key_are_real_base64() {
        let engine = base64::engine::general_purpose::STANDARD;
        for signature in ORIGIN_SIGNATURES {
            assert_eq!(engine.decode(signature).map(|bytes| bytes.len()), Ok(64), "{signature}");
        }
        let key = engine.decode(ORIGIN_PUBKEY).unwrap();
        assert!(key.starts_with(b"-----BEGIN PUBLIC KEY-----"));
    }
}
