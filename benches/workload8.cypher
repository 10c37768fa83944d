// Issue 15's eighth workload, held out once more: shapes none of workloads 1–7 has, written
// before looking at the planner, the way a Neo4j or Kuzu user writes them: several
// OPTIONAL MATCHes each aggregated in its own WITH stage, WITH pipelines of three and four
// stages, ORDER BY on aggregates with many ties, pattern comprehensions (their size, and
// folded with reduce), EXISTS { } with a WHERE on the relationship (in WHERE, NOT, and as a
// returned column), variable-length paths with all() over their relationships' properties
// and a minimum length per end, shortestPath between filtered ends (one fixed, both
// filtered sets), collect() slices and heads after an ORDER BY, UNWIND of a collected list
// re-matched (nodes, and ids looked up), map projections read back, string predicates over
// relationship properties, labels() and type() tested in WHERE, startNode()/endNode(),
// ratios of aggregates filtered in WITH … WHERE, a cartesian product joined by an
// inequality, a positive pattern predicate of two hops, a three-type chain from a
// low-degree node, and LDBC SNB BI11 (friend triangles within a country's people) and BI19
// (weighted friendships between two organizations' members) adapted to the generator's
// graph. Run it with steppe_bench (`--workload workload8`, with or without `--schemaless`)
// and benches/kuzu/run.sh (`--workload workload8`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (Kuzu 0.11.3 has no pattern comprehension, no map
// projection, no startNode/endNode, no shortestPath() (`* SHORTEST`), label(x) for labels
// and types, rels(p), TRAIL for openCypher's relationship uniqueness in var-length paths,
// list_slice with an inclusive end, and no order for collect() after an ORDER BY),
// `// @check rows` where only the row count is comparable. Parameters ($person, $src,
// $dst, $year) come from the generator's manifest.json; other nodes are named by `name`.

// @query optional_stages_three_counts
MATCH (o:Organization) WHERE o.year = $year
OPTIONAL MATCH (o)<-[:MEMBER_OF]-(p:Person)
WITH o, count(p) AS members
OPTIONAL MATCH (o)<-[:MENTIONS]-(a:Article)
WITH o, members, count(a) AS mentions
OPTIONAL MATCH (o)-[:SENT]->(d:Deployment)
RETURN o.id AS org, members, mentions, count(d) AS deployments
ORDER BY members DESC, mentions DESC, deployments DESC, org LIMIT 10;

// @query four_stage_pipeline
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH DISTINCT f WHERE f.year >= 1950
MATCH (f)-[:MEMBER_OF]->(o:Organization)
WITH o, count(*) AS friends
MATCH (o)<-[:MENTIONS]-(a:Article)
WITH o, friends, count(a) AS mentions, max(a.year) AS latest
WHERE mentions > 1
RETURN o.id AS org, friends, mentions, latest ORDER BY friends DESC, mentions DESC, org LIMIT 10;

// @query order_by_count_ties_whole_type
MATCH (c:Country)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2015
RETURN c.year AS founded, count(*) AS n, count(DISTINCT c) AS countries
ORDER BY n DESC, countries, founded LIMIT 15;

// @query order_by_avg_ties_per_person
MATCH (p:Person)-[k:KNOWS]->(:Person) WHERE p.year = $year
RETURN p.id AS id, count(*) AS n, round(avg(k.year), 0) AS avg_year
ORDER BY avg_year DESC, n DESC, id LIMIT 20;

// @query pattern_comprehension_size_rel_filter
// @kuzu MATCH (o:Organization) WHERE o.year = $year RETURN o.id AS org, COUNT { MATCH (o)<-[m:MEMBER_OF]-(p:Person) WHERE m.year >= 2000 } AS recent ORDER BY recent DESC, org LIMIT 10;
MATCH (o:Organization) WHERE o.year = $year
RETURN o.id AS org, size([(o)<-[m:MEMBER_OF]-(p:Person) WHERE m.year >= 2000 | p.id]) AS recent
ORDER BY recent DESC, org LIMIT 10;

