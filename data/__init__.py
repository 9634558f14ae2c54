"""Dictionaries (laws, measures, agency forms, divisions) and sample reports, shipped as package data.

Code finds them through data_dir(), never by walking up from its own file: an installed wheel
has no repository around it. FAZHI_DATA_DIR points at a user's own dictionary folder instead.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_PACKAGED = Path(str(resources.files(__name__)))  # resolved once: data_dir() is on the hot path


def data_dir() -> Path:
    """The dictionary directory: $FAZHI_DATA_DIR if set, else the packaged data/."""
    env = os.environ.get("FAZHI_DATA_DIR")
    return Path(env) if env else _PACKAGED


def samples_dir() -> Path:
    """The bundled fictional sample reports (always the packaged ones)."""
    return _PACKAGED / "samples"
