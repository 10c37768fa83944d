// Who is quoted, in which article, saying what about the CSTO?
MATCH (speaker:Person)-[:SAID]->(s:Statement)-[:ABOUT]->(:Organization {name: 'Collective Security Treaty Organization'})
RETURN speaker.name AS who, s.sources AS sources, s.text AS said
ORDER BY who, said;

// Which articles mention Lukashenko, and where?
MATCH (a:Article)-[m:MENTIONS]->(:Person {name: 'Alexander Lukashenko'})
RETURN a.id AS article, m.quotes AS where_named ORDER BY article;
