// Issue 15's fourteenth workload, held out: written in session 22 before looking at how
// the planner takes any of it, as a Neo4j 5 user writes queries against the news graph.
// About a third are anchored on one or more nodes given by parameters (run it from a hub
// and from a leaf with `--param person=N`), a third on a range, a list or a string test,
// a third read the whole graph.
// New here: 4- and 5-hop chains, quantified paths over undirected and relationship-filtered
// steps, path functions (nodes(), relationships(), length()) in keys and sums, list functions
// (head, last, tail, reverse, range, slices, reduce) on collected lists, map projections and
// collected maps read back, CASE in ORDER BY, EXISTS { } with several pattern parts,
// OPTIONAL MATCH after an aggregation, UNWIND of ranges joined to the graph by key, by name
// built from a number, and by value, string functions (replace, left, right, trim, reverse,
// toString, toInteger), temporal-free arithmetic (%, abs, sign, integer division), DISTINCT
// on nodes, WITH … WHERE on aggregates at two levels, several anchors, COUNT { } in ORDER BY,
// label expressions (`:A|B`, `:!A`, `:A&!B`), IS NULL on a property no node has, and
// pattern parts sharing no variable joined by a WHERE.
// Run it with steppe_bench (`--workload workload14`, with or without `--schemaless`) and
// benches/kuzu/run.sh (`--workload workload14`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (Kuzu 0.11.3 has no CALL { }, no pattern predicates or
// comprehensions, no label expressions (`(x:A:B)` is its union, label(x) its labels), no
// list comprehensions (list_transform, list_filter, list_reduce), no map projections (struct
// literals instead), no properties a table does not declare, 1-based list indexes,
// concat() and cast() for strings, rels() for relationships(); TRAIL for openCypher's
// relationship uniqueness in var-length paths; it drops a row whose COUNT { } finds
// nothing), `// @check rows` where only the row count is comparable. Parameters ($person,
// $src, $dst, $year) come from the generator's manifest.json; other nodes are named by
// `name`.

// ---- anchored on one or more nodes ----

// @query anchor_five_hops_to_units
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit)
RETURN count(*) AS n, count(DISTINCT o) AS orgs, count(DISTINCT u) AS units;

// @query anchor_four_hops_back_to_people
MATCH (p:Person {id: $person})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Organization)<-[:MEMBER_OF]-(q:Person)
WHERE q <> p
RETURN count(*) AS n, count(DISTINCT q) AS people, count(DISTINCT a) AS articles;

// @query anchor_path_functions_memberships
// @kuzu MATCH path = (p:Person {id: $person})-[:KNOWS]->(:Person)-[:MEMBER_OF]->(o:Organization) RETURN o.id AS org, length(path) AS hops, size(nodes(path)) AS nodes, min(list_extract(rels(path), 2).year) AS first_joined, count(*) AS paths ORDER BY paths DESC, org LIMIT 10;
MATCH path = (p:Person {id: $person})-[:KNOWS]->(:Person)-[:MEMBER_OF]->(o:Organization)
RETURN o.id AS org, length(path) AS hops, size(nodes(path)) AS nodes, min(relationships(path)[1].year) AS first_joined, count(*) AS paths
ORDER BY paths DESC, org LIMIT 10;

// @query anchor_path_weight_products
// @kuzu MATCH path = (p:Person {id: $person})-[:KNOWS* TRAIL 2..2]->(q:Person) RETURN count(*) AS paths, round(max(list_reduce(list_transform(rels(path), r -> r.weight), (w, x) -> w * x)), 4) AS strongest;
MATCH path = (p:Person {id: $person})-[:KNOWS*2..2]->(q:Person)
RETURN count(*) AS paths, round(max(reduce(w = 1.0, r IN relationships(path) | w * r.weight)), 4) AS strongest;

// @query anchor_quantified_undirected_recent_steps
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2 (r, n | WHERE r.year >= 2015)]-(q:Person) WHERE q <> p RETURN count(DISTINCT q) AS reached;
MATCH (p:Person {id: $person}) ((x:Person)-[k:KNOWS]-(y:Person) WHERE k.year >= 2015){1,2} (q:Person)
WHERE q <> p
RETURN count(DISTINCT q) AS reached;

