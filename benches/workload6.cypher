// Issue 15's sixth workload, held out once more: shapes none of the first five workloads
// has, written before looking at the planner, the way a Neo4j or Kuzu user writes them:
// a parameter used in several places, conditions on both ends and the relationship,
// OR across two variables, NOT and XOR, IS NULL on a relationship's property, CASE in
// WHERE, coalesce over an OPTIONAL MATCH, list functions (head, last, tail, slices,
// reduce) over collected values, UNWIND of a list of ids or of maps joined to a MATCH,
// map projections, WITH pipelines with aggregation, a MATCH and aggregation again,
// ORDER BY several keys in mixed directions, large SKIP offsets, DISTINCT nodes after a
// variable-length path, two-hop OPTIONAL MATCH chains, pattern comprehensions with a
// filter, EXISTS subqueries of two hops, a relationship type in both directions in one
// pattern, whole nodes, relationships and paths returned, tens of thousands of rows
// returned, count(DISTINCT) of pairs, min/max of strings, year arithmetic, a shortest
// path with a relationship filter and all shortest paths to a filtered end. Several are
// LDBC SNB BI reads (BI4, BI5, BI6, BI9, BI12, BI13) adapted to the generator's
// graph. Run it with steppe_bench (`--workload workload6`, with or without
// `--schemaless`) and benches/kuzu/run.sh (`--workload workload6`), which checks every
// answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (label(x), list_extract/list_slice/list_reduce/list_sort,
// struct literals for map projections, TRAIL for openCypher's relationship uniqueness in
// var-length paths, SHORTEST and ALL SHORTEST with a relationship predicate, COUNT { }
// for a pattern comprehension), `// @check rows` where only the row count is comparable
// (whole nodes, relationships, paths and maps, which the engines print differently).
// Every other answer is ordered in full or is an aggregate. Parameters ($person, $src,
// $dst, $year) come from the generator's manifest.json; other nodes are named by `name`.

// @query param_in_three_places
MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person)
WHERE k.year >= $year - 10 AND f.year <= $year - 50
RETURN count(*) AS n, sum(CASE WHEN k.year = $year THEN 1 ELSE 0 END) AS same_year;

// @query filters_both_ends_and_rel_whole_type
MATCH (a:Article)-[m:MENTIONS]->(c:Country)
WHERE a.weight < 0.3 AND c.name STARTS WITH 'Country 1' AND m.year = $year
RETURN count(*) AS n;

// @query or_across_two_variables
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization)
WHERE f.year < 1950 OR o.year > 2010
RETURN count(*) AS n;

// @query or_across_ends_whole_type
MATCH (a:Article)-[:MENTIONS]->(c:Country)
WHERE a.year = $year OR c.name = 'Country 3'
RETURN count(*) AS n;

// @query not_xor_whole_label
MATCH (p:Person) WHERE NOT p.year < 1950 AND (p.weight > 0.5 XOR p.year % 2 = 0)
RETURN count(*) AS n;

// @query rel_property_is_null_or
MATCH (a:Article)-[m:MENTIONS]->(x)
WHERE m.year IS NULL OR m.weight < 0.001
RETURN count(*) AS n;

// @query case_in_where_chain
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE CASE WHEN f.year < 1960 THEN m.year >= 2010 ELSE m.year < 2000 END
RETURN count(*) AS n;

// @query simple_case_in_where_whole_label
MATCH (o:Organization)
WHERE CASE o.year % 3 WHEN 0 THEN o.weight > 0.9 WHEN 1 THEN o.weight < 0.1 ELSE false END
RETURN count(*) AS n;

// @query coalesce_group_key_optional
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)<-[:MENTIONS]-(a:Article) WHERE a.year > 2015
RETURN coalesce(a.year, 0) AS year, count(*) AS n ORDER BY year;

// @query list_functions_collected
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) WITH list_sort(collect(f.year)) AS ys RETURN size(ys) AS n, list_extract(ys, 1) AS first, list_extract(ys, size(ys)) AS last, list_slice(ys, 2, 4) AS second_to_fourth, list_reduce(ys, (s, y) -> s + y) AS total, size(list_slice(ys, 2, size(ys) + 1)) AS rest;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH f ORDER BY f.year
WITH collect(f.year) AS ys
RETURN size(ys) AS n, head(ys) AS first, last(ys) AS last, ys[1..4] AS second_to_fourth,
       reduce(s = 0, y IN ys | s + y) AS total, size(tail(ys)) AS rest;

