"""Benchmark: a large file through the e2ee client, against the same file in plain.

    cd backend && uv run python -m tests.benchmarks.e2ee_roundtrip --size-mib 1024

Starts what the E2E suite starts (a throwaway migrated database, an S3 endpoint,
the real server), makes a file of random bytes, and times, in separate processes
so that each peak memory is its own:

- e2ee: the client's `upload` (encrypt to a temporary file, stream it to the
  bucket, confirm) and `download` (stream, decrypt, check, rename);
- plain: the same bytes streamed to a presigned POST and back from a presigned
  GET, with no encryption: the baseline.

It prints throughput and peak RSS for each, and their ratios. Not part of the test
suite: timings belong in a benchmark, never in an assertion.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import boto3
import httpx
from botocore.config import Config
from sqlalchemy import URL

from tests.e2e.client_cli import client_command, new_client_user
from tests.e2e.running_server import RunningServer, start_server
from tests.migration_runner import migrate_to_head
from tests.object_store_server import (
    REGION,
    S3Endpoint,
    s3_endpoint,
    unique_bucket_name,
)
from tests.throwaway_database import create_database, drop_database

MIB = 1024 * 1024
WRITE_CHUNK_BYTES = 4 * MIB
TRANSFER_WINDOW_SECONDS = 3600
PEAK_MEMORY = Path(__file__).with_name("peak_memory.py")


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_rss_mib: float


def measured(
    command: Sequence[str],
    env: Mapping[str, str],
    cwd: Path,
    stdout: IO[str] | None = None,
) -> Measurement:
    """Runs a command to the end; its own wall time and peak resident memory."""
    with tempfile.TemporaryDirectory(prefix="peak-") as report_dir:
        report = Path(report_dir) / "peak-kib"
        started = time.monotonic()
        completed = subprocess.run(
            [sys.executable, str(PEAK_MEMORY), str(report), *command],
            env=dict(env),
            cwd=cwd,
            stdout=stdout,
            check=False,
        )
        elapsed = time.monotonic() - started
        if completed.returncode != 0:
            sys.exit(f"{command[-2:]} failed with exit {completed.returncode}")
        return Measurement(elapsed, int(report.read_text(encoding="utf-8")) / 1024)


def random_file(path: Path, size_bytes: int) -> None:
    with path.open("wb") as out:
        remaining = size_bytes
        while remaining:
            chunk = min(remaining, WRITE_CHUNK_BYTES)
            out.write(secrets.token_bytes(chunk))
            remaining -= chunk


def same_content(first: Path, second: Path) -> bool:
    with first.open("rb") as one, second.open("rb") as other:
        while True:
            left, right = one.read(WRITE_CHUNK_BYTES), other.read(WRITE_CHUNK_BYTES)
            if left != right:
                return False
            if not left:
                return True


def report(name: str, size_bytes: int, took: Measurement) -> str:
    rate = size_bytes / MIB / took.seconds
    return (
        f"{name:<16} {took.seconds:8.1f} s {rate:9.1f} MiB/s "
        f"{took.peak_rss_mib:9.1f} MiB peak RSS"
    )


def server_environment(
    database_url: URL, s3: S3Endpoint, bucket: str, size_bytes: int
) -> dict[str, str]:
    """The E2E suite's settings, with limits and windows that fit the file."""
    return {
        "APP_DATABASE_URL": database_url.render_as_string(hide_password=False),
        **s3.environment_for(bucket),
        "APP_STORAGE_MAX_FILE_BYTES": str(size_bytes + 64 * MIB),
        "APP_STORAGE_QUOTA_BYTES": str(4 * size_bytes + 64 * MIB),
        "APP_STORAGE_UPLOAD_WINDOW_SECONDS": str(TRANSFER_WINDOW_SECONDS),
        "APP_STORAGE_DOWNLOAD_WINDOW_SECONDS": str(TRANSFER_WINDOW_SECONDS),
    }


