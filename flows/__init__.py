"""Prefect flows: thin orchestration over the `briefs` library."""
