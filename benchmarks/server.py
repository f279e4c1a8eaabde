"""Start and stop gunicorn for a benchmark: bound to 127.0.0.1 only, always stopped at the end."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["Gunicorn", "ServerError", "free_port"]

PROJECT_DIR = Path(__file__).resolve().parent.parent


class ServerError(RuntimeError):
    pass


def free_port():
    """A port nothing listens on now; gunicorn binds it a moment later."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`gunicorn lms.wsgi` with sync workers, as production runs it, in a context manager."""

    def __init__(self, *, env, log_path, workers=2, ready_path="/", ready_timeout=60.0):
        self.env = env
        self.log_path = Path(log_path)
        self.workers = workers
        self.ready_path = ready_path
        self.ready_timeout = ready_timeout
        self.host = "127.0.0.1"
        self.port = None
        self.process = None

    def __enter__(self):
        self.port = free_port()
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "lms.wsgi",
                    "--bind",
                    f"{self.host}:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--worker-class",
                    "sync",
                    "--graceful-timeout",
                    "5",
                ],
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def _wait_until_ready(self):
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn exited with {self.process.returncode}")
            connection = http.client.HTTPConnection(self.host, self.port, timeout=5)
            try:
                connection.request("GET", self.ready_path)
                connection.getresponse().read()
                return
            except OSError:
                time.sleep(0.2)
            finally:
                connection.close()
        raise ServerError(f"gunicorn did not answer within {self.ready_timeout:.0f} s")

    def stop(self):
        """Ask the master to stop its workers; kill our own process group if it does not."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def log_tail(self, lines=30):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])
