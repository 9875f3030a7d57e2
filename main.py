"""Start the annotation window: `python main.py [PROJECT] [--lang ar|en]` (default: the default
project, in the interface language chosen before)."""

import argparse
import sys

from annotator.gui.app import run

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Open the annotation window.")
    parser.add_argument("project", nargs="?", help="project file (default project)")
    parser.add_argument("--lang", choices=("ar", "en"), help="interface language (kept)")
    args = parser.parse_args()
    sys.exit(run(args.project, args.lang))
