"""Business rules, one module per feature (user_service.py, ...).

A service checks permissions, applies rules and commits or rolls back its unit of
work. It never imports the web framework or the database driver.
"""
