// Classes as data: what kind of actor each entity is (analyst, official, journalist,
// medium, news agency, head of state, military commander...), as nodes, each membership with
// the words that say so; an office (Role) is of the kind its holders are.

CREATE (:Class {name: 'news agency', aliases: ['news agency', 'press agency', 'state agency', 'wire agency'], alias_sources: ['001_df0b0ae9aa495f62 002_3074dcfb28b80eb6', '001_df0b0ae9aa495f62', '001_df0b0ae9aa495f62', 'none'], alias_attested: [true, true, true, false]});
CREATE (:Class {name: 'medium', aliases: ['medium', 'media', 'outlet'], alias_sources: ['none', '002_3074dcfb28b80eb6', 'none'], alias_attested: [false, true, false]});
CREATE (:Class {name: 'analyst', aliases: ['analyst', 'analysts', 'expert', 'political scientist', 'observers', 'military watchers'], alias_sources: ['none', '002_3074dcfb28b80eb6', '001_df0b0ae9aa495f62', '001_df0b0ae9aa495f62', '001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], alias_attested: [false, true, true, true, true, true]});
CREATE (:Class {name: 'official', aliases: ['official'], alias_sources: ['002_3074dcfb28b80eb6'], alias_attested: [true]});
CREATE (:Class {name: 'journalist', aliases: ['journalist', 'correspondent', 'reporter', 'editor'], alias_sources: ['none', '000_0a7db17c29c7cefc', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], alias_attested: [false, true, true, true]});
CREATE (:Class {name: 'head of state', aliases: ['head of state'], alias_sources: ['001_df0b0ae9aa495f62 003_3fd1592d44546a5b'], alias_attested: [true]});
CREATE (:Class {name: 'head of government', aliases: ['head of government'], alias_sources: ['none'], alias_attested: [false]});
CREATE (:Class {name: 'military commander', aliases: ['military commander', 'commander-in-chief', 'commander'], alias_sources: ['none', '002_3074dcfb28b80eb6', 'none'], alias_attested: [false, true, false]});
CREATE (:Class {name: 'head of an institute', aliases: ['head of an institute', 'director'], alias_sources: ['none', '004_8fee76bbb89f30fb'], alias_attested: [false, true]});

MATCH (a:Organization {name: 'TASS'}), (b:Class {name: 'news agency'})
CREATE (a)-[:INSTANCE_OF {as_written: 'state agency', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The picture by the state agency Tass']}]->(b);
MATCH (a:Organization {name: 'RIA Novosti'}), (b:Class {name: 'news agency'})
CREATE (a)-[:INSTANCE_OF {as_written: 'state news agency', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Russian state news agency RIA Novosti']}]->(b);
MATCH (a:Organization {name: 'Agence France-Presse'}), (b:Class {name: 'news agency'})
CREATE (a)-[:INSTANCE_OF {as_written: 'news agency', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['according to the Agence France-Presse news agency']}]->(b);
MATCH (a:Organization {name: 'dpa'}), (b:Class {name: 'news agency'})
CREATE (a)-[:INSTANCE_OF {as_written: 'press agency', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to the German press agency']}]->(b);
MATCH (a:Organization {name: 'RT'}), (b:Class {name: 'medium'})
CREATE (a)-[:INSTANCE_OF {as_written: 'state-run television station', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the state-run television station RT']}]->(b);
MATCH (a:Organization {name: 'The Limited Times'}), (b:Class {name: 'medium'})
CREATE (a)-[:INSTANCE_OF {as_written: 'publisher of 001', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Limited Times']}]->(b);
MATCH (a:Organization {name: 'merkur'}), (b:Class {name: 'medium'})
CREATE (a)-[:INSTANCE_OF {as_written: 'source of 001', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Source: merkur']}]->(b);
MATCH (a:Organization {name: 'The Guardian'}), (b:Class {name: 'medium'})
CREATE (a)-[:INSTANCE_OF {as_written: 'publisher of 004', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The GuardianTramp']}]->(b);
MATCH (a:Group {name: 'Russian media'}), (b:Class {name: 'medium'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Russian media', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russian media reported']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'defense expert', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The former French soldier and defense expert Pascal Ausseur']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'political scientist', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Russian political scientist Fyodor Lukyanov']}]->(b);
MATCH (a:Person {name: 'Marat Schibutow'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'political scientist', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the political scientist Marat Schibutow']}]->(b);
MATCH (a:Group {name: 'Security analysts'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'security analysts', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['prompted security analysts to question its feasibility']}]->(b);
MATCH (a:Group {name: 'Observers'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'observers', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to observers, Tokayev is now dependent on Putin']}]->(b);
MATCH (a:Group {name: 'Russian military watchers'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'military watchers', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian military watchers have noted that Russian forces are said to be gathering in Moscow']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Class {name: 'analyst'})
CREATE (a)-[:INSTANCE_OF {as_written: 'director of the Institute for International Studies', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO, a leading Moscow university']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'President', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Kazakh President Kassym-Jomart Tokayev']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'President', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['President Vladimir Putin']}]->(b);
MATCH (a:Person {name: 'Shukhrat Nureshev'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Deputy Minister of Foreign Affairs', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Secretary-General', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Stanislav Zas, Secretary-General of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Person {name: 'Nikol Pashinyan'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Prime Minister', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Armenian Prime Minister Nikol Pashinyan']}]->(b);
MATCH (a:Person {name: 'Andrei Serdyukov'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {as_written: 'commander-in-chief', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the 59-year-old commander-in-chief of the Russian airborne forces']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Class {name: 'journalist'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Political correspondent', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Class {name: 'journalist'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Editor in politics', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Editor in politics.']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Class {name: 'journalist'})
CREATE (a)-[:INSTANCE_OF {as_written: 'reporter', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter']}]->(b);
MATCH (a:Person {name: 'Margarita Simonyan'}), (b:Class {name: 'journalist'})
CREATE (a)-[:INSTANCE_OF {as_written: 'editor-in-chief', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the editor-in-chief of the state-run television station RT, Margarita Simonyan']}]->(b);

// What kind of office each office is: its holders are of that kind. A link no article
// states (the articles call a man both president and head of state, but never say that the
// office is the head of state's) is inferred, with its rule.
MATCH (a:Role {name: 'President of Kazakhstan'}), (b:Class {name: 'head of state'})
CREATE (a)-[:INSTANCE_OF {as_written: 'head of state', claimants: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], rank: 'normal', inferred: true, rule: '001 and 003 call Tokayev both the president and the head of state.', sources: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], quotes: ['The Kazakh head of state Kassym-Shomart Tokayev', '“As head of state … I intend to act as robustly as possible,” Tokayev said.']}]->(b);
MATCH (a:Role {name: 'President of Russia'}), (b:Class {name: 'head of state'})
CREATE (a)-[:INSTANCE_OF {as_written: 'Russian head of state', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', inferred: true, rule: '001 calls Putin the Russian head of state, 000 calls him President.', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants']}]->(b);
MATCH (a:Role {name: 'Prime Minister of Kazakhstan'}), (b:Class {name: 'head of government'})
CREATE (a)-[:INSTANCE_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', inferred: true, rule: 'A prime minister heads a government; no article says so.', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency']}]->(b);
MATCH (a:Role {name: 'Prime Minister of Armenia'}), (b:Class {name: 'head of government'})
CREATE (a)-[:INSTANCE_OF {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', inferred: true, rule: 'A prime minister heads a government; no article says so.', sources: ['003_3fd1592d44546a5b'], quotes: ['Armenian Prime Minister Nikol Pashinyan']}]->(b);
MATCH (a:Role {name: 'chairman of the CSTO Security council'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', inferred: true, rule: 'The chairman of an alliance\'s council is an official; no article says so.', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council']}]->(b);
MATCH (a:Role {name: 'Secretary-General of the Collective Security Treaty Organization'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', inferred: true, rule: 'The secretary-general of an alliance is an official; no article says so.', sources: ['002_3074dcfb28b80eb6'], quotes: ['Stanislav Zas, Secretary-General of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Role {name: 'Deputy Minister of Foreign Affairs of Kazakhstan'}), (b:Class {name: 'official'})
CREATE (a)-[:INSTANCE_OF {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', inferred: true, rule: 'A deputy minister is an official; no article says so.', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev']}]->(b);
MATCH (a:Role {name: 'commander-in-chief of the Russian airborne forces'}), (b:Class {name: 'military commander'})
CREATE (a)-[:INSTANCE_OF {as_written: 'commander-in-chief', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the 59-year-old commander-in-chief of the Russian airborne forces']}]->(b);
MATCH (a:Role {name: 'head of FMES'}), (b:Class {name: 'head of an institute'})
CREATE (a)-[:INSTANCE_OF {as_written: 'heads the political institute', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['who now heads the political institute FMES']}]->(b);
MATCH (a:Role {name: 'director of the Institute for International Studies'}), (b:Class {name: 'head of an institute'})
CREATE (a)-[:INSTANCE_OF {as_written: 'director', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO']}]->(b);
MATCH (a:Role {name: 'editor-in-chief of the state-run television station RT'}), (b:Class {name: 'journalist'})
CREATE (a)-[:INSTANCE_OF {as_written: 'editor-in-chief', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', inferred: true, rule: 'The editor-in-chief of a television station is a journalist; 004 does not use the word.', sources: ['004_8fee76bbb89f30fb'], quotes: ['the editor-in-chief of the state-run television station RT, Margarita Simonyan']}]->(b);

// Short direct quotations, each a statement of its speaker with its source.
CREATE (:Statement {name: 'Tokayev: "special thanks" to Putin (004)', aliases: ['Tokayev: "special thanks" to Putin (004)'], alias_sources: ['none'], alias_attested: [false], text: 'special thanks', direct: true, sources: ['004_8fee76bbb89f30fb'], quotes: ['Tokayev gave “special thanks” to Vladimir Putin for sending the troops']});
CREATE (:Statement {name: 'Tokayev: "terrorists" (000)', aliases: ['Tokayev: "terrorists" (000)'], alias_sources: ['none'], alias_attested: [false], text: 'terrorists', direct: true, sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists"']});
CREATE (:Statement {name: 'Tokayev: "armed bandits" (001)', aliases: ['Tokayev: "armed bandits" (001)'], alias_sources: ['none'], alias_attested: [false], text: 'armed bandits', direct: true, sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits"']});
CREATE (:Statement {name: 'Suchkov: "propaganda" (004)', aliases: ['Suchkov: "propaganda" (004)'], alias_sources: ['none'], alias_attested: [false], text: 'propaganda', direct: true, sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']});
CREATE (:Statement {name: 'CSTO: "peacekeepers" on their way (000)', aliases: ['CSTO: "peacekeepers" on their way (000)'], alias_sources: ['none'], alias_attested: [false], text: 'peacekeepers', direct: true, sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan']});
CREATE (:Statement {name: 'CSTO and Russian politicians: "restoration of order" is for Kazakh forces (000)', aliases: ['CSTO and Russian politicians: "restoration of order" is for Kazakh forces (000)'], alias_sources: ['none'], alias_attested: [false], text: 'restoration of order', direct: true, sources: ['000_0a7db17c29c7cefc'], quotes: ['while the "restoration of order" is the responsibility of the Kazakh forces']});
CREATE (:Statement {name: 'Putin\'s spokesman: "internal problems" (000)', aliases: ['Putin\'s spokesman: "internal problems" (000)'], alias_sources: ['none'], alias_attested: [false], text: 'internal problems', direct: true, sources: ['000_0a7db17c29c7cefc'], quotes: ['the Kazakh friends could solve their “internal problems” themselves']});
CREATE (:Statement {name: 'Lukyanov: "precedent" (001)', aliases: ['Lukyanov: "precedent" (001)'], alias_sources: ['none'], alias_attested: [false], text: 'precedent', direct: true, sources: ['001_df0b0ae9aa495f62'], quotes: ['a "precedent" had been set for an invasion']});
CREATE (:Statement {name: 'Ausseur: "mini-NATO" (001)', aliases: ['Ausseur: "mini-NATO" (001)'], alias_sources: ['none'], alias_attested: [false], text: 'mini-NATO', direct: true, sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']});
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: "special thanks" to Putin (004)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Tokayev gave “special thanks” to Vladimir Putin for sending the troops']}]->(b);
MATCH (a:Statement {name: 'Tokayev: "special thanks" to Putin (004)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Tokayev gave “special thanks” to Vladimir Putin for sending the troops']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: "terrorists" (000)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists"']}]->(b);
MATCH (a:Statement {name: 'Tokayev: "terrorists" (000)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists"']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: "armed bandits" (001)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits"']}]->(b);
MATCH (a:Statement {name: 'Tokayev: "armed bandits" (001)'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits"']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Statement {name: 'Suchkov: "propaganda" (004)'})
CREATE (a)-[:SAID {claimants: ['Maxim Suchkov'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Statement {name: 'Suchkov: "propaganda" (004)'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Statement {name: 'CSTO: "peacekeepers" on their way (000)'})
CREATE (a)-[:SAID {claimants: ['Collective Security Treaty Organization'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'CSTO: "peacekeepers" on their way (000)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Statement {name: 'CSTO and Russian politicians: "restoration of order" is for Kazakh forces (000)'})
CREATE (a)-[:SAID {claimants: ['Collective Security Treaty Organization'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['while the "restoration of order" is the responsibility of the Kazakh forces']}]->(b);
MATCH (a:Statement {name: 'CSTO and Russian politicians: "restoration of order" is for Kazakh forces (000)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['while the "restoration of order" is the responsibility of the Kazakh forces']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin\'s spokesman'}), (b:Statement {name: 'Putin\'s spokesman: "internal problems" (000)'})
CREATE (a)-[:SAID {claimants: ['Vladimir Putin\'s spokesman'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Kazakh friends could solve their “internal problems” themselves']}]->(b);
MATCH (a:Statement {name: 'Putin\'s spokesman: "internal problems" (000)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Kazakh friends could solve their “internal problems” themselves']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: "precedent" (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a "precedent" had been set for an invasion']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: "precedent" (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a "precedent" had been set for an invasion']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Statement {name: 'Ausseur: "mini-NATO" (001)'})
CREATE (a)-[:SAID {claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: "mini-NATO" (001)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
CREATE (:Statement {name: 'Government of Kazakhstan: "constitutional order" restored (002)', aliases: ['Government of Kazakhstan: "constitutional order" restored (002)'], alias_sources: ['none'], alias_attested: [false], text: 'constitutional order', direct: true, sources: ['002_3074dcfb28b80eb6'], quotes: ['the country has restored “constitutional order”']});
MATCH (a:Organization {name: 'government of Kazakhstan'}), (b:Statement {name: 'Government of Kazakhstan: "constitutional order" restored (002)'})
CREATE (a)-[:SAID {claimants: ['government of Kazakhstan'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”']}]->(b);
MATCH (a:Statement {name: 'Government of Kazakhstan: "constitutional order" restored (002)'}), (b:Event {name: 'Announcement that constitutional order was restored'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”']}]->(b);

// "eerie echoes": 004 puts the words in quotation marks and gives them to "some", naming no one.
CREATE (:Statement {name: 'Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)', aliases: ['Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)'], alias_sources: ['none'], alias_attested: [false], text: 'eerie echoes', direct: true, sources: ['004_8fee76bbb89f30fb'], quotes: ['some heard “eerie echoes” of the so-called Prague spring of 1968, and the Soviet crushing of the Hungarian revolution in 1956.']});
MATCH (a:Group {name: 'Unnamed commentators (004)'}), (b:Statement {name: 'Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)'})
CREATE (a)-[:SAID {attribution: 'unnamed: the article says only "some"', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['some heard “eerie echoes” of the so-called Prague spring of 1968']}]->(b);
MATCH (a:Statement {name: 'Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['With the deployment of troops from the Russian-led Collective Security Treaty Organisation (CSTO) to Kazakhstan on Thursday, some heard “eerie echoes”']}]->(b);
MATCH (a:Statement {name: 'Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)'}), (b:Event {name: 'Prague Spring'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['“eerie echoes” of the so-called Prague spring of 1968']}]->(b);
MATCH (a:Statement {name: 'Unnamed commentators: "eerie echoes" of 1968 and 1956 (004)'}), (b:Event {name: 'Hungarian Revolution of 1956'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Soviet crushing of the Hungarian revolution in 1956']}]->(b);