// @query pattern_comprehension_reduce
// (Kuzu is given one group per KNOWS relationship, as steppe has a row per relationship: a friend known twice is two rows.)
// @kuzu MATCH (p:Person {id: $person})-[k:KNOWS]->(f:Person) OPTIONAL MATCH (f)-[:MEMBER_OF]->(o:Organization) WHERE o.year >= 1990 WITH k, f, coalesce(sum(o.id), 0) AS ids, count(o) AS n RETURN f.id AS friend, ids, n ORDER BY friend;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
WITH f, [(f)-[:MEMBER_OF]->(o:Organization) WHERE o.year >= 1990 | o.id] AS orgs
RETURN f.id AS friend, reduce(s = 0, x IN orgs | s + x) AS ids, size(orgs) AS n ORDER BY friend;

// @query exists_rel_where_whole_label
MATCH (o:Organization) WHERE o.year >= 2015
  AND EXISTS { MATCH (o)<-[m:MEMBER_OF]-(p:Person) WHERE m.year < p.year + 18 }
RETURN count(*) AS n;

// @query not_exists_rel_where
MATCH (p:Person) WHERE p.year = $year
  AND NOT EXISTS { MATCH (p)-[k:KNOWS]-(:Person) WHERE k.weight > 0.5 }
RETURN count(*) AS n;

// @query exists_as_column
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
RETURN f.id AS id, EXISTS { MATCH (f)<-[:MENTIONS]-(a:Article) WHERE a.year >= $year } AS recent ORDER BY id, recent;

// @query var_length_all_rel_properties
// @kuzu MATCH p = (a:Person {id: $person})-[:KNOWS* TRAIL 1..3 (r, n | WHERE r.year >= 2000 AND r.weight > 0.3)]->(b:Person) RETURN length(p) AS hops, count(*) AS paths, count(DISTINCT b) AS targets ORDER BY hops;
MATCH p = (a:Person {id: $person})-[:KNOWS*1..3]->(b:Person)
WHERE all(r IN relationships(p) WHERE r.year >= 2000 AND r.weight > 0.3)
RETURN length(p) AS hops, count(*) AS paths, count(DISTINCT b) AS targets ORDER BY hops;

// @query var_length_min_length_per_end
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* TRAIL 1..3]-(b:Person) WHERE b.year = 1950 RETURN b.id AS id, min(length(p)) AS dist ORDER BY dist, id LIMIT 20;
MATCH p = (a:Person {id: $src})-[:KNOWS*1..3]-(b:Person) WHERE b.year = 1950
RETURN b.id AS id, min(length(p)) AS dist ORDER BY dist, id LIMIT 20;

// @query shortest_to_filtered_ends
// @kuzu MATCH (a:Person {id: $src}), (b:Person) WHERE b.year = 1990 AND b.weight > 0.99 MATCH p = (a)-[:KNOWS* SHORTEST 1..5]-(b) RETURN b.id AS target, length(p) AS hops ORDER BY hops, target;
MATCH (a:Person {id: $src}), (b:Person) WHERE b.year = 1990 AND b.weight > 0.99
MATCH p = shortestPath((a)-[:KNOWS*..5]-(b))
RETURN b.id AS target, length(p) AS hops ORDER BY hops, target;

// @query shortest_between_filtered_sets
// @kuzu MATCH (a:Person), (b:Person) WHERE a.year = 1901 AND a.weight > 0.98 AND b.year = 2020 AND b.weight > 0.98 MATCH p = (a)-[:KNOWS* SHORTEST 1..4]->(b) RETURN count(*) AS pairs, sum(length(p)) AS total;
MATCH (a:Person), (b:Person) WHERE a.year = 1901 AND a.weight > 0.98 AND b.year = 2020 AND b.weight > 0.98
MATCH p = shortestPath((a)-[:KNOWS*..4]->(b))
RETURN count(*) AS pairs, sum(length(p)) AS total;

// @query collect_slice_after_order
// @kuzu MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE o.year = $year WITH o, list_slice(list_sort(collect(p.id)), 1, 3) AS first3 RETURN o.id AS org, first3 ORDER BY org;
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE o.year = $year
WITH o, p ORDER BY p.id
WITH o, collect(p.id)[0..3] AS first3
RETURN o.id AS org, first3 ORDER BY org;

// @query collect_head_after_order_whole_type
// @kuzu MATCH (c:Country)<-[:MENTIONS]-(a:Article) WITH c, max(a.year * 1000000 + (1000000 - a.id)) AS k, count(*) AS n RETURN c.id AS country, 1000000 - k % 1000000 AS newest, n ORDER BY n DESC, country LIMIT 10;
MATCH (c:Country)<-[:MENTIONS]-(a:Article)
WITH c, a ORDER BY a.year DESC, a.id
WITH c, head(collect(a.id)) AS newest, count(*) AS n
RETURN c.id AS country, newest, n ORDER BY n DESC, country LIMIT 10;

