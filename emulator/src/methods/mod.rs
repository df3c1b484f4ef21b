//! Method dispatch: from a POST to the reply, and the side effects of jobs
//! when they complete.
//!
//! The path picks the endpoint version; the body becomes a request in the
//! steps of [`crate::wire`]; the method name picks a handler from [`HANDLERS`].
//! A handler reads its parameters through [`Params`] and returns a result
//! object or an [`ApiError`].

mod async_jobs;
mod common;
mod inventory;
mod progress;
mod stats;

use serde_json::Value;

use crate::cluster::{Cluster, DriveStatus, VolumeStatus};
use crate::jobs::Work;
use crate::params::{ApiResult, Params};
use crate::versions;
use crate::wire::{self, ApiError};
use crate::{Emulator, HttpResponse};

/// What a handler knows about the call besides its parameters.
pub struct Call<'a> {
    /// The endpoint version from the URL (`12.0`).
    pub endpoint: &'a str,
}

type Handler = fn(&mut Emulator, &mut Params, &Call) -> ApiResult<Value>;

/// Every emulated method and its handler.
pub const HANDLERS: &[(&str, Handler)] = &[
    ("GetAPI", common::get_api),
    ("GetAsyncResult", common::get_async_result),
    ("ListAsyncResults", common::list_async_results),
    ("GetLimits", stats::get_limits),
    ("GetOrigin", stats::get_origin),
    ("GetCompleteStats", stats::get_complete_stats),
    ("GetRawStats", stats::get_raw_stats),
    ("CloneVolume", async_jobs::clone_volume),
    ("CloneMultipleVolumes", async_jobs::clone_multiple_volumes),
    ("CopyVolume", async_jobs::copy_volume),
    ("StartBulkVolumeRead", async_jobs::start_bulk_volume_read),
    ("StartBulkVolumeWrite", async_jobs::start_bulk_volume_write),
    ("AddDrives", async_jobs::add_drives),
    ("RemoveDrives", async_jobs::remove_drives),
    ("AddNodes", async_jobs::add_nodes),
    ("ListSyncJobs", progress::list_sync_jobs),
    ("ListBulkVolumeJobs", progress::list_bulk_volume_jobs),
    ("CancelClone", async_jobs::cancel_clone),
    ("CancelGroupClone", async_jobs::cancel_group_clone),
    ("ListAccounts", inventory::list_accounts),
    ("AddAccount", inventory::add_account),
    ("ListVolumes", inventory::list_volumes),
    ("CreateVolume", inventory::create_volume),
    ("ListDrives", inventory::list_drives),
    ("ListAllNodes", inventory::list_all_nodes),
    ("ListPendingNodes", inventory::list_pending_nodes),
];

/// The names of the emulated methods.
pub fn emulated_methods() -> impl Iterator<Item = &'static str> {
    HANDLERS.iter().map(|(name, _)| *name)
}

pub fn answer(emulator: &mut Emulator, path: &str, body: &str) -> HttpResponse {
    let Some(endpoint) = endpoint_version(path) else {
        return not_found(path);
    };
    let request = match wire::parse_request(body) {
        Ok(request) => request,
        Err(rejected) => return json_reply(wire::error_body(&rejected.id, &rejected.error)),
    };

    let call = Call { endpoint };
    let mut params = Params::new(request.params);
    let reply = match dispatch(emulator, &request.method, &mut params, &call) {
        Ok(result) => wire::success_body(&request.id, result, params.unused()),
        Err(error) => wire::error_body(&request.id, &error),
    };
    json_reply(reply)
}

fn dispatch(
    emulator: &mut Emulator,
    method: &str,
    params: &mut Params,
    call: &Call,
) -> ApiResult<Value> {
    if !versions::method_available(method, call.endpoint) {
        return Err(ApiError::new("xUnknownAPIMethod", format!("Unknown method: method={method}")));
    }
    if let Some(fault) = emulator.take_call_fault(method) {
        return Err(ApiError::new(&fault.name, fault.message));
    }
    match HANDLERS.iter().find(|(name, _)| *name == method) {
        Some((_, handler)) => handler(emulator, params, call),
        None => Err(ApiError::new(
            "xMethodNotEmulated",
            format!(
                "{method} is a real Element {} method, but this playground does not emulate it; \
                 GetAPI lists every method and the playground's method list shows the emulated ones. \
                 method={method}",
                versions::CLUSTER_VERSION
            ),
        )),
    }
}

/// The version in `/json-rpc/<version>` (a trailing slash is fine, and a
/// query string plays no part in routing), if the cluster serves it.
fn endpoint_version(path: &str) -> Option<&str> {
    let path = path.split_once('?').map_or(path, |(path, _query)| path);
    let rest = path.strip_prefix("/json-rpc/")?;
    let version = rest.strip_suffix('/').unwrap_or(rest);
    versions::is_supported(version).then_some(version)
}

fn json_reply(body: String) -> HttpResponse {
    HttpResponse { status: 200, content_type: "application/json", body }
}

/// A cluster's web server answers an unknown path or version with a plain page.
fn not_found(path: &str) -> HttpResponse {
    let path: String = path.chars().filter(|c| !matches!(c, '<' | '>' | '&' | '"')).collect();
    let body = format!(
        "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>\
         <p>The requested URL {path} was not found on this server.</p></body></html>"
    );
    HttpResponse { status: 404, content_type: "text/html", body }
}

/// What a finished job does to the inventory.
pub fn apply_completion(cluster: &mut Cluster, work: &Work, succeeded: bool) {
    match work {
        Work::Clone { pairs, copy, .. } => {
            for (_, dst) in pairs {
                if succeeded {
                    if let Some(volume) = cluster.volume_mut(*dst) {
                        volume.status = VolumeStatus::Active;
                    }
                } else if !copy {
                    cluster.remove_volume(*dst);
                }
            }
        }
        Work::BulkVolume(_) => {}
        // A drive that failed to join, or left, is a spare again, of unknown type.
        Work::DriveAdd { drives } if !succeeded => release_drives(cluster, drives),
        Work::DriveAdd { .. } => {}
        Work::DriveRemoval { drives } if succeeded => release_drives(cluster, drives),
        Work::DriveRemoval { drives } => set_drive_status(cluster, drives, DriveStatus::Active),
        Work::Rtfi { pending_id, node_id } => {
            if succeeded {
                cluster.activate_pending_node(*pending_id, *node_id);
            } else if let Some(node) = cluster.pending_node_mut(*pending_id) {
                node.adding = None;
            }
        }
    }
}

fn release_drives(cluster: &mut Cluster, drives: &[i64]) {
    set_drive_status(cluster, drives, DriveStatus::Available);
    for id in drives {
        if let Some(drive) = cluster.drive_mut(*id) {
            drive.kind = "unknown";
        }
    }
}

fn set_drive_status(cluster: &mut Cluster, drives: &[i64], status: DriveStatus) {
    for id in drives {
        if let Some(drive) = cluster.drive_mut(*id) {
            drive.status = status;
        }
    }
}
