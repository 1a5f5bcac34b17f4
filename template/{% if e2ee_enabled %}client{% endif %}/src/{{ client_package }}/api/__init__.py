"""The service's API as the client sees it: shared types and one transport."""