// @query unwind_range_ids_match
UNWIND range($src, $src + 600, 3) AS id
MATCH (p:Person {id: id})-[:KNOWS]->(f:Person)
RETURN count(*) AS n, count(DISTINCT f) AS friends;

// @query unwind_maps_match
// @kuzu UNWIND [{id: $src, since: 2000}, {id: $dst, since: 2010}, {id: $person, since: 2020}] AS row MATCH (p:Person {id: row.id})-[k:KNOWS]-(f:Person) WHERE k.year >= row.since RETURN row.id AS id, count(*) AS n ORDER BY id;
UNWIND [{id: $src, since: 2000}, {id: $dst, since: 2010}, {id: $person, since: 2020}] AS row
MATCH (p:Person {id: row.id})-[k:KNOWS]-(f:Person) WHERE k.year >= row.since
RETURN row.id AS id, count(*) AS n ORDER BY id;

// @query map_projection_friends
// @check rows
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) RETURN {id: f.id, name: f.name, year: f.year} AS friend ORDER BY friend.id;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
RETURN f {.id, .name, .year} AS friend ORDER BY friend.id;

// @query map_projection_many_rows
// @check rows
// @kuzu MATCH (p:Person) WHERE p.year < 1930 RETURN {id: p.id, name: p.name, decade: p.year / 10 * 10} AS person;
MATCH (p:Person) WHERE p.year < 1930
RETURN p {.id, .name, decade: p.year / 10 * 10} AS person;

// @query nested_with_aggregate_match_aggregate
// People mentioned often, then the organizations most of them belong to.
MATCH (a:Article)-[:MENTIONS]->(p:Person)
WITH p, count(a) AS mentions WHERE mentions >= 5
MATCH (p)-[:MEMBER_OF]->(o:Organization)
WITH o, count(p) AS mentioned_members, sum(mentions) AS total WHERE mentioned_members >= 3
RETURN o.id AS org, mentioned_members, total ORDER BY total DESC, org LIMIT 10;

// @query order_mixed_directions_fof
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:KNOWS]-(g:Person)
RETURN g.year AS year, g.weight AS weight, g.id AS id ORDER BY year DESC, weight, id DESC LIMIT 50;

// @query skip_large_offset_whole_label
MATCH (p:Person) RETURN p.id AS id, p.year AS year ORDER BY year DESC, id SKIP 30000 LIMIT 20;

// @query skip_large_offset_rels
MATCH (a:Article)-[m:MENTIONS]->(p:Person)
RETURN a.id AS article, p.id AS person ORDER BY m.weight DESC, article, person SKIP 100000 LIMIT 10;

// @query distinct_nodes_after_var_length
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]-(q:Person) WITH DISTINCT q RETURN count(*) AS n, min(q.year) AS first, max(q.year) AS last;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]-(q:Person)
WITH DISTINCT q
RETURN count(*) AS n, min(q.year) AS first, max(q.year) AS last;

// @query optional_two_hop_chain
// (Kuzu 0.11.3 answers 0 for count(d) beside count(DISTINCT o) here, as in workload2.)
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[:MEMBER_OF]->(o:Organization)-[:SENT]->(d:Deployment)
RETURN f.id AS id, count(d) AS deployments, max(d.year) AS latest ORDER BY id;

// @query pattern_comprehension_outer_filter
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization) RETURN o.id AS org, COUNT { MATCH (o)<-[:MEMBER_OF]-(q:Person) WHERE q.year >= p.year } AS younger ORDER BY org;
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)
RETURN o.id AS org, size([(o)<-[:MEMBER_OF]-(q:Person) WHERE q.year >= p.year | q.id]) AS younger ORDER BY org;

// @query exists_two_hops_far_filter
MATCH (p:Person) WHERE p.year = $year - 70
  AND EXISTS { MATCH (p)-[:KNOWS]->(:Person)-[:MEMBER_OF]->(o:Organization) WHERE o.year > 2020 }
RETURN count(*) AS n;

