"""Email addresses as accounts: validated and normalised once, here."""

from email_validator import EmailNotValidError, validate_email

from ..errors import InvalidInputError
from ..models.user import EMAIL_MAX_LENGTH


def normalize_email(email: str) -> str:
    """The address in the form it is stored and compared in (lower case).

    Raises InvalidInputError when it is not a valid address. No DNS lookup is made.
    """
    email = email.strip()
    if len(email) > EMAIL_MAX_LENGTH:
        raise InvalidInputError("The email address is too long.")
    try:
        # ASCII local parts only: look-alike letters from other scripts would let
        # two accounts show the same address.
        valid = validate_email(email, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        raise InvalidInputError("The email address is not valid.") from None
    # Internationalised domains as punycode: a look-alike domain shows as "xn--...".
    return (valid.ascii_email or valid.normalized).lower()
