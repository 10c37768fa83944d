// Issue 15's fifth workload, held out once more: shapes none of the first four workloads
// has, written before looking at the planner, the way a Neo4j or Kuzu user writes them:
// several aggregations one after the other in a WITH pipeline (grouping by an aggregate),
// DISTINCT over two columns, collect then UNWIND twice into pairs, pattern comprehensions
// with a relationship filter, EXISTS and COUNT subqueries over a whole label, CALL { }
// with UNION, a top-level UNION, OPTIONAL MATCH then IS NULL over a whole label, ORDER BY
// an expression, stDev, string functions and regular expressions over many rows,
// undirected relationships with property filters on both ends, triangles and reciprocal
// pairs counted over the whole graph, a chain bound in the middle, long chains with a
// filter half-way, large IN lists, cycles through three labels, UNWIND then OPTIONAL
// MATCH per row, relationship alternatives in a shortest path, properties compared across
// the two ends of every relationship, and grouping by a relationship's property.
// Several are LDBC SNB Interactive complex reads (IC3, IC7, IC8, IC9, IC10, IC14) and BI
// reads adapted to the generator's graph. Run it with steppe_bench (`--workload
// workload5`, with or without `--schemaless`) and benches/kuzu/run.sh (`--workload
// workload5`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (label(x), upper(), string(), 1-based substring,
// regexp_full_match, list functions, TRAIL for openCypher's relationship uniqueness in
// var-length paths, SHORTEST, no CALL { }, no pattern comprehension, no stDev), `// @check
// rows` where only the row count is comparable. Every answer is ordered in full or is an
// aggregate; floating sums are rounded. Parameters ($person, $src, $dst, $year) come from
// the generator's manifest.json; other nodes are named by `name`, which every scale has.

// @query ic3_friends_in_two_countries
// IC3-like: friends and friends of friends mentioned in articles about two given countries.
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]-(f:Person) WHERE f.id <> p.id WITH DISTINCT f MATCH (f)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(c:Country) WHERE c.name IN ['Country 1', 'Country 2'] WITH f, count(CASE WHEN c.name = 'Country 1' THEN 1 END) AS xs, count(CASE WHEN c.name = 'Country 2' THEN 1 END) AS ys WHERE xs > 0 AND ys > 0 RETURN f.id AS id, xs, ys, xs + ys AS total ORDER BY total DESC, id LIMIT 20;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]-(f:Person) WHERE f <> p
WITH DISTINCT f
MATCH (f)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(c:Country)
WHERE c.name IN ['Country 1', 'Country 2']
WITH f, count(CASE WHEN c.name = 'Country 1' THEN 1 END) AS xs, count(CASE WHEN c.name = 'Country 2' THEN 1 END) AS ys
WHERE xs > 0 AND ys > 0
RETURN f.id AS id, xs, ys, xs + ys AS total ORDER BY total DESC, id LIMIT 20;

// @query ic7_recent_co_members
// IC7-like: people who joined the person's organizations, their latest joining, and
// whether they are friends.
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)<-[m:MEMBER_OF]-(q:Person)
WHERE q <> p
WITH p, q, max(m.year) AS latest
RETURN q.id AS id, latest, EXISTS { MATCH (q)-[:KNOWS]-(p) } AS friend ORDER BY latest DESC, id LIMIT 20;

// @query ic8_org_mentions_recent
// IC8-like: the latest mentions of the person's organizations.
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)<-[mn:MENTIONS]-(a:Article)
RETURN a.id AS article, o.id AS org, mn.year AS year ORDER BY year DESC, article, org LIMIT 20;

// @query ic9_fof_articles_before
// IC9-like: articles before a year about friends of friends (two fixed hops, undirected).
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:KNOWS]-(g:Person)
WHERE g <> p
WITH DISTINCT g
MATCH (g)<-[:MENTIONS]-(a:Article) WHERE a.year < $year - 100
RETURN g.id AS person, a.id AS article, a.year AS year ORDER BY year DESC, article, person LIMIT 20;