// @query anchor_var_length_same_year_ends
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]-(q:Person) WHERE q.year = p.year AND q <> p RETURN count(DISTINCT q) AS peers;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]-(q:Person)
WHERE q.year = p.year AND q <> p
RETURN count(DISTINCT q) AS peers;

// @query anchor_case_in_order_by
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
RETURN f.id AS friend, f.year AS born
ORDER BY CASE WHEN f.year >= 2000 THEN 0 WHEN f.year >= 1950 THEN 1 ELSE 2 END, f.weight DESC, friend LIMIT 10;

// @query anchor_count_subquery_in_order_by_filtered
// (A friend known through several KNOWS is a row per relationship, so Kuzu groups by both.)
// @kuzu MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person) OPTIONAL MATCH (f)<-[m:MENTIONS]-(:Article) WHERE m.weight > 0.5 WITH k, f, count(m) AS strong RETURN f.id AS friend ORDER BY strong DESC, friend LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
RETURN f.id AS friend
ORDER BY COUNT { (f)<-[m:MENTIONS]-(:Article) WHERE m.weight > 0.5 } DESC, friend LIMIT 10;

// @query anchor_exists_two_parts
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WHERE EXISTS { MATCH (f)-[:MEMBER_OF]->(o:Organization), (o)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2010 AND o.year < 2000 }
RETURN count(DISTINCT f) AS friends;

// @query anchor_optional_after_aggregation
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH p, count(DISTINCT f) AS friends
OPTIONAL MATCH (p)<-[m:MENTIONS]-(a:Article)
RETURN friends, count(a) AS mentions, max(m.year) AS latest;

// @query anchor_distinct_org_nodes
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:MEMBER_OF]->(o:Organization)
WITH DISTINCT o
RETURN count(*) AS orgs, round(sum(o.weight), 3) AS weight, min(o.year) AS oldest;

// @query anchor_with_where_on_aggregates
// (Kuzu 0.11.3 gives max(f.year) as null beside count(DISTINCT f), so it counts distinct pairs first.)
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:MEMBER_OF]->(o:Organization) WITH DISTINCT o, f WITH o, count(f) AS friends, max(f.year) AS youngest WHERE friends >= 2 OR youngest >= 2020 RETURN o.id AS org, friends, youngest ORDER BY friends DESC, org LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:MEMBER_OF]->(o:Organization)
WITH o, count(DISTINCT f) AS friends, max(f.year) AS youngest
WHERE friends >= 2 OR youngest >= 2020
RETURN o.id AS org, friends, youngest ORDER BY friends DESC, org LIMIT 10;

// @query anchor_map_projection_rows
// @kuzu MATCH (p:Person {id: $person})-[m:MEMBER_OF]->(o:Organization) RETURN {id: o.id, name: o.name, joined: m.year, age: m.year - p.year} AS membership ORDER BY m.year, o.id;
MATCH (p:Person {id: $person})-[m:MEMBER_OF]->(o:Organization)
RETURN o {.id, .name, joined: m.year, age: m.year - p.year} AS membership ORDER BY m.year, o.id;

// @query anchor_collected_maps_filtered
// (Kuzu 0.11.3's list_filter over these structs kept none at S, where 20 of 46 qualify: it is given sums.)
// @kuzu MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person) RETURN count(*) AS n, coalesce(sum(CASE WHEN k.year - f.year < 20 THEN 1 ELSE 0 END), 0) AS young, coalesce(sum(k.year), 0) AS total;
MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person)
WITH collect({id: f.id, since: k.year, born: f.year}) AS ms
RETURN size(ms) AS n, size([m IN ms WHERE m.since - m.born < 20]) AS young, reduce(s = 0, m IN ms | s + m.since) AS total;

