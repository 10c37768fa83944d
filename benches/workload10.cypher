// Issue 15's tenth workload, held out once more: shapes none of workloads 1–9 has, written
// before looking at the planner, the way a Neo4j 5 user writes them: LDBC SNB IS6 (an
// article's organizations and where they sent people) and a BI15-like weighted count of
// paths, COUNT { } used only in ORDER BY, EXISTS { } as a CASE key and as an ORDER BY key,
// two COUNT { } compared over a whole label, nested EXISTS { }, pattern predicates OR-ed over
// a whole label, a pattern comprehension in WHERE, OPTIONAL MATCH with a WHERE reading the
// outer row, over a whole label, and with a label test on an unlabelled far end, UNWIND of
// a range joined to a relationship property and to inline maps on both ends, three levels
// of aggregation, DISTINCT on expressions (from a person, over a whole type), ORDER BY an
// aggregate expression with SKIP, NOT (a)-[]-(b) between co-members, relationship
// property ranges with both bounds, CONTAINS / ENDS WITH / STARTS WITH mixed and =~ with an
// alternation, coalesce() and CASE in WHERE, a var-length path whose relationships' years
// must increase, and one with a two-sided window on them, shortestPath against the
// direction and over another type, collect() of maps read back after UNWIND, size(collect())
// in WITH … WHERE, nested CALL { } subqueries, a CALL { … UNION … }, WITH *, queries that
// return nothing (from a missing key, after a whole-type scan, an aggregate over nothing),
// queries touching most of the graph (every relationship with its ends compared, a two-hop
// join of two whole types), list comprehensions over collected lists, a local clustering
// count from a collected list unwound twice, count(DISTINCT expression) per group, an
// undirected inline relationship map with anonymous ends and a path's node ids.
// Run it with steppe_bench (`--workload workload10`, with or without `--schemaless`) and
// benches/kuzu/run.sh (`--workload workload10`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (Kuzu 0.11.3 has no CALL { }, no pattern predicates or
// comprehensions (EXISTS { } and COUNT { }), no list comprehension (list_filter), no
// reduce() (list_sum), no shortestPath() (`* SHORTEST a..b`), TRAIL for openCypher's
// relationship uniqueness in var-length paths, label(x) for labels and types, rels(p),
// lists indexed from 1), `// @check rows` where only the row count is comparable.
// Parameters ($person, $src, $dst, $year) come from the generator's manifest.json; other
// nodes are named by `name`.

// @query is6_article_orgs_deployments
MATCH (a:Article {name: 'Article 86'})-[:MENTIONS]->(o:Organization)-[:SENT]->(d:Deployment)<-[:SENT]-(c:Country)
RETURN o.id AS org, c.name AS country, count(d) AS n ORDER BY org, country;

// @query count_subquery_only_in_order_by
// @kuzu MATCH (p:Person) WHERE p.year = $year WITH p, COUNT { MATCH (p)-[k:KNOWS]->(:Person) WHERE k.year >= 2000 } AS c RETURN p.id AS id ORDER BY c DESC, id LIMIT 10;
MATCH (p:Person) WHERE p.year = $year
RETURN p.id AS id ORDER BY COUNT { (p)-[k:KNOWS]->(:Person) WHERE k.year >= 2000 } DESC, id LIMIT 10;

// @query exists_as_case_key
// @kuzu MATCH (p:Person) WHERE p.year >= $year WITH p, EXISTS { MATCH (p)-[:MEMBER_OF]->(:Organization) } AS member RETURN CASE WHEN member THEN 'member' ELSE 'none' END AS kind, count(*) AS n ORDER BY kind;
MATCH (p:Person) WHERE p.year >= $year
RETURN CASE WHEN EXISTS { (p)-[:MEMBER_OF]->(:Organization) } THEN 'member' ELSE 'none' END AS kind, count(*) AS n ORDER BY kind;

