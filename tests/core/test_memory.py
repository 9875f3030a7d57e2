"""After `map_large_blocks`, a large array freed goes back to the system even once glibc would
have raised its threshold: checked in a fresh process with glibc's own counters (mallinfo2)."""

import ctypes
import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import ctypes, ctypes.util, json
from annotator.core.memory import map_large_blocks

class Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.mallinfo2.restype = Mallinfo2
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = (ctypes.c_void_p,)

def mapped_when_allocated(size):
    before = libc.mallinfo2().hblks
    block = libc.malloc(size)
    mapped = libc.mallinfo2().hblks > before
    libc.free(block)
    return mapped

libc.free(libc.malloc(16 << 20))  # freeing a mapped 16 MiB block raises glibc's threshold
found = {"before": mapped_when_allocated(4 << 20)}
found["set"] = map_large_blocks() if SET else False
# Larger than the heap's free top (left by the 4 MiB block), so it is a new allocation.
found["after"] = mapped_when_allocated(8 << 20)
print(json.dumps(found))
"""


def _glibc() -> bool:
    name = ctypes.util.find_library("c")
    return name is not None and hasattr(ctypes.CDLL(name), "mallinfo2")


def probe(set_threshold: bool) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    env["PYTHONPATH"] = str(ROOT)
    code = f"SET = {set_threshold}\n{PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


glibc_only = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not _glibc(), reason="glibc only"
)


@glibc_only
def test_a_large_block_is_mapped_on_its_own_once_the_threshold_is_set():
    assert probe(True) == '{"before": false, "set": true, "after": true}'


@glibc_only
def test_without_it_glibc_puts_the_same_block_on_the_heap():
    # The case the threshold is set for: after a large block is freed, the next ones below its
    # size come from the heap.
    assert probe(False) == '{"before": false, "set": false, "after": false}'