// @query both_directions_same_type
// People the person follows who are followed by someone following the person. (Kuzu
// 0.11.3 drops parallel relationships in this cycle: 11 or 12 rows of the 13 at S, from run
// to run, where three KNOWS join one pair; its own EXISTS form counts 13. So Kuzu is given
// the same count as the paths per b times the relationships back to b; Kuzu's sum of no
// rows is null where Cypher's count(*) is 0, hence the coalesce.)
// @kuzu MATCH (p:Person {id: $person})<-[:KNOWS]-(a:Person)-[:KNOWS]->(b:Person) WHERE a <> b WITH b, count(*) AS ways WITH b, ways, COUNT { MATCH (:Person {id: $person})-[:KNOWS]->(b) } AS back WHERE back > 0 RETURN count(b) AS followed, coalesce(sum(ways * back), 0) AS n;
MATCH (p:Person {id: $person})<-[:KNOWS]-(a:Person)-[:KNOWS]->(b:Person)<-[:KNOWS]-(p)
WHERE a <> b
RETURN count(DISTINCT b) AS followed, count(*) AS n;

// @query return_whole_nodes
// @check rows
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) RETURN f ORDER BY f.id;

// @query return_nodes_and_rels_many_rows
// @check rows
MATCH (a:Article)-[m:MENTIONS]->(c:Country) WHERE a.year >= 2000 RETURN a, m, c;

// @query return_var_length_paths
// @check rows
// @kuzu MATCH path = (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]->(q:Person) RETURN path;
MATCH path = (p:Person {id: $person})-[:KNOWS*1..2]->(q:Person) RETURN path;

// @query many_rows_ordered
MATCH (a:Article)-[m:MENTIONS]->(p:Person) WHERE m.year >= 2018
RETURN a.id AS article, p.id AS person, m.weight AS w ORDER BY article, person, w;

// @query count_distinct_pairs
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:MEMBER_OF]->(o:Organization) WITH DISTINCT f, o RETURN count(*) AS pairs, count(DISTINCT o) AS orgs;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:MEMBER_OF]->(o:Organization)
RETURN count(DISTINCT [f.id, o.id]) AS pairs, count(DISTINCT o) AS orgs;

// @query count_distinct_pairs_whole_type
// @kuzu MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization) WHERE a.year = $year WITH DISTINCT a, o RETURN count(*) AS pairs;
MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization) WHERE a.year = $year
RETURN count(DISTINCT [a.id, o.id]) AS pairs;

// @query min_max_strings_per_group
MATCH (c:Country)<-[:MENTIONS]-(a:Article)
RETURN c.name AS country, min(a.name) AS first, max(a.name) AS last, count(*) AS n ORDER BY n DESC, country LIMIT 10;

// @query age_at_joining_histogram
MATCH (p:Person)-[m:MEMBER_OF]->(:Organization)
WITH (m.year - p.year) / 10 * 10 AS age, count(*) AS n
RETURN age, n ORDER BY age;

// @query joined_young_from_person
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE m.year - f.year < 30 AND o.year + 50 > $year
RETURN f.id AS friend, o.id AS org, m.year - f.year AS age ORDER BY age, friend, org;

// @query group_two_keys_mixed_order
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization)
RETURN o.year AS founded, m.year AS joined, count(*) AS n ORDER BY n DESC, founded, joined DESC LIMIT 25;

// @query having_two_aggregates
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person)
WITH o, count(*) AS n, avg(p.year) AS mean_year WHERE n > 30 AND mean_year < 1965
RETURN count(*) AS orgs, sum(n) AS members;

// @query var_length_two_types_labels
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF|:SENT* TRAIL 1..2]->(x) RETURN label(x) AS l, count(DISTINCT x) AS n ORDER BY l;
MATCH (p:Person {id: $person})-[:MEMBER_OF|SENT*1..2]->(x)
RETURN head(labels(x)) AS l, count(DISTINCT x) AS n ORDER BY l;

// @query in_list_rel_property
MATCH (a:Article)-[m:MENTIONS]->(o:Organization)
WHERE m.year IN [1995, 2005, 2015] AND o.weight < 0.2
RETURN count(*) AS n;

