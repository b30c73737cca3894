"""Validation of parsed briefs against the warehouse contract."""

from schemas.validate import CheckFailure, has_errors, validate_batch, validate_brief, validate_briefs

__all__ = ["CheckFailure", "has_errors", "validate_batch", "validate_brief", "validate_briefs"]
