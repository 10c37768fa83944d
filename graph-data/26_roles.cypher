// Offices (roles) as nodes: one per title and institution, as Wikidata's "position held"
// (P39) points to an item such as "President of Kazakhstan". The name is the articles' own
// where they name the office whole; the aliases are every spelling of it they use, with
// where. People hold an office through HOLDS_ROLE claims (31_people_roles.cypher); what kind
// of office it is (head of state, official...) is an INSTANCE_OF a Class (38_classes.cypher).
// "President" and "head of state" are one office with two titles: 001 calls Tokayev both
// "the Kazakh head of state" and "the president", 003 both "Kazakh President" and (in his
// words) "head of state", and no article names the two as separate posts.

CREATE (:Role {name: 'President of Kazakhstan', title: 'President', aliases: ['President of Kazakhstan', 'Kazakh President', 'Kazakhstan President', 'Kazakhstan’s president', 'President', 'president', 'Kazakh head of state', 'head of state'], alias_sources: ['002_3074dcfb28b80eb6', '000_0a7db17c29c7cefc 003_3fd1592d44546a5b', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb', '000_0a7db17c29c7cefc 002_3074dcfb28b80eb6 003_3fd1592d44546a5b', '001_df0b0ae9aa495f62 002_3074dcfb28b80eb6 003_3fd1592d44546a5b 004_8fee76bbb89f30fb', '001_df0b0ae9aa495f62', '001_df0b0ae9aa495f62 003_3fd1592d44546a5b'], alias_attested: [true, true, true, true, true, true, true, true]});
CREATE (:Role {name: 'Prime Minister of Kazakhstan', title: 'Prime Minister', aliases: ['Prime Minister of Kazakhstan', 'Prime Minister'], alias_sources: ['none', '001_df0b0ae9aa495f62'], alias_attested: [false, true]});
CREATE (:Role {name: 'President of Russia', title: 'President', aliases: ['President of Russia', 'President', 'Russian head of state', 'head of state', 'Russian president'], alias_sources: ['none', '000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '001_df0b0ae9aa495f62', 'none'], alias_attested: [false, true, true, true, false]});
CREATE (:Role {name: 'Prime Minister of Armenia', title: 'Prime Minister', aliases: ['Prime Minister of Armenia', 'Armenian Prime Minister', 'Prime Minister'], alias_sources: ['none', '003_3fd1592d44546a5b', '003_3fd1592d44546a5b'], alias_attested: [false, true, true]});
CREATE (:Role {name: 'chairman of the CSTO Security council', title: 'Chairman', aliases: ['chairman of the CSTO Security council', 'chairman', 'Chairman of the CSTO Security Council'], alias_sources: ['003_3fd1592d44546a5b', '003_3fd1592d44546a5b', 'none'], alias_attested: [true, true, false]});
CREATE (:Role {name: 'Secretary-General of the Collective Security Treaty Organization', title: 'Secretary-General', aliases: ['Secretary-General of the Collective Security Treaty Organization', 'Secretary-General', 'Secretary-General of the CSTO', 'Secretary General'], alias_sources: ['002_3074dcfb28b80eb6', '002_3074dcfb28b80eb6', 'none', 'none'], alias_attested: [true, true, false, false]});
CREATE (:Role {name: 'Deputy Minister of Foreign Affairs of Kazakhstan', title: 'Deputy Minister of Foreign Affairs', aliases: ['Deputy Minister of Foreign Affairs of Kazakhstan', 'Deputy Minister of Foreign Affairs', 'Kazakh Deputy Foreign Minister'], alias_sources: ['002_3074dcfb28b80eb6', '002_3074dcfb28b80eb6', 'none'], alias_attested: [true, true, false]});
CREATE (:Role {name: 'commander-in-chief of the Russian airborne forces', title: 'Commander-in-chief', aliases: ['commander-in-chief of the Russian airborne forces', 'commander-in-chief', 'Commander-in-chief'], alias_sources: ['002_3074dcfb28b80eb6', '002_3074dcfb28b80eb6', 'none'], alias_attested: [true, true, false]});
CREATE (:Role {name: 'head of FMES', title: 'Head', aliases: ['head of FMES', 'head of the political institute FMES'], alias_sources: ['none', 'none'], alias_attested: [false, false]});
CREATE (:Role {name: 'director of the Institute for International Studies', title: 'Director', aliases: ['director of the Institute for International Studies', 'director'], alias_sources: ['004_8fee76bbb89f30fb', '004_8fee76bbb89f30fb'], alias_attested: [true, true]});
CREATE (:Role {name: 'editor-in-chief of the state-run television station RT', title: 'Editor-in-chief', aliases: ['editor-in-chief of the state-run television station RT', 'editor-in-chief', 'editor-in-chief of RT'], alias_sources: ['004_8fee76bbb89f30fb', '004_8fee76bbb89f30fb', 'none'], alias_attested: [true, true, false]});

// Whose office each is.
MATCH (a:Role {name: 'President of Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ROLE_IN {claimants: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['the Kazakh President Kassym-Shomart Tokayev', 'the President of Kazakhstan has turned to the Russian-led security alliance', 'Kazakh President Kassym-Jomart Tokayev', 'Kazakhstan’s president, Kassym-Jomart Tokayev']}]->(b);
MATCH (a:Role {name: 'Prime Minister of Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ROLE_IN {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', inferred: true, rule: '001 calls Kazakhstan\'s head of state "Prime Minister Tokayev" (a deprecated claim); the title is read as an office of his country.', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency']}]->(b);
MATCH (a:Role {name: 'President of Russia'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ROLE_IN {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants']}]->(b);
MATCH (a:Role {name: 'Prime Minister of Armenia'}), (b:Country {name: 'Armenia'})
CREATE (a)-[:ROLE_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Armenian Prime Minister Nikol Pashinyan']}]->(b);
MATCH (a:Role {name: 'chairman of the CSTO Security council'}), (b:Organization {name: 'CSTO Security council'})
CREATE (a)-[:ROLE_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council']}]->(b);
MATCH (a:Role {name: 'Secretary-General of the Collective Security Treaty Organization'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ROLE_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Stanislav Zas, Secretary-General of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Role {name: 'Deputy Minister of Foreign Affairs of Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ROLE_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev']}]->(b);
MATCH (a:Role {name: 'commander-in-chief of the Russian airborne forces'}), (b:MilitaryUnit {name: 'Russian airborne forces'})
CREATE (a)-[:ROLE_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the 59-year-old commander-in-chief of the Russian airborne forces']}]->(b);
MATCH (a:Role {name: 'head of FMES'}), (b:Organization {name: 'FMES'})
CREATE (a)-[:ROLE_IN {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['who now heads the political institute FMES']}]->(b);
MATCH (a:Role {name: 'director of the Institute for International Studies'}), (b:Organization {name: 'Institute for International Studies'})
CREATE (a)-[:ROLE_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO']}]->(b);
MATCH (a:Role {name: 'editor-in-chief of the state-run television station RT'}), (b:Organization {name: 'RT'})
CREATE (a)-[:ROLE_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the editor-in-chief of the state-run television station RT, Margarita Simonyan']}]->(b);
