"""The production entry point: settings from the environment, then uvicorn.

One process per container; scale by running more containers behind a balancer.
"""

import sys

import uvicorn
from pydantic import ValidationError

from .config import Settings
from .main import create_app


def load_settings() -> Settings:
    """Settings, or exit with status 2 and a message naming each bad variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, item['loc'])) or 'settings'}: {item['msg']}"
            for item in error.errors()
        )
        print(f"refusing to start: invalid settings: {problems}", file=sys.stderr)
        raise SystemExit(2) from None


def build_server_config(settings: Settings) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=None,  # our logging configuration stays in place
        access_log=False,  # the request-context middleware logs each request
        server_header=False,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=20,
    )


def main() -> None:
    server = uvicorn.Server(build_server_config(load_settings()))
    server.run()
    if not server.started:
        # Start-up failed (say, the database never answered): the exit code says so.
        raise SystemExit(3)


if __name__ == "__main__":
    main()
