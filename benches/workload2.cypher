// Issue 15's second workload: broad shapes the planner was not tuned for, run by
// steppe_bench (`--workload workload2`, with or without `--schemaless`) and by
// benches/kuzu/run.sh (`--workload workload2`), answers cross-checked.
//
// The format is benches/workload.cypher's: `// @query NAME`, the statement, `// @kuzu`
// where Kuzu's syntax differs. Several are adapted from LDBC SNB Interactive's short
// (IS) and complex (IC) reads to the generator's graph: people who know people, are
// members of organizations and are mentioned in articles; countries and organizations
// send deployments that units are part of. Every answer is ordered in full or is an
// aggregate, so that both engines must give the same rows. Parameters ($person, $src,
// $dst, $year) come from the generator's manifest.json.

// @query is1_profile
MATCH (p:Person {id: $person}) RETURN p.name AS name, p.year AS year, p.weight AS weight;

// @query is3_friends
MATCH (p:Person {id: $person})-[k:KNOWS]->(f:Person)
RETURN f.id AS id, f.name AS name, k.year AS since ORDER BY since DESC, id LIMIT 20;

// @query is2_mentions
MATCH (a:Article)-[:MENTIONS]->(p:Person {id: $person})
RETURN a.id AS id, a.year AS year ORDER BY year DESC, id LIMIT 10;

// @query person_orgs
MATCH (p:Person {id: $person})-[m:MEMBER_OF]->(o:Organization)
RETURN o.name AS org, m.year AS year ORDER BY year, org;

// @query friends_orgs
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o:Organization)
RETURN o.id AS org, count(*) AS n ORDER BY n DESC, org LIMIT 10;

// @query fof_filtered_far_end
MATCH (p:Person {id: $person})-[:KNOWS]-(f:Person)-[:KNOWS]-(g:Person)
WHERE g.year >= $year AND g.id <> p.id
RETURN count(DISTINCT g) AS n;

// @query people_year_range
MATCH (p:Person) WHERE p.year >= $year AND p.year < $year + 2 AND p.weight > 0.9 RETURN count(*) AS n;

// @query org_name_prefix
MATCH (o:Organization) WHERE o.name STARTS WITH 'Organization 12' RETURN count(*) AS n;

// @query optional_memberships
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
OPTIONAL MATCH (f)-[m:MEMBER_OF]->(o:Organization) WHERE m.year > $year
RETURN f.id AS id, count(o) AS orgs ORDER BY id;

// @query optional_chain
MATCH (p:Person {id: $person})
OPTIONAL MATCH (p)<-[:MENTIONS]-(a:Article)
OPTIONAL MATCH (a)-[:MENTIONS]->(c:Country)
RETURN count(a) AS articles, count(c) AS countries;

// @query reach_two_hops
// Kuzu walks by default (a path may repeat a relationship); TRAIL is openCypher's rule.
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..2]->(q:Person) RETURN count(DISTINCT q) AS n;
MATCH (p:Person {id: $person})-[:KNOWS*1..2]->(q:Person) RETURN count(DISTINCT q) AS n;

// @query var_length_filtered
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 2..3]->(q:Person) WHERE q.year = $year RETURN count(*) AS n;
MATCH (p:Person {id: $person})-[:KNOWS*2..3]->(q:Person) WHERE q.year = $year RETURN count(*) AS n;

// @query country_comentions
MATCH (c:Country)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(p:Person)
WITH c, count(DISTINCT p) AS people
RETURN c.id AS id, people ORDER BY people DESC, id LIMIT 5;

// @query top_mentioned
MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN p.id AS id, count(a) AS n ORDER BY n DESC, id LIMIT 10;

// @query rels_by_type_columns
// Kuzu names a relationship's type with label(r).
// @kuzu MATCH ()-[r]->() RETURN label(r) AS t, count(*) AS n, min(r.weight) AS lo, max(r.weight) AS hi, sum(r.year) AS years ORDER BY t;
MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n, min(r.weight) AS lo, max(r.weight) AS hi, sum(r.year) AS years ORDER BY t;

// @query person_columns
// A sum of integers, not avg(): the engines add floats in different orders.
MATCH (n:Person) RETURN sum(n.year) AS years, min(n.weight) AS lo, max(n.weight) AS hi, count(*) AS n;

// @query deployments_by_country
// (Kuzu 0.11.3 answers 0 for count(*) or count(u) beside count(DISTINCT d) here, which
// no MATCH row can give; with `<-[:PART_OF]-(u:Unit)` added, steppe took 18 s at S.)
MATCH (c:Country)-[:SENT]->(d:Deployment)
RETURN c.id AS country, count(*) AS sent ORDER BY sent DESC, country LIMIT 5;

// @query four_hops
MATCH (p:Person {id: $person})-[:MEMBER_OF]->(o:Organization)-[:SENT]->(d:Deployment)<-[:PART_OF]-(u:Unit)
RETURN count(*) AS n;

// @query common_friends
MATCH (a:Person {id: $src})-[:KNOWS]->(x:Person), (b:Person {id: $dst})-[:KNOWS]->(x)
RETURN count(x) AS common;

// @query two_parts_then_expand
MATCH (a:Person {id: $src}), (b:Person {id: $dst})
MATCH (a)-[:MEMBER_OF]->(o:Organization)<-[:MEMBER_OF]-(b)
RETURN count(o) AS shared;

// @query with_pipeline
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
WITH f WHERE f.year < $year
MATCH (f)-[:MEMBER_OF]->(o:Organization)
WITH o, count(*) AS n WHERE n >= 1
RETURN count(o) AS orgs, sum(n) AS links;

// @query ic2_recent_mentions
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)<-[:MENTIONS]-(a:Article)
WHERE a.year <= $year
RETURN a.id AS id, f.id AS friend, a.year AS year ORDER BY year DESC, id, friend LIMIT 20;

// @query memberships_year_range
MATCH (o:Organization)<-[m:MEMBER_OF]-(p:Person)
WHERE m.year >= $year AND m.year <= $year + 1 AND o.weight < 0.1
RETURN count(*) AS n;

// @query heavy_without_membership
MATCH (p:Person) WHERE p.weight > 0.99 AND NOT EXISTS { MATCH (p)-[:MEMBER_OF]->(:Organization) } RETURN count(*) AS n;

// @query friends_who_know_someone
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) WHERE EXISTS { MATCH (f)-[:KNOWS]->(:Person) } RETURN count(f) AS n;

// @query org_degree_top10
MATCH (o:Organization)-[r]-() RETURN o.id AS id, count(r) AS d ORDER BY d DESC, id LIMIT 10;

// @query unwind_lookups
UNWIND [$person, $src, $dst] AS x MATCH (p:Person)-[:KNOWS]->(f:Person) WHERE p.id = x RETURN x AS id, count(f) AS n ORDER BY id;

// @query friend_years_histogram
MATCH (p:Person)-[k:KNOWS]->(f:Person) WHERE p.year = $year AND f.year = $year RETURN k.year AS y, count(*) AS n ORDER BY y;

// @query articles_range
MATCH (a:Article) WHERE a.year > $year AND a.weight <= 0.05 RETURN count(*) AS n;

// @query ic_friends_of_friends_orgs_year
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(g:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE m.year = $year AND g.id <> p.id
RETURN o.id AS org, count(DISTINCT g) AS people ORDER BY people DESC, org LIMIT 10;
