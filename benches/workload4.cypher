// Issue 15's fourth workload, held out again: shapes none of the first three workloads
// has, written before looking at the planner, the way a Neo4j or Kuzu user writes them:
// WITH … ORDER BY … LIMIT and then expanding again, aggregating and then matching back
// from the grouped node, OPTIONAL MATCH after OPTIONAL MATCH, CASE inside aggregates,
// count(DISTINCT property), collect then size and list comprehensions, EXISTS and COUNT
// subqueries with filters of their own, CALL subqueries, IS NULL after OPTIONAL MATCH,
// CONTAINS and ENDS WITH, ranges on two properties, relationship properties compared,
// undirected two-hop counts, var-length paths with relationship filters and grouped by
// length, all shortest paths, a cartesian product joined by a property, UNWIND of a
// computed list then MATCH, ORDER BY an aggregate other than count, degree extremes,
// unlabelled middles and far ends, label alternatives and label tests in WHERE.
// Several are LDBC SNB Interactive complex reads (IC4, IC5, IC6, IC11, IC12) and BI
// reads (BI1, BI2) adapted to the generator's graph. Run it with steppe_bench
// (`--workload workload4`, with or without `--schemaless`) and benches/kuzu/run.sh
// (`--workload workload4`), which checks every answer against Kuzu's.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's dialect differs (label(x) for labels and types, `(x:A:B)` for a label
// alternative, list_filter for a list comprehension, string() for toString(), TRAIL for
// openCypher's relationship uniqueness in var-length paths, no CALL { }), `// @check
// rows` where only the row count is comparable. Every answer is ordered in full or is
// an aggregate; averages are rounded. Parameters ($person, $src, $dst, $year) come from
// the generator's manifest.json; other nodes are named by `name`, which every scale has.

// @query top_friends_then_orgs
// The person's five heaviest friends, then their organizations.
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH DISTINCT f ORDER BY f.weight DESC, f.id LIMIT 5
MATCH (f)-[m:MEMBER_OF]->(o:Organization)
RETURN f.id AS friend, o.id AS org, m.year AS year ORDER BY friend, org, year;

// @query most_mentioned_then_friends
// Aggregate over a whole type, keep the top five, then expand from the grouped node.
MATCH (a:Article)-[:MENTIONS]->(p:Person)
WITH p, count(*) AS mentions ORDER BY mentions DESC, p.id LIMIT 5
MATCH (p)-[:KNOWS]->(f:Person)
RETURN p.id AS id, mentions, count(f) AS friends ORDER BY mentions DESC, id;

// @query big_orgs_then_deployments
MATCH (o:Organization)<-[:MEMBER_OF]-(p:Person)
WITH o, count(p) AS members WHERE members >= 40
MATCH (o)-[:SENT]->(d:Deployment)
RETURN o.id AS org, members, count(d) AS deployments ORDER BY members DESC, org LIMIT 10;

// @query optional_three_in_a_row
MATCH (p:Person {id: $person})
OPTIONAL MATCH (p)-[:MEMBER_OF]->(o:Organization)
OPTIONAL MATCH (p)-[:KNOWS]->(f:Person)
OPTIONAL MATCH (p)<-[:MENTIONS]-(a:Article)
RETURN count(DISTINCT o) AS orgs, count(DISTINCT f) AS friends, count(DISTINCT a) AS articles;

// @query optional_null_anti_join
// Friends with no organization, by OPTIONAL MATCH and IS NULL.
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[:MEMBER_OF]->(o:Organization)
WITH f, o WHERE o IS NULL
RETURN f.id AS id ORDER BY id;

// @query optional_coalesce_max
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[m:MEMBER_OF]->(:Organization)
RETURN f.id AS id, coalesce(max(m.year), 0) AS last ORDER BY id;

// @query case_sums_friends
MATCH (p:Person {id: $person})-[k:KNOWS]-(f:Person)
RETURN sum(CASE WHEN f.year < 1950 THEN 1 ELSE 0 END) AS old,
       sum(CASE WHEN k.year >= $year THEN 1 ELSE 0 END) AS recent, count(*) AS n;

// @query case_era_whole_label
MATCH (p:Person)
RETURN CASE WHEN p.year < 1950 THEN 'old' WHEN p.year < 2000 THEN 'mid' ELSE 'young' END AS era, count(*) AS n
ORDER BY era;

// @query bi2_country_mentions_two_windows
// BI2-like: mentions of each country in two windows of years, by the change.
MATCH (c:Country)<-[:MENTIONS]-(a:Article)
WITH c, count(CASE WHEN a.year < 1960 THEN 1 END) AS before, count(CASE WHEN a.year >= 1960 AND a.year < 1970 THEN 1 END) AS after
RETURN c.id AS id, before, after, abs(after - before) AS diff ORDER BY diff DESC, id LIMIT 10;

