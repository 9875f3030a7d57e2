"""The README's example session runs as written: each command of its ```sh block, through the
installed console script, in a folder holding the repository's seeds (as a clone's root does)."""

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ".venv/bin/annotator"


def example_session() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("Example session") :]
    block = re.search(r"```sh\n(.*?)```", after, re.DOTALL)
    assert block is not None, "no ```sh block after 'Example session' in README.md"
    return [shlex.split(line) for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_example_session_runs_as_written(tmp_path):
    commands = example_session()
    assert commands and all(command[0] == SCRIPT for command in commands)
    installed = Path(sys.executable).parent / "annotator"
    assert installed.exists(), f"the console script is not installed beside {sys.executable}"
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        # The installed script runs this checkout's code, wherever the package was installed from.
        PYTHONPATH=str(ROOT),
    )
    for command in commands:
        result = subprocess.run(
            [str(installed), *command[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert result.returncode == 0, f"{shlex.join(command)}: {result.stderr}"
    with open(tmp_path / "annotations.csv", encoding="utf-8-sig", newline="") as table:
        rows = list(csv.DictReader(table))
    assert len({row["annotation_id"] for row in rows}) == 30  # the sample's reference annotations
    assert {row["annotator"] for row in rows} == {"reference"}
