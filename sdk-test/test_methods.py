"""Every method the playground emulates, called through the SolidFire SDK's typed methods.

Each row of CALLS sets up what its method needs on a fresh default cluster, makes the call
through the SDK (which deserializes the reply into the SDK's model), checks a few real
values, and returns the result. The table test then checks that the row's last request
really was its method, and reads the result strictly (see strict.py).

test_every_emulated_method_has_a_row asks the emulator which methods it emulates, so that
a method added to the emulator without a row here fails the suite.
"""

import json
import re

import pytest
from solidfire.models import (
    AddAccountResult,
    AddDrivesResult,
    AddNodesResult,
    AsyncHandleResult,
    CancelCloneResult,
    CancelGroupCloneResult,
    CloneMultipleVolumesResult,
    CloneVolumeResult,
    CopyVolumeResult,
    CreateVolumeResult,
    GetAPIResult,
    GetLimitsResult,
    GetOriginResult,
    ListAccountsResult,
    ListAllNodesResult,
    ListAsyncResultsResult,
    ListBulkVolumeJobsResult,
    ListDrivesResult,
    ListPendingNodesResult,
    ListSyncJobsResult,
    ListVolumesResult,
    StartBulkVolumeReadResult,
    StartBulkVolumeWriteResult,
)

from strict import problems

GIB = 1024**3

# Method name -> fn(element, replay) that calls it through the SDK and returns the result.
CALLS = {}


def calls(method):
    def register(function):
        CALLS[method] = function
        return function

    return register


# --- common methods -----------------------------------------------------------------------------


@calls("GetAPI")
def get_api(element, replay):
    api = element.get_api()
    assert isinstance(api, GetAPIResult)
    # The factory did float() on it to connect; every listed version must survive that too.
    assert float(api.current_version) == 12.0
    assert {"7.0", "12.0"} <= set(api.supported_versions)
    assert all(float(version) for version in api.supported_versions)
    return api


@calls("GetLimits")
def get_limits(element, replay):
    limits = element.get_limits()
    assert isinstance(limits, GetLimitsResult)
    assert limits.volume_size_min == 1000000000
    assert limits.volume_size_max == 17592186044416
    assert limits.clone_jobs_per_volume_max == 2
    return limits


@calls("GetOrigin")
def get_origin(element, replay):
    origin = element.get_origin()
    assert isinstance(origin, GetOriginResult)
    assert [node.node_id for node in origin.nodes] == [1, 2, 3, 4]
    return origin


@calls("GetCompleteStats")
def get_complete_stats(element, replay):
    stats = element.get_complete_stats()
    assert isinstance(stats, dict) and stats
    return stats


@calls("GetRawStats")
def get_raw_stats(element, replay):
    stats = element.get_raw_stats()
    assert isinstance(stats, dict) and stats
    return stats


@calls("ListAsyncResults")
def list_async_results(element, replay):
    listing = element.list_async_results(async_result_types=["DriveAdd"])
    assert isinstance(listing, ListAsyncResultsResult)
    [seeded] = listing.async_handles
    assert (seeded.async_result_id, seeded.result_type) == (1, "DriveAdd")
    assert seeded.completed and seeded.success
    assert seeded.data["addedDrives"] == list(range(1, 17))
    return listing


@calls("GetAsyncResult")
def get_async_result(element, replay):
    job = element.get_async_result(1, keep_result=True)
    assert job["status"] == "complete"
    assert job["resultType"] == "DriveAdd"
    assert job["result"]["addedDrives"] == list(range(1, 17))
    return job


# --- methods that start jobs, and their companions ----------------------------------------------


@calls("CloneVolume")
def clone_volume(element, replay):
    clone = element.clone_volume(1, "db-data-copy")
    assert isinstance(clone, CloneVolumeResult)
    assert clone.volume.volume_id == clone.volume_id
    assert (clone.volume.name, clone.volume.status) == ("db-data-copy", "init")
    assert clone.curve["4096"] == 100
    return clone


@calls("CloneMultipleVolumes")
def clone_multiple_volumes(element, replay):
    group = element.clone_multiple_volumes([{"volumeID": 1}, {"volumeID": 2, "name": "logs"}])
    assert isinstance(group, CloneMultipleVolumesResult)
    assert [member.src_volume_id for member in group.members] == [1, 2]
    return group


@calls("CopyVolume")
def copy_volume(element, replay):
    target = element.create_volume("copy-target", 1, 100 * GIB).volume_id
    copy = element.copy_volume(1, target)
    assert isinstance(copy, CopyVolumeResult)
    assert isinstance(copy.async_handle, int) and isinstance(copy.clone_id, int)
    return copy


@calls("CancelClone")
def cancel_clone(element, replay):
    clone = element.clone_volume(1, "short-lived")
    cancelled = element.cancel_clone(clone.clone_id)
    assert isinstance(cancelled, CancelCloneResult)
    return cancelled


@calls("CancelGroupClone")
def cancel_group_clone(element, replay):
    group = element.clone_multiple_volumes([{"volumeID": 1}, {"volumeID": 2}])
    cancelled = element.cancel_group_clone(group.group_clone_id)
    assert isinstance(cancelled, CancelGroupCloneResult)
    return cancelled


@calls("ListSyncJobs")
def list_sync_jobs(element, replay):
    clone = element.clone_volume(1, "in-progress")
    listing = element.list_sync_jobs()
    assert isinstance(listing, ListSyncJobsResult)
    [job] = [job for job in listing.sync_jobs if job.clone_id == clone.clone_id]
    assert (job.type, job.src_volume_id, job.dst_volume_id) == ("clone", 1, clone.volume_id)
    return listing


