"""fazhi-graph: 法治政府建设 reports -> an evidence-carrying knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fazhi-graph")  # one version number: pyproject.toml's, read from the installed metadata
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
