"""Repositories: the only code that talks to the database.

Services receive repositories (or a session factory to build them) and never see
SQLAlchemy sessions or the driver themselves.
"""