@calls("ListBulkVolumeJobs")
def list_bulk_volume_jobs(element, replay):
    started = element.start_bulk_volume_read(1, "native")
    listing = element.list_bulk_volume_jobs()
    assert isinstance(listing, ListBulkVolumeJobsResult)
    [job] = [job for job in listing.bulk_volume_jobs if job.key == started.key]
    assert (job.type, job.format, job.src_volume_id) == ("read", "native", 1)
    return listing


@calls("StartBulkVolumeRead")
def start_bulk_volume_read(element, replay):
    started = element.start_bulk_volume_read(1, "native")
    assert isinstance(started, StartBulkVolumeReadResult)
    assert re.fullmatch("[0-9a-f]{32}", started.key)
    assert started.url.startswith("https://")
    return started


@calls("StartBulkVolumeWrite")
def start_bulk_volume_write(element, replay):
    started = element.start_bulk_volume_write(2, "uncompressed")
    assert isinstance(started, StartBulkVolumeWriteResult)
    assert re.fullmatch("[0-9a-f]{32}", started.key)
    return started


@calls("AddDrives")
def add_drives(element, replay):
    added = element.add_drives([{"driveID": 17}, {"driveID": 18, "type": "block"}])
    assert isinstance(added, AddDrivesResult)
    assert added.async_handle == 2
    return added


@calls("RemoveDrives")
def remove_drives(element, replay):
    removal = element.remove_drives([16])
    assert isinstance(removal, AsyncHandleResult)
    assert removal.async_handle == 2
    return removal


@calls("AddNodes")
def add_nodes(element, replay):
    added = element.add_nodes([1, 2])
    assert isinstance(added, AddNodesResult)
    assert [node.pending_node_id for node in added.nodes] == [1, 2]
    # Node 1 needs a software install (an RTFI job); node 2 joins at once.
    assert isinstance(added.nodes[0].async_handle, int)
    assert added.nodes[1].async_handle is None
    return added


# --- inventory ----------------------------------------------------------------------------------


@calls("ListVolumes")
def list_volumes(element, replay):
    listing = element.list_volumes()
    assert isinstance(listing, ListVolumesResult)
    names = [volume.name for volume in listing.volumes]
    assert names == ["db-data", "db-logs", "web-assets", "backup-01", "scratch"]
    assert str(listing.volumes[0].access) == "readWrite"
    return listing


@calls("CreateVolume")
def create_volume(element, replay):
    created = element.create_volume("new-volume", 2, 10 * GIB, enable512e=False)
    assert isinstance(created, CreateVolumeResult)
    assert (created.volume.volume_id, created.volume.name) == (6, "new-volume")
    assert (created.volume.account_id, created.volume.total_size) == (2, 10 * GIB)
    return created


@calls("AddAccount")
def add_account(element, replay):
    added = element.add_account("tenant-c")
    assert isinstance(added, AddAccountResult)
    assert added.account_id == 3
    assert added.account.username == "tenant-c"
    return added


@calls("ListAccounts")
def list_accounts(element, replay):
    listing = element.list_accounts()
    assert isinstance(listing, ListAccountsResult)
    assert [account.username for account in listing.accounts] == ["tenant-a", "tenant-b"]
    return listing


@calls("ListDrives")
def list_drives(element, replay):
    listing = element.list_drives()
    assert isinstance(listing, ListDrivesResult)
    statuses = {drive.drive_id: drive.status for drive in listing.drives}
    assert sorted(statuses) == list(range(1, 21))
    assert (statuses[16], statuses[17]) == ("active", "available")
    return listing


@calls("ListAllNodes")
def list_all_nodes(element, replay):
    # Pending node 1 needs a software install, so it is listed as pending-active meanwhile.
    installing = element.add_nodes([1]).nodes[0]
    listing = element.list_all_nodes()
    assert isinstance(listing, ListAllNodesResult)
    assert [node.node_id for node in listing.nodes] == [1, 2, 3, 4]
    assert [node.pending_node_id for node in listing.pending_nodes] == [2]
    [active] = listing.pending_active_nodes
    assert (active.pending_node_id, active.async_handle) == (1, installing.async_handle)
    assert active.role == "Storage"
    return listing


@calls("ListPendingNodes")
def list_pending_nodes(element, replay):
    listing = element.list_pending_nodes()
    assert isinstance(listing, ListPendingNodesResult)
    assert [node.compatible for node in listing.pending_nodes] == [False, True]
    return listing


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", sorted(CALLS))
def test_sdk_call(method, element, replay):
    result = CALLS[method](element, replay)

    last_request = json.loads(replay.posts[-1][1])
    assert last_request["method"] == method, "the row must end with its own method's call"
    assert problems(result) == []


def emulated_methods(replay):
    """The methods the emulator emulates, found by asking it.

    GetAPI lists every real method (never itself); the emulator answers the ones it does
    not emulate with xMethodNotEmulated, whatever the parameters. Empty parameters are
    enough to tell: an emulated method answers a result or a parameter error. The probe
    runs on its own process, so whatever it starts there does not matter. If the error's
    name ever changes, every method looks emulated and the test below fails loudly.
    """
    listed = replay.call("GetAPI")["result"]["12.0"]
    emulated = {"GetAPI"}
    for method in listed:
        error = replay.call(method).get("error") or {}
        if error.get("name") != "xMethodNotEmulated":
            emulated.add(method)
    return emulated


def test_every_emulated_method_has_a_row(replay):
    emulated = emulated_methods(replay)

    missing = sorted(emulated - CALLS.keys())
    assert not missing, f"emulated, but no SDK call in CALLS: {missing}"

