"""Writing files so they appear complete or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def temp_beside(target: Path, suffix: str = "") -> Path:
    """A new empty file in the target's folder, to be moved over the target once complete.

    It gets the permissions an ordinary new file would get (mkstemp would make it private).
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(name, 0o666 & ~mask)
    return Path(name)