// @query exists_as_order_key
// @kuzu MATCH (o:Organization) WHERE o.year = $year WITH o, EXISTS { MATCH (o)-[:SENT]->(:Deployment) } AS sent RETURN o.id AS org ORDER BY sent DESC, org LIMIT 15;
MATCH (o:Organization) WHERE o.year = $year
RETURN o.id AS org ORDER BY EXISTS { (o)-[:SENT]->(:Deployment) } DESC, org LIMIT 15;

// @query two_count_subqueries_compared_whole_label
// @kuzu MATCH (p:Person) WHERE COUNT { MATCH (p)-[:KNOWS]->() } > 2 * COUNT { MATCH (p)<-[:KNOWS]-() } + 5 RETURN count(*) AS n, min(p.id) AS first;
MATCH (p:Person)
WHERE COUNT { (p)-[:KNOWS]->() } > 2 * COUNT { (p)<-[:KNOWS]-() } + 5
RETURN count(*) AS n, min(p.id) AS first;

// @query nested_exists
// @kuzu MATCH (o:Organization) WHERE o.year = $year AND EXISTS { MATCH (o)<-[:MEMBER_OF]-(p:Person) WHERE EXISTS { MATCH (p)<-[:MENTIONS]-(:Article) } } RETURN count(*) AS n;
MATCH (o:Organization) WHERE o.year = $year
  AND EXISTS { MATCH (o)<-[:MEMBER_OF]-(p:Person) WHERE EXISTS { (p)<-[:MENTIONS]-(:Article) } }
RETURN count(*) AS n;

// @query pattern_predicates_or_whole_label
// @kuzu MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:MEMBER_OF]->(:Organization {year: $year}) } OR EXISTS { MATCH (p)<-[:MENTIONS]-(:Article {year: $year}) } RETURN count(*) AS n;
MATCH (p:Person)
WHERE (p)-[:MEMBER_OF]->(:Organization {year: $year}) OR (p)<-[:MENTIONS]-(:Article {year: $year})
RETURN count(*) AS n;

// @query pattern_comprehension_in_where
// @kuzu MATCH (p:Person) WHERE p.year = $year AND COUNT { MATCH (p)-[m:MEMBER_OF]->(o:Organization) WHERE o.year >= 1990 } >= 2 RETURN count(*) AS n, min(p.id) AS first;
MATCH (p:Person) WHERE p.year = $year
  AND size([(p)-[m:MEMBER_OF]->(o:Organization) WHERE o.year >= 1990 | o.id]) >= 2
RETURN count(*) AS n, min(p.id) AS first;

// @query optional_where_reads_outer
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > f.year + 20
RETURN f.id AS friend, count(o) AS late ORDER BY friend;

// @query optional_where_whole_label
MATCH (d:Deployment)
OPTIONAL MATCH (d)<-[s:SENT]-(c:Country) WHERE s.year >= $year AND c.weight > 0.5
RETURN count(DISTINCT d) AS deployments, count(c) AS sends, count(DISTINCT c) AS countries;

// @query optional_label_test_unlabelled_end
// @kuzu MATCH (a:Article) WHERE a.year = $year OPTIONAL MATCH (a)-[:MENTIONS]->(x) WHERE label(x) = 'Person' OR label(x) = 'Country' RETURN count(DISTINCT a) AS articles, count(x) AS mentions;
MATCH (a:Article) WHERE a.year = $year
OPTIONAL MATCH (a)-[:MENTIONS]->(x) WHERE x:Person OR x:Country
RETURN count(DISTINCT a) AS articles, count(x) AS mentions;

// @query unwind_range_rel_property
UNWIND range($year - 4, $year) AS y
MATCH (a:Article)-[m:MENTIONS]->(c:Country) WHERE m.year = y
RETURN y, count(*) AS n, count(DISTINCT c) AS countries ORDER BY y;

// @query unwind_range_inline_maps_both_ends
UNWIND range(1900, 2020, 15) AS y
MATCH (o:Organization {year: y})<-[:MEMBER_OF]-(p:Person {year: y})
RETURN y, count(*) AS n ORDER BY y;

