// Which states sent "peacekeepers" to Kazakhstan, and which articles say so?
MATCH (c:Country)-[r:CONTRIBUTED_TROOPS]->(d:Deployment)-[:DEPLOYED_TO]->(:Country {name: 'Kazakhstan'})
RETURN c.name AS state, size(r.sources) AS articles, r.sources AS sources
ORDER BY articles DESC, state;

// And which CSTO members did not? (Kazakhstan asked for the help.)
MATCH (c:Country)-[:MEMBER_OF]->(:Organization {name: 'Collective Security Treaty Organization'})
WHERE NOT (c)-[:CONTRIBUTED_TROOPS]->(:Deployment)-[:DEPLOYED_TO]->(:Country {name: 'Kazakhstan'})
RETURN c.name AS member;
