"""README command 1, as a person runs it: migrate, import the demo, serve, and look."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "POSYNC_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"}
    env.pop("POSYNC_DATABASE_URL", None)
    _posync("db", "upgrade", env=env, cwd=tmp_path)
    _posync("po", "import", str(DEMO), env=env, cwd=tmp_path)
    port = _free_port()
    process = subprocess.Popen(
        [POSYNC, "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx2.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx2.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"posync serve did not come up on {base}:\n{output}")
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=15)
    if process.stdout:
        process.stdout.close()


def test_the_demo_serves_every_demo_purchase_order(server: str) -> None:
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    orders = demo["purchase_orders"] if isinstance(demo, dict) else demo
    numbers = {order["number"] for order in orders}

    listing = httpx2.get(f"{server}/api/purchase-orders", params={"limit": 500}).json()

    assert listing["total"] == len(numbers)
    assert {item["number"] for item in listing["items"]} == numbers
    first = orders[0]
    detail = httpx2.get(f"{server}/api/purchase-orders/{first['number']}").json()
    assert detail["document"]["lines"][0]["unit_price"] == first["lines"][0]["unit_price"]
    assert httpx2.get(f"{server}/docs").status_code == 200