// @query three_aggregation_levels
MATCH (p:Person)-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization) WHERE p.year = $year
WITH p, o, count(*) AS paths
WITH o, count(p) AS people, sum(paths) AS total
RETURN people, count(o) AS orgs, sum(total) AS paths ORDER BY people;

// @query distinct_expression_from_person
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:KNOWS]-(g:Person)
RETURN DISTINCT abs(f.year - g.year) / 10 AS gap ORDER BY gap;

// @query distinct_expressions_whole_type
MATCH (a:Article)-[m:MENTIONS]->(:Organization)
RETURN DISTINCT a.year % 10 AS digit, m.year / 50 AS period ORDER BY digit, period;

// @query order_by_aggregate_expression_skip
MATCH (o:Organization)<-[m:MEMBER_OF]-(:Person)
WITH o, max(m.year) - min(m.year) AS span, count(*) AS members
RETURN o.id AS org, span, members ORDER BY span DESC, members DESC, org SKIP 50 LIMIT 10;

// @query not_knows_between_co_members
// @kuzu MATCH (o:Organization {name: 'Organization 5'})<-[:MEMBER_OF]-(p:Person), (o)<-[:MEMBER_OF]-(q:Person) WHERE p.id < q.id AND NOT EXISTS { MATCH (p)-[:KNOWS]-(q) } RETURN count(*) AS pairs;
MATCH (o:Organization {name: 'Organization 5'})<-[:MEMBER_OF]-(p:Person), (o)<-[:MEMBER_OF]-(q:Person)
WHERE p.id < q.id AND NOT (p)-[:KNOWS]-(q)
RETURN count(*) AS pairs;

// @query rel_ranges_both_bounds_two_hops
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[k:KNOWS]-(q:Person)
WHERE q <> p AND k.weight >= 0.3 AND k.weight < 0.4 AND k.year >= 1990 AND k.year <= $year
RETURN count(*) AS n, count(DISTINCT q) AS people;

// @query contains_ends_starts_mixed
MATCH (a:Article)-[:MENTIONS]->(c:Country)
WHERE c.name CONTAINS '1' AND NOT c.name ENDS WITH '1' AND a.name STARTS WITH 'Article 12'
RETURN c.name AS country, count(*) AS n ORDER BY n DESC, country LIMIT 10;

// @query regex_alternation_expand
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person)
WHERE o.name =~ 'Organization (7|77|777)'
RETURN o.name AS org, count(p) AS members ORDER BY org;

// @query coalesce_in_where_after_optional
MATCH (p:Person) WHERE p.year = $year
OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Organization)
WITH p, o WHERE coalesce(o.year, p.year) >= 2000
RETURN count(*) AS n, count(o) AS with_org;

// @query case_in_where_whole_type
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE CASE WHEN o.year < 1950 THEN m.weight > 0.99 ELSE m.weight < 0.001 END
RETURN count(*) AS n, count(DISTINCT o) AS orgs;

// @query var_length_increasing_years
// @kuzu MATCH p = (a:Person {id: $person})-[:KNOWS* TRAIL 2..3]->(b:Person) WITH length(p) AS hops, properties(rels(p), 'year') AS ys WHERE all(i IN range(1, size(ys) - 1) WHERE ys[i] < ys[i + 1]) RETURN hops, count(*) AS paths ORDER BY hops;
MATCH p = (a:Person {id: $person})-[:KNOWS*2..3]->(b:Person)
WHERE all(i IN range(0, length(p) - 2) WHERE relationships(p)[i].year < relationships(p)[i + 1].year)
RETURN length(p) AS hops, count(*) AS paths ORDER BY hops;

