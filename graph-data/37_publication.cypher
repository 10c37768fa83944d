// Facts: authorship and publication.

MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Article {id: '000_0a7db17c29c7cefc'})
CREATE (a)-[:AUTHORED {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Friedrich Schmidt']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Article {id: '000_0a7db17c29c7cefc'})
CREATE (a)-[:AUTHORED {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Reinhard Veser']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Article {id: '001_df0b0ae9aa495f62'})
CREATE (a)-[:AUTHORED {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['From: Anna-Katharina Ahnefeld']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Article {id: '003_3fd1592d44546a5b'})
CREATE (a)-[:AUTHORED {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Article {id: '004_8fee76bbb89f30fb'})
CREATE (a)-[:AUTHORED {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Shaun Walker']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'The Limited Times'})
CREATE (a)-[:PUBLISHED_BY {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Limited Times']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'merkur'})
CREATE (a)-[:CITES {role: 'original source', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Source: merkur']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:CITES {role: 'wire source', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['(aka with dpa and AFP)']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'wire source', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['(aka with dpa and AFP)']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'The Guardian'})
CREATE (a)-[:PUBLISHED_BY {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The GuardianTramp']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:PUBLISHED_ON {as_written: '2022-01-07T17:32:14.746Z', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['2022-01-07T17:32:14.746Z']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:CITES {role: 'photo', as_written: 'The picture by the state agency Tass', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The picture by the state agency Tass']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Russian Ministry of Defense'})
CREATE (a)-[:CITES {role: 'photo copyright', as_written: '© Russian Defense Ministry / dpa', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['© Russian Defense Ministry / dpa']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:CITES {role: 'photo copyright', as_written: '© Russian Defense Ministry / dpa', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['© Russian Defense Ministry / dpa']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Abduaziz Madyarov'})
CREATE (a)-[:CITES {role: 'photo', as_written: 'Abduaziz Madyarov/AFP via Getty Images', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Getty Images'})
CREATE (a)-[:CITES {role: 'photo', as_written: 'via Getty Images', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'photo agency', as_written: 'AFP', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
