// Issue 15's eleventh workload, held out: shapes none of workloads 1–10 has, written before
// looking at how the planner takes them, the way a Neo4j 5 user writes them. About a third
// are anchored on one node given by a parameter, a third on a property range or a string
// test of a label, a third touch the whole graph. New here: `x IN [literal list]` on a
// non-key property (strings and numbers, at both ends of a hop), collect(DISTINCT …) then
// UNWIND and MATCH again, ORDER BY a property of an optional node (nulls last, and first
// when DESC), COUNT { } with a WHERE in RETURN and summed in ORDER BY, any()/all()/none()
// over collected lists (per anchor and per group of a whole label), two OPTIONAL MATCHes in
// sequence from one anchor and from a filtered label, MATCH … WITH … MATCH re-entering the
// same relationship type, undirected untyped patterns with filters at both ends, LIMIT
// without ORDER BY over a big scan (counted), path lengths of a var-length and a shortest
// path over two types, labels()/type() triples over every relationship, keys(), string
// functions in RETURN (toUpper, substring, split, size), coalesce over optional values,
// UNION (not ALL) of two MATCHes, CALL { WITH x … } correlated, EXISTS { } as a column,
// a pattern comprehension's size in RETURN, var-length paths whose every relationship
// passes a condition between two labels, UNWIND of a range joined to a non-key property,
// DISTINCT over string expressions, ORDER BY an aggregate with SKIP over a filtered label,
// map literals returned, two aggregation levels into a histogram, queries that return
// nothing, and WITH * with a computed column over a whole type.
// Run it with steppe_bench (`--workload workload11`, with or without `--schemaless`) and
// benches/kuzu/run.sh (`--workload workload11`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (Kuzu 0.11.3 has no CALL { }, no pattern predicates or
// comprehensions (EXISTS { MATCH … } and COUNT { MATCH … }), no shortestPath()
// (`* SHORTEST a..b`), no map projection (a map literal), TRAIL for openCypher's
// relationship uniqueness in var-length paths and a `(r, n | WHERE …)` filter for a
// condition on every relationship, label(x) for labels and types, upper(), substring()
// from 1 with a length, string_split() and lists indexed from 1; it does not bind nodes
// unwound from a list to a later pattern, so it is given their ids), `// @check rows` where
// only the row count is comparable (a UNION's rows come in no defined order).
// Parameters ($person, $src, $dst, $year) come from the generator's manifest.json; other
// nodes are named by `name`, and lists are literals, as the bench passes integers only.

// ---- anchored on one node ----

// @query two_optionals_in_sequence_from_anchor
MATCH (p:Person {id: $person})
OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Organization)
OPTIONAL MATCH (p)<-[:MENTIONS]-(a:Article)
RETURN count(*) AS combos, count(DISTINCT o) AS orgs, count(DISTINCT a) AS articles;

// @query optional_property_order_nulls_last
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
OPTIONAL MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= 2000
RETURN f.id AS friend, o.year AS joined_org_year ORDER BY joined_org_year, friend LIMIT 25;

// @query optional_property_order_desc_nulls_first
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)<-[:MENTIONS]-(a:Article) WHERE a.year > f.year + 50
RETURN f.id AS friend, a.year AS mentioned ORDER BY mentioned DESC, friend LIMIT 15;

// @query collect_distinct_unwind_rematch
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:MEMBER_OF]->(o:Organization) WITH collect(DISTINCT o.id) AS orgs UNWIND orgs AS oid MATCH (o:Organization {id: oid})<-[:MENTIONS]-(a:Article) RETURN count(*) AS mentions, count(DISTINCT a) AS articles, min(a.year) AS first;
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:MEMBER_OF]->(o:Organization)
WITH collect(DISTINCT o) AS orgs
UNWIND orgs AS o
MATCH (o)<-[:MENTIONS]-(a:Article)
RETURN count(*) AS mentions, count(DISTINCT a) AS articles, min(a.year) AS first;

