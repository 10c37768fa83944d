// Facts: events, their order, dates, places and participants.

MATCH (a:Event {name: 'Dissolution of the Soviet Union'}), (b:Event {name: '30 years of Kazakhstan\'s independence'})
CREATE (a)-[:PRECEDED {interval: '30 years (Kazakhstan has just celebrated 30 years of independence)', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan has just celebrated 30 years of independence from Moscow.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:PARTICIPATED_IN {role: 'requester', claimants: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['Tokayev\'s request for help', 'his request for external military assistance', 'Tokayev said in his request for aid', 'Tokayev’s request']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:PARTICIPATED_IN {role: 'addressee', claimants: ['002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['Kazakhstan seeks help from a Russian-led security organization', 'Tokayev’s request to the CSTO']}]->(b);
MATCH (a:Group {name: 'Heads of state of the CSTO'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:PARTICIPATED_IN {role: 'addressee', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['he asked the heads of state of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s request for CSTO assistance'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:PART_OF {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Because of this situation, he asked the heads of state of the Collective Security Treaty Organization to help Kazakhstan to overcome the terrorist threat.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:PARTICIPATED_IN {role: 'speaker', claimants: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], quotes: ['Kassym-Shomart Tokayev gave a dramatic televised address', 'Kassim-Jomat Tokayev said on television Wednesday evening']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s televised address requesting CSTO help'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Thursday', time_of_day: 'night', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', fact: 'day of Tokayev\'s televised address', sources: ['000_0a7db17c29c7cefc'], quotes: ['gave a dramatic televised address for the second time within a few hours on Thursday night']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s televised address requesting CSTO help'}), (b:Day {name: '2022-01-05'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Wednesday', time_of_day: 'evening', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', fact: 'day of Tokayev\'s televised address', sources: ['002_3074dcfb28b80eb6'], quotes: ['said on television Wednesday evening']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s request for CSTO assistance'}), (b:Day {name: '2022-01-05'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Wednesday', qualifier: 'news of the request broke', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', sources: ['004_8fee76bbb89f30fb'], quotes: ['As news broke on Wednesday of Tokayev’s request to the CSTO']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s request for CSTO assistance'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:PRECEDED {interval: 'a few hours', claimants: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['A few hours later, the Russian-led military alliance officially announced', 'Within a few hours, the Collective Security Treaty Organization (CSTO) announced that it was ready to accept requests for assistance.', 'When Tokayev’s request came, the CSTO jumped into action in a matter of hours']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s request for CSTO assistance'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:TRIGGERED {claimants: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '003_3fd1592d44546a5b'], quotes: ['At the request of the country, a Russian-led military alliance interferes.', 'has agreed to the request']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'decision-maker', claimants: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['the Russian-led military alliance officially announced', 'the Collective Security Treaty Organization (CSTO) announced that it was ready to accept requests for assistance', 'The Russian-backed Collective Security Treaty Organisation (CSTO) has agreed to send in military forces to Kazakhstan', 'the CSTO jumped into action in a matter of hours']}]->(b);
MATCH (a:Person {name: 'Nikol Pashinyan'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:AGREED_TO {capacity: 'Chairman of the CSTO Security Council', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council, Armenian Prime Minister Nikol Pashinyan, has agreed to the request.']}]->(b);
MATCH (a:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:OCCURRED_IN {certainty: 'almost certainly (analysis)', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Person {name: 'Vladimir Putin'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'made the final call (analysis)', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin will have made the final call']}]->(b);
MATCH (a:Person {name: 'Alexander Lukashenko'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:SUPPORTED {as_written: 'cheered on', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['It was cheered on by Belarus’s Alexander Lukashenko']}]->(b);
MATCH (a:Group {name: 'Some in Moscow'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:SUPPORTED {as_written: 'praised', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Some in Moscow praised the decision to intervene.']}]->(b);
MATCH (a:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:TRIGGERED {claimants: ['000_0a7db17c29c7cefc', '003_3fd1592d44546a5b'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '003_3fd1592d44546a5b'], quotes: ['the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'the CSTO would be sending Collective peacekeeping forces to the Republic of Kazakhstan']}]->(b);
MATCH (a:Event {name: 'Resignation of the Kazakh government'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:PRECEDED {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['continued to protest despite the resignation of the current sitting government']}]->(b);
MATCH (a:Organization {name: 'government of Kazakhstan'}), (b:Event {name: 'Resignation of the Kazakh government'})
CREATE (a)-[:PARTICIPATED_IN {role: 'resigned', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['the resignation of the current sitting government']}]->(b);
MATCH (a:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Thursday', time_of_day: 'morning', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', sources: ['004_8fee76bbb89f30fb'], quotes: ['on Thursday morning Russian paratroopers were already arriving in Kazakhstan']}]->(b);
MATCH (a:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Thursday', qualifier: 'by', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', sources: ['002_3074dcfb28b80eb6'], quotes: ['By Thursday, the aircraft of the Russian elite airborne troops had flown to Kazakhstan.']}]->(b);
MATCH (a:MilitaryUnit {name: 'Russian airborne forces'}), (b:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'arriving troops', claimants: ['002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['the aircraft of the Russian elite airborne troops had flown to Kazakhstan', 'Russian paratroopers were already arriving in Kazakhstan']}]->(b);
MATCH (a:Event {name: 'Russian forces gathering in Moscow'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:OCCURRED_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian forces are said to be gathering in Moscow']}]->(b);
MATCH (a:Event {name: 'Fuel price increase in Kazakhstan'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:TRIGGERED {claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['the unrest sparked on January 2 by the rise in fuel prices', 'The anger over the doubling of the price of liquefied petroleum gas, which is used as fuel for cars, only triggered the protests.', 'The current crisis began at the beginning of this week when people peacefully protested against the sudden increase in car fuel prices.']}]->(b);
MATCH (a:Event {name: 'Fuel price increase in Kazakhstan'}), (b:Topic {name: 'Liquefied petroleum gas'})
CREATE (a)-[:ABOUT {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the doubling of the price of liquefied petroleum gas, which is used as fuel for cars']}]->(b);
MATCH (a:Event {name: 'January 2022 unrest in Kazakhstan'}), (b:Day {name: '2022-01-02'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'January 2', qualifier: 'start', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the unrest sparked on January 2']}]->(b);
MATCH (a:Event {name: 'January 2022 unrest in Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:OCCURRED_IN {claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['the suppression of the uprising in Kazakhstan', 'Unprecedented unrest has been shaking the country for days', 'large-scale rallies have sprung up across the country', 'thousands of Kazakhs across the country continued to protest', 'quell internal unrest in one of its member states']}]->(b);
MATCH (a:Event {name: 'January 2022 unrest in Kazakhstan'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:OCCURRED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the riots in Almaty are still going on']}]->(b);
MATCH (a:Event {name: 'January 2022 unrest in Kazakhstan'}), (b:Place {name: 'Almaty airport'})
CREATE (a)-[:OCCURRED_IN {as_written: 'where the most serious riots occurred', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Almaty airport where the most serious riots occurred']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'protesters', claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['numerous dead protesters, police officers and soldiers', 'people peacefully protested against the sudden increase in car fuel prices', 'demonstrators continued to protest', 'crushing the protests']}]->(b);
MATCH (a:Group {name: 'Kazakhs'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'protesters', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['thousands of Kazakhs across the country continued to protest']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:PROTESTED_AGAINST {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['people peacefully protested against the sudden increase in car fuel prices']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:PROTESTED_AGAINST {as_written: 'autocratic government', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The riots turned into sometimes bloody protests against the autocratic government.']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Person {name: 'Nursultan Nazarbayev'})
CREATE (a)-[:PROTESTED_AGAINST {as_written: 'continuing dominance of former President Nursultan Nazarbayev', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['demonstrators continued to protest the continuing dominance of former President Nursultan Nazarbayev over the country']}]->(b);
MATCH (a:Event {name: 'Rally in Almaty on 4 January 2022'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes']}]->(b);
MATCH (a:Event {name: 'Rally in Almaty on 4 January 2022'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:OCCURRED_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty']}]->(b);
MATCH (a:Event {name: 'Rally in Almaty on 4 January 2022'}), (b:Day {name: '2022-01-04'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Jan. 4, 2022', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Event {name: 'Fuel price increase in Kazakhstan'}), (b:Event {name: 'Rally in Almaty on 4 January 2022'})
CREATE (a)-[:PRECEDED {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['a rally in Almaty after energy price hikes']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Event {name: 'Rally in Almaty on 4 January 2022'})
CREATE (a)-[:PARTICIPATED_IN {role: 'protesters', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty']}]->(b);
MATCH (a:Event {name: 'Storming of public buildings and the airport in Almaty'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['In the meantime, rioters had stormed numerous public buildings, especially in Almaty, as well as the airport.']}]->(b);
MATCH (a:Group {name: 'Protesters in Kazakhstan'}), (b:Event {name: 'Storming of public buildings and the airport in Almaty'})
CREATE (a)-[:PARTICIPATED_IN {role: 'rioters', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['rioters had stormed numerous public buildings']}]->(b);
MATCH (a:Event {name: 'Storming of public buildings and the airport in Almaty'}), (b:Place {name: 'public buildings'})
CREATE (a)-[:OCCURRED_IN {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['rioters had stormed numerous public buildings, especially in Almaty']}]->(b);
MATCH (a:Event {name: 'Storming of public buildings and the airport in Almaty'}), (b:Place {name: 'Almaty airport'})
CREATE (a)-[:OCCURRED_IN {as_written: 'the airport', claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['especially in Almaty, as well as the airport']}]->(b);
MATCH (a:Event {name: 'Storming of public buildings and the airport in Almaty'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:OCCURRED_IN {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['especially in Almaty']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'State of emergency in Kazakhstan'})
CREATE (a)-[:PARTICIPATED_IN {role: 'declared', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Military crackdown on the protests'})
CREATE (a)-[:PARTICIPATED_IN {role: 'let the military crack down', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['let the military crack down on the protests']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Order to shoot'})
CREATE (a)-[:PARTICIPATED_IN {role: 'gave the order to shoot', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', fact: 'Tokayev\'s order to shoot', sources: ['001_df0b0ae9aa495f62'], quotes: ['even gave the order to shoot']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Order to shoot'})
CREATE (a)-[:PARTICIPATED_IN {role: 'personally approved orders to shoot to kill', claimants: ['Kassym-Jomart Tokayev'], rank: 'normal', fact: 'Tokayev\'s order to shoot', sources: ['004_8fee76bbb89f30fb'], quotes: ['he said he had personally approved orders to shoot to kill']}]->(b);
MATCH (a:Event {name: 'Military crackdown on the protests'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['let the military crack down on the protests']}]->(b);
MATCH (a:Event {name: 'Blocking of social networks and the Internet'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Social networks and the Internet were also temporarily blocked.']}]->(b);
MATCH (a:Event {name: 'January 2022 unrest in Kazakhstan'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:TRIGGERED {claimants: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['Because of this situation, he asked the heads of state', 'In view of the violent protests, the Kremlin-led military alliance CSTO intervened at Kazakhstan\'s request', 'In the face of increasing domestic unrest and apparent uncertainty about law enforcement and military loyalty, the President of Kazakhstan has turned to the Russian-led security alliance for help.']}]->(b);
MATCH (a:Event {name: 'Lowering of consumer fuel prices'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {as_written: 'prices lowered again while protests became politicized', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Although prices for consumers have been lowered again, the protests have become politicized.']}]->(b);
MATCH (a:Organization {name: 'Almaty police service'}), (b:Event {name: 'Counter-terror operation in Almaty'})
CREATE (a)-[:PARTICIPATED_IN {role: 'announced and conducts the operation', claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service in Kazakhstan’s former capital also announced in a statement that they will be conducting an operation to secure law and order']}]->(b);
MATCH (a:Event {name: 'Counter-terror operation in Almaty'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:OCCURRED_IN {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['A special counter-terror operation has been launched in the city to establish order']}]->(b);
MATCH (a:Event {name: 'Counter-terror operation in Almaty'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:PART_OF {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['an operation to secure law and order']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Announcement that constitutional order was restored'})
CREATE (a)-[:PARTICIPATED_IN {role: 'announced', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', fact: 'who announced that constitutional order was restored', sources: ['001_df0b0ae9aa495f62'], quotes: ['The constitutional order was restored, the head of state announced on Friday.']}]->(b);
MATCH (a:Organization {name: 'government of Kazakhstan'}), (b:Event {name: 'Announcement that constitutional order was restored'})
CREATE (a)-[:PARTICIPATED_IN {role: 'announced', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', fact: 'who announced that constitutional order was restored', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”']}]->(b);
MATCH (a:Event {name: 'Announcement that constitutional order was restored'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Friday', claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['the head of state announced on Friday', 'The government of Kazakhstan said on Friday']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Event {name: 'Tokayev\'s address to the nation on Friday'})
CREATE (a)-[:PARTICIPATED_IN {role: 'speaker', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday']}]->(b);
MATCH (a:Event {name: 'Tokayev\'s address to the nation on Friday'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Friday', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', inferred: true, rule: 'weekday resolved to the week of 2-7 January 2022 (Wednesday 5, Thursday 6, Friday 7)', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday']}]->(b);
MATCH (a:Country {name: 'Kazakhstan'}), (b:Event {name: '30 years of Kazakhstan\'s independence'})
CREATE (a)-[:PARTICIPATED_IN {role: 'celebrated', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan has just celebrated 30 years of independence from Moscow.']}]->(b);
MATCH (a:Country {name: 'Soviet Union'}), (b:Event {name: 'Dissolution of the Soviet Union'})
CREATE (a)-[:PARTICIPATED_IN {role: 'dissolved state', claimants: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], rank: 'normal', sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['since the collapse of the Soviet Union', 'the disintegration of the Soviet Union']}]->(b);
MATCH (a:Organization {name: 'Warsaw Pact'}), (b:Event {name: 'Cold War'})
CREATE (a)-[:PARTICIPATED_IN {role: 'alliance of the period', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['"a relic of the Warsaw Pact" from the Cold War']}]->(b);
MATCH (a:Organization {name: 'Warsaw Pact'}), (b:Event {name: 'Warsaw Pact intervention in Prague (1968)'})
CREATE (a)-[:PARTICIPATED_IN {role: 'intervening alliance', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['after its tanks rolled into Prague in 1968 to crush a reform movement there']}]->(b);
MATCH (a:Event {name: 'Warsaw Pact intervention in Prague (1968)'}), (b:Place {name: 'Prague'})
CREATE (a)-[:OCCURRED_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['its tanks rolled into Prague in 1968']}]->(b);
MATCH (a:Event {name: 'Warsaw Pact intervention in Prague (1968)'}), (b:Event {name: 'Prague Spring'})
CREATE (a)-[:TARGETED {as_written: 'to crush a reform movement there', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['to crush a reform movement there']}]->(b);
MATCH (a:Event {name: 'Prague Spring'}), (b:Place {name: 'Prague'})
CREATE (a)-[:OCCURRED_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the so-called Prague spring of 1968']}]->(b);
MATCH (a:Country {name: 'Soviet Union'}), (b:Event {name: 'Hungarian Revolution of 1956'})
CREATE (a)-[:PARTICIPATED_IN {role: 'crushed the revolution', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Soviet crushing of the Hungarian revolution in 1956']}]->(b);
MATCH (a:Event {name: 'Hungarian Revolution of 1956'}), (b:Country {name: 'Hungary'})
CREATE (a)-[:OCCURRED_IN {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Hungarian revolution in 1956']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Event {name: 'Prague Spring'})
CREATE (a)-[:COMPARED_TO {as_written: 'eerie echoes', claimants: ['Unnamed commentators (004)'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['some heard “eerie echoes” of the so-called Prague spring of 1968']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Event {name: 'Hungarian Revolution of 1956'})
CREATE (a)-[:COMPARED_TO {as_written: 'eerie echoes', claimants: ['Unnamed commentators (004)'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['some heard “eerie echoes” of the so-called Prague spring of 1968, and the Soviet crushing of the Hungarian revolution in 1956.']}]->(b);
MATCH (a:Organization {name: 'Kremlin'}), (b:Event {name: 'Annexation of Crimea (2014)'})
CREATE (a)-[:PARTICIPATED_IN {role: 'annexed', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014']}]->(b);
MATCH (a:Event {name: 'Annexation of Crimea (2014)'}), (b:Place {name: 'Crimea'})
CREATE (a)-[:OCCURRED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['annexed Crimea in 2014']}]->(b);
MATCH (a:Event {name: 'War in Eastern Ukraine'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:OCCURRED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['the Eastern Ukraine War']}]->(b);
MATCH (a:Event {name: 'Capture of 98th Guards Airborne Division soldiers in Ukraine (2014)'}), (b:Event {name: 'War in Eastern Ukraine'})
CREATE (a)-[:PART_OF {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['while participating in a secret military operation in the Eastern Ukraine War']}]->(b);
MATCH (a:MilitaryUnit {name: '98th Guards Airborne Division'}), (b:Event {name: 'Capture of 98th Guards Airborne Division soldiers in Ukraine (2014)'})
CREATE (a)-[:PARTICIPATED_IN {role: 'soldiers captured', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['a group of soldiers from the 98th Division of the Guards Airborne Division was apparently taken prisoner']}]->(b);
MATCH (a:Organization {name: 'Ukrainian armed forces'}), (b:Event {name: 'Capture of 98th Guards Airborne Division soldiers in Ukraine (2014)'})
CREATE (a)-[:PARTICIPATED_IN {role: 'captor', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['taken prisoner by the Ukrainian armed forces']}]->(b);
MATCH (a:Country {name: 'Kyrgyzstan'}), (b:Event {name: 'Kyrgyzstan-Tajikistan border dispute'})
CREATE (a)-[:PARTICIPATED_IN {role: 'party', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['two members of Kyrgyzstan and Tajikistan were involved in a chaotic and bloody border dispute']}]->(b);
MATCH (a:Country {name: 'Tajikistan'}), (b:Event {name: 'Kyrgyzstan-Tajikistan border dispute'})
CREATE (a)-[:PARTICIPATED_IN {role: 'party', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['two members of Kyrgyzstan and Tajikistan were involved in a chaotic and bloody border dispute']}]->(b);
MATCH (a:Organization {name: 'Collective Security Treaty Organization'}), (b:Event {name: 'Kyrgyzstan-Tajikistan border dispute'})
CREATE (a)-[:PARTICIPATED_IN {role: 'looked on indifferently', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['CSTO looked indifferently.']}]->(b);
MATCH (a:Person {name: 'Alexander Lukashenko'}), (b:Event {name: 'Belarus revolution of 2020'})
CREATE (a)-[:PARTICIPATED_IN {role: 'crushed it using domestic forces', claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['who in 2020 was able to crush a huge revolution using his own domestic forces']}]->(b);
MATCH (a:Event {name: 'Belarus revolution of 2020'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:OCCURRED_IN {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['After conflicts in Belarus']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Event {name: 'Belarus revolution of 2020'})
CREATE (a)-[:PARTICIPATED_IN {role: 'helped Lukashenko', claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['after helping “dictator” Lukashenko in Belarus']}]->(b);
MATCH (a:Country {name: 'Russian Empire'}), (b:Event {name: 'Russian Empire conquest of Kazakh territory'})
CREATE (a)-[:PARTICIPATED_IN {role: 'conqueror', claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The territory of Kazakhstan was conquered by the Russian Empire in the 19th century']}]->(b);
MATCH (a:Event {name: 'Russian Empire conquest of Kazakh territory'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:OCCURRED_IN {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The territory of Kazakhstan was conquered by the Russian Empire in the 19th century']}]->(b);
