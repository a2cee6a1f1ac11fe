"""What the benchmark drivers (pipeline.py, queries.py) share: paths, logging, the load average
and running a command from the repository root."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg") as handle:
        return [float(x) for x in handle.read().split()[:3]]


def run(arguments, **kwargs):
    log("$ " + " ".join(arguments))
    return subprocess.run(arguments, cwd=ROOT, check=True, **kwargs)
