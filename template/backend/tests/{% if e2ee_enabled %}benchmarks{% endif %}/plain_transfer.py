"""The baseline of the e2ee benchmark: the same file, unencrypted, the same way.

Streams a file to a presigned POST and back from a presigned GET with httpx, as
the client does with its ciphertext, so the difference is the encryption alone.
Run in its own process, so its peak memory is its own.
"""

import json
import sys
from pathlib import Path

import httpx

TIMEOUT = httpx.Timeout(600.0, connect=10.0)
CHUNK_BYTES = 1024 * 1024


def upload(url: str, fields: dict[str, str], source: Path) -> None:
    with source.open("rb") as content:
        response = httpx.post(
            url,
            data=fields,
            files={"file": ("plain", content, "application/octet-stream")},
            timeout=TIMEOUT,
        )
    response.raise_for_status()


def download(url: str, target: Path) -> None:
    with (
        httpx.stream("GET", url, timeout=TIMEOUT) as response,
        target.open("wb") as out,
    ):
        response.raise_for_status()
        for chunk in response.iter_bytes(CHUNK_BYTES):
            out.write(chunk)


def main(argv: list[str]) -> None:
    """`upload URL FIELDS_JSON FILE` or `download URL FILE`."""
    if argv[:1] == ["upload"] and len(argv) == 4:
        upload(argv[1], json.loads(argv[2]), Path(argv[3]))
    elif argv[:1] == ["download"] and len(argv) == 3:
        download(argv[1], Path(argv[2]))
    else:
        sys.exit("usage: plain_transfer upload URL FIELDS FILE | download URL FILE")


if __name__ == "__main__":
    main(sys.argv[1:])
