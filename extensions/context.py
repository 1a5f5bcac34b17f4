"""The one context hook: derived values and pinned versions for every template file.

copier calls the hook for every file it renders and for question defaults before any
answer exists, so it reads answers with .get() and keeps the parsed versions cached.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from copier_template_extensions import ContextHook

_VERSIONS_FILE = Path(__file__).with_name("versions.toml")
DATABASE_DRIVERS = {"postgresql": "asyncpg", "sqlite": "aiosqlite"}
CONTRACT_FILES = {"rest": "openapi.json", "graphql": "schema.graphql"}
# How the docs name each operation, per API style.
API_OPERATIONS = {
    "rest": {
        "register": "`POST /api/v1/auth/register`",
        "login": "`POST /api/v1/auth/login`",
        "refresh": "`POST /api/v1/auth/refresh`",
        "logout": "`POST /api/v1/auth/logout`",
        "change_password": "`PUT /api/v1/users/me/password`",
        "set_roles": "`PUT /api/v1/users/{id}/roles`",
        "deactivate": "`POST /api/v1/users/{id}/deactivate`",
        "auth_endpoints": "`/api/v1/auth/*`",
        "refused_input": "422",
        "unauthenticated": "401",
        "conflict": "409",
        "not_found": "404",
        "me": "`GET /api/v1/users/me`",
        "request_upload": "`POST /api/v1/files`",
        "confirm_upload": "`POST /api/v1/files/{id}/confirm`",
        "list_files": "`GET /api/v1/files`",
        "get_file": "`GET /api/v1/files/{id}`",
        "download_file": "`GET /api/v1/files/{id}/download`",
        "delete_file": "`DELETE /api/v1/files/{id}`",
        "register_key": "`PUT /api/v1/keys/me`",
        "my_key": "`GET /api/v1/keys/me`",
        "lookup_key": "`POST /api/v1/keys/lookup`",
        "file_key": "`GET /api/v1/files/{id}/key`",
        "file_shares": "`GET /api/v1/files/{id}/shares`",
        "share_file": "`PUT /api/v1/files/{id}/shares/{user_id}`",
        "unshare_file": "`DELETE /api/v1/files/{id}/shares/{user_id}`",
        "unavailable": "503 `SERVICE_UNAVAILABLE` with `Retry-After: 5`",
        "rate_limited": "429 `RATE_LIMITED` with `Retry-After` (seconds)",
    },
    "graphql": {
        "register": "the `register` mutation",
        "login": "the `login` mutation",
        "refresh": "the `refresh` mutation",
        "logout": "the `logout` mutation",
        "change_password": "the `changePassword` mutation",
        "set_roles": "the `setRoles` mutation",
        "deactivate": "the `deactivateUser` mutation",
        "auth_endpoints": "`/graphql`",
        "refused_input": "`BAD_USER_INPUT`",
        "unauthenticated": "`UNAUTHENTICATED`",
        "conflict": "`CONFLICT`",
        "not_found": "`NOT_FOUND`",
        "me": "the `me` query",
        "request_upload": "the `requestUpload` mutation",
        "confirm_upload": "the `confirmUpload` mutation",
        "list_files": "the `files` query",
        "get_file": "the `file` query",
        "download_file": "the `fileDownload` query",
        "delete_file": "the `deleteFile` mutation",
        "register_key": "the `registerKey` mutation",
        "my_key": "the `myKey` query",
        "lookup_key": "the `lookupKey` query",
        "file_key": "the `fileKey` query",
        "file_shares": "the `fileShares` query",
        "share_file": "the `shareFile` mutation",
        "unshare_file": "the `unshareFile` mutation",
        "unavailable": "`SERVICE_UNAVAILABLE` (HTTP 200, in `extensions.code`)",
        "rate_limited": (
            "`RATE_LIMITED` (HTTP 200), with `extensions.retry_after_seconds`"
        ),
    },
}
E2E_ACCOUNTS_MODULES = {"rest": "accounts", "graphql": "graphql_accounts"}
API_STYLE_PACKAGES: dict[str, tuple[str, ...]] = {
    "rest": (),
    "graphql": ("strawberry-graphql",),
}
# Object storage: the SDK at run time; its type stubs and an S3 test server for dev.
OBJECT_STORAGE_PACKAGES: dict[str, tuple[str, ...]] = {"none": (), "s3": ("boto3",)}
OBJECT_STORAGE_DEV_PACKAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "none": (),
    "s3": (("moto", "s3,server"), ("types-boto3", "s3")),
}
# End-to-end encryption: the backend's tests read age files the client wrote.
E2EE_DEV_PACKAGES: tuple[tuple[str, str], ...] = (("pyrage", ""),)
# The front end's npm packages ([frontend] in versions.toml): what the static
# server needs at run time, and what only one API style's client generator needs;
# every other package there is a development dependency of both styles.
FRONTEND_RUNTIME_PACKAGES = ("sirv",)
# Bundled into the app only with end-to-end encryption: age in the browser.
FRONTEND_E2EE_PACKAGES = ("age-encryption",)
FRONTEND_STYLE_PACKAGES: dict[str, tuple[str, ...]] = {
    "rest": ("openapi-fetch", "openapi-typescript"),
    "graphql": (
        "@graphql-codegen/cli",
        "@graphql-codegen/typed-document-node",
        "@graphql-codegen/typescript-operations",
        "@graphql-typed-document-node/core",
        "graphql",
    ),
}


@cache
def pinned_versions() -> dict[str, dict[str, str]]:
    with _VERSIONS_FILE.open("rb") as versions_file:
        return tomllib.load(versions_file)


def requirement(name: str, *, group: str = "runtime", extras: str = "") -> str:
    """`name[extras]==version` for a pinned package ("sqlalchemy[asyncio]==2.1.9")."""
    version = pinned_versions()[group][name]
    return f"{name}[{extras}]=={version}" if extras else f"{name}=={version}"


def frontend_packages(api_style: str, e2ee: bool) -> dict[str, dict[str, str]]:
    """package.json's dependencies and devDependencies (name -> exact version)."""
    pinned = pinned_versions()["frontend"]
    left_out = {
        name
        for style, names in FRONTEND_STYLE_PACKAGES.items()
        if style != api_style
        for name in names
    }
    if not e2ee:
        left_out.update(FRONTEND_E2EE_PACKAGES)
    return {
        "dependencies": {name: pinned[name] for name in FRONTEND_RUNTIME_PACKAGES},
        "devDependencies": {
            name: version
            for name, version in sorted(pinned.items())
            if name not in FRONTEND_RUNTIME_PACKAGES and name not in left_out
        },
    }


