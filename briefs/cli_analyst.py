"""Analyst commands (report, export, sql), registered on the `briefs` app."""
