// Facts: the request for help and the deployment.

MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Group {name: 'Heads of state of the CSTO'})
CREATE (a)-[:REQUESTED_HELP_FROM {reason_given: 'to overcome the terrorist threat', sources: ['000_0a7db17c29c7cefc'], quotes: ['he asked the heads of state of the Collective Security Treaty Organization to help Kazakhstan to overcome the terrorist threat']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:REQUESTED_HELP_FROM {reason_given: 'terrorist threat', sources: ['003_3fd1592d44546a5b'], quotes: ['Tokayev said in his request for aid that military assistance was necessary to help Kazakhstan overcome a “terrorist threat.”']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:REQUESTED_HELP_FROM {sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['After Tokayev\'s cry for help', 'the President of Kazakhstan has turned to the Russian-led security alliance for help', 'Tokayev’s request to the CSTO']}]->(b);
MATCH (a:Country {name: 'Kazakhstan'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:REQUESTED_HELP_FROM {sources: ['001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6'], quotes: ['the Kremlin-led military alliance CSTO intervened at Kazakhstan\'s request for the first time', 'Why does Kazakhstan call for CSTO support?']}]->(b);
MATCH (a:Group {name: 'Heads of state of the CSTO'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:PART_OF {sources: ['000_0a7db17c29c7cefc'], quotes: ['the heads of state of the Collective Security Treaty Organization']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:THANKED {reason: 'for their help', sources: ['001_df0b0ae9aa495f62'], quotes: ['Now Tokayev thanks the Russian-dominated Collective Security Treaty Organization for their help.']}]->(b);
MATCH (a:Person {name: 'Kassym-Jomart Tokayev'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:THANKED {reason: 'for sending the troops', as_written: 'special thanks', sources: ['004_8fee76bbb89f30fb'], quotes: ['Tokayev gave “special thanks” to Vladimir Putin for sending the troops']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:DEPLOYED_TO {sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['The ODKB troops are officially in Kazakhstan to avert an external threat.', 'the sending of a CSTO troop to Kazakhstan', '2,500 Collective Security Treaty Organization peacekeepers will be deployed', 'Collective peacekeeping forces to the Republic of Kazakhstan', 'the deployment of troops from the Russian-led Collective Security Treaty Organisation (CSTO) to Kazakhstan']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:OCCURRED_ON {day_as_written: 'Thursday', qualifier: 'deployment to Kazakhstan', sources: ['004_8fee76bbb89f30fb'], quotes: ['to Kazakhstan on Thursday']}]->(b);
MATCH (a:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:PART_OF {sources: ['002_3074dcfb28b80eb6', '004_8fee76bbb89f30fb'], quotes: ['By Thursday, the aircraft of the Russian elite airborne troops had flown to Kazakhstan.', 'on Thursday morning Russian paratroopers were already arriving in Kazakhstan']}]->(b);
MATCH (a:Event {name: 'Russian forces gathering in Moscow'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:PART_OF {sources: ['003_3fd1592d44546a5b'], quotes: ['Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['000_0a7db17c29c7cefc', '001_df0b0ae9aa495f62', '002_3074dcfb28b80eb6', '003_3fd1592d44546a5b', '004_8fee76bbb89f30fb'], quotes: ['Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'Russian CSTO peacekeepers disembarking', 'The Russian component comes from the military’s special training for rapid response operations', 'Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan', 'Russian paratroopers were already arriving in Kazakhstan']}]->(b);
MATCH (a:Country {name: 'Belarus'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], quotes: ['Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'Russian military transport aircraft will also bring in troops from Belarus, Tajikistan, Kyrgyzstan and Armenia.']}]->(b);
MATCH (a:Country {name: 'Armenia'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], quotes: ['Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'Russian military transport aircraft will also bring in troops from Belarus, Tajikistan, Kyrgyzstan and Armenia.']}]->(b);
MATCH (a:Country {name: 'Kyrgyzstan'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], quotes: ['Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'Russian military transport aircraft will also bring in troops from Belarus, Tajikistan, Kyrgyzstan and Armenia.']}]->(b);
MATCH (a:Country {name: 'Tajikistan'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['000_0a7db17c29c7cefc', '002_3074dcfb28b80eb6'], quotes: ['Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan', 'Russian military transport aircraft will also bring in troops from Belarus, Tajikistan, Kyrgyzstan and Armenia.']}]->(b);
MATCH (a:Person {name: 'Andrei Serdyukov'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:LEADS {role: 'commander', sources: ['002_3074dcfb28b80eb6'], quotes: ['The mission in Kazakhstan will be led by Andrei Serdyukov']}]->(b);
MATCH (a:MilitaryUnit {name: '45th Guards Special Purpose Brigade'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:PART_OF {contingent: 'Russian', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian component comes from the military’s special training for rapid response operations: the 45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:MilitaryUnit {name: '98th Guards Airborne Division'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:PART_OF {contingent: 'Russian', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian component comes from the military’s special training for rapid response operations: the 45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:MilitaryUnit {name: '31st Independent Guards Command'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:PART_OF {contingent: 'Russian', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian component comes from the military’s special training for rapid response operations: the 45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Place {name: 'Almaty Airport'})
CREATE (a)-[:POSTED_AT {contingent: 'Russian', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian army has been deployed at the Almaty airport']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Place {name: 'Key infrastructure sites in Kazakhstan'})
CREATE (a)-[:GUARDS {claimant: 'Russian defence ministry', as_written: 'guard key infrastructure sites', sources: ['004_8fee76bbb89f30fb'], quotes: ['Russian defence ministry said it was used to guard key infrastructure sites']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Place {name: 'Key infrastructure sites in Kazakhstan'})
CREATE (a)-[:GUARDS {claimant: 'ODKB and Russian politicians', as_written: 'secure objects', sources: ['000_0a7db17c29c7cefc'], quotes: ['the foreign troops should only serve to secure objects']}]->(b);
MATCH (a:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:ASSISTS {sources: ['001_df0b0ae9aa495f62'], quotes: ['around 2,500 foreign soldiers who were supposed to support the Kazakh security forces']}]->(b);
MATCH (a:Country {name: 'Russia'}), (b:Deployment {name: 'Russian forces stationed in Tajikistan'})
CREATE (a)-[:CONTRIBUTED_TROOPS {sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia has approximately 7,000 soldiers stationed in the country.']}]->(b);
MATCH (a:Deployment {name: 'Russian forces stationed in Tajikistan'}), (b:Country {name: 'Tajikistan'})
CREATE (a)-[:DEPLOYED_TO {reading: '"the country" read as Tajikistan', sources: ['002_3074dcfb28b80eb6'], quotes: ['Afghanistan, which has a long border with Tajikistan. Russia has approximately 7,000 soldiers stationed in the country.']}]->(b);
