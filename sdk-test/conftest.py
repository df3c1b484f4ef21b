"""Fixtures: one `element-emulator replay` process per test, and an SDK Element on it."""

import pytest

from dispatcher import Replay, connect


@pytest.fixture
def replay():
    process = Replay()
    yield process
    process.close()


@pytest.fixture
def element(replay):
    return connect(replay)