def derived_values(answers: dict[str, Any]) -> dict[str, Any]:
    versions = pinned_versions()
    project_slug = answers.get("project_slug") or ""
    python_version = answers.get("python_version") or ""
    database = answers.get("database") or ""
    api_style = answers.get("api_style") or ""
    object_storage = answers.get("object_storage") or "none"
    package_name = answers.get("package_name") or ""
    # Asked only with object storage; an old answer cannot outlive the bucket.
    e2ee = bool(answers.get("e2ee")) and object_storage == "s3"
    frontend_enabled = answers.get("frontend") == "react"
    return {
        "versions": versions,
        "requirement": requirement,
        "python_minimum": "3.11",
        "python_image": versions["images"]["python"].format(
            python_version=python_version
        ),
        "env_prefix": "APP_",
        "database_name": project_slug.replace("-", "_"),
        # The committed contract: OpenAPI for REST, the SDL for GraphQL.
        "contract_file": CONTRACT_FILES.get(api_style, ""),
        "api_operation": API_OPERATIONS.get(api_style, {}),
        # Runtime and development packages that only some answers need.
        "feature_requirements": [
            requirement(name)
            for name in (
                *API_STYLE_PACKAGES.get(api_style, ()),
                *OBJECT_STORAGE_PACKAGES.get(object_storage, ()),
            )
        ],
        "feature_dev_requirements": [
            requirement(name, group="dev", extras=extras)
            for name, extras in (
                *OBJECT_STORAGE_DEV_PACKAGES.get(object_storage, ()),
                *(E2EE_DEV_PACKAGES if e2ee else ()),
            )
        ],
        "e2ee_enabled": e2ee,
        "frontend_enabled": frontend_enabled,
        # The browser's files screens (upload, download, delete) for plain files;
        # with e2ee the browser must encrypt first, which these screens do not.
        "frontend_files": frontend_enabled and object_storage == "s3" and not e2ee,
        "frontend_packages": frontend_packages(api_style, e2ee),
        # The Node.js major of the front end's image ("node:24-bookworm-slim"), for CI.
        "node_major": versions["images"]["node"].split(":")[1].split("-")[0],
        # The e2ee client: its own package and command beside the backend.
        "client_package": f"{package_name}_client",
        "client_command": f"{project_slug}-client",
        "client_env_prefix": f"{package_name.upper()}_CLIENT_",
        # The E2E helpers that sign accounts up, per API style.
        "e2e_accounts_module": E2E_ACCOUNTS_MODULES.get(api_style, ""),
        "database_driver": DATABASE_DRIVERS.get(database, ""),
        # Both drivers are test dependencies: the database setup supports both URLs.
        "database_drivers": sorted(DATABASE_DRIVERS.values()),
        # Works with `docker compose up -d db` and with a local trust-auth server.
        "test_database_url": (
            "postgresql+asyncpg://postgres:postgres@127.0.0.1:5432/postgres"
        ),
    }


@cache
def _answers_in(path: str, modified_ns: int) -> Mapping[str, Any]:
    # Keyed by modification time too: one process may render several projects.
    loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


# The answers file's path, by destination: copier computes `answers_file` by
# rendering it, on every access, and this hook runs for every file and path.
_answers_paths: dict[str, Path] = {}


def answers_path(conf: Mapping[str, Any]) -> Path:
    destination = str(conf["dst_path"])
    if destination not in _answers_paths:
        _answers_paths[destination] = Path(destination) / conf["answers_file"]
    return _answers_paths[destination]


def recorded_answers(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answers the destination's answers file recorded before this run:
    empty on a first copy (and in the folders copier renders an old version in)."""
    try:
        path = answers_path(context["_copier_conf"])
        return _answers_in(str(path), path.stat().st_mtime_ns)
    except (KeyError, TypeError, OSError, yaml.YAMLError):
        return {}


class ContextUpdater(ContextHook):
    def hook(self, context: dict[str, Any]) -> None:
        context.update(derived_values(context))
        # An update must not switch the API style (copier.yml's validator says why).
        context["recorded_api_style"] = recorded_answers(context).get("api_style")
