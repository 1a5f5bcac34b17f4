"""Pure ASGI middleware: request context, security headers and the body-size limit.

Pure ASGI (not BaseHTTPMiddleware) so streaming bodies and context variables behave.
"""
