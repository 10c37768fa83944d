// Facts: authorship and publication.

MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Article {id: '000_0a7db17c29c7cefc'})
CREATE (a)-[:AUTHORED {sources: ['000_0a7db17c29c7cefc'], quotes: ['Friedrich Schmidt']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Article {id: '000_0a7db17c29c7cefc'})
CREATE (a)-[:AUTHORED {sources: ['000_0a7db17c29c7cefc'], quotes: ['Reinhard Veser']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Article {id: '001_df0b0ae9aa495f62'})
CREATE (a)-[:AUTHORED {sources: ['001_df0b0ae9aa495f62'], quotes: ['From: Anna-Katharina Ahnefeld']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Article {id: '003_3fd1592d44546a5b'})
CREATE (a)-[:AUTHORED {sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Article {id: '004_8fee76bbb89f30fb'})
CREATE (a)-[:AUTHORED {sources: ['004_8fee76bbb89f30fb'], quotes: ['Shaun Walker']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'The Limited Times'})
CREATE (a)-[:PUBLISHED_BY {role: 'publisher', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Limited Times']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Merkur'})
CREATE (a)-[:PUBLISHED_BY {role: 'original source', sources: ['001_df0b0ae9aa495f62'], quotes: ['Source: merkur']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Deutsche Presse-Agentur'})
CREATE (a)-[:PUBLISHED_BY {role: 'wire source', sources: ['001_df0b0ae9aa495f62'], quotes: ['(aka with dpa and AFP)']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:PUBLISHED_BY {role: 'wire source', sources: ['001_df0b0ae9aa495f62'], quotes: ['(aka with dpa and AFP)']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'The Guardian'})
CREATE (a)-[:PUBLISHED_BY {role: 'publisher', sources: ['004_8fee76bbb89f30fb'], quotes: ['The GuardianTramp']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:PUBLISHED_ON {as_written: '2022-01-07T17:32:14.746Z', sources: ['001_df0b0ae9aa495f62'], quotes: ['2022-01-07T17:32:14.746Z']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:CREDITED_TO {item: 'photo', as_written: 'The picture by the state agency Tass', sources: ['001_df0b0ae9aa495f62'], quotes: ['The picture by the state agency Tass']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Russian Ministry of Defence'})
CREATE (a)-[:CREDITED_TO {item: 'photo copyright', as_written: '© Russian Defense Ministry / dpa', sources: ['001_df0b0ae9aa495f62'], quotes: ['© Russian Defense Ministry / dpa']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Abduaziz Madyarov'})
CREATE (a)-[:CREDITED_TO {item: 'photo', as_written: 'Abduaziz Madyarov/AFP via Getty Images', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Getty Images'})
CREATE (a)-[:CREDITED_TO {item: 'photo', as_written: 'via Getty Images', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
