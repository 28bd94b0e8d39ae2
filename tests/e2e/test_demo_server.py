"""README command 1, as a person runs it: migrate, import the demo, serve, and look."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-purchase-orders.json"
POSYNC = str(Path(sys.executable).with_name("posync"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _posync(*arguments: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [POSYNC, *arguments], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@contextmanager
def demo_server(directory: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The demo as README command 1 sets it up, served on a free port."""
    env = {**os.environ, "POSYNC_DATA_DIR": str(directory / "data"), "NO_COLOR": "1"}
    env.pop("POSYNC_DATABASE_URL", None)
    _posync("db", "upgrade", env=env, cwd=directory)
    _posync("po", "import", str(DEMO), env=env, cwd=directory)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with subprocess.Popen(
        [POSYNC, "serve", "--port", str(port)],
        env=env,
        cwd=directory,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        deadline = time.monotonic() + 30
        while not _healthy(base):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"posync serve did not come up on {base}:\n{process.communicate()[0]}")
            time.sleep(0.2)
        try:
            yield base, process
        finally:
            if process.poll() is None:
                process.terminate()
                process.communicate(timeout=15)


def _healthy(base: str) -> bool:
    try:
        return httpx2.get(f"{base}/health", timeout=1).status_code == 200
    except httpx2.TransportError:
        return False


def test_the_demo_serves_every_demo_purchase_order(tmp_path: Path) -> None:
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    orders = demo["purchase_orders"] if isinstance(demo, dict) else demo
    numbers = {order["number"] for order in orders}

    with demo_server(tmp_path) as (base, _):
        listing = httpx2.get(f"{base}/api/purchase-orders", params={"limit": 500}).json()
        first = orders[0]
        detail = httpx2.get(f"{base}/api/purchase-orders/{first['number']}").json()
        docs = httpx2.get(f"{base}/docs")

    assert listing["total"] == len(numbers)
    assert {item["number"] for item in listing["items"]} == numbers
    assert detail["document"]["lines"][0]["unit_price"] == first["lines"][0]["unit_price"]
    assert docs.status_code == 200


def test_serve_says_where_it_listens_and_on_which_store(tmp_path: Path) -> None:
    with demo_server(tmp_path) as (base, process):
        process.terminate()
        output, _ = process.communicate(timeout=15)

    assert f"listening on {base}" in output
    assert "store: sqlite:///" in output
    assert (tmp_path / "data" / "posync.db").exists()
