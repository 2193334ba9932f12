"""Run every benchmark script in this folder in turn (``make bench``); prints their figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    # the scripts import the test support package (tests/support/)
    path = os.pathsep.join(p for p in (str(HERE.parent), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.name}", flush=True)
        status |= subprocess.run([sys.executable, str(script)], check=False, env=env).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
