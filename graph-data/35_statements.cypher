// Facts: who said what, and what it was about.

MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: terrorists raging in the country (000)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists" who raged in the country and fought fierce battles with the armed forces']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists raging in the country (000)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists" who raged in the country and fought fierce battles with the armed forces']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists raging in the country (000)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['fought fierce battles with the armed forces']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists raging in the country (000)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['He spoke of "terrorists" who raged in the country']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists raging in the country (000)'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:MADE_DURING {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['gave a dramatic televised address for the second time within a few hours on Thursday night, he spoke Russian: He spoke of "terrorists"']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists raging in the country (000)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:JUSTIFIES {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Because of this situation, he asked the heads of state']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: terrorists trained abroad (000)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev claimed in his speech that the terrorists had been trained abroad']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists trained abroad (000)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev claimed in his speech that the terrorists had been trained abroad']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists trained abroad (000)'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:MADE_DURING {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev claimed in his speech']}]->(b);
MATCH (a:Statement {name: 'Tokayev: terrorists trained abroad (000)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:JUSTIFIES {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev claimed in his speech that the terrorists had been trained abroad']}]->(b);
MATCH (a:Organization {name: 'Russian Foreign Ministry'}), (b:Statement {name: 'Russian Foreign Ministry: externally staged attempt (000)'})
CREATE (a)-[:SAID {claimants: ['Russian Foreign Ministry'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian Foreign Ministry also saw outside forces behind the unrest']}]->(b);
MATCH (a:Statement {name: 'Russian Foreign Ministry: externally staged attempt (000)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['We see recent events as one our friendly country as an externally staged attempt to violently undermine the security and integrity of a state using prepared, organized and armed formations']}]->(b);
MATCH (a:Statement {name: 'Russian Foreign Ministry: externally staged attempt (000)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['our friendly country']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin\'s spokesman'}), (b:Statement {name: 'Putin\'s spokesman: Kazakhs can solve internal problems themselves (000)'})
CREATE (a)-[:SAID {claimants: ['Vladimir Putin\'s spokesman'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['President Vladimir Putin\'s spokesman said that they were confident']}]->(b);
MATCH (a:Statement {name: 'Putin\'s spokesman: Kazakhs can solve internal problems themselves (000)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['they were confident that the Kazakh friends could solve their “internal problems” themselves; it is important that there is now no outside interference']}]->(b);
MATCH (a:Statement {name: 'Putin\'s spokesman: Kazakhs can solve internal problems themselves (000)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Kazakh friends could solve their “internal problems” themselves']}]->(b);
MATCH (a:Statement {name: 'Putin\'s spokesman: Kazakhs can solve internal problems themselves (000)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:PRECEDED {interval: 'a few hours', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours before Tokayev\'s request for help, the Russian leadership had, of course, spoken quite differently']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Statement {name: 'CSTO and Russian politicians: troops only to secure objects (000)'})
CREATE (a)-[:SAID {day_as_written: 'Thursday', claimants: ['Collective Security Treaty Organization'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['both the ODKB and Russian politicians emphasized on Thursday that the foreign troops should only serve to secure objects']}]->(b);
MATCH (a:Group {name: 'Russian politicians'}), (b:Statement {name: 'CSTO and Russian politicians: troops only to secure objects (000)'})
CREATE (a)-[:SAID {day_as_written: 'Thursday', claimants: ['Russian politicians'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['both the ODKB and Russian politicians emphasized on Thursday that the foreign troops should only serve to secure objects']}]->(b);
MATCH (a:Statement {name: 'CSTO and Russian politicians: troops only to secure objects (000)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the foreign troops should only serve to secure objects']}]->(b);
MATCH (a:Statement {name: 'CSTO and Russian politicians: troops only to secure objects (000)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the "restoration of order" is the responsibility of the Kazakh forces']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Statement {name: 'Schmidt/Veser: Kremlin officially joins violent end to protests for the first time (000)'})
CREATE (a)-[:SAID {claimants: ['Friedrich Schmidt'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['it is the first time that the Kremlin is officially participating in the violent end to protests in a neighboring country']}]->(b);
MATCH (a:Statement {name: 'Schmidt/Veser: Kremlin officially joins violent end to protests for the first time (000)'}), (b:Organization {name: 'Kremlin'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['it is the first time that the Kremlin is officially participating in the violent end to protests in a neighboring country']}]->(b);
MATCH (a:Statement {name: 'Schmidt/Veser: Kremlin officially joins violent end to protests for the first time (000)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['it is the first time that the Kremlin is officially participating in the violent end to protests in a neighboring country']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Statement {name: 'Schmidt/Veser: Kremlin officially joins violent end to protests for the first time (000)'})
CREATE (a)-[:SAID {as_co_author: true, claimants: ['Reinhard Veser'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['it is the first time that the Kremlin is officially participating in the violent end to protests in a neighboring country']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Statement {name: 'Schmidt/Veser: CSTO ridiculed as a paper tiger (000)'})
CREATE (a)-[:SAID {claimants: ['Friedrich Schmidt'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['which until now had been ridiculed as a paper tiger and which seemed to have no practical function']}]->(b);
MATCH (a:Statement {name: 'Schmidt/Veser: CSTO ridiculed as a paper tiger (000)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['which until now had been ridiculed as a paper tiger and which seemed to have no practical function']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Statement {name: 'Schmidt/Veser: CSTO ridiculed as a paper tiger (000)'})
CREATE (a)-[:SAID {as_co_author: true, claimants: ['Reinhard Veser'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['which until now had been ridiculed as a paper tiger']}]->(b);
MATCH (a:Person {name: 'Friedrich Schmidt'}), (b:Statement {name: 'Schmidt/Veser: external threat needed to declare the alliance case (000)'})
CREATE (a)-[:SAID {claimants: ['Friedrich Schmidt'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['The international connection is necessary in order to be able to declare the alliance case.']}]->(b);
MATCH (a:Statement {name: 'Schmidt/Veser: external threat needed to declare the alliance case (000)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['The international connection is necessary in order to be able to declare the alliance case.']}]->(b);
MATCH (a:Statement {name: 'Schmidt/Veser: external threat needed to declare the alliance case (000)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['The ODKB troops are officially in Kazakhstan to avert an external threat.']}]->(b);
MATCH (a:Person {name: 'Reinhard Veser'}), (b:Statement {name: 'Schmidt/Veser: external threat needed to declare the alliance case (000)'})
CREATE (a)-[:SAID {as_co_author: true, claimants: ['Reinhard Veser'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['The international connection is necessary in order to be able to declare the alliance case.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Statement {name: 'Videos show Kazakh security forces going over to protesters (000)'})
CREATE (a)-[:SAID {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Videos were posted on the Internet showing how Kazakh security forces went over to the protesters.']}]->(b);
MATCH (a:Statement {name: 'Videos show Kazakh security forces going over to protesters (000)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Videos were posted on the Internet showing how Kazakh security forces went over to the protesters.']}]->(b);
MATCH (a:Statement {name: 'Videos show Kazakh security forces going over to protesters (000)'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Videos were posted on the Internet showing how Kazakh security forces went over to the protesters.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: demonstrators are armed bandits and terrorists (001)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits" and "terrorists".']}]->(b);
MATCH (a:Statement {name: 'Tokayev: demonstrators are armed bandits and terrorists (001)'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits" and "terrorists".']}]->(b);
MATCH (a:Statement {name: 'Tokayev: demonstrators are armed bandits and terrorists (001)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits" and "terrorists".']}]->(b);
MATCH (a:Organization {name: 'Kremlin'}), (b:Statement {name: 'Kremlin: externally inspired attempt (001)'})
CREATE (a)-[:SAID {claimants: ['Kremlin'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['armed formation," said the Kremlin']}]->(b);
MATCH (a:Statement {name: 'Kremlin: externally inspired attempt (001)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['We see the recent events in a friendly country as an externally inspired attempt to forcibly undermine the security and integrity of the state through the use of trained and organized armed formation']}]->(b);
MATCH (a:Statement {name: 'Kremlin: externally inspired attempt (001)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['recent events in a friendly country']}]->(b);
MATCH (a:Statement {name: 'Kremlin: externally inspired attempt (001)'}), (b:Statement {name: 'Russian Foreign Ministry: externally staged attempt (000)'})
CREATE (a)-[:VARIANT_OF {note: 'Near-identical wording; 000 attributes it to the Russian Foreign Ministry, 001 to the Kremlin.', claimants: ['001_df0b0ae9aa495f62', '000_0a7db17c29c7cefc'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '000_0a7db17c29c7cefc'], quotes: ['We see the recent events in a friendly country as an externally inspired attempt', 'We see recent events as one our friendly country as an externally staged attempt']}]->(b);
MATCH (a:Country {name: 'US'}), (b:Statement {name: 'US rejected reports of entanglements (001)'})
CREATE (a)-[:SAID {claimants: ['US'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The US had rejected reports of possible entanglements.']}]->(b);
MATCH (a:Statement {name: 'US rejected reports of entanglements (001)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The US had rejected reports of possible entanglements.']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Statement {name: 'CSTO: around 2,500 foreign soldiers (001)'})
CREATE (a)-[:SAID {claimants: ['Collective Security Treaty Organization'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance spoke of a total of around 2,500 foreign soldiers who were supposed to support the Kazakh security forces.']}]->(b);
MATCH (a:Statement {name: 'CSTO: around 2,500 foreign soldiers (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance spoke of a total of around 2,500 foreign soldiers who were supposed to support the Kazakh security forces.']}]->(b);
MATCH (a:Statement {name: 'CSTO: around 2,500 foreign soldiers (001)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance spoke of a total of around 2,500 foreign soldiers who were supposed to support the Kazakh security forces.']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Statement {name: 'Ausseur: CSTO a relic of the Warsaw Pact (001)'})
CREATE (a)-[:SAID {claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['who now heads the political institute FMES, described the alliance as "a relic of the Warsaw Pact"']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO a relic of the Warsaw Pact (001)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['described the alliance as "a relic of the Warsaw Pact" from the Cold War']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO a relic of the Warsaw Pact (001)'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a relic of the Warsaw Pact']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO a relic of the Warsaw Pact (001)'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['according to the Agence France-Presse news agency']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'})
CREATE (a)-[:SAID {claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'}), (b:Organization {name: 'NATO'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'}), (b:Country {name: 'US'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The CSTO is a "mini-NATO" in which Russia takes the position of the USA.']}]->(b);
MATCH (a:Statement {name: 'Ausseur: CSTO is a mini-NATO with Russia in the US position (001)'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['according to the Agence France-Presse news agency']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Statement {name: 'Ausseur: impression of an intervention of all Caucasus countries (001)'})
CREATE (a)-[:SAID {claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Ausseur considers the sending of a CSTO troop to Kazakhstan "a possibility to give the impression']}]->(b);
MATCH (a:Statement {name: 'Ausseur: impression of an intervention of all Caucasus countries (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a possibility to give the impression of an intervention of all Caucasus countries - and not only Russia -']}]->(b);
MATCH (a:Statement {name: 'Ausseur: impression of an intervention of all Caucasus countries (001)'}), (b:Place {name: 'Caucasus'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a possibility to give the impression of an intervention of all Caucasus countries - and not only Russia -']}]->(b);
MATCH (a:Statement {name: 'Ausseur: impression of an intervention of all Caucasus countries (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['a possibility to give the impression of an intervention of all Caucasus countries - and not only Russia -']}]->(b);
MATCH (a:Statement {name: 'Ausseur: impression of an intervention of all Caucasus countries (001)'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['according to the Agence France-Presse news agency']}]->(b);
MATCH (a:Person {name: 'Pascal Ausseur'}), (b:Statement {name: 'Ausseur: Moscow\'s implicit message \'I am cleaning up my own chaos\' (001)'})
CREATE (a)-[:SAID {claimants: ['Pascal Ausseur'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In his opinion, the implicit message from Moscow is']}]->(b);
MATCH (a:Statement {name: 'Ausseur: Moscow\'s implicit message \'I am cleaning up my own chaos\' (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['I am cleaning up my own chaos, I am leading an organization that can provide ground troops. I am in charge here at home, in my own territory']}]->(b);
MATCH (a:Statement {name: 'Ausseur: Moscow\'s implicit message \'I am cleaning up my own chaos\' (001)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['I am cleaning up my own chaos, I am leading an organization that can provide ground troops. I am in charge here at home, in my own territory']}]->(b);
MATCH (a:Statement {name: 'Ausseur: Moscow\'s implicit message \'I am cleaning up my own chaos\' (001)'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['I am cleaning up my own chaos, I am leading an organization that can provide ground troops. I am in charge here at home, in my own territory']}]->(b);
MATCH (a:Statement {name: 'Ausseur: Moscow\'s implicit message \'I am cleaning up my own chaos\' (001)'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['according to the Agence France-Presse news agency']}]->(b);
MATCH (a:Person {name: 'Marat Schibutow'}), (b:Statement {name: 'Schibutow: unrest the result of economic problems and poverty (001)'})
CREATE (a)-[:SAID {claimants: ['Marat Schibutow'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['sees the unrest as the result of major economic problems and poverty']}]->(b);
MATCH (a:Statement {name: 'Schibutow: unrest the result of economic problems and poverty (001)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['sees the unrest as the result of major economic problems and poverty']}]->(b);
MATCH (a:Statement {name: 'Schibutow: unrest the result of economic problems and poverty (001)'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to the German press agency']}]->(b);
MATCH (a:Person {name: 'Marat Schibutow'}), (b:Statement {name: 'Schibutow: even those who work cannot make a living (001)'})
CREATE (a)-[:SAID {medium: 'blog on Telegram', claimants: ['Marat Schibutow'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['"With us not even those who work constantly can make a living," he writes on his blog at Telegram.']}]->(b);
MATCH (a:Statement {name: 'Schibutow: even those who work cannot make a living (001)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['With us not even those who work constantly can make a living']}]->(b);
MATCH (a:Statement {name: 'Schibutow: even those who work cannot make a living (001)'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to the German press agency']}]->(b);
MATCH (a:Statement {name: 'Schibutow: even those who work cannot make a living (001)'}), (b:Organization {name: 'Telegram'})
CREATE (a)-[:PUBLISHED_ON {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['he writes on his blog at Telegram']}]->(b);
MATCH (a:Person {name: 'Marat Schibutow'}), (b:Statement {name: 'Schibutow (via dpa): LPG sold abroad, deficit at home (001)'})
CREATE (a)-[:SAID {claimants: ['Marat Schibutow'], rank: 'normal', inferred: true, rule: 'the paragraph continues the report of Schibutow via dpa; it could be the author\'s own voice', sources: ['001_df0b0ae9aa495f62'], quotes: ['In view of the high gas prices on the world market, the raw material was sold abroad and a deficit arose in the country.']}]->(b);
MATCH (a:Statement {name: 'Schibutow (via dpa): LPG sold abroad, deficit at home (001)'}), (b:Topic {name: 'Liquefied petroleum gas'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In view of the high gas prices on the world market, the raw material was sold abroad and a deficit arose in the country.']}]->(b);
MATCH (a:Statement {name: 'Schibutow (via dpa): LPG sold abroad, deficit at home (001)'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In view of the high gas prices on the world market, the raw material was sold abroad and a deficit arose in the country.']}]->(b);
MATCH (a:Statement {name: 'Schibutow (via dpa): LPG sold abroad, deficit at home (001)'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to the German press agency']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: a change of course in the post-Soviet space (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This military operation is a change of course in the post-Soviet space']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: a change of course in the post-Soviet space (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This military operation is a change of course in the post-Soviet space']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: a change of course in the post-Soviet space (001)'}), (b:Place {name: 'post-Soviet space'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This military operation is a change of course in the post-Soviet space']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: a precedent set for an invasion (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Under the pretext of a threat to state security from outside, a "precedent" had been set for an invasion.']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: a precedent set for an invasion (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Under the pretext of a threat to state security from outside, a "precedent" had been set for an invasion.']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: Russian leadership decided to act (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['comments Lukjankov. "The Russian leadership has decided not to wait']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Russian leadership decided to act (001)'}), (b:Group {name: 'Russian leadership'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian leadership has decided not to wait until the flames fully break out, but to act.']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Russian leadership decided to act (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian leadership has decided not to wait until the flames fully break out, but to act.']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: Putin demonstrated his power to the West (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Putin has now demonstrated his power to the West, says Lukyanov']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Putin demonstrated his power to the West (001)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Putin has now demonstrated his power to the West, says Lukyanov']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Putin demonstrated his power to the West (001)'}), (b:Group {name: 'The West'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Putin has now demonstrated his power to the West, says Lukyanov']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Putin demonstrated his power to the West (001)'}), (b:Organization {name: 'NATO'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['also with a view to his recent demands on NATO to stay away from Russia']}]->(b);
MATCH (a:Person {name: 'Fyodor Lukyanov'}), (b:Statement {name: 'Lukyanov: Russia showed ability to make quick decisions (001)'})
CREATE (a)-[:SAID {claimants: ['Fyodor Lukyanov'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['to them," says Lukjankov']}]->(b);
MATCH (a:Statement {name: 'Lukyanov: Russia showed ability to make quick decisions (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Here Russia has shown its ability to make quick and unexpected decisions in the military-political sphere and to influence events in parts of the world that are important to them']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Statement {name: 'Putin: demands on NATO to stay away from Russia (001)'})
CREATE (a)-[:SAID {claimants: ['Vladimir Putin'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['his recent demands on NATO to stay away from Russia']}]->(b);
MATCH (a:Statement {name: 'Putin: demands on NATO to stay away from Russia (001)'}), (b:Organization {name: 'NATO'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['his recent demands on NATO to stay away from Russia']}]->(b);
MATCH (a:Statement {name: 'Putin: demands on NATO to stay away from Russia (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['his recent demands on NATO to stay away from Russia']}]->(b);
MATCH (a:Group {name: 'Observers'}), (b:Statement {name: 'Observers: Tokayev now dependent on Putin (001)'})
CREATE (a)-[:SAID {claimants: ['Observers'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to observers, Tokayev is now dependent on Putin.']}]->(b);
MATCH (a:Statement {name: 'Observers: Tokayev now dependent on Putin (001)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to observers, Tokayev is now dependent on Putin.']}]->(b);
MATCH (a:Statement {name: 'Observers: Tokayev now dependent on Putin (001)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to observers, Tokayev is now dependent on Putin.']}]->(b);
MATCH (a:Group {name: 'The West'}), (b:Statement {name: 'Western concern: Russia could expand influence in Kazakhstan (001)'})
CREATE (a)-[:SAID {claimants: ['The West'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev']}]->(b);
MATCH (a:Statement {name: 'Western concern: Russia could expand influence in Kazakhstan (001)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev']}]->(b);
MATCH (a:Statement {name: 'Western concern: Russia could expand influence in Kazakhstan (001)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev']}]->(b);
MATCH (a:Statement {name: 'Western concern: Russia could expand influence in Kazakhstan (001)'}), (b:Person {name: 'Alexander Lukashenko'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev']}]->(b);
MATCH (a:Statement {name: 'Western concern: Russia could expand influence in Kazakhstan (001)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev']}]->(b);
MATCH (a:Organization {name: 'Kremlin'}), (b:Statement {name: 'Kremlin rejects fears Putin wants to rebuild the Soviet Union (001)'})
CREATE (a)-[:SAID {claimants: ['Kremlin'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Kremlin repeatedly categorically rejects Western fears that Putin wants to rebuild the Soviet Union']}]->(b);
MATCH (a:Statement {name: 'Kremlin rejects fears Putin wants to rebuild the Soviet Union (001)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Kremlin repeatedly categorically rejects Western fears that Putin wants to rebuild the Soviet Union']}]->(b);
MATCH (a:Statement {name: 'Kremlin rejects fears Putin wants to rebuild the Soviet Union (001)'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Kremlin repeatedly categorically rejects Western fears that Putin wants to rebuild the Soviet Union']}]->(b);
MATCH (a:Statement {name: 'Kremlin rejects fears Putin wants to rebuild the Soviet Union (001)'}), (b:Group {name: 'The West'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the Kremlin repeatedly categorically rejects Western fears that Putin wants to rebuild the Soviet Union']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Statement {name: 'Ahnefeld: the toll of the unrest so far (001)'})
CREATE (a)-[:SAID {claimants: ['Anna-Katharina Ahnefeld'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['More than a thousand injured, numerous dead protesters, police officers and soldiers.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: the toll of the unrest so far (001)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['More than a thousand injured, numerous dead protesters, police officers and soldiers.']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Statement {name: 'Ahnefeld: the alliance is preventing an overthrow (001)'})
CREATE (a)-[:SAID {claimants: ['Anna-Katharina Ahnefeld'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['With this operation, the alliance is preventing an overthrow in Kazakhstan.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: the alliance is preventing an overthrow (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['With this operation, the alliance is preventing an overthrow in Kazakhstan.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: the alliance is preventing an overthrow (001)'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['With this operation, the alliance is preventing an overthrow in Kazakhstan.']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Statement {name: 'Ahnefeld: Putin wants to prevent the Moscow-affiliated government\'s overthrow (001)'})
CREATE (a)-[:SAID {claimants: ['Anna-Katharina Ahnefeld'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants to prevent the Moscow-affiliated government in Kazakhstan from being overturned at all costs.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin wants to prevent the Moscow-affiliated government\'s overthrow (001)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants to prevent the Moscow-affiliated government in Kazakhstan from being overturned at all costs.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin wants to prevent the Moscow-affiliated government\'s overthrow (001)'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian head of state apparently wants to prevent the Moscow-affiliated government in Kazakhstan from being overturned at all costs.']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Statement {name: 'Ahnefeld: marching in within hours is unprecedented (001)'})
CREATE (a)-[:SAID {claimants: ['Anna-Katharina Ahnefeld'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The fact that the military alliance marched in within hours is unprecedented in history since the collapse of the Soviet Union.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: marching in within hours is unprecedented (001)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The fact that the military alliance marched in within hours is unprecedented in history since the collapse of the Soviet Union.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: marching in within hours is unprecedented (001)'}), (b:Event {name: 'Dissolution of the Soviet Union'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The fact that the military alliance marched in within hours is unprecedented in history since the collapse of the Soviet Union.']}]->(b);
MATCH (a:Person {name: 'Anna-Katharina Ahnefeld'}), (b:Statement {name: 'Ahnefeld: Putin views Kazakhstan as his sphere of influence (001)'})
CREATE (a)-[:SAID {claimants: ['Anna-Katharina Ahnefeld'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin views Kazakhstan as his sphere of influence (001)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin views Kazakhstan as his sphere of influence (001)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin views Kazakhstan as his sphere of influence (001)'}), (b:Topic {name: 'Russian language'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Statement {name: 'Ahnefeld: Putin views Kazakhstan as his sphere of influence (001)'}), (b:Organization {name: 'US military'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Person {name: 'Shukhrat Nureshev'}), (b:Statement {name: 'Nureshev: 2,500 CSTO peacekeepers will be deployed (002)'})
CREATE (a)-[:SAID {claimants: ['Shukhrat Nureshev'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Shukhrat Nureshev stated that 2,500 Collective Security Treaty Organization peacekeepers will be deployed']}]->(b);
MATCH (a:Statement {name: 'Nureshev: 2,500 CSTO peacekeepers will be deployed (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['2,500 Collective Security Treaty Organization peacekeepers will be deployed']}]->(b);
MATCH (a:Person {name: 'Shukhrat Nureshev'}), (b:Statement {name: 'Nurishev: about 2,500 CSTO troops being deployed (002)'})
CREATE (a)-[:SAID {claimants: ['Shukhrat Nureshev'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Deputy Foreign Minister Nurishev stated that a total of about 2,500']}]->(b);
MATCH (a:Statement {name: 'Nurishev: about 2,500 CSTO troops being deployed (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['a total of about 2,500 Collective Security Treaty Organization troops are being deployed in Kazakhstan']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: riots caused by an international terrorist organization (002)'})
CREATE (a)-[:SAID {day_as_written: 'Wednesday', time_of_day: 'evening', claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Kassim-Jomat Tokayev said on television Wednesday evening that the riots were caused by an “international terrorist organization.”']}]->(b);
MATCH (a:Statement {name: 'Tokayev: riots caused by an international terrorist organization (002)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the riots were caused by an “international terrorist organization.”']}]->(b);
MATCH (a:Statement {name: 'Tokayev: riots caused by an international terrorist organization (002)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the riots were caused by an “international terrorist organization.”']}]->(b);
MATCH (a:Statement {name: 'Tokayev: riots caused by an international terrorist organization (002)'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:MADE_DURING {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['said on television Wednesday evening']}]->(b);
MATCH (a:Statement {name: 'Tokayev: riots caused by an international terrorist organization (002)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:JUSTIFIES {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In order to legitimize his request for external military assistance']}]->(b);
MATCH (a:Organization {name: 'Russian Ministry of Defense'}), (b:Statement {name: 'Russian Ministry of Defense: 70 Ilyushin-57 and 5 An-124 (002)'})
CREATE (a)-[:SAID {claimants: ['Russian Ministry of Defense'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian Ministry of Defense stated that its troops are flying to Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Russian Ministry of Defense: 70 Ilyushin-57 and 5 An-124 (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft']}]->(b);
MATCH (a:Statement {name: 'Russian Ministry of Defense: 70 Ilyushin-57 and 5 An-124 (002)'}), (b:Aircraft {name: 'Ilyushin-57'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft']}]->(b);
MATCH (a:Statement {name: 'Russian Ministry of Defense: 70 Ilyushin-57 and 5 An-124 (002)'}), (b:Aircraft {name: 'An-124'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Statement {name: 'Zas mocked the EU military as a cover (002)'})
CREATE (a)-[:SAID {claimants: ['Stanislav Zas'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Stanislav Zas, Secretary-General of the Collective Security Treaty Organization, mocked the EU military']}]->(b);
MATCH (a:Statement {name: 'Zas mocked the EU military as a cover (002)'}), (b:Organization {name: 'EU'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['mocked the EU military as a cover for imposing Russian power on Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Zas mocked the EU military as a cover (002)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['mocked the EU military as a cover for imposing Russian power on Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Zas mocked the EU military as a cover (002)'}), (b:Organization {name: 'RIA Novosti'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In an interview with the Russian state news agency RIA Novosti']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Statement {name: 'Zas: some gibberish about invasion (002)'})
CREATE (a)-[:SAID {claimants: ['Stanislav Zas'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['He said: “There is some gibberish about how this is the invasion or other things.”']}]->(b);
MATCH (a:Statement {name: 'Zas: some gibberish about invasion (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['There is some gibberish about how this is the invasion or other things.']}]->(b);
MATCH (a:Statement {name: 'Zas: some gibberish about invasion (002)'}), (b:Organization {name: 'RIA Novosti'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In an interview with the Russian state news agency RIA Novosti']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Statement {name: 'Zas: this is totally stupid (002)'})
CREATE (a)-[:SAID {claimants: ['Stanislav Zas'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Well, I’m sorry, this is totally stupid.']}]->(b);
MATCH (a:Statement {name: 'Zas: this is totally stupid (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Well, I’m sorry, this is totally stupid.']}]->(b);
MATCH (a:Statement {name: 'Zas: this is totally stupid (002)'}), (b:Organization {name: 'RIA Novosti'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In an interview with the Russian state news agency RIA Novosti']}]->(b);
MATCH (a:Person {name: 'Stanislav Zas'}), (b:Statement {name: 'Zas: troops stay as long as needed (002)'})
CREATE (a)-[:SAID {claimants: ['Stanislav Zas'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['As long as needed, Zas told RIA Novosti.']}]->(b);
MATCH (a:Statement {name: 'Zas: troops stay as long as needed (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['As long as needed, Zas told RIA Novosti.']}]->(b);
MATCH (a:Statement {name: 'Zas: troops stay as long as needed (002)'}), (b:Organization {name: 'RIA Novosti'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Zas told RIA Novosti']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'Official position: the CSTO army leaves when Kazakhstan says a word (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The official position is that Kazakhstan only needs to say a word, and the collective security treaty organization army will leave.']}]->(b);
MATCH (a:Statement {name: 'Official position: the CSTO army leaves when Kazakhstan says a word (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The official position is that Kazakhstan only needs to say a word, and the collective security treaty organization army will leave.']}]->(b);
MATCH (a:Statement {name: 'Official position: the CSTO army leaves when Kazakhstan says a word (002)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The official position is that Kazakhstan only needs to say a word, and the collective security treaty organization army will leave.']}]->(b);
MATCH (a:Group {name: 'Russian media'}), (b:Statement {name: 'Russian media: 3,000 soldiers in the Russian mission alone (002)'})
CREATE (a)-[:SAID {claimants: ['Russian media'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russian media reported that there were 3,000 soldiers in the Russian mission alone']}]->(b);
MATCH (a:Statement {name: 'Russian media: 3,000 soldiers in the Russian mission alone (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['there were 3,000 soldiers in the Russian mission alone']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Statement {name: 'Russia: soldiers crossed the border by mistake (002)'})
CREATE (a)-[:SAID {claimants: ['Russia'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia claimed that they crossed the border by mistake.']}]->(b);
MATCH (a:Statement {name: 'Russia: soldiers crossed the border by mistake (002)'}), (b:Event {name: 'Capture of 98th Guards Airborne Division soldiers in Ukraine (2014)'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia claimed that they crossed the border by mistake.']}]->(b);
MATCH (a:Statement {name: 'Russia: soldiers crossed the border by mistake (002)'}), (b:MilitaryUnit {name: '98th Guards Airborne Division'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia claimed that they crossed the border by mistake.']}]->(b);
MATCH (a:Group {name: 'Security analysts'}), (b:Statement {name: 'Security analysts question the CSTO\'s feasibility (002)'})
CREATE (a)-[:SAID {claimants: ['Security analysts'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['which has prompted security analysts to question its feasibility']}]->(b);
MATCH (a:Statement {name: 'Security analysts question the CSTO\'s feasibility (002)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['which has prompted security analysts to question its feasibility']}]->(b);
MATCH (a:Group {name: 'Nationalist politicians in Moscow'}), (b:Statement {name: 'Nationalists in Moscow: need to intervene for ethnic Russians (002)'})
CREATE (a)-[:SAID {claimants: ['Nationalist politicians in Moscow'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Nationalist politicians in Moscow often talk about the need to intervene on their behalf one day.']}]->(b);
MATCH (a:Statement {name: 'Nationalists in Moscow: need to intervene for ethnic Russians (002)'}), (b:Group {name: 'Ethnic Russians'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Nationalist politicians in Moscow often talk about the need to intervene on their behalf one day.']}]->(b);
MATCH (a:Statement {name: 'Nationalists in Moscow: need to intervene for ethnic Russians (002)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Nationalist politicians in Moscow often talk about the need to intervene on their behalf one day.']}]->(b);
MATCH (a:Organization {name: 'Kremlin'}), (b:Statement {name: 'Kremlin raised concerns about oppression of ethnic Russians in Ukraine (002)'})
CREATE (a)-[:SAID {claimants: ['Kremlin'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014, it raised concerns about the oppression of ethnic Russians in Ukraine.']}]->(b);
MATCH (a:Statement {name: 'Kremlin raised concerns about oppression of ethnic Russians in Ukraine (002)'}), (b:Group {name: 'Ethnic Russians'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['it raised concerns about the oppression of ethnic Russians in Ukraine']}]->(b);
MATCH (a:Statement {name: 'Kremlin raised concerns about oppression of ethnic Russians in Ukraine (002)'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['it raised concerns about the oppression of ethnic Russians in Ukraine']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'Russian troops on the streets will arouse ambivalence among Kazakhs (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The sight of Russian troops patrolling the streets of their country will arouse deep ambivalence among Kazakhs.']}]->(b);
MATCH (a:Statement {name: 'Russian troops on the streets will arouse ambivalence among Kazakhs (002)'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The sight of Russian troops patrolling the streets of their country will arouse deep ambivalence among Kazakhs.']}]->(b);
MATCH (a:Statement {name: 'Russian troops on the streets will arouse ambivalence among Kazakhs (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The sight of Russian troops patrolling the streets of their country will arouse deep ambivalence among Kazakhs.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'Question whether welcoming foreign troops weakened sovereignty (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Tokayev will still face the question of his own people whether his desire to welcome foreign troops has not weakened Kazakhstan’s sovereignty']}]->(b);
MATCH (a:Statement {name: 'Question whether welcoming foreign troops weakened sovereignty (002)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Tokayev will still face the question of his own people whether his desire to welcome foreign troops has not weakened Kazakhstan’s sovereignty']}]->(b);
MATCH (a:Statement {name: 'Question whether welcoming foreign troops weakened sovereignty (002)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Tokayev will still face the question of his own people whether his desire to welcome foreign troops has not weakened Kazakhstan’s sovereignty']}]->(b);
MATCH (a:Statement {name: 'Question whether welcoming foreign troops weakened sovereignty (002)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Tokayev will still face the question of his own people whether his desire to welcome foreign troops has not weakened Kazakhstan’s sovereignty']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'Speculation: Tokayev nervous about loyalty of security agencies (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['This has led to speculation that Tokayev, who became president in 2019, is becoming increasingly nervous about his loyalty to his security agencies.']}]->(b);
MATCH (a:Statement {name: 'Speculation: Tokayev nervous about loyalty of security agencies (002)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['This has led to speculation that Tokayev, who became president in 2019, is becoming increasingly nervous about his loyalty to his security agencies.']}]->(b);
MATCH (a:Statement {name: 'Speculation: Tokayev nervous about loyalty of security agencies (002)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['This has led to speculation that Tokayev, who became president in 2019, is becoming increasingly nervous about his loyalty to his security agencies.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'Reports of law enforcement refusing to suppress rallies (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['reports of law enforcement agencies refusing to suppress rallies have appeared in some places']}]->(b);
MATCH (a:Statement {name: 'Reports of law enforcement refusing to suppress rallies (002)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['reports of law enforcement agencies refusing to suppress rallies have appeared in some places']}]->(b);
MATCH (a:Statement {name: 'Reports of law enforcement refusing to suppress rallies (002)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['reports of law enforcement agencies refusing to suppress rallies have appeared in some places']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Statement {name: 'CSTO focus on spillovers from Afghanistan (002)'})
CREATE (a)-[:SAID {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the group’s focus is more on strengthening preparations for potential spillovers from Afghanistan']}]->(b);
MATCH (a:Statement {name: 'CSTO focus on spillovers from Afghanistan (002)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the group’s focus is more on strengthening preparations for potential spillovers from Afghanistan']}]->(b);
MATCH (a:Statement {name: 'CSTO focus on spillovers from Afghanistan (002)'}), (b:Country {name: 'Afghanistan'})
CREATE (a)-[:ABOUT {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the group’s focus is more on strengthening preparations for potential spillovers from Afghanistan']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: military assistance needed to overcome a terrorist threat (003)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Tokayev said in his request for aid that military assistance was necessary']}]->(b);
MATCH (a:Statement {name: 'Tokayev: military assistance needed to overcome a terrorist threat (003)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['military assistance was necessary to help Kazakhstan overcome a “terrorist threat.”']}]->(b);
MATCH (a:Statement {name: 'Tokayev: military assistance needed to overcome a terrorist threat (003)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['military assistance was necessary to help Kazakhstan overcome a “terrorist threat.”']}]->(b);
MATCH (a:Statement {name: 'Tokayev: military assistance needed to overcome a terrorist threat (003)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:JUSTIFIES {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Tokayev said in his request for aid']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: I intend to act as robustly as possible (003)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['“As head of state … I intend to act as robustly as possible,” Tokayev said.']}]->(b);
MATCH (a:Statement {name: 'Tokayev: I intend to act as robustly as possible (003)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['As head of state … I intend to act as robustly as possible']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: I will remain in the capital (003)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['In a televised address, the president has vowed that he will remain in the Kazakh capital, Nur Sultan.']}]->(b);
MATCH (a:Statement {name: 'Tokayev: I will remain in the capital (003)'}), (b:Place {name: 'Nur Sultan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the president has vowed that he will remain in the Kazakh capital, Nur Sultan']}]->(b);
MATCH (a:Person {name: 'Nikol Pashinyan'}), (b:Statement {name: 'Pashinyan: CSTO sending collective peacekeeping forces to normalize the situation (003)'})
CREATE (a)-[:SAID {medium: 'Facebook post', claimants: ['Nikol Pashinyan'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Pashinyan said in a post on Facebook']}]->(b);
MATCH (a:Statement {name: 'Pashinyan: CSTO sending collective peacekeeping forces to normalize the situation (003)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['“in view of the threat to national security and the sovereignty of the Republic of Kazakhstan” from outside interference, the CSTO would be sending Collective peacekeeping forces to the Republic of Kazakhstan to “normalize the situation in this country.”']}]->(b);
MATCH (a:Statement {name: 'Pashinyan: CSTO sending collective peacekeeping forces to normalize the situation (003)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['“in view of the threat to national security and the sovereignty of the Republic of Kazakhstan” from outside interference, the CSTO would be sending Collective peacekeeping forces to the Republic of Kazakhstan to “normalize the situation in this country.”']}]->(b);
MATCH (a:Statement {name: 'Pashinyan: CSTO sending collective peacekeeping forces to normalize the situation (003)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the CSTO would be sending']}]->(b);
MATCH (a:Statement {name: 'Pashinyan: CSTO sending collective peacekeeping forces to normalize the situation (003)'}), (b:Organization {name: 'Facebook'})
CREATE (a)-[:PUBLISHED_ON {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Pashinyan said in a post on Facebook']}]->(b);
MATCH (a:Organization {name: 'Almaty police service'}), (b:Statement {name: 'Almaty police: special counter-terror operation launched (003)'})
CREATE (a)-[:SAID {claimants: ['Almaty police service'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['“A special counter-terror operation has been launched in the city to establish order,” the statement said.']}]->(b);
MATCH (a:Statement {name: 'Almaty police: special counter-terror operation launched (003)'}), (b:Event {name: 'Counter-terror operation in Almaty'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['A special counter-terror operation has been launched in the city to establish order']}]->(b);
MATCH (a:Statement {name: 'Almaty police: special counter-terror operation launched (003)'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['A special counter-terror operation has been launched in the city to establish order']}]->(b);
MATCH (a:Statement {name: 'Almaty police: special counter-terror operation launched (003)'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['reported TASS']}]->(b);
MATCH (a:Organization {name: 'Almaty police service'}), (b:Statement {name: 'Almaty police: their attack is an act of aggression (003)'})
CREATE (a)-[:SAID {claimants: ['Almaty police service'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Their attack on Kazakhstan is an act of aggression and an attempt to disrupt the state’s integrity.']}]->(b);
MATCH (a:Statement {name: 'Almaty police: their attack is an act of aggression (003)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Their attack on Kazakhstan is an act of aggression and an attempt to disrupt the state’s integrity.']}]->(b);
MATCH (a:Statement {name: 'Almaty police: their attack is an act of aggression (003)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Their attack on Kazakhstan is an act of aggression and an attempt to disrupt the state’s integrity.']}]->(b);
MATCH (a:Statement {name: 'Almaty police: their attack is an act of aggression (003)'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:CITES {role: 'relayed the statement', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['reported TASS']}]->(b);
MATCH (a:Group {name: 'Russian military watchers'}), (b:Statement {name: 'Military watchers: Russian forces gathering in Moscow (003)'})
CREATE (a)-[:SAID {claimants: ['Russian military watchers'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian military watchers have noted that Russian forces are said to be gathering in Moscow']}]->(b);
MATCH (a:Statement {name: 'Military watchers: Russian forces gathering in Moscow (003)'}), (b:Event {name: 'Russian forces gathering in Moscow'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Military watchers: Russian forces gathering in Moscow (003)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan']}]->(b);
MATCH (a:Person {name: 'Victoria Kelly-Clark'}), (b:Statement {name: 'Kelly-Clark: first CSTO peacekeeping intervention in the region (003)'})
CREATE (a)-[:SAID {claimants: ['Victoria Kelly-Clark'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['This is the first time the organization will deploy peacekeepers to intervene in the region’s political environment.']}]->(b);
MATCH (a:Statement {name: 'Kelly-Clark: first CSTO peacekeeping intervention in the region (003)'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['This is the first time the organization will deploy peacekeepers to intervene in the region’s political environment.']}]->(b);
MATCH (a:Statement {name: 'Kelly-Clark: first CSTO peacekeeping intervention in the region (003)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['This is the first time the organization will deploy peacekeepers to intervene in the region’s political environment.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: revolt inspired by foreign-backed terrorists (004)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal']}]->(b);
MATCH (a:Statement {name: 'Tokayev: revolt inspired by foreign-backed terrorists (004)'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal']}]->(b);
MATCH (a:Statement {name: 'Tokayev: revolt inspired by foreign-backed terrorists (004)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal']}]->(b);
MATCH (a:Statement {name: 'Tokayev: revolt inspired by foreign-backed terrorists (004)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:JUSTIFIES {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['to justify his appeal']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: personally approved orders to shoot to kill (004)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['he had personally approved orders to shoot to kill']}]->(b);
MATCH (a:Statement {name: 'Tokayev: personally approved orders to shoot to kill (004)'}), (b:Event {name: 'Order to shoot'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['he had personally approved orders to shoot to kill']}]->(b);
MATCH (a:Statement {name: 'Tokayev: personally approved orders to shoot to kill (004)'}), (b:Event {name: 'Tokayev\'s address to the nation on Friday'})
CREATE (a)-[:MADE_DURING {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday in which he said he had personally approved orders to shoot to kill']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Statement {name: 'Tokayev: foreign troops had not taken part in any fighting (004)'})
CREATE (a)-[:SAID {claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['said they had not taken part in any fighting']}]->(b);
MATCH (a:Statement {name: 'Tokayev: foreign troops had not taken part in any fighting (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['said they had not taken part in any fighting']}]->(b);
MATCH (a:Statement {name: 'Tokayev: foreign troops had not taken part in any fighting (004)'}), (b:Event {name: 'Tokayev\'s address to the nation on Friday'})
CREATE (a)-[:MADE_DURING {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Statement {name: 'Regional alliance: force totals about 2,500 (004)'})
CREATE (a)-[:SAID {claimants: ['Collective Security Treaty Organization'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The force totals about 2,500 personnel, the regional alliance has said']}]->(b);
MATCH (a:Statement {name: 'Regional alliance: force totals about 2,500 (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The force totals about 2,500 personnel, the regional alliance has said']}]->(b);
MATCH (a:Organization {name: 'Russian Ministry of Defense'}), (b:Statement {name: 'Russian defence ministry: force guards key infrastructure sites (004)'})
CREATE (a)-[:SAID {claimants: ['Russian Ministry of Defense'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Russian defence ministry said it was used to guard key infrastructure sites']}]->(b);
MATCH (a:Statement {name: 'Russian defence ministry: force guards key infrastructure sites (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Russian defence ministry said it was used to guard key infrastructure sites']}]->(b);
MATCH (a:Statement {name: 'Russian defence ministry: force guards key infrastructure sites (004)'}), (b:Place {name: 'key infrastructure sites'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Russian defence ministry said it was used to guard key infrastructure sites']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Statement {name: 'Suchkov: Warsaw Pact comparisons are propaganda (004)'})
CREATE (a)-[:SAID {claimants: ['Maxim Suchkov'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Statement {name: 'Suchkov: Warsaw Pact comparisons are propaganda (004)'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Statement {name: 'Suchkov: Warsaw Pact comparisons are propaganda (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Statement {name: 'Suchkov: Warsaw Pact comparisons are propaganda (004)'}), (b:Event {name: 'Warsaw Pact intervention in Prague (1968)'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['dismissed comparisons with the Soviet-era Warsaw Pact interventions as “propaganda”']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Statement {name: 'Suchkov: a short mission could boost Russia\'s standing (004)'})
CREATE (a)-[:SAID {claimants: ['Maxim Suchkov'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['said a short mission could boost Russia’s standing in the region']}]->(b);
MATCH (a:Statement {name: 'Suchkov: a short mission could boost Russia\'s standing (004)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['said a short mission could boost Russia’s standing in the region']}]->(b);
MATCH (a:Statement {name: 'Suchkov: a short mission could boost Russia\'s standing (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['said a short mission could boost Russia’s standing in the region']}]->(b);
MATCH (a:Person {name: 'Maxim Suchkov'}), (b:Statement {name: 'Suchkov: a crisis in which Moscow can be instrumental and helpful (004)'})
CREATE (a)-[:SAID {medium: 'Twitter', claimants: ['Maxim Suchkov'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Suchkov wrote on Twitter']}]->(b);
MATCH (a:Statement {name: 'Suchkov: a crisis in which Moscow can be instrumental and helpful (004)'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['crisis in which Moscow can be instrumental and helpful']}]->(b);
MATCH (a:Statement {name: 'Suchkov: a crisis in which Moscow can be instrumental and helpful (004)'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['crisis in which Moscow can be instrumental and helpful']}]->(b);
MATCH (a:Statement {name: 'Suchkov: a crisis in which Moscow can be instrumental and helpful (004)'}), (b:Organization {name: 'Twitter'})
CREATE (a)-[:PUBLISHED_ON {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Suchkov wrote on Twitter']}]->(b);
MATCH (a:Person {name: 'Margarita Simonyan'}), (b:Statement {name: 'Simonyan: we should help, but lay down conditions (004)'})
CREATE (a)-[:SAID {medium: 'Twitter', day_as_written: 'Wednesday', claimants: ['Margarita Simonyan'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['“We should definitely help, but we need to lay down some conditions as well,” she wrote on Twitter.']}]->(b);
MATCH (a:Statement {name: 'Simonyan: we should help, but lay down conditions (004)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['We should definitely help, but we need to lay down some conditions as well']}]->(b);
MATCH (a:Statement {name: 'Simonyan: we should help, but lay down conditions (004)'}), (b:Organization {name: 'Twitter'})
CREATE (a)-[:PUBLISHED_ON {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['she wrote on Twitter']}]->(b);
MATCH (a:Person {name: 'Margarita Simonyan'}), (b:Statement {name: 'Simonyan demands: Russian as second state language, recognise Crimea (004)'})
CREATE (a)-[:SAID {claimants: ['Margarita Simonyan'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Margarita Simonyan, set out a wishlist of demands']}]->(b);
MATCH (a:Statement {name: 'Simonyan demands: Russian as second state language, recognise Crimea (004)'}), (b:Topic {name: 'Russian language'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Statement {name: 'Simonyan demands: Russian as second state language, recognise Crimea (004)'}), (b:Place {name: 'Crimea'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Statement {name: 'Simonyan demands: Russian as second state language, recognise Crimea (004)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Statement {name: 'Simonyan demands: Russian as second state language, recognise Crimea (004)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: decision to intervene almost certainly taken in Moscow (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Statement {name: 'Walker: decision to intervene almost certainly taken in Moscow (004)'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Statement {name: 'Walker: decision to intervene almost certainly taken in Moscow (004)'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: Putin will have made the final call (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin will have made the final call']}]->(b);
MATCH (a:Statement {name: 'Walker: Putin will have made the final call (004)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin will have made the final call']}]->(b);
MATCH (a:Statement {name: 'Walker: Putin will have made the final call (004)'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin will have made the final call']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: call to CSTO suggests Tokayev no longer trusted his forces (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the call to the CSTO suggests he no longer felt he could trust his own forces']}]->(b);
MATCH (a:Statement {name: 'Walker: call to CSTO suggests Tokayev no longer trusted his forces (004)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the call to the CSTO suggests he no longer felt he could trust his own forces']}]->(b);
MATCH (a:Statement {name: 'Walker: call to CSTO suggests Tokayev no longer trusted his forces (004)'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the call to the CSTO suggests he no longer felt he could trust his own forces']}]->(b);
MATCH (a:Statement {name: 'Walker: call to CSTO suggests Tokayev no longer trusted his forces (004)'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the call to the CSTO suggests he no longer felt he could trust his own forces']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: Putin may hope to leave Kazakhstan indebted to Moscow (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin may be hoping that a swift mission will quickly restore order and leave Kazakhstan grateful and indebted to Moscow']}]->(b);
MATCH (a:Statement {name: 'Walker: Putin may hope to leave Kazakhstan indebted to Moscow (004)'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin may be hoping that a swift mission will quickly restore order and leave Kazakhstan grateful and indebted to Moscow']}]->(b);
MATCH (a:Statement {name: 'Walker: Putin may hope to leave Kazakhstan indebted to Moscow (004)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin may be hoping that a swift mission will quickly restore order and leave Kazakhstan grateful and indebted to Moscow']}]->(b);
MATCH (a:Statement {name: 'Walker: Putin may hope to leave Kazakhstan indebted to Moscow (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin may be hoping that a swift mission will quickly restore order and leave Kazakhstan grateful and indebted to Moscow']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: Russians may expect favours in return (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Russians may expect favours in return']}]->(b);
MATCH (a:Statement {name: 'Walker: Russians may expect favours in return (004)'}), (b:Country {name: 'Russia'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Russians may expect favours in return']}]->(b);
MATCH (a:Statement {name: 'Walker: Russians may expect favours in return (004)'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Russians may expect favours in return']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: CSTO move seen as Russian intervention caused dismay (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The fact that the CSTO move is seen as a Russian intervention has caused dismay for many in Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Walker: CSTO move seen as Russian intervention caused dismay (004)'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The fact that the CSTO move is seen as a Russian intervention has caused dismay for many in Kazakhstan']}]->(b);
MATCH (a:Statement {name: 'Walker: CSTO move seen as Russian intervention caused dismay (004)'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The fact that the CSTO move is seen as a Russian intervention has caused dismay for many in Kazakhstan']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: Nazarbayev\'s achievement was avoiding ethnic conflict (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['one of the former president Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Statement {name: 'Walker: Nazarbayev\'s achievement was avoiding ethnic conflict (004)'}), (b:Person {name: 'Nursultan Nazarbayev'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['one of the former president Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Statement {name: 'Walker: Nazarbayev\'s achievement was avoiding ethnic conflict (004)'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['one of the former president Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Statement {name: 'Walker: Nazarbayev\'s achievement was avoiding ethnic conflict (004)'}), (b:Group {name: 'Ethnic Russians'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['one of the former president Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country']}]->(b);
MATCH (a:Person {name: 'Shaun Walker'}), (b:Statement {name: 'Walker: Kazakhstan pursued a multi-vector foreign policy (004)'})
CREATE (a)-[:SAID {claimants: ['Shaun Walker'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Kazakhstan has proudly pursued a “multi-vector” foreign policy for years']}]->(b);
MATCH (a:Statement {name: 'Walker: Kazakhstan pursued a multi-vector foreign policy (004)'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Kazakhstan has proudly pursued a “multi-vector” foreign policy for years']}]->(b);
MATCH (a:Statement {name: 'Walker: Kazakhstan pursued a multi-vector foreign policy (004)'}), (b:Group {name: 'The West'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Kazakhstan has proudly pursued a “multi-vector” foreign policy for years']}]->(b);
MATCH (a:Statement {name: 'Walker: Kazakhstan pursued a multi-vector foreign policy (004)'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:ABOUT {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['its close relations with Moscow were offset by good relations with western nations']}]->(b);
