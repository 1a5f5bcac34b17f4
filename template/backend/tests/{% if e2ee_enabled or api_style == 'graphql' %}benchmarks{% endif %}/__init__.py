"""Benchmarks: run by their nox sessions, never by the suites. Each prints its
figures beside a baseline measured in the same run."""
