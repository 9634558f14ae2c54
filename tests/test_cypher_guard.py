"""User Cypher is read-only: write clauses and unknown procedures are refused before running."""

import pytest

from fazhi.graph.cypher_guard import refuse_writes, write_clause
from fazhi.graph.store import QueryRefused

WRITES = [
    "CREATE (n:Agency {name: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Agency) SET n.name = 'y'",
    "merge (n:Law {name: $x})",
    "MATCH (n) REMOVE n.level",
    "DROP TABLE Agency",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "COPY Agency FROM 'x.csv'",
    "CALL apoc.create.node(['X'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "MATCH (n) FOREACH (x IN [1] | CREATE (:A))",
    "MATCH (n) RETURN n; CREATE (m)",
    "INSTALL httpfs",
]
READS = [
    "MATCH (n:Agency) WHERE n.name = 'CREATE' RETURN n",
    "MATCH (n) RETURN n.name AS `set` LIMIT 5",
    "// DELETE everything\nMATCH (n) RETURN count(n)",
    "MATCH (a)-[e:IMPLEMENTS]->(m) WHERE m.name CONTAINS \"MERGE\" RETURN a",
    "CALL db.labels()",
    "CALL show_tables() RETURN *",
    "MATCH (n) WHERE n.created_at IS NOT NULL RETURN n.setting",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_writes_are_refused_with_the_clause_named(cypher: str) -> None:
    with pytest.raises(QueryRefused) as info:
        refuse_writes(cypher)
    assert write_clause(cypher).split()[0] in str(info.value).upper()


@pytest.mark.parametrize("cypher", READS)
def test_reads_pass(cypher: str) -> None:
    refuse_writes(cypher)
    assert write_clause(cypher) is None


def test_empty_query_is_refused() -> None:
    with pytest.raises(QueryRefused):
        refuse_writes("   ")
