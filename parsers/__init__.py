"""Extracted document → contract records: pure functions over text, testable with strings."""
