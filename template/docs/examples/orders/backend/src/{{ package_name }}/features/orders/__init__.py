"""Orders: what a member buys, with an amount and a status.

A feature package of the project's own, found by name (features/__init__.py):
its models, repository, service, permissions and API are all here, and nothing
outside this folder lists it.
"""