def e2ee_round_trip(
    server: RunningServer, source: Path, workdir: Path
) -> tuple[Measurement, Measurement]:
    """A new member's keygen and registration, then the timed upload and download."""
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        user = new_client_user(http, "benchmark", workdir / "member")
    env = user.environment(server)
    cli = str(client_command())
    for step in ("keygen", "register-key"):
        measured([cli, step], env, workdir)
    printed = workdir / "upload.out"
    with printed.open("w", encoding="utf-8") as upload_output:
        upload = measured([cli, "upload", str(source)], env, workdir, upload_output)
    file_id = printed.read_text(encoding="utf-8").strip()
    out_dir = workdir / "e2ee-out"
    out_dir.mkdir()
    download = measured(
        [cli, "download", file_id, "--output", str(out_dir)], env, workdir
    )
    if not same_content(source, out_dir / source.name):
        sys.exit("the e2ee round trip changed the file")
    return upload, download


def plain_round_trip(
    s3: S3Endpoint, bucket: str, source: Path, workdir: Path
) -> tuple[Measurement, Measurement]:
    """The same file through presigned URLs the benchmark signs itself."""
    store = boto3.session.Session().client(
        "s3",
        endpoint_url=s3.url,
        aws_access_key_id=s3.access_key_id,
        aws_secret_access_key=s3.secret_access_key,
        config=Config(region_name=REGION, s3={"addressing_style": "path"}),
    )
    key = "benchmark/plain.bin"
    form = store.generate_presigned_post(bucket, key, ExpiresIn=TRANSFER_WINDOW_SECONDS)
    get_url = store.generate_presigned_url(
        "get_object",
        Params={"Bucket": bucket, "Key": key},
        ExpiresIn=TRANSFER_WINDOW_SECONDS,
    )
    plain = [sys.executable, "-m", "tests.benchmarks.plain_transfer"]
    backend = Path.cwd()
    fields = json.dumps(form["fields"])
    upload = measured(
        [*plain, "upload", form["url"], fields, str(source)], os.environ, backend
    )
    copy = workdir / "plain-copy.bin"
    download = measured([*plain, "download", get_url, str(copy)], os.environ, backend)
    if not same_content(source, copy):
        sys.exit("the plain round trip changed the file")
    return upload, download


def print_report(
    size_mib: int,
    plain: tuple[Measurement, Measurement],
    e2ee: tuple[Measurement, Measurement],
) -> None:
    size_bytes = size_mib * MIB
    print(f"file: {size_mib} MiB of random bytes")
    for direction, index in (("upload", 0), ("download", 1)):
        print(report(f"plain {direction}", size_bytes, plain[index]))
        print(report(f"e2ee {direction}", size_bytes, e2ee[index]))
    for direction, index in (("upload", 0), ("download", 1)):
        time_ratio = e2ee[index].seconds / plain[index].seconds
        memory_ratio = e2ee[index].peak_rss_mib / plain[index].peak_rss_mib
        print(
            f"e2ee / plain {direction}: time {time_ratio:.2f}x, "
            f"peak RSS {memory_ratio:.2f}x"
        )


def run(size_mib: int, workdir: Path) -> None:
    source = workdir / "payload.bin"
    random_file(source, size_mib * MIB)
    database_url = create_database()
    try:
        migrate_to_head(database_url)
        with s3_endpoint() as s3:
            bucket = unique_bucket_name()
            env = server_environment(database_url, s3, bucket, size_mib * MIB)
            server = start_server(env, workdir / "server.log")
            try:
                e2ee = e2ee_round_trip(server, source, workdir)
                plain = plain_round_trip(s3, bucket, source, workdir)
            finally:
                server.stop()
    finally:
        drop_database(database_url)
    print_report(size_mib, plain, e2ee)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="file size in MiB")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="e2ee-benchmark-") as workdir:
        run(arguments.size_mib, Path(workdir))


if __name__ == "__main__":
    main()
