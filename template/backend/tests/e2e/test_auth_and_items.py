"""Accounts, tokens and items over real HTTP, against the running server."""

import uuid
from typing import Any

import httpx
from sqlalchemy import URL

from tests.e2e.accounts import (
    API,
    Account,
    assert_unauthenticated,
    bearer,
    create_admin,
    login,
    new_email,
    new_password,
    register,
    request_lines,
    sign_up,
)
from tests.e2e.running_server import RunningServer


def create_item(http: httpx.Client, account: Account, **body: Any) -> dict[str, Any]:
    response = http.post(f"{API}/items", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    item: dict[str, Any] = response.json()
    return item


def list_items(
    http: httpx.Client, account: Account, **params: str | int
) -> dict[str, Any]:
    response = http.get(f"{API}/items", params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def titles(page: dict[str, Any]) -> list[str]:
    return [item["title"] for item in page["items"]]


def all_users(http: httpx.Client, admin: Account) -> list[dict[str, Any]]:
    users: list[dict[str, Any]] = []
    while True:
        response = http.get(
            f"{API}/users",
            params={"limit": 100, "offset": len(users)},
            headers=admin.headers,
        )
        assert response.status_code == 200, response.text
        page = response.json()
        users.extend(page["items"])
        if len(users) >= page["page"]["total"]:
            return users


def test_a_member_creates_lists_changes_and_deletes_items(http: httpx.Client) -> None:
    member = sign_up(http)
    for title, status in [
        ("cherry", "open"),
        ("apple", "done"),
        ("banana", "open"),
        ("elder", "done"),
        ("date", "open"),
    ]:
        created = create_item(http, member, title=title, status=status)
        assert created["owner_id"] == member.user_id

    by_title = list_items(http, member, sort="title", limit=2, offset=2)
    assert titles(by_title) == ["cherry", "date"]
    assert by_title["page"] == {"total": 5, "limit": 2, "offset": 2}
    done = list_items(http, member, status="done", sort="-title")
    assert titles(done) == ["elder", "apple"]
    assert done["page"]["total"] == 2
    newest_first = list_items(http, member)["items"]
    keys = [(item["created_at"], item["id"]) for item in newest_first]
    assert keys == sorted(keys, reverse=True)

    [apple] = [item for item in newest_first if item["title"] == "apple"]
    item_url = f"{API}/items/{apple['id']}"
    fetched = http.get(item_url, headers=member.headers)
    assert fetched.status_code == 200
    assert fetched.json() == apple

    patched = http.patch(
        item_url, json={"status": "open", "description": "ripe"}, headers=member.headers
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["status"] == "open"
    assert patched.json()["description"] == "ripe"
    assert patched.json()["title"] == "apple"  # absent fields keep their values

    deleted = http.delete(item_url, headers=member.headers)
    assert deleted.status_code == 204
    gone = http.get(item_url, headers=member.headers)
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "NOT_FOUND"
    assert list_items(http, member)["page"]["total"] == 4


def test_items_need_an_access_token(http: httpx.Client) -> None:
    assert_unauthenticated(http.get(f"{API}/items"))
    assert_unauthenticated(http.get(f"{API}/items", headers=bearer("not.a.jwt")))


def test_another_member_can_neither_see_nor_change_the_item(
    http: httpx.Client,
) -> None:
    owner = sign_up(http, "owner")
    item = create_item(http, owner, title="private plans")
    intruder = sign_up(http, "intruder")
    item_url = f"{API}/items/{item['id']}"

    for response in [
        http.get(item_url, headers=intruder.headers),
        http.patch(item_url, json={"title": "mine now"}, headers=intruder.headers),
        http.delete(item_url, headers=intruder.headers),
    ]:
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"
    assert list_items(http, intruder)["page"]["total"] == 0

    unchanged = http.get(item_url, headers=owner.headers)
    assert unchanged.status_code == 200
    assert unchanged.json()["title"] == "private plans"


def test_refresh_rotates_the_pair_and_refuses_the_old_refresh_token(
    http: httpx.Client,
) -> None:
    member = sign_up(http)

    refreshed = http.post(
        f"{API}/auth/refresh", json={"refresh_token": member.refresh_token}
    )
    assert refreshed.status_code == 200, refreshed.text
    pair = refreshed.json()
    assert pair["token_type"] == "bearer"
    assert pair["refresh_token"] != member.refresh_token
    assert http.get(f"{API}/users/me", headers=bearer(pair["access_token"])).is_success

    assert_unauthenticated(
        http.post(f"{API}/auth/refresh", json={"refresh_token": member.refresh_token})
    )
    # That reuse ended the session: the newer pair is dead too.
    assert_unauthenticated(
        http.post(f"{API}/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    )
    assert_unauthenticated(
        http.get(f"{API}/users/me", headers=bearer(pair["access_token"]))
    )


def test_logout_ends_the_session_for_both_tokens(http: httpx.Client) -> None:
    member = sign_up(http)
    assert http.get(f"{API}/users/me", headers=member.headers).status_code == 200

    out = http.post(f"{API}/auth/logout", json={"refresh_token": member.refresh_token})
    assert out.status_code == 204

    assert_unauthenticated(
        http.post(f"{API}/auth/refresh", json={"refresh_token": member.refresh_token})
    )
    assert_unauthenticated(http.get(f"{API}/users/me", headers=member.headers))
    assert_unauthenticated(
        http.post(f"{API}/auth/logout", json={"refresh_token": member.refresh_token})
    )


def test_an_admin_from_the_command_manages_members(
    http: httpx.Client, migrated_database_url: URL
) -> None:
    admin = create_admin(http, migrated_database_url)
    member = sign_up(http)
    item = create_item(http, member, title="seen by the admin")

    listed = {user["id"]: user for user in all_users(http, admin)}
    assert listed[member.user_id]["email"] == member.email
    assert set(listed[admin.user_id]["roles"]) == {"admin", "member"}
    assert http.get(f"{API}/items/{item['id']}", headers=admin.headers).is_success

    # Roles are read at each request: the member's current token gains access.
    forbidden = http.get(f"{API}/users", headers=member.headers)
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "FORBIDDEN"
    promoted = http.put(
        f"{API}/users/{member.user_id}/roles",
        json={"roles": ["member", "admin"]},
        headers=admin.headers,
    )
    assert promoted.status_code == 200, promoted.text
    assert promoted.json()["roles"] == ["admin", "member"]
    assert http.get(f"{API}/users", headers=member.headers).status_code == 200
    demoted = http.put(
        f"{API}/users/{member.user_id}/roles",
        json={"roles": ["member"]},
        headers=admin.headers,
    )
    assert demoted.json()["roles"] == ["member"]
    assert http.get(f"{API}/users", headers=member.headers).status_code == 403

    deactivated = http.post(
        f"{API}/users/{member.user_id}/deactivate", headers=admin.headers
    )
    assert deactivated.status_code == 200, deactivated.text
    assert deactivated.json()["is_active"] is False
    assert_unauthenticated(http.get(f"{API}/items", headers=member.headers))
    assert_unauthenticated(
        http.post(f"{API}/auth/refresh", json={"refresh_token": member.refresh_token})
    )
    assert_unauthenticated(
        http.post(
            f"{API}/auth/login",
            json={"email": member.email, "password": member.password},
        )
    )


def test_members_cannot_use_the_administration(http: httpx.Client) -> None:
    member = sign_up(http)
    other = sign_up(http)

    for response in [
        http.get(f"{API}/users", headers=member.headers),
        http.put(
            f"{API}/users/{member.user_id}/roles",
            json={"roles": ["admin"]},
            headers=member.headers,
        ),
        http.post(f"{API}/users/{other.user_id}/deactivate", headers=member.headers),
    ]:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "FORBIDDEN"
    me = http.get(f"{API}/users/me", headers=member.headers).json()
    assert me["roles"] == ["member"]


def test_request_lines_carry_the_authenticated_user_id_and_only_theirs(
    http: httpx.Client, server: RunningServer
) -> None:
    member = sign_up(http)
    signed = f"e2e-{uuid.uuid4().hex}"
    anonymous = f"e2e-{uuid.uuid4().hex}"

    http.get(
        f"{API}/items", headers={**member.headers, "X-Request-ID": signed}
    ).raise_for_status()
    # Next request on the same connection, without a token: no user id left over.
    http.get("/livez", headers={"X-Request-ID": anonymous}).raise_for_status()

    [signed_line] = request_lines(server, signed)
    assert signed_line["user_id"] == member.user_id
    assert signed_line["path"] == f"{API}/items"
    [anonymous_line] = request_lines(server, anonymous)
    assert "user_id" not in anonymous_line


def test_no_log_line_holds_a_password_or_a_token(
    http: httpx.Client, server: RunningServer
) -> None:
    # Every route that receives a secret, on its success and its failure paths.
    email, password = new_email(), new_password()
    wrong_password, new = new_password(), new_password()
    register(http, email, password)
    rejected = http.post(
        f"{API}/auth/register", json={"email": "not-an-email", "password": password}
    )
    assert rejected.status_code == 422
    assert password not in rejected.text  # the error does not echo the input
    failed = http.post(
        f"{API}/auth/login", json={"email": email, "password": wrong_password}
    )
    assert failed.status_code == 401
    first = login(http, email, password)
    refreshed = http.post(
        f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert refreshed.status_code == 200
    second = refreshed.json()
    changed = http.put(
        f"{API}/users/me/password",
        json={"current_password": password, "new_password": new},
        headers=bearer(second["access_token"]),
    )
    assert changed.status_code == 204, changed.text
    reused = http.post(
        f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]}
    )
    assert reused.status_code == 401  # logged as a warning, with the session id
    last = f"e2e-{uuid.uuid4().hex}"
    ended = http.post(
        f"{API}/auth/logout",
        json={"refresh_token": second["refresh_token"]},
        headers={"X-Request-ID": last},
    )
    assert ended.status_code == 401  # the reuse above already ended the session
    assert request_lines(server, last)  # so every earlier line is written too

    log = server.log_path.read_text(encoding="utf-8")
    secrets = [password, wrong_password, new]
    secrets += [first["access_token"], first["refresh_token"]]
    secrets += [second["access_token"], second["refresh_token"]]
    assert [secret for secret in secrets if secret in log] == []
    assert "refresh_token_reused" in log  # the log did record these requests
