"""How the SDK connects: ElementFactory's GetAPI bootstrap and its version checks."""

import json

import pytest
from solidfire import Element
from solidfire.common import ApiConnectionError, SdkOperationError

from dispatcher import ReplayDispatcher, connect, endpoint_path


def sent(replay):
    """(path, method) of every request posted so far."""
    return [(path, json.loads(text)["method"]) for path, text in replay.posts]


def test_factory_bootstraps_at_7_0_then_uses_the_current_version(replay):
    element = connect(replay)
    element.get_limits()

    assert sent(replay) == [("/json-rpc/7.0", "GetAPI"), ("/json-rpc/12.0", "GetLimits")]
    assert element.api_version == 12.0


def test_factory_connects_at_an_older_version_on_request(replay):
    element = connect(replay, version="9.0")
    element.get_origin()

    assert element.api_version == 9.0
    assert sent(replay)[-1] == ("/json-rpc/9.0", "GetOrigin")


def test_factory_refuses_a_version_the_cluster_does_not_list(replay):
    # The factory joins GetAPI's supportedVersions into its message: they must be strings.
    with pytest.raises(SdkOperationError, match=r"Valid versions are: 7\.0, 7\.1, .*, 12\.0$"):
        connect(replay, version="12.3")


def test_an_endpoint_the_cluster_does_not_serve_is_a_404(replay):
    dispatcher = ReplayDispatcher(replay)
    element = Element("cluster.example", "admin", "admin", 13.0, False, dispatcher)
    dispatcher.path = endpoint_path(element.api_version)

    with pytest.raises(ApiConnectionError, match="404 Not Found"):
        element.get_limits()
    assert replay.posts[-1][0] == "/json-rpc/13.0"