// @query ic10_fof_recommendation
// IC10-like: friends of friends not yet friends, born in a year ending in 3, by shared
// organizations against their other memberships.
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:KNOWS]-(fof:Person)
WHERE fof <> p AND fof.year % 10 = 3 AND NOT EXISTS { MATCH (p)-[:KNOWS]-(fof) }
WITH DISTINCT p, fof
OPTIONAL MATCH (fof)-[:MEMBER_OF]->(o:Organization)<-[:MEMBER_OF]-(p)
WITH fof, count(DISTINCT o) AS shared
RETURN fof.id AS id, 2 * shared - COUNT { MATCH (fof)-[:MEMBER_OF]->() } AS score ORDER BY score DESC, id LIMIT 10;

// @query ic14_weighted_shortest_paths
// IC14-like: every shortest path between two people, weighted by its relationships.
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* ALL SHORTEST 1..30]-(b:Person {id: $dst}) WITH round(list_sum(properties(rels(p), 'weight')) * 10000, 0) AS w RETURN w, count(*) AS paths ORDER BY w DESC LIMIT 10;
MATCH p = allShortestPaths((a:Person {id: $src})-[:KNOWS*]-(b:Person {id: $dst}))
WITH round(reduce(s = 0.0, r IN relationships(p) | s + r.weight) * 10000, 0) AS w
RETURN w, count(*) AS paths ORDER BY w DESC LIMIT 10;

// @query bi_authority_of_mentioned
// BI-like: people mentioned most in one year's articles, with their incoming friendships.
MATCH (a:Article)-[:MENTIONS]->(p:Person) WHERE a.year = $year - 50
WITH p, count(a) AS n
RETURN p.id AS id, n, COUNT { MATCH (p)<-[:KNOWS]-() } AS followers ORDER BY n DESC, followers DESC, id LIMIT 10;

// @query bi_members_weight_per_org
// Sum of a property of the other end, per organization, by the heaviest.
MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
WITH o, round(sum(p.weight) * 10000, 0) AS w, count(*) AS n
RETURN o.id AS org, w, n ORDER BY w DESC, org LIMIT 10;

// @query aggregate_of_aggregate
// Organizations grouped by the year of their first membership.
MATCH (:Person)-[m:MEMBER_OF]->(o:Organization)
WITH o, count(*) AS members, min(m.year) AS first
WITH first, count(o) AS orgs, sum(members) AS memberships
RETURN first, orgs, memberships ORDER BY first;

// @query degree_histogram
// How many people have each number of memberships.
MATCH (p:Person)-[:MEMBER_OF]->(:Organization)
WITH p, count(*) AS d
RETURN d, count(*) AS people ORDER BY d;

// @query distinct_two_columns_from_person
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[m:MEMBER_OF]->(o:Organization)
RETURN DISTINCT o.id AS org, m.year AS year ORDER BY org, year LIMIT 30;

// @query distinct_two_columns_whole_type
MATCH (c:Country)<-[:MENTIONS]-(a:Article)
WITH DISTINCT c.name AS country, a.year AS year
RETURN count(*) AS pairs;

// @query collect_unwind_pairs
// Pairs of the person's organizations, and the people who are members of both. (Kuzu
// 0.11.3 matches o1 and o2 as new variables when they come from UNWIND, so it is given ids.)
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization) WITH collect(DISTINCT o.id) AS orgs UNWIND orgs AS x UNWIND orgs AS y WITH x, y WHERE x < y MATCH (o1:Organization {id: x})<-[:MEMBER_OF]-(q:Person)-[:MEMBER_OF]->(o2:Organization {id: y}) RETURN count(DISTINCT q) AS bridges;
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)
WITH collect(DISTINCT o) AS orgs
UNWIND orgs AS o1
UNWIND orgs AS o2
WITH o1, o2 WHERE o1.id < o2.id
MATCH (o1)<-[:MEMBER_OF]-(q:Person)-[:MEMBER_OF]->(o2)
RETURN count(DISTINCT q) AS bridges;

// @query pattern_comprehension_rel_filter
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN f.id AS id, COUNT { MATCH (f)-[m:MEMBER_OF]->(o) WHERE m.year >= 2000 } AS recent ORDER BY recent DESC, id LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
RETURN f.id AS id, size([(f)-[m:MEMBER_OF]->(o) WHERE m.year >= 2000 | o.id]) AS recent ORDER BY recent DESC, id LIMIT 10;

// @query exists_hop_filter_whole_label
MATCH (o:Organization) WHERE o.year > 2000 AND EXISTS { MATCH (o)-[s:SENT]->(:Deployment) WHERE s.year >= $year }
RETURN count(*) AS n;

