"""Element errors as the SDK raises them: ApiServerError, carrying the real error name.

The SDK raises ApiServerError only for a reply with an `error` object whose code is not
400 (a 400 becomes requests.HTTPError); a missing `code` would crash it with a KeyError.
So each row checks the exception's type, name and code, and that the message arrived.
"""

import pytest
from solidfire.common import ApiServerError

GIB = 1024**3

ERRORS = [
    ("unknown volume", lambda element: element.clone_volume(999, "copy"), "xVolumeIDDoesNotExist"),
    # The SDK sends a required argument given as None as null; the cluster rejects it.
    ("null name", lambda element: element.clone_volume(1, None), "xMissingParameter"),
    (
        "null total size",
        lambda element: element.create_volume("new", 1, None),
        "xMissingParameter",
    ),
    ("unknown handle", lambda element: element.get_async_result(999), "xAsyncHandleDoesNotExist"),
    (
        "unknown account",
        lambda element: element.create_volume("new", 99, 10 * GIB),
        "xAccountIDDoesNotExist",
    ),
    ("duplicate username", lambda element: element.add_account("tenant-a"), "xDuplicateUsername"),
    (
        "bad enum",
        lambda element: element.start_bulk_volume_read(1, "zip"),
        "xUnrecognizedEnumString",
    ),
    (
        "unknown pending node",
        lambda element: element.add_nodes([9]),
        "xDBNoSuchPath",
    ),
    # No typed method exists for an unknown method; send_request is what they all call.
    (
        "unknown method",
        lambda element: element.send_request("FormatEverything", dict),
        "xUnknownAPIMethod",
    ),
]


@pytest.mark.parametrize("call, name", [row[1:] for row in ERRORS], ids=[row[0] for row in ERRORS])
def test_error_is_an_api_server_error(call, name, element):
    with pytest.raises(ApiServerError) as caught:
        call(element)

    error = caught.value
    assert (error.error_name, error.error_code) == (name, 500)
    assert error.message


def test_fail_next_calls_is_retried_like_a_real_script(element, replay):
    message = "slice 1 is not registered; retry"
    replay.fail_next_calls("CloneVolume", 2, "xSliceNotRegistered", message)

    # What a script does for an error Element documents as transient: try again.
    retried = []
    for _ in range(5):
        try:
            clone = element.clone_volume(1, "retried-copy")
            break
        except ApiServerError as error:
            assert error.error_name == "xSliceNotRegistered"
            retried.append(error.message)
    else:
        pytest.fail(f"CloneVolume still failing after {len(retried)} tries")

    assert retried == [message, message]
    assert clone.volume.name == "retried-copy"
    # The failures started nothing: the clone that succeeded is the only job besides the seed.
    handles = [handle.async_result_id for handle in element.list_async_results().async_handles]
    assert handles == [1, clone.async_handle]


def test_fail_next_calls_leaves_other_methods_alone(element, replay):
    replay.fail_next_calls("CloneVolume", 1, "xNotReadyForIO", "try again")

    assert len(element.list_volumes().volumes) == 5
    with pytest.raises(ApiServerError) as caught:
        element.clone_volume(1, "copy")
    assert caught.value.error_name == "xNotReadyForIO"
    assert element.clone_volume(1, "copy").volume.name == "copy"
