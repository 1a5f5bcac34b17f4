"""The client's errors: each one is a refused or failed operation with a message.

The command line prints `error: <message>` and exits 1 for every ClientError, so
each message must make sense on its own line. A message may quote the server (a
ServerError carries its message), so the line is printed with control characters
replaced (naming.printable).
"""

UNDECRYPTABLE_MESSAGE = (
    "could not be decrypted (tampered, or not encrypted to this identity)"
)


class ClientError(Exception):
    """A refused or failed operation; str(error) is the one-line message."""


class InvalidKeyError(ClientError):
    """Text that is not an age key of the expected kind."""


class UndecryptableError(ClientError):
    """An age file that this identity cannot open, or that was changed."""

    def __init__(self, message: str = UNDECRYPTABLE_MESSAGE) -> None:
        super().__init__(message)


class IdentityFileError(ClientError):
    """The identity file is missing, unsafe or not an identity."""


class WeakPassphraseError(ClientError):
    """A passphrase too short to protect a new backup the server will hold."""


class ServerError(ClientError):
    """The API refused the request; carries the server's code and message."""

    def __init__(
        self, message: str, *, code: str, request_id: str | None = None
    ) -> None:
        details = f"{code}, request {request_id}" if request_id else code
        super().__init__(f"{message} ({details})")
        self.code = code
        self.server_message = message
        self.request_id = request_id


class TransferError(ClientError):
    """The network or the object store failed a request."""
