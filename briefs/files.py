"""Discover briefs on disk and fingerprint their bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def discover(paths: Iterable[Path]) -> list[Path]:
    """PDF files named directly or found (recursively) in the folders given, sorted, each once.

    A file named directly is taken whatever its extension, so a mislabelled download
    gets a clear rejection instead of being skipped silently.
    """
    found: dict[Path, None] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() == ".pdf":
                    found.setdefault(child.resolve())
        elif path.exists():
            found.setdefault(path.resolve())
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return list(found)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex SHA-256 of the file's bytes: the identity of a brief edition."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()