// @query count_subquery_ranking_whole_label
MATCH (c:Country)
RETURN c.id AS id, COUNT { MATCH (c)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2000 } AS recent ORDER BY recent DESC, id LIMIT 5;

// @query call_union_neighbours
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) WITH DISTINCT f RETURN count(f) AS n, sum(f.year) AS years;
CALL {
  MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN f
  UNION
  MATCH (p:Person {id: $person})<-[:KNOWS]-(f:Person) RETURN f
}
RETURN count(f) AS n, sum(f.year) AS years;

// @query union_two_people_orgs
// @check rows
MATCH (p:Person {id: $src})-[:MEMBER_OF]->(o:Organization) RETURN o.id AS org
UNION
MATCH (p:Person {id: $dst})-[:MEMBER_OF]->(o:Organization) RETURN o.id AS org;

// @query optional_is_null_whole_label
// Recent people no article mentions, by OPTIONAL MATCH and IS NULL.
MATCH (p:Person) WHERE p.year >= 2020
OPTIONAL MATCH (p)<-[:MENTIONS]-(a:Article)
WITH p, a WHERE a IS NULL
RETURN count(p) AS unmentioned;

// @query not_pattern_isolated
// @kuzu MATCH (p:Person) WHERE NOT EXISTS { MATCH (p)-[:KNOWS]-() } RETURN count(*) AS n;
MATCH (p:Person) WHERE NOT (p)-[:KNOWS]-() RETURN count(*) AS n;

// @query order_by_expression_friends
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
RETURN f.id AS id, abs(f.year - p.year) AS gap ORDER BY abs(f.year - p.year), id LIMIT 10;

// @query order_by_expression_whole_label
MATCH (o:Organization) RETURN o.id AS id ORDER BY o.weight * (o.year - 1900) DESC, id LIMIT 10;

// @query stdev_membership_years
// @kuzu MATCH (:Person)-[m:MEMBER_OF]->(o:Organization) WHERE o.year >= 2000 WITH count(*) AS n, sum(m.year) AS s, sum(m.year * m.year) AS ss RETURN n, round(sqrt((ss - 1.0 * s * s / n) / (n - 1)) * 100, 0) AS sd;
MATCH (:Person)-[m:MEMBER_OF]->(o:Organization) WHERE o.year >= 2000
RETURN count(*) AS n, round(stDev(m.year) * 100, 0) AS sd;

// @query string_functions_many_rows
// @kuzu MATCH (o:Organization) WHERE o.year >= 2000 RETURN upper(substring(o.name, 1, 3)) + '-' + string(o.id % 97) AS code, count(*) AS n ORDER BY n DESC, code LIMIT 10;
MATCH (o:Organization) WHERE o.year >= 2000
RETURN toUpper(substring(o.name, 0, 3)) + '-' + toString(o.id % 97) AS code, count(*) AS n ORDER BY n DESC, code LIMIT 10;

// @query group_by_name_suffix
// @kuzu MATCH (p:Person) WHERE p.year < 1910 RETURN right(p.name, 1) AS digit, count(*) AS n ORDER BY digit;
MATCH (p:Person) WHERE p.year < 1910 RETURN right(p.name, 1) AS digit, count(*) AS n ORDER BY digit;

// @query regex_names
// @kuzu MATCH (p:Person) WHERE regexp_full_match(p.name, 'Person 1[0-9]*7') RETURN count(*) AS n;
MATCH (p:Person) WHERE p.name =~ 'Person 1[0-9]*7' RETURN count(*) AS n;

// @query undirected_filters_both_ends
MATCH (a:Person)-[k:KNOWS]-(b:Person)
WHERE a.year = $year - 60 AND b.year < 1920 AND k.weight < 0.5
RETURN count(*) AS n;

// @query triangles_undirected_from_person
MATCH (p:Person {id: $person})-[:KNOWS]-(a:Person)-[:KNOWS]-(b:Person)-[:KNOWS]-(p)
WHERE a.id < b.id
RETURN count(*) AS n;

// @query triangles_global
MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a)
WHERE a.id < b.id AND a.id < c.id
RETURN count(*) AS n;

// @query reciprocal_pairs_global
MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(a) WHERE a.id < b.id RETURN count(*) AS n;

// @query chain_bound_in_middle
MATCH (x:Person)-[:KNOWS]->(m:Person {id: $person})-[:KNOWS]->(y:Person)-[:MEMBER_OF]->(o:Organization)
RETURN count(*) AS n, count(DISTINCT o) AS orgs;

