"""How this process's memory allocator gives freed memory back: a block of a megabyte or more is
mapped on its own and unmapped when freed, so work done a part at a time leaves no heap behind
that grows with the number of parts (glibc's malloc; elsewhere nothing is changed)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys

# mallopt(3) parameter M_MMAP_THRESHOLD (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 1 << 20  # bytes


@functools.cache
def map_large_blocks() -> bool:
    """Have glibc map every allocation of `LARGE_BLOCK` bytes or more on its own.

    By default glibc raises that threshold each time a mapped block is freed (up to 32 MiB on
    64-bit systems), so the next arrays of that size come from the heap, where blocks still in
    use between them keep freed space from going back to the system: an agreement over 10,000
    documents, read a thousand at a time, ended 35 MB above one over 1,000. Setting the
    threshold turns that adjustment off (mallopt(3), "M_MMAP_THRESHOLD"). Process-wide and
    done once; left alone when MALLOC_MMAP_THRESHOLD_ is set by the user. Returns whether the
    threshold is set (False on other C libraries, or when glibc refuses)."""
    if not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018  (glibc only: musl has mallopt as a no-op)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK) == 1
