// The issue-6 workload: the same queries, in this order, for steppe and for Kuzu.
//
// Each query starts with `// @query NAME`. The statement below it is what steppe runs;
// `// @kuzu TEXT` (one line) replaces it for Kuzu where the syntax differs, and says why.
// `// @check rows` compares only the number of rows between the engines (the rows
// themselves are any LIMIT of an unordered result); otherwise every row must match.
// Parameters ($person, $src, $dst, $year) come from the generator's manifest.json,
// drawn from the seed: people of middling degree.

// @query point_lookup
MATCH (p:Person {id: $person}) RETURN p.name AS name, p.year AS year;

// @query one_hop_count
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN count(f) AS n;

// @query two_hop_distinct
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(fof:Person)
WHERE fof.id <> p.id
RETURN count(DISTINCT fof) AS n;

// @query three_hop_limit
// @check rows
MATCH (p:Person {id: $person})-[:KNOWS]->(a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)
RETURN c.id AS id LIMIT 100;

// @query member_of_filtered
MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization)
WHERE m.year >= $year AND p.weight > 0.5
RETURN count(*) AS n;

// @query count_by_type
// Kuzu names a relationship's type with label(r); openCypher with type(r).
// @kuzu MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS n ORDER BY type;
MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type;

// @query top10_degree
MATCH (p:Person)-[r]-() RETURN p.id AS id, count(r) AS degree ORDER BY degree DESC, id LIMIT 10;

// @query shortest_path
// Kuzu has no shortestPath(); it writes the shortest path as a recursive pattern
// (its default upper bound is 30).
// @kuzu MATCH p = (a:Person {id: $src})-[:KNOWS* SHORTEST 1..30]-(b:Person {id: $dst}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $src})-[:KNOWS*]-(b:Person {id: $dst})) RETURN length(p) AS hops;

// @query var_length_count
// Kuzu walks by default (a path may repeat a relationship); TRAIL is openCypher's rule.
// @kuzu MATCH (p:Person {id: $person})-[:KNOWS* TRAIL 1..3]->(q:Person) RETURN count(*) AS n;
MATCH (p:Person {id: $person})-[:KNOWS*1..3]->(q:Person) RETURN count(*) AS n;