// @query anchor_list_functions_sorted_years
// (Kuzu's list_slice includes its end.)
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) WITH list_sort(collect(f.year)) AS ys RETURN ys[1] AS first, ys[size(ys)] AS last, list_slice(ys, 2, 3) AS next_two, size(list_slice(ys, 2, size(ys))) AS rest, list_reverse(list_slice(ys, 1, 2))[1] AS second;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH f ORDER BY f.year
WITH collect(f.year) AS ys
RETURN head(ys) AS first, last(ys) AS last, ys[1..3] AS next_two, size(tail(ys)) AS rest, reverse(ys[0..2])[0] AS second;

// @query anchor_string_functions_orgs
// @kuzu MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization) RETURN left(o.name, 3) AS head3, right(o.name, 2) AS tail2, reverse(trim(concat('  ', o.name, ' '))) AS backwards, cast(regexp_replace(o.name, 'Organization ', '') AS INT64) + 60000 = o.id AS consistent ORDER BY backwards;
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)
RETURN left(o.name, 3) AS head3, right(o.name, 2) AS tail2, reverse(trim('  ' + o.name + ' ')) AS backwards,
       toInteger(replace(o.name, 'Organization ', '')) + 60000 = o.id AS consistent
ORDER BY backwards;

// @query anchor_unwind_range_neighbour_ids
UNWIND range(0, 9) AS k
MATCH (p:Person {id: $person + k})-[:MEMBER_OF]->(o:Organization)
RETURN k, count(o) AS orgs ORDER BY k;

// @query anchor_label_disjunction_co_mentioned
// @kuzu MATCH (p:Person {id: $person})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(x:Organization:Country) RETURN label(x) AS kind, count(*) AS n, count(DISTINCT x) AS distinct_ends ORDER BY kind;
MATCH (p:Person {id: $person})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(x:Organization|Country)
RETURN labels(x)[0] AS kind, count(*) AS n, count(DISTINCT x) AS distinct_ends ORDER BY kind;

// @query anchor_label_negation_co_mentioned
// @kuzu MATCH (p:Person {id: $person})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(x) WHERE label(x) <> 'Person' RETURN count(*) AS n, count(DISTINCT a) AS articles;
MATCH (p:Person {id: $person})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(x:!Person)
RETURN count(*) AS n, count(DISTINCT a) AS articles;

// @query anchor_two_parts_joined_by_year
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization), (a:Article)-[:MENTIONS]->(c:Country)
WHERE a.year = o.year AND c.weight > 0.9
RETURN count(*) AS n, count(DISTINCT c) AS countries;

// @query three_anchors_friends_same_year
MATCH (a:Person {id: $src})-[:KNOWS]-(x:Person), (b:Person {id: $dst})-[:KNOWS]-(y:Person), (c:Person {id: $person})
WHERE x.year = y.year AND x.year >= c.year - 30
RETURN count(*) AS pairs, count(DISTINCT x) AS xs;

// @query anchor_missing_property_is_null
// (On a typed graph steppe refuses `f.nickname`, a key no label declares, as Kuzu does, so the key
// is read from the property map here and by a dynamic key in missing_property_is_null_unlabelled_end.)
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) RETURN count(*) AS n, count(f.name) AS named;
MATCH (p:Person {id: $person})-[:KNOWS]-(f) WHERE properties(f).nickname IS NULL
RETURN count(*) AS n, count(f.name) AS named;

// @query anchor_optional_null_then_count
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year >= 2015
WITH f, o WHERE o IS NULL
RETURN count(DISTINCT f) AS without_recent;

// @query anchor_arithmetic_keys
MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person)
RETURN sign(f.year - p.year) AS older_younger, abs(f.year - p.year) % 10 AS gap_mod, count(*) AS n
ORDER BY older_younger, gap_mod;

// @query anchor_org_leaf_and_hub_members
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)<-[:MEMBER_OF]-(q:Person)-[:KNOWS]->(p)
RETURN count(DISTINCT q) AS colleagues_knowing;

// ---- a range, a list, a string or a name ----

