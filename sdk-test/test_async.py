"""The async job lifecycle, read through the SDK on the emulator's virtual clock.

GetAsyncResult's result is a plain dict in the SDK; a job's own failure is data inside it
(`result.error`), while GetAsyncResult failing (an unknown or purged handle) is an
ApiServerError. A completed result is purged by the first read without keepResult.
"""

import pytest
from solidfire.common import ApiServerError

GIB = 1024**3

# Every emulated job finishes within 15 minutes of virtual time.
LONGEST_JOB = 15 * 60


def test_clone_runs_completes_and_is_purged(element, replay):
    clone = element.clone_volume(1, "db-data-copy")
    handle = clone.async_handle

    # Running: details, no result; reading a running job never purges it.
    for _ in range(2):
        running = element.get_async_result(handle)
        assert (running["status"], running["resultType"]) == ("running", "Clone")
        assert isinstance(running["details"], dict)
        assert "result" not in running and "error" not in running

    replay.advance(LONGEST_JOB)
    for _ in range(2):
        kept = element.get_async_result(handle, keep_result=True)
        assert kept["status"] == "complete"
        assert "details" not in kept and "error" not in kept
        assert kept["result"]["cloneID"] == clone.clone_id
        assert kept["result"]["volumeID"] == clone.volume_id
    [listed] = element.list_async_results(["Clone"]).async_handles
    assert (listed.async_result_id, listed.completed, listed.success) == (handle, True, True)
    [volume] = element.list_volumes(volume_ids=[clone.volume_id]).volumes
    assert volume.status == "active"

    # The first read without keepResult still answers, and purges.
    assert element.get_async_result(handle) == kept
    with pytest.raises(ApiServerError) as caught:
        element.get_async_result(handle)
    assert caught.value.error_name == "xAsyncHandleDoesNotExist"
    assert element.list_async_results(["Clone"]).async_handles == []


def test_failed_job_reports_its_error_inside_the_result(element, replay):
    replay.fail_next("BulkVolume", "xBulkVolumeScriptFailure", "Bulk volume job failed")
    started = element.start_bulk_volume_read(1, "native")

    replay.advance(LONGEST_JOB)
    # Not an ApiServerError: GetAsyncResult itself succeeded.
    failed = element.get_async_result(started.async_handle, keep_result=True)

    assert (failed["status"], failed["resultType"]) == ("complete", "BulkVolume")
    assert failed["error"]["name"] == "xBulkVolumeScriptFailure"
    assert failed["error"]["message"] == "Bulk volume job failed"
    assert "result" not in failed
    [listed] = element.list_async_results(["BulkVolume"]).async_handles
    assert (listed.completed, listed.success) == (True, False)


def test_drive_add_moves_drives_to_active(element, replay):
    added = element.add_drives([{"driveID": 17}])

    replay.advance(LONGEST_JOB)
    done = element.get_async_result(added.async_handle)

    assert done["result"]["addedDrives"] == [17]
    statuses = {drive.drive_id: drive.status for drive in element.list_drives().drives}
    assert statuses[17] == "active"


def test_copy_volume_is_a_clone_job_onto_an_existing_volume(element, replay):
    target = element.create_volume("copy-target", 1, 100 * GIB).volume_id
    copy = element.copy_volume(1, target)

    assert element.get_async_result(copy.async_handle)["status"] == "running"
    replay.advance(LONGEST_JOB)
    done = element.get_async_result(copy.async_handle)

    assert (done["status"], done["resultType"]) == ("complete", "Clone")
    assert done["result"]["cloneID"] == copy.clone_id
    assert done["result"]["volumeID"] == target


def test_cancel_clone_ends_the_job_and_removes_the_new_volume(element, replay):
    clone = element.clone_volume(1, "cancelled-copy")

    element.cancel_clone(clone.clone_id)

    with pytest.raises(ApiServerError) as caught:
        element.get_async_result(clone.async_handle)
    assert caught.value.error_name == "xAsyncHandleDoesNotExist"
    names = [volume.name for volume in element.list_volumes().volumes]
    assert "cancelled-copy" not in names
    assert element.list_sync_jobs().sync_jobs == []
    with pytest.raises(ApiServerError) as caught:
        element.cancel_clone(clone.clone_id)
    assert caught.value.error_name == "xCloneIDDoesNotExist"


def test_cancel_group_clone_removes_every_member(element, replay):
    group = element.clone_multiple_volumes([{"volumeID": 1}, {"volumeID": 2}])

    element.cancel_group_clone(group.group_clone_id)

    volume_ids = {volume.volume_id for volume in element.list_volumes().volumes}
    assert not volume_ids & {member.volume_id for member in group.members}
    with pytest.raises(ApiServerError) as caught:
        element.get_async_result(group.async_handle)
    assert caught.value.error_name == "xAsyncHandleDoesNotExist"
