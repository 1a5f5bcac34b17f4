"""The production entry point: settings from the environment, then uvicorn.

One process per container; scale by running more containers behind a balancer.
"""

import uvicorn

from .config import Settings, load_settings
from .main import create_app


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
