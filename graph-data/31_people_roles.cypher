// Facts: people and the offices they hold (Role nodes, 26_roles.cypher), one relationship per
// distinct claim; title is the one of the office's titles the claim uses ("Head of state"
// for the President of Kazakhstan in 001 and 003).

MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Role {name: 'President of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'President', status: 'current', claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'preferred', reason: 'The title all five articles give.', fact: 'Tokayev\'s title', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['the Kazakh President Kassym-Shomart Tokayev', 'The president described the demonstrators as "armed bandits" and "terrorists".', 'Kazakhstan President Kassim-Jomat Tokayev', 'Kazakh President Kassym-Jomart Tokayev', 'Kazakhstan’s president, Kassym-Jomart Tokayev']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Role {name: 'President of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'President', status: 'current', since: 2019, claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', fact: 'Tokayev\'s title', sources: ['002_3074dcfb28b80eb6'], quotes: ['Tokayev, who became president in 2019']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Role {name: 'President of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'Head of state', status: 'current', claimants: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], rank: 'normal', fact: 'Tokayev\'s title', sources: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], quotes: ['The Kazakh head of state Kassym-Shomart Tokayev', '“As head of state … I intend to act as robustly as possible,” Tokayev said.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Role {name: 'Prime Minister of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'Prime Minister', claimants: ['001_df0b0ae9aa495f62'], rank: 'deprecated', reason: 'An error of 001: the same article calls him "the president" and "head of state", and the other four call him President.', fact: 'Tokayev\'s title', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Role {name: 'President of Russia'})
CREATE (a)-[:HOLDS_ROLE {title: 'President', status: 'current', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['President Vladimir Putin\'s spokesman']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Role {name: 'President of Russia'})
CREATE (a)-[:HOLDS_ROLE {title: 'Head of state', status: 'current', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Organization {name: 'Kremlin'})
CREATE (a)-[:LEADS {role: 'Kremlin boss', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin\'s spokesman'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:SPOKESPERSON_FOR {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['President Vladimir Putin\'s spokesman']}]->(b);
MATCH (a:Person {name: 'Nikol Pashinyan'}), (b:Role {name: 'Prime Minister of Armenia'})
CREATE (a)-[:HOLDS_ROLE {title: 'Prime Minister', status: 'current', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Armenian Prime Minister Nikol Pashinyan']}]->(b);
MATCH (a:Person {name: 'Nikol Pashinyan'}), (b:Role {name: 'chairman of the CSTO Security council'})
CREATE (a)-[:HOLDS_ROLE {title: 'Chairman', status: 'current', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council, Armenian Prime Minister Nikol Pashinyan']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Role {name: 'Secretary-General of the Collective Security Treaty Organization'})
CREATE (a)-[:HOLDS_ROLE {title: 'Secretary-General', status: 'current', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Stanislav Zas, Secretary-General of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Person {name: 'Shukhrat Nureshev'}), (b:Role {name: 'Deputy Minister of Foreign Affairs of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'Deputy Minister of Foreign Affairs', status: 'current', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev']}]->(b);
MATCH (a:Person {name: 'Alexander Lukashenko'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:LEADS {role: 'leader (no title given)', claimants: ['001_df0b0ae9aa495f62', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '004_8fee76bbb89f30fb'], quotes: ['“dictator” Lukashenko in Belarus', 'Belarus’s Alexander Lukashenko']}]->(b);
MATCH (a:Person {name: 'Nursultan Nazarbayev'}), (b:Role {name: 'President of Kazakhstan'})
CREATE (a)-[:HOLDS_ROLE {title: 'President', status: 'former', claimants: ['003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['former President Nursultan Nazarbayev', 'the former president Nursultan Nazarbayev']}]->(b);
MATCH (a:Person {name: 'Andrei Serdyukov'}), (b:Role {name: 'commander-in-chief of the Russian airborne forces'})
CREATE (a)-[:HOLDS_ROLE {title: 'Commander-in-chief', status: 'current', age_reported: 59, claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Andrei Serdyukov, the 59-year-old commander-in-chief of the Russian airborne forces']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Role {name: 'head of FMES'})
CREATE (a)-[:HOLDS_ROLE {title: 'Head', status: 'current', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['who now heads the political institute FMES']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Country {name: 'France'})
CREATE (a)-[:NATIONALITY {as_written: 'former French soldier', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The former French soldier and defense expert Pascal Ausseur']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Country {name: 'Russia'})
CREATE (a)-[:NATIONALITY {as_written: 'Russian political scientist', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Russian political scientist Fyodor Lukyanov']}]->(b);
MATCH (a:Person {name: 'Marat Schibutow'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:BASED_IN {as_written: 'lives in Almaty', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the political scientist Marat Schibutow, who lives in Almaty']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Role {name: 'director of the Institute for International Studies'})
CREATE (a)-[:HOLDS_ROLE {title: 'Director', status: 'current', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO']}]->(b);
MATCH (a:Person {name: 'Margarita Simonyan'}), (b:Role {name: 'editor-in-chief of the state-run television station RT'})
CREATE (a)-[:HOLDS_ROLE {title: 'Editor-in-chief', status: 'current', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the editor-in-chief of the state-run television station RT, Margarita Simonyan']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Country {name: 'Russia'})
CREATE (a)-[:REPORTS_ON {role: 'Political correspondent', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Organization {name: 'CIS'})
CREATE (a)-[:REPORTS_ON {role: 'Political correspondent', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:BASED_IN {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Country {name: 'Australia'})
CREATE (a)-[:BASED_IN {as_written: 'Australian based', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Place {name: 'Asia-pacific region'})
CREATE (a)-[:REPORTS_ON {role: 'reporter', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Place {name: 'Middle East'})
CREATE (a)-[:REPORTS_ON {role: 'reporter', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Place {name: 'Central Asia'})
CREATE (a)-[:REPORTS_ON {role: 'reporter', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia']}]->(b);
MATCH (a:Person {name: 'Abduaziz Madyarov'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:AFFILIATED_WITH {as_written: 'Abduaziz Madyarov/AFP via Getty Images', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