// @query unwind_collected_nodes_rematch
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH collect(DISTINCT f) AS friends
UNWIND friends AS f
MATCH (f)-[:KNOWS]-(g:Person) WHERE g.year < 1920
RETURN count(DISTINCT g) AS n, count(*) AS pairs;

// @query unwind_collected_ids_lookup
MATCH (o:Organization {name: 'Organization 42'})<-[:MEMBER_OF]-(p:Person)
WITH collect(p.id) AS ids
UNWIND ids AS pid
MATCH (q:Person {id: pid})<-[:MENTIONS]-(a:Article)
RETURN pid, count(a) AS n ORDER BY n DESC, pid LIMIT 10;

// @query map_projection_read_back
// @kuzu MATCH (o:Organization)<-[m:MEMBER_OF]-(p:Person) WHERE o.year = $year AND m.year >= 2010 RETURN p.id AS id, m.year - p.year AS age ORDER BY age DESC, id LIMIT 15;
MATCH (o:Organization)<-[m:MEMBER_OF]-(p:Person) WHERE o.year = $year AND m.year >= 2010
WITH p {.id, .year, joined: m.year} AS row
RETURN row.id AS id, row.joined - row.year AS age ORDER BY age DESC, id LIMIT 15;

// @query string_suffix_rel_property
// @kuzu MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE o.year = $year AND ends_with(CAST(m.year AS STRING), '7') RETURN count(*) AS n, count(DISTINCT p) AS people;
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization) WHERE o.year = $year AND toString(m.year) ENDS WITH '7'
RETURN count(*) AS n, count(DISTINCT p) AS people;

// @query string_prefix_rel_whole_type
// @kuzu MATCH (a:Article)-[m:MENTIONS]->(c:Country) WHERE starts_with(CAST(m.year AS STRING), '19') RETURN c.id AS country, count(*) AS n ORDER BY n DESC, country LIMIT 5;
MATCH (a:Article)-[m:MENTIONS]->(c:Country) WHERE toString(m.year) STARTS WITH '19'
RETURN c.id AS country, count(*) AS n ORDER BY n DESC, country LIMIT 5;

// @query labels_in_where_unlabelled_end
// @kuzu MATCH (a:Article)-[:MENTIONS]->(x) WHERE a.year = $year AND label(x) = 'Person' RETURN count(*) AS n, count(DISTINCT x) AS people;
MATCH (a:Article)-[:MENTIONS]->(x) WHERE a.year = $year AND 'Person' IN labels(x)
RETURN count(*) AS n, count(DISTINCT x) AS people;

// @query type_in_list_untyped
// @kuzu MATCH (p:Person {id: $person})-[r]-(x) WHERE label(r) IN ['KNOWS', 'MEMBER_OF'] RETURN label(r) AS t, count(*) AS n ORDER BY t;
MATCH (p:Person {id: $person})-[r]-(x) WHERE type(r) IN ['KNOWS', 'MEMBER_OF']
RETURN type(r) AS t, count(*) AS n ORDER BY t;

// @query start_end_node_counts
// @kuzu MATCH (p:Person {id: $person}) RETURN COUNT { MATCH (p)-[:KNOWS]->(:Person) } AS outgoing, COUNT { MATCH (p)<-[:KNOWS]-(:Person) } AS incoming;
MATCH (p:Person {id: $person})-[k:KNOWS]-(:Person)
RETURN sum(CASE WHEN startNode(k) = p THEN 1 ELSE 0 END) AS outgoing,
       sum(CASE WHEN endNode(k) = p THEN 1 ELSE 0 END) AS incoming;

// @query ratio_of_aggregates_having
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE o.year >= 2010
WITH o, count(*) AS n, sum(CASE WHEN p.year >= 1990 THEN 1 ELSE 0 END) AS young
WHERE n >= 20
RETURN o.id AS org, n, round(100.0 * young / n, 2) AS pct ORDER BY pct DESC, org LIMIT 10;

