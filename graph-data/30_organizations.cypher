// Facts: alliances, membership, affiliations.

MATCH (a:Country {name: 'Russia'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Country {name: 'Kazakhstan'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.', 'Now it has been called upon to quell internal unrest in one of its member states.']}]->(b);
MATCH (a:Country {name: 'Kyrgyzstan'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Country {name: 'Belarus'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Country {name: 'Armenia'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Country {name: 'Tajikistan'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MEMBER_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.', 'In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Organization {name: 'CSTO Security council'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:PART_OF {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:LEADS {as_written: 'Russian-led', claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', fact: 'how Russia relates to the CSTO', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['the Russian-led military alliance officially announced', 'a Russian-led military alliance interferes', 'the Russian-led security alliance', 'the Russian-led Collective Security Treaty Organisation (CSTO)']}]->(b);
MATCH (a:Organization {name: 'Kremlin'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:LEADS {as_written: 'Kremlin-led', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', fact: 'how Russia relates to the CSTO', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Kremlin-led military alliance CSTO intervened']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:BACKS {as_written: 'Russian-backed', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', fact: 'how Russia relates to the CSTO', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian-Backed Security Bloc Sends Troops to Kazakhstan']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:DOMINATES {as_written: 'Russian-dominated', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', fact: 'how Russia relates to the CSTO', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Russian-dominated Collective Security Treaty Organization']}]->(b);
MATCH (a:Country {name: 'Soviet Union'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:LEADS {as_written: 'Soviet-led', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Soviet-led Warsaw Pact']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Organization {name: 'NATO'})
CREATE (a)-[:COMPARED_TO {comparison: 'mini-NATO, an alternative to NATO', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['is regarded as a kind of "mini-NATO", an alternative to the North Atlantic Pact']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:COMPARED_TO {comparison: 'a relic of the Warsaw Pact', as_written: 'a relic of the Warsaw Pact', claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['described the alliance as "a relic of the Warsaw Pact" from the Cold War']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:COMPARED_TO {comparison: 'similarity: the decision to intervene was almost certainly taken in Moscow', as_written: 'One definite similarity with the Warsaw Pact', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['One definite similarity with the Warsaw Pact is that although the CSTO is an alliance, the decision to intervene was almost certainly taken in Moscow.']}]->(b);
MATCH (a:Organization {name: 'Institute for International Studies'}), (b:Organization {name: 'MGIMO'})
CREATE (a)-[:PART_OF {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Institute for International Studies at MGIMO']}]->(b);
MATCH (a:Organization {name: 'MGIMO'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:BASED_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['MGIMO, a leading Moscow university']}]->(b);
MATCH (a:Organization {name: 'Almaty police service'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:BASED_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service']}]->(b);
MATCH (a:Organization {name: 'RIA Novosti'}), (b:Country {name: 'Russia'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Russian state news agency', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Russian state news agency RIA Novosti']}]->(b);
MATCH (a:Organization {name: 'Russian Foreign Ministry'}), (b:Country {name: 'Russia'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Russian Foreign Ministry', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian Foreign Ministry']}]->(b);
MATCH (a:Organization {name: 'Russian Ministry of Defense'}), (b:Country {name: 'Russia'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Russian Defense Ministry / Russian Ministry of Defense / Russian defence ministry', claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['Russian Defense Ministry', 'The Russian Ministry of Defense', 'Russian defence ministry']}]->(b);
MATCH (a:Organization {name: 'government of Kazakhstan'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Moscow-affiliated', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Moscow-affiliated government in Kazakhstan']}]->(b);
MATCH (a:Organization {name: 'government of Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:GOVERNS {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['the Moscow-affiliated government in Kazakhstan', 'The government of Kazakhstan said on Friday']}]->(b);
MATCH (a:Organization {name: 'Kazakh security forces'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Kazakh security forces', claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62'], quotes: ['Kazakh security forces went over to the protesters', 'support the Kazakh security forces']}]->(b);
MATCH (a:Organization {name: 'Ukrainian armed forces'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Ukrainian armed forces', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Ukrainian armed forces']}]->(b);
MATCH (a:Organization {name: 'US military'}), (b:Country {name: 'US'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'US military', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the US military from settling here']}]->(b);
MATCH (a:MilitaryUnit {name: 'Russian airborne forces'}), (b:Country {name: 'Russia'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Russian airborne forces', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Russian airborne forces']}]->(b);
MATCH (a:Country {name: 'Kazakhstan'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ALLY_OF {claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['the country is considered to be one of Russia\'s most important allies in the region', 'Kazakhstan is a close and loyal ally of Moscow']}]->(b);
MATCH (a:Country {name: 'Belarus'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ALLY_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Along with Belarus, the country is considered to be one of Russia\'s most important allies in the region']}]->(b);
MATCH (a:Country {name: 'Afghanistan'}), (b:Country {name: 'Tajikistan'})
CREATE (a)-[:BORDERS {as_written: 'a long border', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Afghanistan, which has a long border with Tajikistan']}]->(b);