// @query name_numbers_modulo
// @kuzu MATCH (o:Organization) WITH o, cast(string_split(o.name, ' ')[2] AS INT64) AS num WHERE num % 1000 = 7 RETURN count(*) AS n, sum(num) AS total, min(o.year) AS oldest;
MATCH (o:Organization)
WITH o, toInteger(split(o.name, ' ')[1]) AS num WHERE num % 1000 = 7
RETURN count(*) AS n, sum(num) AS total, min(o.year) AS oldest;

// @query unwind_range_names_built
// @kuzu UNWIND range(0, 4) AS i MATCH (c:Country {name: concat('Country ', cast(i AS STRING))})<-[:MENTIONS]-(a:Article) RETURN i, count(a) AS articles ORDER BY i;
UNWIND range(0, 4) AS i
MATCH (c:Country {name: 'Country ' + toString(i)})<-[:MENTIONS]-(a:Article)
RETURN i, count(a) AS articles ORDER BY i;

// @query unwind_range_years_joined_by_value
UNWIND range($year - 2, $year) AS y
MATCH (d:Deployment)<-[:SENT]-(c:Country) WHERE d.year = y
RETURN y, count(*) AS sends, count(DISTINCT c) AS countries ORDER BY y;

// @query label_disjunction_range
// @kuzu MATCH (n:Organization:Country) WHERE n.year >= 2020 RETURN label(n) AS kind, count(*) AS n ORDER BY kind;
MATCH (n:Organization|Country) WHERE n.year >= 2020
RETURN labels(n)[0] AS kind, count(*) AS n ORDER BY kind;

// @query label_and_not_relationship_end
// @kuzu MATCH (a:Article)-[:MENTIONS]->(x) WHERE a.year = $year AND label(x) <> 'Person' AND label(x) <> 'Country' RETURN count(*) AS n;
MATCH (a:Article)-[:MENTIONS]->(x:!Person&!Country) WHERE a.year = $year
RETURN count(*) AS n;

// @query path_labels_as_key
// (Kuzu 0.11.3's nodes(path) is not in the pattern's order, so it is given the labels one by one.)
// @kuzu MATCH (u:Unit)-[:PART_OF]->(d:Deployment)<-[:SENT]-(x) WHERE u.year = $year RETURN [label(u), label(d), label(x)] AS kinds, count(*) AS n ORDER BY n DESC;
MATCH path = (u:Unit)-[:PART_OF]->(d:Deployment)<-[:SENT]-(x) WHERE u.year = $year
RETURN [n IN nodes(path) | labels(n)[0]] AS kinds, count(*) AS n ORDER BY n DESC;

// @query collected_years_reduced_having
// @kuzu MATCH (d:Deployment)<-[pt:PART_OF]-(u:Unit) WHERE d.year = $year WITH d, collect(pt.year) AS ys WHERE size(ys) >= 20 RETURN d.id AS deployment, size(ys) AS units, list_reduce(ys, (m, y) -> CASE WHEN y > m THEN y ELSE m END) AS latest ORDER BY units DESC, deployment LIMIT 10;
MATCH (d:Deployment)<-[pt:PART_OF]-(u:Unit) WHERE d.year = $year
WITH d, collect(pt.year) AS ys WHERE size(ys) >= 20
RETURN d.id AS deployment, size(ys) AS units, reduce(m = 0, y IN ys | CASE WHEN y > m THEN y ELSE m END) AS latest
ORDER BY units DESC, deployment LIMIT 10;

// @query case_order_by_range
MATCH (o:Organization) WHERE o.year >= 1990 AND o.year < 1995
RETURN o.id AS org, o.year AS year
ORDER BY CASE o.year % 2 WHEN 0 THEN o.weight ELSE -o.weight END DESC, org LIMIT 10;

// @query string_contains_and_length
// @kuzu MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WHERE u.name CONTAINS '77' AND size(d.name) = 15 RETURN count(*) AS n, count(DISTINCT d) AS deployments;
MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WHERE u.name CONTAINS '77' AND size(d.name) = 15
RETURN count(*) AS n, count(DISTINCT d) AS deployments;

