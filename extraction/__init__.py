"""Rule-based extraction: document structure, entities and relations, one module per job."""
