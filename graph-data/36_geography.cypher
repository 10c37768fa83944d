// Facts: geography and capitals.

MATCH (a:Country {name: 'Russia'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Country {name: 'Kazakhstan'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Country {name: 'Kyrgyzstan'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Country {name: 'Belarus'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Country {name: 'Armenia'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Country {name: 'Tajikistan'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:FORMERLY_PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics']}]->(b);
MATCH (a:Place {name: 'Nur Sultan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:CAPITAL_OF {kind: 'capital', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', fact: 'capitals of Kazakhstan', sources: ['003_3fd1592d44546a5b'], quotes: ['he will remain in the Kazakh capital, Nur Sultan']}]->(b);
MATCH (a:Place {name: 'Almaty'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:CAPITAL_OF {kind: 'former capital', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', fact: 'capitals of Kazakhstan', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service in Kazakhstan’s former capital']}]->(b);
MATCH (a:Place {name: 'Almaty'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:CAPITAL_OF {kind: 'commercial capital', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', fact: 'capitals of Kazakhstan', sources: ['002_3074dcfb28b80eb6'], quotes: ['violence broke out in Almaty, the country’s commercial capital']}]->(b);
MATCH (a:Place {name: 'Almaty'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:LOCATED_IN {claimants: ['002_3074dcfb28b80eb6', '003_3fd1592d44546a5b'], rank: 'normal', sources: ['002_3074dcfb28b80eb6', '003_3fd1592d44546a5b'], quotes: ['violence broke out in Almaty, the country’s commercial capital', 'The Almaty police service in Kazakhstan’s former capital']}]->(b);
MATCH (a:Place {name: 'Almaty airport'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:LOCATED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Almaty airport']}]->(b);
MATCH (a:Place {name: 'Nur Sultan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:LOCATED_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the Kazakh capital, Nur Sultan']}]->(b);
MATCH (a:Place {name: 'Baikonur'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:LOCATED_IN {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian spaceport Baikonur is also located in Kazakhstan.']}]->(b);
MATCH (a:Place {name: 'Baikonur'}), (b:Country {name: 'Russia'})
CREATE (a)-[:OPERATED_BY {as_written: 'Russian spaceport', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian spaceport Baikonur']}]->(b);
MATCH (a:Place {name: 'northern region'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:LOCATED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['its northern region has a large ethnic Russian population']}]->(b);
MATCH (a:Place {name: 'key infrastructure sites'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:LOCATED_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['it was used to guard key infrastructure sites']}]->(b);
MATCH (a:Place {name: 'public buildings'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:LOCATED_IN {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['rioters had stormed numerous public buildings, especially in Almaty']}]->(b);
MATCH (a:Group {name: 'Ethnic Russians'}), (b:Place {name: 'northern region'})
CREATE (a)-[:BASED_IN {as_written: 'large ethnic Russian population', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['its northern region has a large ethnic Russian population']}]->(b);
MATCH (a:Group {name: 'Ethnic Russians'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:BASED_IN {as_written: 'ethnic Russian minority', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Group {name: 'Ethnic Russians'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:BASED_IN {as_written: 'ethnic Russians in Ukraine', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the oppression of ethnic Russians in Ukraine']}]->(b);
MATCH (a:Group {name: 'Kazakhs'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:BASED_IN {as_written: 'Kazakh majority', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Group {name: 'Nationalist politicians in Moscow'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:BASED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Nationalist politicians in Moscow']}]->(b);
