// The articles disagree; steppe keeps each claim with its source.

// How many troops?
MATCH (s)-[r:REPORTED_STRENGTH]->(:Deployment)-[:DEPLOYED_TO]->(:Country {name: 'Kazakhstan'})
RETURN r.troops AS troops, r.scope AS scope, s.name AS according_to, r.sources AS sources
ORDER BY troops, according_to;

// Which aircraft, and how many?
MATCH (:Deployment)-[r:TRANSPORTED_BY]->(a:Aircraft)
RETURN a.name AS aircraft, r.count AS count, r.claimants AS according_to, r.sources AS sources ORDER BY count;

// When was the CSTO founded?
MATCH (a:Article)-[r:CLAIMED_FOUNDING]->(:Organization {name: 'Collective Security Treaty Organization'})
RETURN a.id AS article, coalesce(toString(r.year), r.period) AS founded ORDER BY article;

// What is Tokayev's office? Each title an article gives him is a claim on an office (a Role).
MATCH (:Person {name: 'Kassym-Jomart Tokayev'})-[r:HOLDS_ROLE]->(office:Role)
UNWIND r.sources AS source
RETURN r.title AS title, office.name AS office, r.rank AS rank, collect(DISTINCT source) AS sources ORDER BY title, rank;

// Every disputed fact, without knowing where it is kept: the claims side by side.
CALL db.conflicts() YIELD fact, values, ranks
RETURN fact, size(values) AS claims, ranks ORDER BY fact;
