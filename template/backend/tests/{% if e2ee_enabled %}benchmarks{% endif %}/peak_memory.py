"""Runs a command and writes its peak resident memory, in KiB, to a file.

`python peak_memory.py REPORT_FILE COMMAND...`, exit status the command's. The
benchmark starts every measured command through this small process: on Linux a
child's peak memory counts the memory of the process that started it (the
kernel keeps the larger of the two across exec), and the benchmark's own process
holds the in-process S3 server and every object it stores.
"""

import os
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        sys.exit("usage: peak_memory REPORT_FILE COMMAND...")
    report, command = Path(argv[0]), argv[1:]
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    report.write_text(str(usage.ru_maxrss), encoding="utf-8")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
