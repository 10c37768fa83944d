// Who leads the mission, which units it draws on, where it is posted, what it guards.
MATCH (p:Person)-[l:LEADS]->(d:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
OPTIONAL MATCH (p)-[:HOLDS_ROLE]->(office:Role)
RETURN p.name AS commander, p.age AS age, office.name AS also, l.sources AS sources;

MATCH (u:MilitaryUnit)-[:PART_OF]->(d:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
RETURN u.name AS unit ORDER BY unit;

MATCH (d:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})-[r:POSTED_AT|GUARDS]->(p:Place)
RETURN type(r) AS what, p.name AS place, r.sources AS sources ORDER BY what, place, sources;
