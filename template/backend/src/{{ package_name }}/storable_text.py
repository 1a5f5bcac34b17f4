"""Text the database and the password hasher can take, checked at the API's edge.

PostgreSQL refuses NUL in text, and an unpaired UTF-16 surrogate (which JSON can
carry as "\\ud800") has no UTF-8 form, so the hasher and every driver fail on it.
Deep inside a request either would be an internal error after work was done;
both APIs refuse such input as invalid before anything runs.
"""

UNSTORABLE_TEXT_MESSAGE = "Text must not contain NUL characters or unpaired surrogates."


def is_storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def holds_unstorable_text(value: object) -> bool:
    """Whether any string in a decoded JSON value (keys included) is unstorable.

    Iterative, so a deeply nested value cannot exhaust the stack.
    """
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, str):
            if not is_storable(current):
                return True
        elif isinstance(current, dict):
            pending.extend(current.keys())
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
    return False
