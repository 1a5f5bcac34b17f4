"""The object store: files' bytes live in an S3-compatible bucket, not here."""