// @query count_subquery_where_in_return
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN f.id AS friend, COUNT { MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > o.year } AS late ORDER BY late DESC, friend LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
RETURN f.id AS friend, COUNT { (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > o.year } AS late
ORDER BY late DESC, friend LIMIT 10;

// @query any_all_none_over_collected_friends
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH collect(f.year) AS ys
RETURN any(y IN ys WHERE y > 2015) AS some_recent, all(y IN ys WHERE y >= 1900) AS all_modern,
       none(y IN ys WHERE y < 1901) AS none_old, size(ys) AS n;

// @query match_with_match_same_type_again
// (Kuzu 0.11.3 answers min(q.id) with null next to count(DISTINCT q) after the WITH, so it is given distinct pairs first.)
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(q:Person) WHERE q <> p WITH DISTINCT p, q WITH p, count(*) AS colleagues, min(q.id) AS first RETURN COUNT { MATCH (p)-[:MEMBER_OF]->(:Organization) } AS orgs, colleagues, first;
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)
WITH p, count(o) AS orgs
MATCH (p)-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(q:Person)
WHERE q <> p
RETURN orgs, count(DISTINCT q) AS colleagues, min(q.id) AS first;

// @query var_length_path_lengths_from_anchor
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* TRAIL 1..3]->(b:Person) WHERE b.year < a.year RETURN length(p) AS len, count(*) AS paths, count(DISTINCT b) AS targets ORDER BY len;
MATCH p = (a:Person {id: $src})-[:KNOWS*1..3]->(b:Person) WHERE b.year < a.year
RETURN length(p) AS len, count(*) AS paths, count(DISTINCT b) AS targets ORDER BY len;

// @query shortest_over_two_types_to_named_org
// @kuzu MATCH p = (a:Person {id: $person})-[:KNOWS|MEMBER_OF* SHORTEST 1..5]-(o:Organization {name: 'Organization 42'}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $person})-[:KNOWS|MEMBER_OF*..5]-(o:Organization {name: 'Organization 42'}))
RETURN length(p) AS hops;

// @query string_functions_in_return_anchor
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN upper(f.name) AS shout, substring(f.name, 8, 3) AS digits, string_split(f.name, ' ')[2] AS num, size(f.name) AS len ORDER BY len DESC, shout;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
RETURN toUpper(f.name) AS shout, substring(f.name, 7, 3) AS digits, split(f.name, ' ')[1] AS num, size(f.name) AS len
ORDER BY len DESC, shout;

// @query call_correlated_with_aggregate
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) WITH DISTINCT f OPTIONAL MATCH (f)-[:MEMBER_OF]->(o:Organization) RETURN f.id AS friend, max(o.year) AS latest, count(o) AS orgs ORDER BY friend;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
WITH DISTINCT f
CALL {
  WITH f
  MATCH (f)-[:MEMBER_OF]->(o:Organization)
  RETURN max(o.year) AS latest, count(o) AS orgs
}
RETURN f.id AS friend, latest, orgs ORDER BY friend;

// @query not_untyped_pattern_between_colleagues
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(q:Person) WHERE q <> p AND NOT EXISTS { MATCH (p)--(q) } RETURN count(DISTINCT q) AS strangers, count(*) AS rows;
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(q:Person)
WHERE q <> p AND NOT (p)--(q)
RETURN count(DISTINCT q) AS strangers, count(*) AS rows;

// @query map_literals_returned_anchor
// @kuzu MATCH (p:Person {id: $person})-[k:KNOWS]->(f:Person) RETURN {id: f.id, born: f.year, since: k.year} AS friend ORDER BY f.id;
MATCH (p:Person {id: $person})-[k:KNOWS]->(f:Person)
RETURN f {.id, born: f.year, since: k.year} AS friend ORDER BY f.id;

// @query pattern_comprehension_size_in_return
// @kuzu MATCH (p:Person {id: $person}) RETURN p.name AS name, COUNT { MATCH (p)-[:KNOWS]-(f:Person) WHERE f.year > p.year } AS younger, COUNT { MATCH (p)<-[:MENTIONS]-(:Article) } AS mentions;
MATCH (p:Person {id: $person})
RETURN p.name AS name, size([(p)-[:KNOWS]-(f:Person) WHERE f.year > p.year | f.id]) AS younger,
       size([(p)<-[:MENTIONS]-(a:Article) | a]) AS mentions;