// @query to_string_group_key
// @kuzu MATCH (p:Person) WHERE p.year >= 2020 RETURN concat(cast(p.year AS STRING), '-', CASE WHEN p.weight > 0.5 THEN 'true' ELSE 'false' END) AS key, count(*) AS n ORDER BY key;
MATCH (p:Person) WHERE p.year >= 2020
RETURN toString(p.year) + '-' + toString(p.weight > 0.5) AS key, count(*) AS n ORDER BY key;

// @query distinct_sender_nodes_recent_units
// @kuzu MATCH (x)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit) WHERE u.year >= 2020 WITH DISTINCT x RETURN label(x) AS kind, count(*) AS n ORDER BY kind;
MATCH (x)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit) WHERE u.year >= 2020
WITH DISTINCT x
RETURN labels(x)[0] AS kind, count(*) AS n ORDER BY kind;

// @query four_hops_filtered_both_ends
MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization)-[:SENT]->(d:Deployment)
WHERE a.year = $year AND d.year >= 2015
RETURN count(*) AS n, count(DISTINCT o) AS orgs;

// @query optional_after_top_countries
MATCH (c:Country)<-[:MENTIONS]-(a:Article) WHERE a.year >= 2015
WITH c, count(a) AS mentions ORDER BY mentions DESC, c.id LIMIT 5
OPTIONAL MATCH (c)-[s:SENT]->(d:Deployment) WHERE s.year >= 2015
RETURN c.id AS country, mentions, count(d) AS recent_sends ORDER BY mentions DESC, country;

// @query collected_maps_per_country
// (Kuzu 0.11.3's list_reduce of these years gave 1991 for Country 100, whose first SENT year is 1990: it is given min().)
// @kuzu MATCH (c:Country)-[s:SENT]->(d:Deployment) WHERE c.year < 1910 RETURN c.id AS country, count(*) AS n, min(s.year) AS first ORDER BY country;
MATCH (c:Country)-[s:SENT]->(d:Deployment) WHERE c.year < 1910
WITH c, collect({dep: d.id, year: s.year}) AS sends
RETURN c.id AS country, size(sends) AS n, reduce(a = 9999, m IN sends | CASE WHEN m.year < a THEN m.year ELSE a END) AS first
ORDER BY country;

// @query two_level_having
MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WHERE o.year = $year
WITH o, count(p) AS members WHERE members >= 5
WITH o.year / 10 AS decade, count(o) AS orgs, sum(members) AS total WHERE orgs >= 1
RETURN decade, orgs, total;

// @query in_list_of_names_to_two_hops
MATCH (c:Country)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit)
WHERE c.name IN ['Country 1', 'Country 2', 'Country 3'] AND u.weight < 0.5
RETURN c.name AS country, count(DISTINCT u) AS units ORDER BY country;

// ---- the whole graph ----

// @query count_subquery_order_whole_label
// @kuzu MATCH (o:Organization) WHERE o.weight > 0.99 OPTIONAL MATCH (o)<-[:MEMBER_OF]-(p:Person) WITH o, count(p) AS members RETURN o.id AS org ORDER BY members DESC, org LIMIT 5;
MATCH (o:Organization) WHERE o.weight > 0.99
RETURN o.id AS org ORDER BY COUNT { (o)<-[:MEMBER_OF]-(:Person) } DESC, org LIMIT 5;

// @query exists_two_parts_whole_label
MATCH (u:Unit)
WHERE EXISTS { MATCH (u)-[:PART_OF]->(d:Deployment), (d)<-[:SENT]-(o:Organization) WHERE o.year > d.year + 50 }
RETURN count(*) AS units;

// @query missing_property_is_null_unlabelled_end
// @kuzu MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WHERE d.year >= 2000 RETURN count(*) AS n, count(DISTINCT d) AS deployments, min(d.name) AS first;
MATCH (u:Unit)-[:PART_OF]->(d) WHERE d['code'] IS NULL AND d.year >= 2000
RETURN count(*) AS n, count(DISTINCT d) AS deployments, min(coalesce(d['code'], d.name)) AS first;

