// Issue 15, branch joins: shapes outside the workloads, timed with
// `cargo run --release --example query_loop -- SNAPSHOT benches/joins.cypher --param person=… --param src=… --param dst=… --param year=…`.

// Two parts meeting at a friend, each filtered at its own end.
// @query parts_common_friend
MATCH (a:Person {id: $src})-[:KNOWS]->(f), (b:Person {id: $dst})-[:KNOWS]->(f) RETURN count(*) AS n;

// The same as two MATCH clauses.
// @query clauses_common_friend
MATCH (a:Person {id: $src})-[:KNOWS]->(f) MATCH (b:Person {id: $dst})-[:KNOWS]->(f) RETURN count(*) AS n;

// A chain cut by MATCH: two hops from one end, one from the other, meeting at x.
// @query clauses_chain_meet
MATCH (a:Person {id: $src})-[:KNOWS]->(m)-[:KNOWS]->(x) MATCH (x)<-[:KNOWS]-(b:Person {id: $dst}) RETURN count(*) AS n;

// Friends' organisations shared with another person's memberships.
// @query clauses_org_meet
MATCH (a:Person {id: $src})-[:KNOWS]->(f:Person)-[:MEMBER_OF]->(o) MATCH (o)<-[:MEMBER_OF]-(b:Person {id: $dst}) RETURN count(*) AS n;

// A filter on one side only, pushed into it.
// @query parts_filtered_side
MATCH (a:Person {id: $src})-[:KNOWS]->(f)-[:KNOWS]->(g), (b:Person)-[:KNOWS]->(g) WHERE b.year = $year AND b.weight < 0.01 RETURN count(*) AS n;

// Friend-of-friend estimates (2 and 3 hops, outgoing and both ways).
// @query fof_two_hops
MATCH (p:Person {id: $person})-[:KNOWS]->(f)-[:KNOWS]->(g) RETURN count(*) AS n;

// @query fof_three_hops
MATCH (p:Person {id: $person})-[:KNOWS]->(f)-[:KNOWS]->(g)-[:KNOWS]->(h) RETURN count(*) AS n;

// @query fof_both_ways
MATCH (p:Person {id: $person})-[:KNOWS]-(f)-[:KNOWS]-(g) RETURN count(DISTINCT g) AS n;

// Far-end labels the typed schema guarantees.
// @query typed_far_label_group
MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) RETURN o.id AS o, count(*) AS n ORDER BY n DESC, o LIMIT 5;

// @query typed_far_label_chain
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)-[:KNOWS]->(g:Person) RETURN count(*) AS n;

// Variable length, counted.
// @query var_count_1_3
MATCH (p:Person {id: $person})-[:KNOWS*1..3]->(q) RETURN count(*) AS n;

// @query var_count_labelled
MATCH (p:Person {id: $person})-[:KNOWS*1..3]->(q:Person) RETURN count(*) AS n;

// @query var_distinct_1_3
MATCH (p:Person {id: $person})-[:KNOWS*1..3]->(q) RETURN count(DISTINCT q) AS n;

// @query var_count_both_1_2
MATCH (p:Person {id: $person})-[:KNOWS*1..2]-(q) RETURN count(*) AS n;
