"""A throwaway PostgreSQL server on 127.0.0.1 for the team-mode tests.

Uses the server binaries on this machine (/usr/lib/postgresql/*/bin or pg_ctl on PATH); as
root, the server runs as the `postgres` user (PostgreSQL refuses to run as root). Set
WEBAUDIT_TEST_PG_URL to use an existing server instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg


def find_bin_dir() -> Path | None:
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    def __init__(self) -> None:
        self.bin_dir = find_bin_dir()
        self.port = _free_port()
        self.base = Path(tempfile.mkdtemp(prefix="webaudit-pg-"))
        self.data = self.base / "data"
        self.user = "webaudit"
        self._as_postgres = hasattr(os, "geteuid") and os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(
            command, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120
        )

    def start(self) -> None:
        if self.bin_dir is None:
            raise RuntimeError(
                "PostgreSQL server binaries not found; run `scripts/setup.sh --postgres`"
            )
        if self._as_postgres:
            shutil.chown(self.base, "postgres", "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        self.launch()

    def launch(self) -> None:
        """Start the server on the initialised cluster (again, after a stop)."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.base} -F -c fsync=off -c full_page_writes=off -c max_connections=200"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.base / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        if self.bin_dir is not None and self.data.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def admin_url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"


def create_database(admin_url: str) -> str:
    """A new empty database on the server; returns its SQLAlchemy URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
