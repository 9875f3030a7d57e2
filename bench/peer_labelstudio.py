"""Side by side with Label Studio on this machine, in the same run: cold start, importing 10,000
articles, exporting and importing about 100,000 annotations; prints each figure and the ratio.

Label Studio lives in a virtual environment of its own (never the project's): `--install`
makes one (`--venv`, default a folder under the system's temporary folder) and installs the
`label-studio` package from PyPI into it. Its server is bound to 127.0.0.1 only: its bind
address is `--internal-host` (`--host` only sets the prefix of the URLs it writes), on a free
port, with its data in a temporary folder that is removed afterwards.

    python bench/peer_labelstudio.py --install      # the first time (a few minutes)
    python bench/peer_labelstudio.py                # later runs

The data are the bench's synthetic corpus: the archive of 10,000 articles (bench/corpus.py)
and the export of 2,000 articles × 50 annotations (bench/import_annotations.py), given to
Label Studio as tasks with their annotations (the span layers as `Labels` over `Text`).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.formats import csv_export, jsonl  # noqa: E402
from annotator.core.formats.articles import import_batch, read_articles  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus, startup  # noqa: E402
from bench.import_annotations import export_file  # noqa: E402
from bench.timing import clock, median, seconds  # noqa: E402

DEFAULT_VENV = Path(tempfile.gettempdir()) / "annotator-peer-labelstudio"
LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="speaker"/><Label value="claim"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>"""
TOKEN = "0123456789abcdef0123456789abcdef01234567"
STARTED_WITHIN_S = 600