// @query optional_two_hops_distinct_per_row
// (Kuzu 0.11.3 answers 0 for count(d) and count(*) beside count(DISTINCT c), as in workload2: it is given the distinct countries by a second grouping; the ten first units all have matches.)
// @kuzu MATCH (u:Unit)-[:PART_OF]->(d:Deployment)<-[:SENT]-(c:Country) WHERE u.year = $year WITH u, c, count(*) AS k WITH u, count(c) AS countries, sum(k) AS n RETURN u.id AS unit, countries, n ORDER BY countries DESC, n DESC, unit LIMIT 10;
MATCH (u:Unit) WHERE u.year = $year
OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment)<-[:SENT]-(c:Country)
RETURN u.id AS unit, count(DISTINCT c) AS countries, count(d) AS n ORDER BY countries DESC, n DESC, unit LIMIT 10;

// @query having_then_optional
MATCH (p:Person)<-[:MENTIONS]-(a:Article) WHERE a.year = $year
WITH p, count(a) AS n WHERE n >= 2
OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Organization)
RETURN p.id AS id, n, count(o) AS orgs ORDER BY n DESC, orgs DESC, id LIMIT 10;

// @query distinct_rel_values_var_length
// @kuzu MATCH (:Person {id: $person})-[:KNOWS* TRAIL 1..2]-(f:Person)-[m:MEMBER_OF]->(:Organization) RETURN count(DISTINCT m.year) AS years, min(m.year) AS first, max(m.year) AS last;
MATCH (:Person {id: $person})-[:KNOWS*1..2]-(f:Person)-[m:MEMBER_OF]->(:Organization)
RETURN count(DISTINCT m.year) AS years, min(m.year) AS first, max(m.year) AS last;

// @query cartesian_inequality_join
MATCH (c:Country) WHERE c.year < 1905
MATCH (d:Deployment) WHERE d.year > c.year + 115
RETURN count(*) AS pairs, count(DISTINCT d) AS deployments;

// @query positive_pattern_predicate_two_hops
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:KNOWS]-(g:Person) WHERE g <> p AND EXISTS { MATCH (g)-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(p) } RETURN count(DISTINCT g) AS colleagues;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:KNOWS]-(g:Person)
WHERE g <> p AND (g)-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(p)
RETURN count(DISTINCT g) AS colleagues;

// @query three_type_chain_low_degree
MATCH (u:Unit {name: 'Unit 77'})-[:PART_OF]->(d:Deployment)<-[:SENT]-(o:Organization)<-[:MEMBER_OF]-(p:Person)
RETURN count(DISTINCT p) AS people, count(DISTINCT o) AS orgs, count(*) AS n;

// @query bi11_friend_triangles_in_country
// BI11-like: triangles of friends among the people mentioned with one country.
// (Kuzu 0.11.3 did not finish the IN-list form in 60 s at S: it is given the triangles from each of the country's people, the other two checked by EXISTS.
// Its count is wrong and varies from run to run (26,067, then 25,745: it drops parallel relationships, as in workload6); counting the
// triangles of the CSV files in Python gives 104,018, steppe's answer, so only the row count is compared.)
// @check rows
// @kuzu MATCH (c:Country {name: 'Country 160'})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(a:Person) WITH DISTINCT c, a MATCH (a)-[:KNOWS]-(b:Person)-[:KNOWS]-(d:Person)-[:KNOWS]-(a) WHERE a.id < b.id AND b.id < d.id AND EXISTS { MATCH (b)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(c) } AND EXISTS { MATCH (d)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(c) } RETURN count(*) AS triangles;
MATCH (c:Country {name: 'Country 160'})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(p:Person)
WITH collect(DISTINCT p.id) AS ids
MATCH (a:Person)-[:KNOWS]-(b:Person)-[:KNOWS]-(d:Person)-[:KNOWS]-(a)
WHERE a.id IN ids AND b.id IN ids AND d.id IN ids AND a.id < b.id AND b.id < d.id
RETURN count(*) AS triangles;

// @query bi19_weighted_friendships_between_orgs
// BI19-like: friendships between the members of two organizations, by weight.
MATCH (o1:Organization {name: 'Organization 10'})<-[:MEMBER_OF]-(p1:Person)-[k:KNOWS]-(p2:Person)-[:MEMBER_OF]->(o2:Organization {name: 'Organization 20'})
RETURN p1.id AS a, p2.id AS b, round(sum(k.weight), 4) AS w ORDER BY w DESC, a, b LIMIT 10;