// @query long_chain_middle_filter
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit)
WHERE o.year < 1980
RETURN count(DISTINCT u) AS units, count(DISTINCT d) AS deployments;

// @query article_chain_filtered_deployment
MATCH (a:Article)-[:MENTIONS]->(o:Organization)-[:SENT]->(d:Deployment)<-[:SENT]-(c:Country)
WHERE d.year = $year - 40
RETURN c.id AS country, count(DISTINCT a) AS articles ORDER BY articles DESC, country LIMIT 5;

// @query in_list_range_ids
MATCH (p:Person) WHERE p.id IN range($person, $person + 400)
RETURN count(*) AS n, sum(p.year) AS years;

// @query in_list_years
MATCH (p:Person)
WHERE p.year IN [1901, 1907, 1913, 1919, 1925, 1931, 1937, 1943, 1949, 1955, 1961, 1967, 1973, 1979, 1985, 1991, 1997, 2003, 2009, 2015, 2021]
  AND p.weight > 0.95
RETURN count(*) AS n;

// @query in_list_names_expand
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person)
WHERE o.name IN ['Organization 5', 'Organization 50', 'Organization 500', 'Organization 15', 'Organization 150', 'Organization 25', 'Organization 250', 'Organization 35', 'Organization 350', 'Organization 45']
RETURN o.name AS org, count(*) AS n ORDER BY n DESC, org;

// @query three_label_cycle
// Articles that mention a person and one of that person's organizations.
MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization)<-[:MENTIONS]-(a)
RETURN count(*) AS n;

// @query unwind_optional_per_year
UNWIND range(2015, 2024) AS y
OPTIONAL MATCH (p:Person {id: $person})-[k:KNOWS]-(:Person) WHERE k.year = y
RETURN y, count(k) AS n ORDER BY y;

// @query shortest_path_two_types
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS|:MEMBER_OF* SHORTEST 1..30]-(b:Person {id: $dst}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $src})-[:KNOWS|MEMBER_OF*]-(b:Person {id: $dst}))
RETURN length(p) AS hops;

// @query ends_same_year_all_types
// @kuzu MATCH (a)-[r]->(b) WHERE a.year = b.year RETURN label(r) AS t, count(*) AS n ORDER BY t;
MATCH (a)-[r]->(b) WHERE a.year = b.year RETURN type(r) AS t, count(*) AS n ORDER BY t;

// @query group_by_rel_property
MATCH (c:Country)-[s:SENT]->(:Deployment)
RETURN s.year AS year, count(*) AS n, count(DISTINCT c) AS countries ORDER BY year;

// @query exists_two_hops_filtered_label
MATCH (u:Unit) WHERE u.year >= $year AND EXISTS { MATCH (u)-[:PART_OF]->(:Deployment)<-[:SENT]-(:Country) }
RETURN count(*) AS n;

// @query collect_size_per_group
MATCH (d:Deployment)<-[:PART_OF]-(u:Unit)
WITH d, collect(u.id) AS units WHERE size(units) >= 5
RETURN count(d) AS deployments, max(size(units)) AS biggest;

// @query in_out_degree_pipeline
MATCH (p:Person {id: $person})
OPTIONAL MATCH (p)-[:KNOWS]->(f)
WITH p, count(f) AS out
OPTIONAL MATCH (p)<-[:KNOWS]-(g)
RETURN out, count(g) AS incoming;

// @query string_min_max
MATCH (o:Organization) WHERE o.year = $year RETURN min(o.name) AS first, max(o.name) AS last, count(*) AS n;

// @query key_range_property_join
MATCH (p:Person)-[:KNOWS]->(f:Person)
WHERE p.id >= $person AND p.id < $person + 2000 AND f.year = p.year
RETURN count(*) AS n;

// @query var_length_then_hop_distinct
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]->(:Person)-[:MEMBER_OF]->(o:Organization) RETURN count(DISTINCT o) AS orgs;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]->(:Person)-[:MEMBER_OF]->(o:Organization)
RETURN count(DISTINCT o) AS orgs;

// @query aggregate_page_skip
MATCH (o:Organization)<-[:MEMBER_OF]-(:Person)
RETURN o.id AS org, count(*) AS n ORDER BY n DESC, org SKIP 10 LIMIT 10;
