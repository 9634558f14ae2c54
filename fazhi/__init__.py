"""fazhi-graph: 法治政府建设 reports -> an evidence-carrying knowledge graph."""

__version__ = "0.1.0"
