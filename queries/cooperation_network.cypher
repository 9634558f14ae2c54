// name: cooperation_network
// description: An agency's cooperation partners (either direction), with the number of reports and an example.
// param agency: "韶关市市场监督管理局"
MATCH (a:Agency {name: $agency})-[e:COOPERATES_WITH]-(b:Agency)
OPTIONAL MATCH (sen:Sentence {key: e.sentence_key})
RETURN b.name AS partner, b.level AS level, count(DISTINCT e.report_id) AS reports,
       min(sen.sentence) AS example
ORDER BY reports DESC, partner