// @query top_then_optional_reciprocal
MATCH (p:Person) WHERE p.year = $year
WITH p ORDER BY p.weight DESC, p.id LIMIT 100
OPTIONAL MATCH (p)-[:KNOWS]->(f:Person)-[:KNOWS]->(p)
RETURN count(DISTINCT p) AS people, count(f) AS reciprocal;

// @query bi4_top_members_of_big_orgs
// BI4-like: the members of the ten biggest organizations, by how often articles mention them.
MATCH (o:Organization)<-[:MEMBER_OF]-(:Person)
WITH o, count(*) AS members ORDER BY members DESC, o.id LIMIT 10
MATCH (o)<-[:MEMBER_OF]-(p:Person)
WITH DISTINCT p
OPTIONAL MATCH (p)<-[:MENTIONS]-(a:Article)
RETURN p.id AS id, count(a) AS mentions ORDER BY mentions DESC, id LIMIT 20;

// @query bi5_active_on_topic
// BI5-like: people in articles about one country, scored by those articles and their followers.
MATCH (c:Country {name: 'Country 5'})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(p:Person)
WITH p, count(DISTINCT a) AS articles
OPTIONAL MATCH (p)<-[:KNOWS]-(fan:Person)
WITH p, articles, count(fan) AS fans
RETURN p.id AS id, articles, fans, articles * 10 + fans AS score ORDER BY score DESC, id LIMIT 10;

// @query bi6_authority_on_topic
// BI6-like: people in articles about one country, by how often their followers are mentioned.
MATCH (c:Country {name: 'Country 20'})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(p1:Person)
WITH DISTINCT p1
MATCH (p1)<-[:KNOWS]-(p2:Person)<-[:MENTIONS]-(a2:Article) WHERE a2.year >= $year
RETURN p1.id AS id, count(a2) AS authority ORDER BY authority DESC, id LIMIT 10;

// @query bi9_thread_initiators_window
// BI9-like: people by the articles about them in a window of years.
MATCH (p:Person)<-[m:MENTIONS]-(a:Article)
WHERE a.year >= $year - 5 AND a.year < $year
RETURN p.id AS id, p.name AS name, count(a) AS threads, max(m.weight) AS top ORDER BY threads DESC, id LIMIT 20;

// @query bi12_mention_count_histogram
// BI12-like: how many young people have each number of filtered mentions, zero included.
MATCH (p:Person) WHERE p.year >= 2015
OPTIONAL MATCH (p)<-[m:MENTIONS]-(a:Article) WHERE a.year < 1950 AND m.weight > 0.2
WITH p, count(a) AS n
RETURN n AS mentions, count(p) AS people ORDER BY people DESC, mentions DESC;

// @query bi13_zombies_in_country
// BI13-like: old people in articles about one country, rarely mentioned, by their old followers.
MATCH (c:Country {name: 'Country 20'})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(z:Person)
WHERE z.year < 1950
WITH DISTINCT z
OPTIONAL MATCH (z)<-[m:MENTIONS]-(:Article)
WITH z, count(m) AS mentions WHERE mentions < 20
OPTIONAL MATCH (z)<-[:KNOWS]-(fan:Person) WHERE fan.year < 1950
RETURN z.id AS id, mentions, count(fan) AS zombie_fans ORDER BY zombie_fans DESC, id LIMIT 10;

// (A BI17-like read, articles about one country mentioning a person and later ones
// mentioning a friend, with NOT EXISTS of the first person, did not finish in 60 s on
// Kuzu 0.11.3 at S in any of four spellings, so it is left out: no comparison.)

// @query shortest_path_rel_filter
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* SHORTEST 1..30 (r, n | WHERE r.year >= 1995)]-(b:Person {id: $dst}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $src})-[:KNOWS*]-(b:Person {id: $dst}))
WHERE all(r IN relationships(p) WHERE r.year >= 1995)
RETURN length(p) AS hops;

// @query all_shortest_to_filtered_end
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* ALL SHORTEST 1..3]-(b:Person) WHERE b.year = $year RETURN count(*) AS paths, count(DISTINCT b) AS targets;
MATCH p = allShortestPaths((a:Person {id: $src})-[:KNOWS*..3]-(b:Person))
WHERE b.year = $year
RETURN count(*) AS paths, count(DISTINCT b) AS targets;
