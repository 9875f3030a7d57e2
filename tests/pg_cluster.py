"""A throwaway PostgreSQL server for the team tests and benchmarks: $ANNOTATOR_TEST_PG when
given (a libpq URL of a superuser), else a cluster made with initdb in a temporary folder,
listening on a unix socket only, stopped and removed afterwards."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    return Path(versions[-1]).parent if versions else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parts[-3])
    except ValueError:
        return 0


class Cluster:
    """A running server: `url(dbname, user)` gives a libpq URL to it; `stop()`/`start()` for
    tests of a server that goes away."""

    def __init__(self, base_url: str | None, folder: Path | None, bindir: Path | None):
        self.base_url = base_url
        self.folder = folder
        self.bindir = bindir

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        if self.base_url is not None:
            from psycopg.conninfo import conninfo_to_dict, make_conninfo

            params = conninfo_to_dict(self.base_url)
            params["dbname"] = dbname
            if user != params.get("user", "postgres"):
                params["user"] = user
                params.pop("password", None)
            return make_conninfo(**params)
        return f"host={self.folder / 'socket'} port=5432 dbname={dbname} user={user}"

    def new_database(self) -> str:
        """A fresh empty database; returns the admin's URL of it."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _ctl(self, *args: str) -> None:
        command = [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), *args]
        subprocess.run(_as_postgres(command), check=True, capture_output=True)

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate", "-w")

    def start(self) -> None:
        self._ctl("start", "-w", "-l", str(self.folder / "log"))


def _as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server as the system's postgres user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def running_cluster() -> Iterator[Cluster]:
    """A server for the tests; RuntimeError (with the reason) when none can be had."""
    given = os.environ.get("ANNOTATOR_TEST_PG")
    if given:
        yield Cluster(given, None, None)
        return
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError(
            "no PostgreSQL server: set ANNOTATOR_TEST_PG to a superuser's URL or install the "
            "distribution's postgresql package (.ci/run does)"
        )
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    os.chmod(folder, 0o777)
    user = "postgres"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    else:
        import getpass

        user = getpass.getuser()
    cluster = Cluster(None, folder, bindir)
    try:
        subprocess.run(
            _as_postgres(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(folder / "data"),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ]
            ),
            check=True,
            capture_output=True,
        )
        (folder / "socket").mkdir()
        shutil.chown(folder / "socket", user)
        with open(folder / "data" / "postgresql.conf", "a") as conf:
            conf.write(
                f"listen_addresses = ''\nunix_socket_directories = '{folder / 'socket'}'\n"
                # No flush to disk (the machine does not crash under the tests), but every
                # commit reaches the log before it returns: the tests stop the server with
                # `immediate` and count on what it said it stored.
                "fsync = off\nfull_page_writes = off\n"
                "max_connections = 100\n"
            )
        cluster.start()
        deadline = time.monotonic() + 30
        while not (folder / "socket" / ".s.PGSQL.5432").exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the test PostgreSQL server did not start")
            time.sleep(0.1)
        yield cluster
    finally:
        try:
            cluster.stop()
        except (subprocess.CalledProcessError, FileNotFoundError):
            pass
        shutil.rmtree(folder, ignore_errors=True)
