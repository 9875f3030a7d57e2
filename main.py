"""Start the annotation window: `python main.py [PROJECT]` (default: the default project)."""

import sys

from annotator.gui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