// @query bi1_articles_by_decade
MATCH (a:Article) WHERE a.year >= 1950
RETURN a.year / 10 * 10 AS decade, count(*) AS n, round(avg(a.weight) * 10000, 0) AS avg_w ORDER BY decade;

// @query count_distinct_year_fof
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(g:Person)
RETURN count(DISTINCT g.year) AS years;

// @query count_distinct_props_members
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization {name: 'Organization 42'})
RETURN count(DISTINCT p.year) AS birth_years, count(DISTINCT m.year) AS join_years, count(*) AS n;

// @query collect_size_filter
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person) WITH collect(f.year) AS ys RETURN size(ys) AS n, size(list_filter(ys, y -> y >= 2000)) AS recent;
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH collect(f.year) AS ys
RETURN size(ys) AS n, size([y IN ys WHERE y >= 2000]) AS recent;

// @query exists_filtered_mention
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WHERE EXISTS { MATCH (f)<-[:MENTIONS]-(a:Article) WHERE a.year >= $year }
RETURN count(DISTINCT f) AS n;

// @query not_reciprocated
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
WHERE NOT EXISTS { MATCH (f)-[:KNOWS]->(p) }
RETURN count(*) AS n;

// @query reciprocal_pairs
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:KNOWS]->(p)
RETURN count(DISTINCT f) AS n;

// @query count_subquery_members_recent
MATCH (o:Organization {name: 'Organization 42'})<-[:MEMBER_OF]-(p:Person)
RETURN p.id AS id, COUNT { MATCH (p)-[k:KNOWS]->(:Person) WHERE k.year > $year } AS recent
ORDER BY recent DESC, id LIMIT 10;

// @query friend_degree_extremes
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)
WITH f, COUNT { MATCH (f)-[:KNOWS]-() } AS d
RETURN max(d) AS hi, min(d) AS lo, sum(d) AS total;

// @query org_member_count_extremes
MATCH (o:Organization)
OPTIONAL MATCH (o)<-[:MEMBER_OF]-(p:Person)
WITH o, count(p) AS d
RETURN min(d) AS lo, max(d) AS hi, sum(d) AS total, count(o) AS orgs;

// @query call_subquery_per_friend
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN f.id AS id, COUNT { MATCH (f)<-[:MENTIONS]-(:Article) } AS mentions ORDER BY mentions DESC, id LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
CALL (f) { MATCH (f)<-[:MENTIONS]-(a:Article) RETURN count(a) AS mentions }
RETURN f.id AS id, mentions ORDER BY mentions DESC, id LIMIT 10;

// @query call_subquery_top_then_expand
// @kuzu MATCH (p:Person) WITH p ORDER BY p.weight DESC, p.id LIMIT 3 MATCH (p)-[:KNOWS]-(f:Person) RETURN p.id AS id, count(f) AS friends ORDER BY id;
CALL { MATCH (p:Person) RETURN p ORDER BY p.weight DESC, p.id LIMIT 3 }
MATCH (p)-[:KNOWS]-(f:Person)
RETURN p.id AS id, count(f) AS friends ORDER BY id;

// @query contains_name
MATCH (o:Organization) WHERE o.name CONTAINS '777' RETURN o.id AS id ORDER BY id;

// @query ends_with_and_year
MATCH (p:Person) WHERE p.name ENDS WITH '99' AND p.year > $year RETURN count(*) AS n;

// @query two_ranges_far_end
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(g:Person)
WHERE g.year >= 1950 AND g.year < 1990 AND g.weight >= 0.25 AND g.weight < 0.75
RETURN count(*) AS n;

// @query rel_year_equal_along_path
// Two relationships of a path with the same year.
MATCH (p:Person {id: $person})-[k1:KNOWS]-(f:Person)-[k2:KNOWS]-(g:Person)
WHERE k1.year = k2.year AND g <> p
RETURN count(*) AS n;

// @query rel_equality_whole_type
MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE k.year = $year AND k.weight > 0.99
RETURN count(*) AS n;

// @query undirected_two_hop_paths
MATCH (p:Person {id: $person})-[:KNOWS]-()-[:KNOWS]-(q) WHERE q <> p RETURN count(*) AS n;

// @query var_length_rel_filter
// @kuzu MATCH (p:Person {id: $person})-[ks:KNOWS* TRAIL 1..3 (r, n | WHERE r.year >= 2000)]->(q:Person) RETURN count(DISTINCT q) AS n;
MATCH (p:Person {id: $person})-[ks:KNOWS*1..3]->(q:Person) WHERE all(k IN ks WHERE k.year >= 2000)
RETURN count(DISTINCT q) AS n;

// @query path_length_histogram
// @kuzu MATCH p = (a:Person {id: $person})-[:KNOWS* TRAIL 1..3]->(b:Person) RETURN length(p) AS hops, count(*) AS n ORDER BY hops;
MATCH p = (a:Person {id: $person})-[:KNOWS*1..3]->(b:Person) RETURN length(p) AS hops, count(*) AS n ORDER BY hops;

