"""Text chosen by someone else: file names safe to write to, any text safe to print.

A shared file's name comes out of its sealed metadata, written by whoever
uploaded it; it must not choose where the file lands nor what the terminal does.
The same holds for the server's own words (error messages, the object store's
reply): the command line prints them only through `printable`.
"""

from pathlib import Path, PurePosixPath

from .errors import ClientError

UNUSABLE_NAMES = frozenset({"", ".", ".."})


def safe_file_name(name: str) -> str:
    """The last component of `name`; refuses one that is empty or climbs out."""
    candidate = PurePosixPath(name.replace("\\", "/")).name
    if candidate in UNUSABLE_NAMES or not candidate.isprintable():
        raise ClientError(
            f"the file's name {printable(name)!r} cannot be used here; "
            "pass --output PATH"
        )
    return candidate


def printable(name: str) -> str:
    """`name` with control characters (escapes, newlines, tabs) replaced by "?",
    so it stays on one line of output and cannot drive the terminal."""
    return "".join(char if char.isprintable() else "?" for char in name)


def destination_for(output: Path | None, name: str) -> Path:
    """--output as given, or the original name inside --output (a directory)/cwd."""
    if output is not None and not output.is_dir():
        return output
    return (output or Path.cwd()) / safe_file_name(name)
