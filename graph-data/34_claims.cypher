// Facts: disputed figures (troop strength, aircraft, founding date) kept as separate sourced claims.

MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:CLAIMED_FOUNDING {period: 'twentieth year of its existence (as of January 2022)', sources: ['000_0a7db17c29c7cefc'], quotes: ['In the twentieth year of its existence']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:CLAIMED_FOUNDING {year: 2002, reading: 'Sentence is ambiguous: "founded in 2002" may grammatically attach to "the North Atlantic Pact"; read here as the CSTO.', sources: ['001_df0b0ae9aa495f62'], quotes: ['an alternative to the North Atlantic Pact founded in 2002']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:CLAIMED_FOUNDING {period: 'first half of the 1990s', after: 'disintegration of the Soviet Union', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Collective Security Treaty Organization was established after the disintegration of the Soviet Union in the first half of the 1990s.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:CLAIMED_FOUNDING {year: 1999, sources: ['004_8fee76bbb89f30fb'], quotes: ['the CSTO has not made any joint deployments since its founding in 1999']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:REPORTED_STRENGTH {troops: 2500, approximate: true, scope: 'all CSTO forces', sources: ['001_df0b0ae9aa495f62', '004_8fee76bbb89f30fb'], quotes: ['The alliance spoke of a total of around 2,500 foreign soldiers', 'The force totals about 2,500 personnel, the regional alliance has said']}]->(b);
MATCH (a:Person {name: 'Shukhrat Nureshev'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:REPORTED_STRENGTH {troops: 2500, approximate: true, scope: 'all CSTO forces', sources: ['002_3074dcfb28b80eb6'], quotes: ['Deputy Foreign Minister Nurishev stated that a total of about 2,500 Collective Security Treaty Organization troops are being deployed in Kazakhstan']}]->(b);
MATCH (a:Group {name: 'Russian media'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:REPORTED_STRENGTH {troops: 3000, approximate: false, scope: 'Russian contingent only', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russian media reported that there were 3,000 soldiers in the Russian mission alone']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Deployment {name: 'Russian forces stationed in Tajikistan'})
CREATE (a)-[:REPORTED_STRENGTH {troops: 7000, approximate: true, scope: 'Russian soldiers stationed in the country', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia has approximately 7,000 soldiers stationed in the country.']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Aircraft {name: 'Ilyushin Il-76'})
CREATE (a)-[:TRANSPORTED_BY {count: 9, operator: 'Russia', claimant: 'TASS picture caption (© Russian Defense Ministry / dpa)', sources: ['001_df0b0ae9aa495f62'], quotes: ['one of the nine Russian IL-76 military transport aircraft upon arrival in Kazakhstan']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Aircraft {name: 'Ilyushin-57'})
CREATE (a)-[:TRANSPORTED_BY {count: 70, operator: 'Russia', claimant: 'Russian Ministry of Defense', type_as_written: 'Ilyushin-57', sources: ['002_3074dcfb28b80eb6'], quotes: ['its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Aircraft {name: 'Antonov An-124'})
CREATE (a)-[:TRANSPORTED_BY {count: 5, operator: 'Russia', claimant: 'Russian Ministry of Defense', type_as_written: 'An-124', sources: ['002_3074dcfb28b80eb6'], quotes: ['its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:FIRST_DEPLOYMENT_OF {sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['will be active for the first time due to the military assistance obligation in its contract', 'the Kremlin-led military alliance CSTO intervened at Kazakhstan\'s request for the first time', 'This marks the first time that the Collective Security Treaty Organization has participated in an initiative.', 'This is the first time the organization will deploy peacekeepers', 'the CSTO has not made any joint deployments since its founding in 1999']}]->(b);