def install(venv: Path) -> None:
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "label-studio"], check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabelStudio:
    """A Label Studio server of the venv, on 127.0.0.1, with its data in `data`."""

    def __init__(self, venv: Path, data: Path) -> None:
        self.venv, self.data, self.port = venv, data, free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        """Start the server; seconds until it answers."""
        env = {
            **os.environ,
            "LABEL_STUDIO_BASE_DATA_DIR": str(self.data),
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
            "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "false",
            # No reports to its makers' servers: the bench measures this machine only.
            "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": "",
            "COLLECT_ANALYTICS": "false",
        }
        command = [
            str(self.venv / "bin" / "label-studio"),
            "start",
            "--no-browser",
            "--internal-host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--data-dir",
            str(self.data),
            "--username",
            "peer@example.com",
            "--password",
            "peer-bench-password",
            "--user-token",
            TOKEN,
        ]
        began = time.perf_counter()
        log = open(self.data.parent / f"label-studio-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
        while time.perf_counter() - began < STARTED_WITHIN_S:
            if self.process.poll() is not None:
                raise RuntimeError(f"Label Studio stopped at start; see {log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=5) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - began
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        raise RuntimeError(f"Label Studio did not answer within {STARTED_WITHIN_S} s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def call(self, method: str, path: str, body: object = None) -> bytes:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=3600) as answer:
            return answer.read()

    def project(self, title: str) -> int:
        found = self.call("POST", "/api/projects", {"title": title, "label_config": LABEL_CONFIG})
        return json.loads(found)["id"]

    def counts(self, project: int) -> tuple[int, int]:
        found = json.loads(self.call("GET", f"/api/projects/{project}"))
        return found.get("task_number", 0), found.get("total_annotations_number", 0)

    def import_tasks(self, project: int, tasks: list[dict]) -> float:
        """Seconds until every task, and the annotation each may carry, is in the project: the
        import may go on in the background after the request returns. (Label Studio counts
        one annotation per task however many regions it has.)"""
        annotated = sum(1 for task in tasks if task.get("annotations"))
        began = time.perf_counter()
        self.call("POST", f"/api/projects/{project}/import", tasks)
        while True:
            found_tasks, found_annotations = self.counts(project)
            if found_tasks >= len(tasks) and found_annotations >= annotated:
                return time.perf_counter() - began
            time.sleep(0.1)

    def export(self, project: int, kind: str) -> float:
        return clock(lambda: self.call("GET", f"/api/projects/{project}/export?exportType={kind}"))


def tasks_with_annotations(file: Path) -> list[dict]:
    """The export's documents as Label Studio tasks, each with its annotations (spans and
    layers; Label Studio has no links, entities or stances in this configuration)."""
    records = [json.loads(line) for line in file.open(encoding="utf-8")]
    texts = {r["id"]: r["text"] for r in records if r["type"] == "document"}
    results: dict[str, list[dict]] = {doc: [] for doc in texts}
    for r in records:
        if r["type"] == "annotation":
            results[r["document_id"]].append(
                {
                    "id": r["id"][:10],
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {
                        "start": r["start"],
                        "end": r["end"],
                        "text": r["text"],
                        "labels": [r["layer"]],
                    },
                }
            )
    return [
        {"data": {"text": texts[doc]}, "annotations": [{"result": results[doc]}]} for doc in texts
    ]


def ours(cache: Path, archive: Path, annotations: Path, runs: int) -> dict[str, float]:
    """Our figures: medians of `runs`."""
    found: dict[str, list[float]] = {k: [] for k in ("start", "articles", "export", "import")}
    with tempfile.TemporaryDirectory() as folder:
        env = startup.environment(Path(folder))
        startup.start_window(env)  # the first start makes the default project
        for n in range(runs):
            found["start"].append(startup.start_window(env))
            with Project.create(Path(folder) / f"articles-{n}.annotator") as project:
                found["articles"].append(
                    clock(lambda p=project: import_batch(p, read_articles([archive])))
                )
            with Project.create(Path(folder) / f"annotations-{n}.annotator") as project:
                found["import"].append(
                    clock(lambda p=project: jsonl.import_annotations(p, annotations))
                )
                out = Path(folder) / f"export-{n}.csv"
                found["export"].append(
                    clock(lambda p=project, o=out: csv_export.export(p, o, overwrite=True))
                )
    return {k: median(v) for k, v in found.items()}


def theirs(venv: Path, archive: Path, annotations: Path, runs: int) -> dict[str, float]:
    """Label Studio's figures: medians of `runs`, and its first start (which makes its
    database)."""
    articles = [{"text": json.loads(line)["text"]} for line in archive.open(encoding="utf-8")]
    tasks = tasks_with_annotations(annotations)
    found: dict[str, list[float]] = {
        k: [] for k in ("start", "articles", "export", "export_csv", "import")
    }
    with tempfile.TemporaryDirectory() as folder:
        server = LabelStudio(venv, Path(folder) / "data")
        first = server.start()
        try:
            for n in range(runs):
                server.stop()
                found["start"].append(server.start())
                plain = server.project(f"articles {n}")
                found["articles"].append(server.import_tasks(plain, articles))
                project = server.project(f"annotations {n}")
                found["import"].append(server.import_tasks(project, tasks))
                found["export"].append(server.export(project, "JSON"))
                found["export_csv"].append(server.export(project, "CSV"))
        finally:
            server.stop()
    return {"first_start": first, **{k: median(v) for k, v in found.items()}}


def ratio(ours_s: float, theirs_s: float) -> str:
    if ours_s <= theirs_s:
        return f"ours ×{theirs_s / ours_s:.1f} faster"
    return f"ours ×{ours_s / theirs_s:.1f} slower"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--install", action="store_true", help="install Label Studio first")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="its environment")
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=3, help="runs (default 3)")
    args = parser.parse_args()
    if args.install:
        install(args.venv)
    if not (args.venv / "bin" / "label-studio").exists():
        sys.exit(f"no Label Studio in {args.venv}: run with --install (or give --venv)")
    cache = corpus.cache_folder(args.cache)
    archive = corpus.archive(cache)
    annotations = export_file(cache, 2_000, 50)
    mine = ours(cache, archive, annotations, args.runs)
    peer = theirs(args.venv, archive, annotations, args.runs)
    rows: list[tuple[str, str, str, str]] = [
        (
            "cold start to a usable window / page",
            seconds(mine["start"]),
            f"{seconds(peer['start'])} (first start {seconds(peer['first_start'])})",
            ratio(mine["start"], peer["start"]),
        ),
        (
            "import 10,000 articles",
            seconds(mine["articles"]),
            seconds(peer["articles"]),
            ratio(mine["articles"], peer["articles"]),
        ),
        (
            "export ~100,000 annotations",
            f"{seconds(mine['export'])} (CSV)",
            f"{seconds(peer['export'])} JSON, {seconds(peer['export_csv'])} CSV",
            f"{ratio(mine['export'], peer['export'])} (JSON), "
            f"{ratio(mine['export'], peer['export_csv'])} (CSV)",
        ),
        (
            "import ~100,000 annotations",
            seconds(mine["import"]),
            seconds(peer["import"]),
            ratio(mine["import"], peer["import"]),
        ),
    ]
    print("| measure | ours | Label Studio | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