// @query knows_sign_of_age_gap
MATCH (p:Person)-[:KNOWS]->(q:Person) WHERE abs(p.year - q.year) <= 1
RETURN sign(p.year - q.year) AS s, count(*) AS n ORDER BY s;

// @query members_mentioned_same_org_distinct_nodes
MATCH (p:Person)-[:MEMBER_OF]->(o:Organization)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(p)
WITH DISTINCT p
RETURN count(*) AS people, min(p.id) AS first;

// @query deployments_optional_after_counting
MATCH (d:Deployment)<-[:PART_OF]-(u:Unit)
WITH d, count(u) AS units WHERE units >= 40
OPTIONAL MATCH (d)<-[s:SENT]-(o:Organization)
RETURN count(DISTINCT d) AS deployments, count(o) AS orgs, sum(units) AS unit_total;

// @query weight_buckets_both_sides
// @kuzu MATCH (o:Organization)-[s:SENT]->(d:Deployment) RETURN cast(floor(o.weight * 4) AS INT64) AS ob, cast(floor(d.weight * 4) AS INT64) AS db, count(*) AS n ORDER BY ob, db;
MATCH (o:Organization)-[s:SENT]->(d:Deployment)
RETURN toInteger(floor(o.weight * 4)) AS ob, toInteger(floor(d.weight * 4)) AS db, count(*) AS n
ORDER BY ob, db;

// @query label_negation_whole_scan
// @kuzu MATCH (n) WHERE label(n) <> 'Person' AND label(n) <> 'Article' AND n.weight > 0.995 RETURN label(n) AS kind, count(*) AS n ORDER BY kind;
MATCH (n:!Person&!Article) WHERE n.weight > 0.995
RETURN labels(n)[0] AS kind, count(*) AS n ORDER BY kind;

// @query degree_pairs_with_where
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person)
WITH o, count(p) AS members
MATCH (o)<-[:MENTIONS]-(a:Article)
WITH o, members, count(a) AS mentions WHERE mentions * 2 > members
RETURN count(*) AS orgs, max(members) AS biggest;

// @query sent_and_part_of_same_year_chain
MATCH (c:Country)-[s:SENT]->(d:Deployment)<-[pt:PART_OF]-(u:Unit)
WHERE s.year = pt.year AND u.year < c.year
RETURN count(*) AS n, count(DISTINCT d) AS deployments;

// @query mention_weight_rounding_per_kind
// (Kuzu has no stDev: the sample deviation from the sums.)
// @kuzu MATCH (a:Article)-[m:MENTIONS]->(x) WHERE a.year < 1905 WITH label(x) AS kind, count(*) AS n, avg(m.weight) AS mean, sum(m.weight) AS s, sum(m.weight * m.weight) AS ss RETURN kind, round(mean, 3) AS mean, round(sqrt((ss - s * s / n) / (n - 1)), 3) AS spread, n ORDER BY kind;
MATCH (a:Article)-[m:MENTIONS]->(x) WHERE a.year < 1905
RETURN labels(x)[0] AS kind, round(avg(m.weight), 3) AS mean, round(stDev(m.weight), 3) AS spread, count(*) AS n ORDER BY kind;

// @query people_without_members_or_mentions
MATCH (p:Person) WHERE p.year = $year
  AND NOT EXISTS { MATCH (p)-[:MEMBER_OF]->(:Organization) }
  AND NOT EXISTS { MATCH (p)<-[:MENTIONS]-(:Article) }
RETURN count(*) AS quiet;

// @query unit_names_right_digits_grouped
// @kuzu MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WHERE d.year >= 2018 RETURN right(u.name, 1) AS digit, count(*) AS n ORDER BY digit;
MATCH (u:Unit)-[:PART_OF]->(d:Deployment) WHERE d.year >= 2018
RETURN right(u.name, 1) AS digit, count(*) AS n ORDER BY digit;
