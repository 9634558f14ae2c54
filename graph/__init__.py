"""Entities, the in-memory KnowledgeGraph, the stores (LadybugDB, Neo4j) and RDF."""
