"""Shared fixtures. Fixture modules for real components live beside this file."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

pytest_plugins = ["fixtures_neo4j"]


def require(condition: bool, reason: str) -> None:
    """Skip locally when a real component is missing; in CI (CI=true) that is a failure."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    require(SEEDS.is_dir(), f"{SEEDS} not present")
    return SEEDS