// @query var_length_rel_window_undirected
// @kuzu MATCH (a:Person {id: $src})-[:KNOWS* TRAIL 1..3 (r, n | WHERE r.year >= 1990 AND r.year <= $year)]-(b:Person) RETURN count(DISTINCT b) AS reached;
MATCH p = (a:Person {id: $src})-[:KNOWS*1..3]-(b:Person)
WHERE all(k IN relationships(p) WHERE k.year >= 1990 AND k.year <= $year)
RETURN count(DISTINCT b) AS reached;

// @query shortest_against_direction
// @kuzu MATCH p = (a:Person {id: $person})<-[:KNOWS* SHORTEST 1..8]-(b:Person {id: $dst}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $person})<-[:KNOWS*..8]-(b:Person {id: $dst}))
RETURN length(p) AS hops;

// @query shortest_over_memberships
// @kuzu MATCH p = (a:Person {id: $src})-[:MEMBER_OF* SHORTEST 1..8]-(b:Person {id: $dst}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $src})-[:MEMBER_OF*..8]-(b:Person {id: $dst}))
RETURN length(p) AS hops;

// @query bi15_weighted_paths_same_year
// @kuzu MATCH p = (a:Person {id: $person})-[:KNOWS* TRAIL 1..3]->(b:Person) WHERE b.year = a.year AND b <> a WITH b, list_sum(properties(rels(p), 'weight')) AS w RETURN b.id AS target, count(*) AS paths, round(max(w) * 1000, 0) AS best ORDER BY best DESC, target LIMIT 10;
MATCH p = (a:Person {id: $person})-[:KNOWS*1..3]->(b:Person) WHERE b.year = a.year AND b <> a
WITH b, reduce(w = 0.0, r IN relationships(p) | w + r.weight) AS w
RETURN b.id AS target, count(*) AS paths, round(max(w) * 1000, 0) AS best ORDER BY best DESC, target LIMIT 10;

// @query collect_maps_unwind_fields
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH collect({id: f.id, decade: f.year / 10}) AS friends
UNWIND friends AS m
RETURN m.decade AS decade, count(*) AS n, min(m.id) AS first ORDER BY decade;

// @query size_collect_in_with_where
MATCH (c:Country)-[s:SENT]->(d:Deployment) WHERE s.year >= 1950
WITH c, collect(d) AS ds
WHERE size(ds) >= 80
RETURN c.id AS country, size(ds) AS deployments ORDER BY deployments DESC, country LIMIT 10;

// @query nested_call_subqueries
// @kuzu MATCH (o:Organization) WHERE o.year = $year OPTIONAL MATCH (o)<-[m:MEMBER_OF]-(p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(f:Person) WITH o, m, p, count(f) AS friends WITH o, sum(friends) AS reach, count(p) AS members RETURN o.id AS org, members, reach ORDER BY reach DESC, org LIMIT 10;
MATCH (o:Organization) WHERE o.year = $year
CALL (o) {
  MATCH (o)<-[:MEMBER_OF]-(p:Person)
  CALL (p) { MATCH (p)-[:KNOWS]->(f:Person) RETURN count(f) AS friends }
  RETURN sum(friends) AS reach, count(p) AS members
}
RETURN o.id AS org, members, reach ORDER BY reach DESC, org LIMIT 10;

// @query call_union_distinct_articles
// @kuzu MATCH (x:Country:Organization)<-[:MENTIONS]-(a:Article) WHERE x.name = 'Country 7' OR x.name = 'Organization 7' RETURN count(DISTINCT a) AS articles, min(a.year) AS first;
CALL {
  MATCH (c:Country {name: 'Country 7'})<-[:MENTIONS]-(a:Article) RETURN a
  UNION
  MATCH (o:Organization {name: 'Organization 7'})<-[:MENTIONS]-(a:Article) RETURN a
}
RETURN count(a) AS articles, min(a.year) AS first;

