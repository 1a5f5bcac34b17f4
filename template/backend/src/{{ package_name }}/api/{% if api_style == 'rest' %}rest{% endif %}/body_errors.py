"""What every operation with a body may answer before its handler runs.

The body-size limit answers 413, and a body that cannot even be decoded (bytes
that are not UTF-8, say) 400, both in the error envelope. The contract says so
for every operation with a body, the project's own features' included.
"""

from typing import Any

from fastapi import FastAPI

BODY_ERRORS = {
    "400": "The body cannot be decoded (it is not UTF-8 JSON).",
    "413": "The body is larger than the service accepts.",
}
ENVELOPE = {"$ref": "#/components/schemas/ErrorEnvelope"}


def with_body_errors(responses: dict[str, Any]) -> dict[str, Any]:
    """The responses, the body errors added, in the order of their status."""
    for status, description in BODY_ERRORS.items():
        responses.setdefault(
            status,
            {
                "description": description,
                "content": {"application/json": {"schema": ENVELOPE}},
            },
        )
    return dict(sorted(responses.items()))


def document_body_errors(app: FastAPI) -> None:
    """Makes the app's OpenAPI document list the body errors (once, then cached)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for path in generate()["paths"].values():
                for operation in path.values():
                    if "requestBody" in operation:
                        operation["responses"] = with_body_errors(
                            operation["responses"]
                        )
        return generate()

    app.openapi = openapi  # type: ignore[method-assign]
