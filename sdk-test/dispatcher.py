"""A stand-in for the SolidFire SDK's HTTP transport: `element-emulator replay`.

The SDK's ServiceBase posts every request through a dispatcher object: anything with a
`post(json_text) -> response_text` method and the three timeout methods. It builds its own
HTTPS dispatcher from `https://<mvip>/json-rpc/<api_version>` (the version formatted as a
float, so 7 becomes `7.0`) and hands a custom dispatcher nothing of that URL. So a
ReplayDispatcher is told its path afterwards, from the Element's own `api_version`, in the
SDK's format.

One Replay is one long-lived emulator process, driven a JSON line at a time; every
dispatcher of one scenario (the factory's bootstrap at 7.0, then the connection at the
cluster's version) posts into the same process, so they share one cluster and one clock.
"""

import json
import os
import subprocess
from unittest import mock

import solidfire.factory
from solidfire import Element
from solidfire.factory import ElementFactory


def emulator_binary():
    """Where scripts/sdk-test.sh built the binary; ELEMENT_EMULATOR overrides it."""
    explicit = os.environ.get("ELEMENT_EMULATOR")
    if explicit:
        return explicit
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.expanduser(
        "~/.cache/element-playground/target"
    )
    return os.path.join(target, "debug", "element-emulator")


class ReplayError(Exception):
    """The replay process refused a step, or stopped answering."""


class Replay:
    """One `element-emulator replay` process and its step protocol."""

    def __init__(self, binary=None):
        self._process = subprocess.Popen(
            [binary or emulator_binary(), "replay"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        # Every post as (path, request text), in order, for tests of the transport itself.
        self.posts = []

    def step(self, step):
        """Sends one step and returns its one-line answer, parsed."""
        try:
            self._process.stdin.write(json.dumps(step) + "\n")
            self._process.stdin.flush()
        except BrokenPipeError as error:
            raise ReplayError(f"replay exited: {self._stderr()}") from error
        line = self._process.stdout.readline()
        if not line:
            raise ReplayError(f"replay gave no answer to {step}: {self._stderr()}")
        answer = json.loads(line)
        if "stepError" in answer:
            raise ReplayError(f"replay refused {step}: {answer['stepError']}")
        return answer

    def post(self, path, text):
        """Posts request text as is; returns (http status, body as JSON or a string)."""
        self.posts.append((path, text))
        answer = self.step({"post": path, "raw": text})
        return answer["status"], answer["body"]

    def call(self, method, params=None, version="12.0"):
        """A plain JSON-RPC call outside the SDK; returns the reply body."""
        request = {"method": method, "params": params or {}, "id": 1}
        return self.post(f"/json-rpc/{version}", json.dumps(request))[1]

    def advance(self, seconds):
        """Moves the virtual clock; returns the new time as ISO-8601 text."""
        return self.step({"advance": seconds})["now"]

    def fail_next(self, result_type, name, message):
        """The next job of this result type ends with this nested error."""
        error = {"name": name, "message": message}
        self.step({"failNext": {"resultType": result_type, "error": error}})

    def fail_next_calls(self, method, times, name, message):
        """The next `times` calls of this method answer this JSON-RPC error."""
        error = {"name": name, "message": message}
        self.step({"failNextCalls": {"method": method, "times": times, "error": error}})

    def close(self):
        try:
            self._process.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        self._process.stderr.close()

    def _stderr(self):
        """What the process said on its way out (it says nothing while it runs)."""
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "(still running, no answer)"
        return self._process.stderr.read().strip() or f"exit code {self._process.returncode}"


def endpoint_path(api_version):
    """The path ServiceBase puts in its endpoint URL for this version (`/json-rpc/12.0`)."""
    return "/json-rpc/{}".format(float(api_version))


class ReplayDispatcher:
    """What the SDK needs from a transport, answered by a Replay process."""

    def __init__(self, replay):
        self._replay = replay
        self.path = None

    def post(self, data):
        # Like the SDK's own dispatcher, hand back the body text whatever the HTTP status:
        # the SDK reads JSON-RPC errors from the body and recognizes a 404 page by its text.
        # replay parsed a JSON body; print it compactly again, as a cluster sends it.
        _status, body = self._replay.post(self.path, data)
        return body if isinstance(body, str) else json.dumps(body, separators=(",", ":"))

    def timeout(self, timeout_in_sec):
        pass

    def connect_timeout(self, timeout_in_sec):
        pass

    def restore_timeout_defaults(self):
        pass


def connect(replay, version=None):
    """An Element made by the SDK's own ElementFactory, talking to `replay`.

    The factory connects at 7.0, calls GetAPI and connects again at the cluster's
    currentVersion (or at `version`, after checking GetAPI's supportedVersions). It has no
    dispatcher argument, so its Element constructor is swapped, for this call only, for one
    that attaches a ReplayDispatcher.
    """

    def element(mvip, username, password, api_version, verify_ssl):
        dispatcher = ReplayDispatcher(replay)
        made = Element(mvip, username, password, api_version, verify_ssl, dispatcher)
        dispatcher.path = endpoint_path(made.api_version)
        return made

    with mock.patch.object(solidfire.factory, "Element", element):
        return ElementFactory.create(
            "cluster.example", "admin", "admin", version=version, print_ascii_art=False
        )