// @query with_star_then_match
// @kuzu MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person) WHERE k.year > f.year MATCH (f)-[m:MEMBER_OF]->(o:Organization) WITH o, m.year - f.year AS age RETURN o.id AS org, min(age) AS youngest, count(*) AS n ORDER BY org;
MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person)
WITH * WHERE k.year > f.year
MATCH (f)-[m:MEMBER_OF]->(o:Organization)
WITH *, m.year - f.year AS age
RETURN o.id AS org, min(age) AS youngest, count(*) AS n ORDER BY org;

// @query empty_missing_key
MATCH (p:Person {id: -1})-[:KNOWS]->(f:Person)
RETURN f.id AS id ORDER BY id;

// @query empty_after_whole_type
MATCH (a:Article)-[m:MENTIONS]->(p:Person)
WHERE m.year < a.year - 1000
RETURN a.id AS article, p.id AS person;

// @query aggregate_over_nothing
MATCH (o:Organization) WHERE o.year > 3000
RETURN count(*) AS n, max(o.weight) AS heaviest, min(o.name) AS first;

// @query every_relationship_ends_compared
// @kuzu MATCH (a)-[r]->(b) WHERE a.year = b.year RETURN label(r) AS t, count(*) AS n ORDER BY t;
MATCH (a)-[r]->(b) WHERE a.year = b.year
RETURN type(r) AS t, count(*) AS n ORDER BY t;

// @query two_whole_types_joined
MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization)
WHERE a.year = o.year
RETURN count(*) AS n, count(DISTINCT p) AS people;

// @query list_comprehension_collected_years
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[m:MEMBER_OF]->(:Organization) WITH f, collect(m.year) AS ys RETURN f.id AS friend, size(list_filter(ys, y -> y >= 2000)) AS recent, size(ys) AS total ORDER BY friend;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[m:MEMBER_OF]->(:Organization)
WITH f, collect(m.year) AS ys
RETURN f.id AS friend, size([y IN ys WHERE y >= 2000]) AS recent, size(ys) AS total ORDER BY friend;

// @query list_comprehension_whole_label
// (Kuzu 0.11.3 fails on a parameter inside a lambda, so it is given a conditional count.)
// @kuzu MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit) WITH d, count(CASE WHEN pt.year >= $year THEN 1 END) AS recent WHERE recent > 0 RETURN count(d) AS deployments, sum(recent) AS parts;
MATCH (d:Deployment)<-[pt:PART_OF]-(:Unit)
WITH d, collect(pt.year) AS ys
WITH d, [y IN ys WHERE y >= $year] AS recent
WHERE size(recent) > 0
RETURN count(d) AS deployments, sum(size(recent)) AS parts;

// @query clustering_from_collected_friends
// (Kuzu 0.11.3 does not bind nodes unwound from a list to a later pattern, so it is given their ids.)
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) WITH collect(DISTINCT f.id) AS fs UNWIND fs AS x UNWIND fs AS y WITH x, y WHERE x < y MATCH (a:Person {id: x})-[:KNOWS]-(b:Person {id: y}) RETURN count(*) AS links;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH collect(DISTINCT f) AS fs
UNWIND fs AS x
UNWIND fs AS y
WITH x, y WHERE x.id < y.id
MATCH (x)-[:KNOWS]-(y)
RETURN count(*) AS links;

// @query count_distinct_expression_per_group
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE o.year >= $year
RETURN o.id AS org, count(DISTINCT p.year / 10) AS decades ORDER BY decades DESC, org LIMIT 10;

// @query rel_inline_map_undirected_anonymous
MATCH ()-[k:KNOWS {year: $year}]-()
RETURN count(*) AS n, count(DISTINCT k) AS rels;

// @query path_node_ids
// @kuzu MATCH p = (a:Person {id: $person})-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(b:Person) WHERE b.year >= a.year AND b <> a RETURN b.id AS other, properties(nodes(p), 'id') AS ids ORDER BY other, ids[2];
MATCH p = (a:Person {id: $person})-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(b:Person)
WHERE b.year >= a.year AND b <> a
RETURN b.id AS other, [n IN nodes(p) | n.id] AS ids ORDER BY other, ids[1];
