"""Secrets (password, passphrase): from the environment, else asked at a terminal.

Secrets are never command-line options: those end up in shell history and in
every process listing.
"""

import getpass
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .errors import ClientError
from .keys import check_new_passphrase
from .settings import env_name


@dataclass(frozen=True)
class Secrets:
    environ: Mapping[str, str]
    interactive: bool
    ask: Callable[[str], str] = field(default=getpass.getpass)

    def _get(self, name: str, prompt: str) -> str:
        variable = env_name(name)
        value = self.environ.get(variable)
        if value:
            return value
        if not self.interactive:
            raise ClientError(f"set {variable} (no terminal to ask on)")
        value = self.ask(prompt)
        if not value:
            raise ClientError(f"an empty {name.lower()} was given")
        return value

    def password(self) -> str:
        return self._get("PASSWORD", "Password: ")

    def passphrase(self) -> str:
        """The backup passphrase, to open an existing backup."""
        return self._get("PASSPHRASE", "Backup passphrase: ")

    def new_passphrase(self) -> str:
        """A passphrase for a new backup, long enough; asked twice at a terminal.

        Checked here too, not only where the backup is made: a short one is
        refused before anything is signed in or written.
        """
        passphrase = self._get("PASSPHRASE", "New backup passphrase: ")
        check_new_passphrase(passphrase)
        if env_name("PASSPHRASE") not in self.environ:
            again = self.ask("Repeat the passphrase: ")
            if again != passphrase:
                raise ClientError("the passphrases differ")
        return passphrase