// @query all_shortest_paths
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* ALL SHORTEST 1..30]-(b:Person {id: $dst}) RETURN count(*) AS paths, min(length(p)) AS hops;
MATCH p = allShortestPaths((a:Person {id: $src})-[:KNOWS*]-(b:Person {id: $dst}))
RETURN count(*) AS paths, min(length(p)) AS hops;

// @query cartesian_property_join
MATCH (u:Unit), (d:Deployment) WHERE u.year = d.year AND u.weight > 0.99
RETURN count(*) AS n;

// @query cartesian_join_bound_node
MATCH (a:Person {id: $person}), (b:Person) WHERE b.year = a.year AND b.weight > a.weight
RETURN count(*) AS n;

// @query unwind_computed_names
// @kuzu UNWIND range(1, 20) AS i MATCH (o:Organization {name: 'Organization ' + string(i)}) RETURN count(*) AS n, sum(o.year) AS years;
UNWIND range(1, 20) AS i
MATCH (o:Organization {name: 'Organization ' + toString(i)})
RETURN count(*) AS n, sum(o.year) AS years;

// @query orgs_by_latest_membership
MATCH (o:Organization)<-[m:MEMBER_OF]-(:Person)
RETURN o.id AS org, max(m.year) AS latest, count(*) AS n ORDER BY latest DESC, n DESC, org LIMIT 10;

// @query unlabelled_middle_far_country
MATCH (p:Person {id: $person})--(x)--(c:Country) RETURN count(DISTINCT c) AS n;

// @query label_test_in_where
// @kuzu MATCH (p:Person {id: $person})<-[:MENTIONS]-(a)-[:MENTIONS]->(x) WHERE label(x) IN ['Organization', 'Country'] RETURN count(*) AS n;
MATCH (p:Person {id: $person})<-[:MENTIONS]-(a)-[:MENTIONS]->(x) WHERE x:Organization OR x:Country
RETURN count(*) AS n;

// @query label_alternative_far_end
// @kuzu MATCH (a:Article)-[:MENTIONS]->(x:Organization:Country) WHERE a.year = $year RETURN count(*) AS n;
MATCH (a:Article)-[:MENTIONS]->(x:Organization|Country) WHERE a.year = $year RETURN count(*) AS n;

// @query ic4_friend_article_countries
// IC4-like: countries mentioned in recent articles about the person's friends.
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(c:Country)
WHERE a.year >= $year - 20
RETURN c.name AS country, count(DISTINCT a) AS articles ORDER BY articles DESC, country LIMIT 10;

// @query ic5_fof_orgs_since
// IC5-like: organizations friends and friends of friends joined after a year, by members.
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]-(f:Person) WHERE f.id <> p.id WITH DISTINCT f MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > $year RETURN o.id AS org, count(DISTINCT f) AS members ORDER BY members DESC, org LIMIT 10;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]-(f:Person) WHERE f <> p
WITH DISTINCT f
MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > $year
RETURN o.id AS org, count(DISTINCT f) AS members ORDER BY members DESC, org LIMIT 10;

// @query ic6_co_mentioned_orgs
// IC6-like: organizations mentioned with the person's friends' articles, beside one name prefix.
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Organization)
WHERE o.name STARTS WITH 'Organization 1'
RETURN o.id AS org, count(DISTINCT a) AS articles ORDER BY articles DESC, org LIMIT 10;

// @query ic11_friend_orgs_in_country
// IC11-like: friends who joined an organization before a year that sends deployments
// alongside a given country.
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[m:MEMBER_OF]->(o:Organization)-[:SENT]->(:Deployment)<-[:SENT]-(c:Country {name: 'Country 7'})
WHERE m.year < $year
RETURN DISTINCT f.id AS friend, o.id AS org, m.year AS year ORDER BY year, friend, org LIMIT 10;

// @query ic12_friends_mentioned_with_org
// IC12-like: friends mentioned in articles that also mention an organization, by articles.
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(:Organization)
RETURN f.id AS friend, count(DISTINCT a) AS articles ORDER BY articles DESC, friend LIMIT 10;

// @query members_page
MATCH (o:Organization {name: 'Organization 42'})<-[:MEMBER_OF]-(p:Person)
RETURN p.id AS id ORDER BY id SKIP 5 LIMIT 5;

// @query distinct_friend_orgs_rows
MATCH (p:Person {id: $person})-[:KNOWS]-(:Person)-[:MEMBER_OF]->(o:Organization)
RETURN DISTINCT o.id AS org ORDER BY org LIMIT 20;

// @query person_knows_year_stats
MATCH (p:Person {id: $person})-[k:KNOWS]-()
RETURN min(k.year) AS first, max(k.year) AS last, count(*) AS n;

// @query null_property_all_nodes
MATCH (n) WHERE n.weight IS NULL RETURN count(*) AS n;

// @query string_order_limit
MATCH (o:Organization) WHERE o.year = $year RETURN o.name AS name ORDER BY name LIMIT 5;