// @query keys_and_exists_column_anchor
// @kuzu MATCH (p:Person {id: $src})-[:KNOWS]-(f:Person) RETURN f.id AS friend, size(keys(f)) AS props, EXISTS { MATCH (f)-[:MEMBER_OF]->(:Organization) } AS member ORDER BY friend;
MATCH (p:Person {id: $src})-[:KNOWS]-(f:Person)
RETURN f.id AS friend, size(keys(f)) AS props, EXISTS { (f)-[:MEMBER_OF]->(:Organization) } AS member ORDER BY friend;

// @query union_two_matches_from_anchor
// @check rows
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization) RETURN o.id AS org
UNION
MATCH (p:Person {id: $person})<-[:MENTIONS]-(:Article)-[:MENTIONS]->(o:Organization) RETURN o.id AS org;

// ---- a property range or a string test of a label ----

// @query in_literal_names_whole_label
MATCH (o:Organization)
WHERE o.name IN ['Organization 1', 'Organization 22', 'Organization 333', 'Organization 4444', 'Organization 99999']
RETURN o.id AS id, o.year AS year ORDER BY id;

// @query in_literal_years_both_ends
MATCH (c:Country)-[s:SENT]->(d:Deployment)
WHERE c.year IN [1931, 1960, 1973, 2016] AND d.year IN [1950, 1951, 1952, 1953, 1954, 1955]
RETURN c.name AS country, count(*) AS sends, min(s.year) AS first ORDER BY country;

// @query in_literal_list_then_expand_two_hops
MATCH (p:Person)-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization)
WHERE p.year IN [1900, 1950, 2000] AND p.weight < 0.05
RETURN p.year AS year, count(*) AS paths, count(DISTINCT o) AS orgs ORDER BY year;

// @query starts_with_optional_order_nulls_last
MATCH (o:Organization) WHERE o.name STARTS WITH 'Organization 77'
OPTIONAL MATCH (o)-[:SENT]->(d:Deployment)
RETURN o.id AS org, d.year AS year ORDER BY year, org SKIP 20 LIMIT 20;

// @query count_subquery_where_order_range
// @kuzu MATCH (c:Country) WHERE c.year >= 2000 RETURN c.name AS country, COUNT { MATCH (c)-[s:SENT]->(d:Deployment) WHERE s.year >= d.year } AS sends ORDER BY sends DESC, country LIMIT 10;
MATCH (c:Country) WHERE c.year >= 2000
RETURN c.name AS country, COUNT { (c)-[s:SENT]->(d:Deployment) WHERE s.year >= d.year } AS sends
ORDER BY sends DESC, country LIMIT 10;

// @query exists_column_year_filter
// @kuzu MATCH (o:Organization) WHERE o.year = $year RETURN o.id AS org, EXISTS { MATCH (o)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2000 } AS recent ORDER BY recent DESC, org LIMIT 20;
MATCH (o:Organization) WHERE o.year = $year
RETURN o.id AS org, EXISTS { (o)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2000 } AS recent ORDER BY recent DESC, org LIMIT 20;

// @query ends_with_undirected_filters_both_ends
MATCH (a:Person)-[:KNOWS]-(b:Person)
WHERE a.name ENDS WITH '777' AND b.year < 1905
RETURN a.name AS person, count(b) AS old_friends ORDER BY old_friends DESC, person LIMIT 10;

// @query regex_case_insensitive_units
MATCH (u:Unit)-[p:PART_OF]->(d:Deployment)
WHERE u.name =~ '(?i)unit 4[0-9]{2}' AND p.year >= d.year
RETURN count(*) AS parts, count(DISTINCT d) AS deployments;

// @query lower_contains_two_hops
// @kuzu MATCH (a:Article)-[:MENTIONS]->(o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE lower(a.name) CONTAINS 'le 123' RETURN a.name AS article, count(DISTINCT p) AS members ORDER BY members DESC, article LIMIT 10;
MATCH (a:Article)-[:MENTIONS]->(o:Organization)<-[:MEMBER_OF]-(p:Person)
WHERE toLower(a.name) CONTAINS 'le 123'
RETURN a.name AS article, count(DISTINCT p) AS members ORDER BY members DESC, article LIMIT 10;

// @query rel_two_ranges_both_bounds_whole_type
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE m.year > 1990 AND m.year < 1996 AND m.weight >= 0.25 AND m.weight <= 0.5 AND o.year < 1950
RETURN count(*) AS n, count(DISTINCT o) AS orgs, count(DISTINCT p) AS people;

