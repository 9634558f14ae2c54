// name: node_detail
// description: A node's label and properties, by name (or id for a Report). LadybugDB: one primary-key lookup per label, each node's properties as a record of every label's columns (absent ones null) with the node's _LABEL, which the store's plain() reads as a node's, since a UNION of different node tables fails ("node has data type NODE") and one MATCH over all five labels scans every node (1.4 s at 50,000 reports). Neo4j: the same lookups by each label's key constraint, instead of a scan of every node.
// param key: "韶关市"
// dialect: ladybug
MATCH (n:Report {id: $key})
RETURN 'Report' AS label, {_LABEL: 'Report', id: n.id, title: n.title, agency: n.agency, region: n.region, year: n.year, doc_type: n.doc_type, doc_number: n.doc_number, date: n.date, source: n.source, text: n.text, source_url: n.source_url, pending: n.pending, name: CAST(NULL AS STRING), level: CAST(NULL AS STRING), category: CAST(NULL AS STRING), issuer: CAST(NULL AS STRING), kind: CAST(NULL AS STRING), parent: CAST(NULL AS STRING)} AS node
UNION ALL
MATCH (n:Agency {name: $key})
RETURN 'Agency' AS label, {_LABEL: 'Agency', id: CAST(NULL AS STRING), title: CAST(NULL AS STRING), agency: CAST(NULL AS STRING), region: n.region, year: CAST(NULL AS INT64), doc_type: CAST(NULL AS STRING), doc_number: CAST(NULL AS STRING), date: CAST(NULL AS STRING), source: CAST(NULL AS STRING), text: CAST(NULL AS STRING), source_url: CAST(NULL AS STRING), pending: CAST(NULL AS BOOLEAN), name: n.name, level: n.level, category: CAST(NULL AS STRING), issuer: CAST(NULL AS STRING), kind: CAST(NULL AS STRING), parent: CAST(NULL AS STRING)} AS node
UNION ALL
MATCH (n:Law {name: $key})
RETURN 'Law' AS label, {_LABEL: 'Law', id: CAST(NULL AS STRING), title: CAST(NULL AS STRING), agency: CAST(NULL AS STRING), region: CAST(NULL AS STRING), year: CAST(NULL AS INT64), doc_type: CAST(NULL AS STRING), doc_number: CAST(NULL AS STRING), date: CAST(NULL AS STRING), source: CAST(NULL AS STRING), text: CAST(NULL AS STRING), source_url: CAST(NULL AS STRING), pending: CAST(NULL AS BOOLEAN), name: n.name, level: CAST(NULL AS STRING), category: n.category, issuer: n.issuer, kind: CAST(NULL AS STRING), parent: CAST(NULL AS STRING)} AS node
UNION ALL
MATCH (n:Measure {name: $key})
RETURN 'Measure' AS label, {_LABEL: 'Measure', id: CAST(NULL AS STRING), title: CAST(NULL AS STRING), agency: CAST(NULL AS STRING), region: CAST(NULL AS STRING), year: CAST(NULL AS INT64), doc_type: CAST(NULL AS STRING), doc_number: CAST(NULL AS STRING), date: CAST(NULL AS STRING), source: CAST(NULL AS STRING), text: CAST(NULL AS STRING), source_url: CAST(NULL AS STRING), pending: CAST(NULL AS BOOLEAN), name: n.name, level: CAST(NULL AS STRING), category: CAST(NULL AS STRING), issuer: CAST(NULL AS STRING), kind: n.kind, parent: CAST(NULL AS STRING)} AS node
UNION ALL
MATCH (n:Region {name: $key})
RETURN 'Region' AS label, {_LABEL: 'Region', id: CAST(NULL AS STRING), title: CAST(NULL AS STRING), agency: CAST(NULL AS STRING), region: CAST(NULL AS STRING), year: CAST(NULL AS INT64), doc_type: CAST(NULL AS STRING), doc_number: CAST(NULL AS STRING), date: CAST(NULL AS STRING), source: CAST(NULL AS STRING), text: CAST(NULL AS STRING), source_url: CAST(NULL AS STRING), pending: CAST(NULL AS BOOLEAN), name: n.name, level: n.level, category: CAST(NULL AS STRING), issuer: CAST(NULL AS STRING), kind: CAST(NULL AS STRING), parent: n.parent} AS node
// dialect: neo4j
CALL {
  MATCH (n:Report {id: $key}) RETURN 'Report' AS label, n AS node
  UNION ALL
  MATCH (n:Agency {name: $key}) RETURN 'Agency' AS label, n AS node
  UNION ALL
  MATCH (n:Law {name: $key}) RETURN 'Law' AS label, n AS node
  UNION ALL
  MATCH (n:Measure {name: $key}) RETURN 'Measure' AS label, n AS node
  UNION ALL
  MATCH (n:Region {name: $key}) RETURN 'Region' AS label, n AS node
}
RETURN label, node
LIMIT 1
