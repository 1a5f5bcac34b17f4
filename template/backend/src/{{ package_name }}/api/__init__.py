"""The transport layer: parse, validate, authorise, call a service, shape the reply.

Plain-HTTP pieces shared by every API style (health, errors, dependencies) live
here; the style itself lives in one sub-package.
"""