// @query coalesce_over_optional_values
MATCH (d:Deployment) WHERE d.year >= $year
OPTIONAL MATCH (d)<-[s:SENT]-(c:Country) WHERE c.weight > 0.9
RETURN d.id AS deployment, coalesce(max(c.name), 'none') AS country, coalesce(sum(s.weight), 0.0) >= 0.5 AS weighty
ORDER BY deployment LIMIT 30;

// @query labels_of_mentioned_by_year
// @kuzu MATCH (a:Article)-[:MENTIONS]->(x) WHERE a.year = $year RETURN label(x) AS kind, count(*) AS n, count(DISTINCT x) AS distinct_ones ORDER BY kind;
MATCH (a:Article)-[:MENTIONS]->(x) WHERE a.year = $year
RETURN labels(x)[0] AS kind, count(*) AS n, count(DISTINCT x) AS distinct_ones ORDER BY kind;

// @query distinct_string_expressions_range
// @kuzu MATCH (p:Person) WHERE p.year >= 2020 RETURN DISTINCT substring(p.name, 8, 1) AS lead, p.year % 3 AS r ORDER BY lead, r;
MATCH (p:Person) WHERE p.year >= 2020
RETURN DISTINCT substring(p.name, 7, 1) AS lead, p.year % 3 AS r ORDER BY lead, r;

// @query order_by_aggregate_skip_range
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person) WHERE o.year < 1920
RETURN o.id AS org, count(*) AS members, round(avg(p.year), 0) AS mean_year
ORDER BY members DESC, org SKIP 10 LIMIT 10;

// @query unwind_range_non_key_property
// (Kuzu 0.11.3 counts no rows next to count(DISTINCT c) here, so it is given the range and a count per country.)
// @kuzu MATCH (c:Country)-[:SENT]->(d:Deployment) WHERE c.year >= 1990 AND c.year <= 2005 WITH c, count(*) AS k RETURN c.year AS y, count(*) AS countries, sum(k) AS sends ORDER BY y;
UNWIND range(1990, 2005) AS y
MATCH (c:Country)-[:SENT]->(d:Deployment) WHERE c.year = y
RETURN y, count(DISTINCT c) AS countries, count(d) AS sends ORDER BY y;

// @query var_length_all_rels_weight_from_org
// @kuzu MATCH (a:Organization {name: 'Organization 5'})-[:MEMBER_OF* TRAIL 2..4 (r, n | WHERE r.weight > 0.5)]-(b) RETURN count(DISTINCT b) AS reached, count(*) AS paths;
MATCH p = (a:Organization {name: 'Organization 5'})-[:MEMBER_OF*2..4]-(b)
WHERE all(r IN relationships(p) WHERE r.weight > 0.5)
RETURN count(DISTINCT b) AS reached, count(*) AS paths;

// @query two_optionals_in_sequence_filtered_label
MATCH (u:Unit) WHERE u.year = $year
OPTIONAL MATCH (u)-[:PART_OF]->(d:Deployment)
OPTIONAL MATCH (d)<-[:SENT]-(c:Country)
RETURN count(DISTINCT u) AS units, count(DISTINCT d) AS deployments, count(c) AS sends;

// @query starts_with_returns_nothing
MATCH (p:Person)-[:KNOWS]->(f:Person) WHERE p.name STARTS WITH 'Nobody'
RETURN p.id AS id, f.id AS friend ORDER BY id, friend;

// ---- the whole graph ----

// @query label_type_label_census
// @kuzu MATCH (a)-[r]->(b) RETURN label(a) AS src, label(r) AS t, label(b) AS dst, count(*) AS n ORDER BY src, t, dst;
MATCH (a)-[r]->(b)
RETURN labels(a)[0] AS src, type(r) AS t, labels(b)[0] AS dst, count(*) AS n ORDER BY src, t, dst;

// @query limit_without_order_big_scan
MATCH (p:Person)-[:KNOWS]->(f:Person) WHERE f.year > p.year
WITH p, f LIMIT 5000
RETURN count(*) AS n;

