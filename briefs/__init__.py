"""briefs: PDF partnership briefs → validated DuckDB tables.

The library a user can import: `briefs.files` finds and hashes PDFs, `briefs.analyse` turns
one PDF into validated contract tables, `briefs.isolation` runs that in a bounded child
process. The Prefect flow (`flows.ingest`) and the CLI (`briefs.cli`) are thin layers over them.
"""
