"""Passwords (argon2id), access and refresh tokens, and roles -> permissions.

Pure functions and small classes: no web framework and no database, so the API
layer and the services can both rely on them.
"""