// @query size_collect_histogram
MATCH (d:Deployment)<-[:PART_OF]-(u:Unit)
WITH d, size(collect(u)) AS units
RETURN units, count(*) AS deployments ORDER BY units;

// @query two_levels_avg_degree_per_decade
MATCH (p:Person)-[:KNOWS]->(f:Person)
WITH p, count(f) AS out
WITH p.year / 10 AS decade, count(*) AS people, sum(out) AS total, max(out) AS top
RETURN decade, people, total, top ORDER BY decade;

// @query not_pattern_senders_never_mentioned
// @kuzu MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE NOT EXISTS { MATCH (o)<-[:MENTIONS]-(:Article) } RETURN count(DISTINCT o) AS orgs, count(*) AS sends;
MATCH (o:Organization)-[:SENT]->(d:Deployment)
WHERE NOT (o)<-[:MENTIONS]-(:Article)
RETURN count(DISTINCT o) AS orgs, count(*) AS sends;

// @query undirected_untyped_filters_both_ends
// @kuzu MATCH (a:Country)-[]-(b) WHERE a.year < 1910 AND b.year > 2015 RETURN label(b) AS kind, count(*) AS n ORDER BY kind;
MATCH (a:Country)--(b)
WHERE a.year < 1910 AND b.year > 2015
RETURN labels(b)[0] AS kind, count(*) AS n ORDER BY kind;

// @query collect_distinct_unwind_whole_type
MATCH (c:Country)-[:SENT]->(d:Deployment)
WITH c, collect(DISTINCT d.year / 10) AS decades
UNWIND decades AS decade
RETURN decade, count(*) AS countries ORDER BY decade;

// @query all_over_collected_per_group
// (Kuzu 0.11.3 crashes on all() over a collected list of doubles, so it is given a conditional count.)
// @kuzu MATCH (o:Organization)<-[m:MEMBER_OF]-(:Person) WITH o, count(*) AS n, count(CASE WHEN m.weight <= 0.1 THEN 1 END) AS low WHERE low = 0 AND n >= 5 RETURN count(*) AS orgs, sum(n) AS members;
MATCH (o:Organization)<-[m:MEMBER_OF]-(:Person)
WITH o, collect(m.weight) AS ws
WHERE all(w IN ws WHERE w > 0.1) AND size(ws) >= 5
RETURN count(*) AS orgs, sum(size(ws)) AS members;

// @query count_subqueries_summed_in_order
// @kuzu MATCH (d:Deployment) RETURN d.id AS deployment, COUNT { MATCH (d)<-[:PART_OF]-(:Unit) } + COUNT { MATCH (d)<-[:SENT]-() } AS degree ORDER BY degree DESC, deployment LIMIT 10;
MATCH (d:Deployment)
RETURN d.id AS deployment, COUNT { (d)<-[:PART_OF]-(:Unit) } + COUNT { (d)<-[:SENT]-() } AS degree
ORDER BY degree DESC, deployment LIMIT 10;

// @query union_distinct_decades_whole_types
// @check rows
MATCH (c:Country)-[:SENT]->(d:Deployment) WHERE c.weight > 0.5 RETURN d.year / 10 AS decade
UNION
MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE o.weight < 0.1 RETURN d.year / 10 AS decade;

// @query with_star_computed_lag_whole_type
MATCH (a:Article)-[m:MENTIONS]->(c:Country)
WITH *, m.year - a.year AS lag
WHERE lag > 60
RETURN c.name AS country, count(*) AS n, max(lag) AS longest ORDER BY n DESC, country LIMIT 10;

// @query any_over_collected_whole_label
// (Kuzu 0.11.3 crashes on any() over a collected list reading an outer variable, so it is given the join.)
// @kuzu MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WHERE o.year = p.year RETURN count(DISTINCT p) AS people;
MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)
WITH p, collect(o.year) AS years
WHERE any(y IN years WHERE y = p.year)
RETURN count(*) AS people;

// @query mentioned_and_member_same_org_whole
MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization)<-[:MENTIONS]-(a)
RETURN count(*) AS n, count(DISTINCT o) AS orgs;

// @query distinct_people_two_types_returns_nothing
MATCH (p:Person)<-[:MENTIONS]-(a:Article)
WHERE a.year > 2100
RETURN DISTINCT p.id AS id ORDER BY id;
