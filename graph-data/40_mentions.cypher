// MENTIONS: each article to every entity it names (quote = the passage naming it).

MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['When the Kazakh President Kassym-Shomart Tokayev gave a dramatic televised address for the second']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO"']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Explanation: Kazakhstan seeks help from a Russian-led security organization']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian-Backed Security Bloc Sends Troops to Kazakhstan After President Calls for Help']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Country {name: 'Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin taking a risk in Kazakhstan and may hope for reward']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Russia'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['televised address for the second time within a few hours on Thursday night, he spoke Russian: He spoke of "terrorists" who raged in the country and fought fierce battles with']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Russia'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO"']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Russia'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Explanation: Kazakhstan seeks help from a Russian-led security organization']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Country {name: 'Russia'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Russian-Backed Security Bloc Sends Troops to Kazakhstan After President Calls for Help']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Country {name: 'Russia'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['With the deployment of troops from the Russian-led Collective Security Treaty Organisation (CSTO) to Kazakhstan on Thursday, some']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Along with Belarus, the country is considered to be one of Russia\'s most important allies in the region']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Country {name: 'Belarus'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['It was cheered on by Belarus’s Alexander Lukashenko, who in 2020 was able to crush a huge revolution using his own domestic forces, but Putin will have made the final call.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Armenia'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Armenia'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Armenia'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Country {name: 'Armenia'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council, Armenian Prime Minister Nikol Pashinyan, has agreed to the request.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Kyrgyzstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Kyrgyzstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Kyrgyzstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Country {name: 'Tajikistan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Tajikistan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In addition to Russia and Kazakhstan, the alliance also includes Kyrgyzstan, Belarus, Armenia and Tajikistan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Tajikistan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In addition to Russia, it also includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This is crucial, especially with a view to the other trouble spot, Ukraine.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Ukraine'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['98th Division of the Guards Airborne Division was apparently taken prisoner by the Ukrainian armed forces while participating in a secret military operation in the Eastern Ukraine']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Afghanistan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Instead, the group’s focus is more on strengthening preparations for potential spillovers from Afghanistan, which has a long border with Tajikistan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Country {name: 'Hungary'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['“eerie echoes” of the so-called Prague spring of 1968, and the Soviet crushing of the Hungarian revolution in 1956.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'France'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The former French soldier and defense expert Pascal Ausseur, who now heads the political institute']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Country {name: 'Australia'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter who focuses on national politics and the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'US'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The US had rejected reports of possible entanglements.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['After conflicts in Belarus, for example, it is the first time that Moscow has reacted in this way to a precarious situation in an ex-Soviet republic.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Collective Security Treaty Organization was established after the disintegration of the Soviet Union in the first half of the 1990s.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Kazakh President Kassym-Jomart Tokayev called on the Russian-aligned bloc of former soviet countries for international support after demonstrators continued to protest the']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Country {name: 'Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The old joke about the Soviet-led Warsaw Pact was that it was the only military alliance to attack itself, after its tanks rolled into Prague in 1968 to crush a reform movement there.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Country {name: 'Russian Empire'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The territory of Kazakhstan was conquered by the Russian Empire in the 19th century, and its northern region has a large ethnic Russian population.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['In the meantime, rioters had stormed numerous public buildings, especially in Almaty, as well as the airport.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Almaty / Moscow - The Kazakh head of state Kassym-Shomart Tokayev only had to call - and Russia rushed to help.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['large-scale rallies have sprung up across the country and violence broke out in Almaty, the country’s commercial capital, reports of law enforcement agencies refusing']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Place {name: 'Almaty airport'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Rioters stormed the airport']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Place {name: 'Almaty airport'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian army has been deployed at the Almaty airport where the most serious riots occurred.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Nur Sultan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['televised address, the president has vowed that he will remain in the Kazakh capital, Nur Sultan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Place {name: 'Baikonur'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Russian spaceport Baikonur is also located in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Almaty / Moscow - The Kazakh head of state Kassym-Shomart Tokayev only had to call - and Russia rushed to help.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Kazakhstan is a close and loyal ally of Moscow, and its feelings for Russia are usually positive.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Currently, Russian military watchers have noted that Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Place {name: 'Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Analysis: CSTO may be an alliance but decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Place {name: 'Prague'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The old joke about the Soviet-led Warsaw Pact was that it was the only military alliance to attack itself, after its tanks rolled into Prague in 1968 to crush a reform movement there.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Place {name: 'Crimea'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014, it raised concerns about the oppression of ethnic Russians in Ukraine.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Place {name: 'Crimea'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Place {name: 'northern region'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The territory of Kazakhstan was conquered by the Russian Empire in the 19th century, and its northern region has a large ethnic Russian population.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Place {name: 'key infrastructure sites'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['And both the ODKB and Russian politicians emphasized on Thursday that the foreign troops should only serve to secure objectswhile the "restoration of order" is the responsibility of the Kazakh forces.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Place {name: 'key infrastructure sites'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The force totals about 2,500 personnel, the regional alliance has said, and Russian defence ministry said it was used to guard key infrastructure sites.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Place {name: 'public buildings'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['In the meantime, rioters had stormed numerous public buildings, especially in Almaty, as well as the airport.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Place {name: 'Caucasus'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Ausseur considers the sending of a CSTO troop to Kazakhstan "a possibility to give the impression of an intervention of all Caucasus countries - and not only Russia -".']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Place {name: 'post-Soviet space'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This military operation is a change of course in the post-Soviet space, believes the Russian political scientist Fyodor Lukyanov.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Central Asia'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter who focuses on national politics and the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Middle East'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter who focuses on national politics and the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Place {name: 'Asia-pacific region'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark is an Australian based reporter who focuses on national politics and the geopolitical environment in the Asia-pacific region, the Middle East and Central Asia.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Day {name: '2022-01-02'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['the Russian Foreign Ministry also saw outside forces behind the unrest sparked on January 2 by the rise in fuel prices: “We see recent events as one our friendly country as']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Day {name: '2022-01-04'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Day {name: '2022-01-05'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['military assistance, Kazakhstan President Kassim-Jomat Tokayev said on television Wednesday evening that the riots were caused by an “international terrorist organization.”']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Day {name: '2022-01-05'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['As news broke on Wednesday of Tokayev’s request to the CSTO, the editor-in-chief of the state-run television station RT, Margarita Simonyan, set out a wishlist of demands.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev gave a dramatic televised address for the second time within a few hours on Thursday night, he spoke Russian: He spoke of "terrorists" who raged in the country and fought']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['By Thursday, the aircraft of the Russian elite airborne troops had flown to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Day {name: '2022-01-06'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['the Russian-led Collective Security Treaty Organisation (CSTO) to Kazakhstan on Thursday, some heard “eerie echoes” of the so-called Prague spring of 1968, and the Soviet']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO" Created: 01/07/2022, 6:20 PM From: Anna-Katharina Ahnefeld The situation in Kazakhstan is escalating.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”, but the riots in Almaty are still going on.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Day {name: '2022-01-07'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday in which he said he had personally approved orders to shoot to kill, Tokayev gave']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Because of this situation, he asked the heads of state of the Collective Security Treaty Organization to help Kazakhstan to overcome the terrorist threat.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO"']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['and military loyalty, the President of Kazakhstan has turned to the Russian-led security alliance for help.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Russian-backed Collective Security Treaty Organisation (CSTO) has agreed to send in military forces to Kazakhstan to combat what has been']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Collective Security Treaty Organization'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Analysis: CSTO may be an alliance but decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'CSTO Security council'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council, Armenian Prime Minister Nikol Pashinyan, has agreed to the request.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'NATO'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance consists of six former Soviet republics and is regarded as a kind of "mini-NATO", an alternative to the North Atlantic Pact founded in 2002.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['now heads the political institute FMES, described the alliance as "a relic of the Warsaw Pact" from the Cold War, according to the Agence France-Presse news agency.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Warsaw Pact'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The old joke about the Soviet-led Warsaw Pact was that it was the only military alliance to attack itself, after its tanks rolled into Prague in 1968 to crush a reform movement there.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'CIS'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Political correspondent for Russia and the CIS in Moscow.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'EU'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Zas, Secretary-General of the Collective Security Treaty Organization, mocked the EU military as a cover for imposing Russian power on Kazakhstan.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'Russian Foreign Ministry'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Tokayev claimed in his speech that the terrorists had been trained abroad, and the Russian Foreign Ministry also saw outside forces behind the unrest sparked on January 2 by the rise in fuel']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Russian Ministry of Defense'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['© Russian Defense Ministry / dpa']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Russian Ministry of Defense'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian Ministry of Defense stated that its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Russian Ministry of Defense'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The force totals about 2,500 personnel, the regional alliance has said, and Russian defence ministry said it was used to guard key infrastructure sites.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'Kremlin'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['This is a first - and not only because it is the first time that the Kremlin is officially participating in the violent end to protests in a neighboring country.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Kremlin'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['In view of the violent protests, the Kremlin-led military alliance CSTO intervened at Kazakhstan\'s request for the first time.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Kremlin'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014, it raised concerns about the oppression of ethnic Russians in Ukraine.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The riots turned into sometimes bloody protests against the autocratic government.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”, but the riots in Almaty are still going on.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'government of Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['of Kazakhs across the country continued to protest despite the resignation of the current sitting government.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Videos were posted on the Internet showing how Kazakh security forces went over to the protesters.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The alliance spoke of a total of around 2,500 foreign soldiers who were supposed to support the Kazakh security forces.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['MOSCOW-In the face of increasing domestic unrest and apparent uncertainty about law enforcement and military loyalty, the President of Kazakhstan has turned to the Russian-led']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Kazakh security forces'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['justify his appeal, but the call to the CSTO suggests he no longer felt he could trust his own forces.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Almaty police service'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service in Kazakhstan’s former capital also announced in a statement that they will be conducting an operation to secure law and order, reported TASS.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The picture by the state agency Tass shows Russian CSTO peacekeepers disembarking from one of the nine Russian IL-76 military transport aircraft upon arrival in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'TASS'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service in Kazakhstan’s former capital also announced in a statement that they will be conducting an operation to secure law and order, reported TASS.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'RIA Novosti'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In an interview with the Russian state news agency RIA Novosti, Stanislav Zas, Secretary-General of the Collective Security Treaty Organization,']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['the alliance as "a relic of the Warsaw Pact" from the Cold War, according to the Agence France-Presse news agency.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Agence France-Presse'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'dpa'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['© Russian Defense Ministry / dpa']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Getty Images'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'RT'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['As news broke on Wednesday of Tokayev’s request to the CSTO, the editor-in-chief of the state-run television station RT, Margarita Simonyan, set out a wishlist of demands.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'FMES'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['soldier and defense expert Pascal Ausseur, who now heads the political institute FMES, described the alliance as "a relic of the Warsaw Pact" from the Cold War, according']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'MGIMO'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO, a leading Moscow university, dismissed comparisons with the Soviet-era Warsaw Pact']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Institute for International Studies'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO, a leading Moscow university, dismissed comparisons with the Soviet-era']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Organization {name: 'Facebook'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Pashinyan said in a post on Facebook that “in view of the threat to national security and the sovereignty of the Republic']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'Twitter'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The events in Kazakhstan represented a “crisis in which Moscow can be instrumental and helpful,” Suchkov wrote on Twitter.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'Telegram'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['"With us not even those who work constantly can make a living," he writes on his blog at Telegram.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'The Limited Times'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Limited Times']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'merkur'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Source: merkur']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Organization {name: 'The Guardian'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The GuardianTramp']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Organization {name: 'US military'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Organization {name: 'Ukrainian armed forces'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['98th Division of the Guards Airborne Division was apparently taken prisoner by the Ukrainian armed forces while participating in a secret military operation in the Eastern Ukraine War.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Rioters stormed the airport']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The balance so far: More than a thousand injured, numerous dead protesters, police officers and soldiers.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The current crisis began at the beginning of this week when people peacefully protested against the sudden increase in car fuel prices.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Group {name: 'Protesters in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['second time within a few hours on Thursday night, he spoke Russian: He spoke of "terrorists" who raged in the country and fought fierce battles with the armed forces, of attacks']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The president described the demonstrators as "armed bandits" and "terrorists".']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Kassim-Jomat Tokayev said on television Wednesday evening that the riots were caused by an “international terrorist organization.” This framework is important because the Collective Security Treaty Organization']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Group {name: 'Alleged terrorists'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['president, Kassym-Jomart Tokayev, claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal, but the call to the CSTO suggests he no longer felt he could']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Group {name: 'Heads of state of the CSTO'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Because of this situation, he asked the heads of state of the Collective Security Treaty Organization to help Kazakhstan to overcome the terrorist threat.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Russian media'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Collective Security Treaty Organization troops are being deployed in Kazakhstan, Russian media reported that there were 3,000 soldiers in the Russian mission alone.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Group {name: 'Russian politicians'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['And both the ODKB and Russian politicians emphasized on Thursday that the foreign troops should only serve to secure objectswhile the "restoration of order" is the responsibility of the Kazakh forces.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Group {name: 'Russian leadership'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours before Tokayev\'s request for help, the Russian leadership had, of course, spoken quite differently: President Vladimir Putin\'s spokesman said']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'Russian leadership'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['"The Russian leadership has decided not to wait until the flames fully break out, but to act." According to observers, Tokayev is now dependent on Putin.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Group {name: 'Russian military watchers'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Currently, Russian military watchers have noted that Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Security analysts'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Over the years, it has failed to trigger numerous security crises among its members, which has prompted security analysts to question its feasibility.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'Observers'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['"The Russian leadership has decided not to wait until the flames fully break out, but to act." According to observers, Tokayev is now dependent on Putin.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'The West'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Putin demonstrates his power to the West']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Group {name: 'The West'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Kazakhstan has proudly pursued a “multi-vector” foreign policy for years, and its close relations with Moscow were offset by good relations with western nations.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Nationalist politicians in Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Nationalist politicians in Moscow often talk about the need to intervene on their behalf one day.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Ethnic Russians'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014, it raised concerns about the oppression of ethnic Russians in Ukraine.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Group {name: 'Ethnic Russians'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['And why are the Kazakh people rising up?']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The sight of Russian troops patrolling the streets of their country will arouse deep ambivalence among Kazakhs.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Kazakhstan to combat what has been called a “terrorist threat” after thousands of Kazakhs across the country continued to protest despite the resignation of the current sitting']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Group {name: 'Kazakhs'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and ethnic Russian minority in the country.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:MilitaryUnit {name: 'Russian airborne forces'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['By Thursday, the aircraft of the Russian elite airborne troops had flown to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:MilitaryUnit {name: 'Russian airborne forces'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['When Tokayev’s request came, the CSTO jumped into action in a matter of hours, and on Thursday morning Russian paratroopers were already arriving in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:MilitaryUnit {name: '45th Guards Special Purpose Brigade'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['component comes from the military’s special training for rapid response operations: the 45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:MilitaryUnit {name: '98th Guards Airborne Division'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['training for rapid response operations: the 45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:MilitaryUnit {name: '31st Independent Guards Command'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['45th Guards Special Purpose Brigade, the 98th Guards Airborne Division, and the 31st Independent Guards Command.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['And so the Russian-led military alliance “Organization of the Collective Security Treaty” (CSTO) has already started a military support mission.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev stated that 2,500 Collective Security Treaty Organization peacekeepers will be deployed.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Republic of Kazakhstan” from outside interference, the CSTO would be sending Collective peacekeeping forces to the Republic of Kazakhstan to “normalize the situation in this country.”']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['With the deployment of troops from the Russian-led Collective Security Treaty Organisation (CSTO) to Kazakhstan']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Deployment {name: 'Russian forces stationed in Tajikistan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Russia has approximately 7,000 soldiers stationed in the country.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Aircraft {name: 'IL-76'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The picture by the state agency Tass shows Russian CSTO peacekeepers disembarking from one of the nine Russian IL-76 military transport aircraft upon arrival in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Aircraft {name: 'Ilyushin-57'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian Ministry of Defense stated that its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Aircraft {name: 'An-124'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Russian Ministry of Defense stated that its troops are flying to Kazakhstan on 70 Ilyushin-57 and 5 An-124 heavy transport aircraft.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Topic {name: 'Russian language'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The Kremlin boss has long viewed the resource-rich Kazakhstan as his sphere of influence - and wants to prevent the Russian language from being pushed back or the US military from settling here.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Topic {name: 'Russian language'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['These included making Russian a second state language in the country and recognising Crimea as part of Russia.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Topic {name: 'Liquefied petroleum gas'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The anger over the doubling of the price of liquefied petroleum gas, which is used as fuel for cars, only triggered the protests.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['When the Kazakh President Kassym-Shomart Tokayev gave a dramatic televised address for the second time within a few hours on Thursday']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Almaty / Moscow - The Kazakh head of state Kassym-Shomart Tokayev only had to call - and Russia rushed to help.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['his request for external military assistance, Kazakhstan President Kassim-Jomat Tokayev said on television Wednesday evening that the riots were caused by an “international']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Kazakh President Kassym-Jomart Tokayev called on the Russian-aligned bloc of former soviet countries for international']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Kassym-Jomart Tokayev'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Kazakhstan’s president, Kassym-Jomart Tokayev, claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal,']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Russian leadership had, of course, spoken quite differently: President Vladimir Putin\'s spokesman said that they were confident that the Kazakh friends could solve their']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['What drives Putin?']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Vladimir Putin'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Putin taking a risk in Kazakhstan and may hope for reward']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Person {name: 'Vladimir Putin\'s spokesman'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Russian leadership had, of course, spoken quite differently: President Vladimir Putin\'s spokesman said that they were confident that the Kazakh friends could solve their “internal']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Nikol Pashinyan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The chairman of the CSTO Security council, Armenian Prime Minister Nikol Pashinyan, has agreed to the request.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Person {name: 'Stanislav Zas'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In an interview with the Russian state news agency RIA Novosti, Stanislav Zas, Secretary-General of the Collective Security Treaty Organization, mocked the EU']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Person {name: 'Shukhrat Nureshev'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Deputy Minister of Foreign Affairs of Kazakhstan Shukhrat Nureshev stated that 2,500 Collective Security Treaty Organization peacekeepers will be deployed.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Alexander Lukashenko'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Meanwhile, there are great concerns in the West that Russia, after helping “dictator” Lukashenko in Belarus, could now expand its influence in Kazakhstan with the support of Tokayev.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Alexander Lukashenko'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['It was cheered on by Belarus’s Alexander Lukashenko, who in 2020 was able to crush a huge revolution using his own domestic forces, but Putin will have made the final call.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Nursultan Nazarbayev'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['demonstrators continued to protest the continuing dominance of former President Nursultan Nazarbayev over the country.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Nursultan Nazarbayev'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['caused dismay for many in Kazakhstan, where one of the former president Nursultan Nazarbayev’s main achievements was avoiding major conflict between the Kazakh majority and']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Person {name: 'Andrei Serdyukov'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The mission in Kazakhstan will be led by Andrei Serdyukov, the 59-year-old commander-in-chief of the Russian airborne forces.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Pascal Ausseur'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The former French soldier and defense expert Pascal Ausseur, who now heads the political institute FMES, described the alliance as "a relic']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Fyodor Lukyanov'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['This military operation is a change of course in the post-Soviet space, believes the Russian political scientist Fyodor Lukyanov.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Marat Schibutow'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['According to the German press agency, the political scientist Marat Schibutow, who lives in Almaty, sees the unrest as the result of major economic problems and poverty.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Maxim Suchkov'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Maxim Suchkov, the director of the Institute for International Studies at MGIMO, a leading Moscow']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Margarita Simonyan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['As news broke on Wednesday of Tokayev’s request to the CSTO, the editor-in-chief of the state-run television station RT, Margarita Simonyan, set out a wishlist of demands.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Person {name: 'Friedrich Schmidt'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Friedrich Schmidt']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Person {name: 'Reinhard Veser'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Reinhard Veser']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Person {name: 'Anna-Katharina Ahnefeld'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO" Created: 01/07/2022, 6:20 PM From: Anna-Katharina Ahnefeld The situation in Kazakhstan is escalating.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Victoria Kelly-Clark'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Victoria Kelly-Clark']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Person {name: 'Shaun Walker'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Shaun Walker']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Person {name: 'Abduaziz Madyarov'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Abduaziz Madyarov/AFP via Getty Images']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Foreign Ministry also saw outside forces behind the unrest sparked on January 2 by the rise in fuel prices: “We see recent events as one our friendly country as an externally staged attempt']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['It was apparently the last drop that broke the barrel: increased fuel prices.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The current crisis began at the beginning of this week when people peacefully protested against the sudden increase in car fuel prices.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Fuel price increase in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Lowering of consumer fuel prices'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Although prices for consumers have been lowered again, the protests have become politicized.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['The organization, which is officially a defense alliance against attacks from outside, is participating in the suppression of the uprising in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan: Why Russia intervenes in the riots - and the role of "Mini-NATO"']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['MOSCOW-In the face of increasing domestic unrest and apparent uncertainty about law enforcement and military loyalty, the President']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['has been called a “terrorist threat” after thousands of Kazakhs across the country continued to protest despite the resignation of the current sitting government.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'January 2022 unrest in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Now it has been called upon to quell internal unrest in one of its member states.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Rally in Almaty on 4 January 2022'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Protesters attend a rally in Almaty after energy price hikes, on Jan. 4, 2022.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'Storming of public buildings and the airport in Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Rioters stormed the airport']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'State of emergency in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency, let the military crack down on the protests and even gave the order to shoot.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Military crackdown on the protests'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency, let the military crack down on the protests and even gave the order to shoot.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Order to shoot'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Prime Minister Tokayev declared a state of emergency, let the military crack down on the protests and even gave the order to shoot.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Order to shoot'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['hardline address to the nation on Friday in which he said he had personally approved orders to shoot to kill, Tokayev gave “special thanks” to Vladimir Putin for sending the troops, but said']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Blocking of social networks and the Internet'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Social networks and the Internet were also temporarily blocked.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Resignation of the Kazakh government'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['threat” after thousands of Kazakhs across the country continued to protest despite the resignation of the current sitting government.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['When the Kazakh President Kassym-Shomart Tokayev gave a dramatic televised address for the second time within a few hours on Thursday night, he spoke Russian: He spoke']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Tokayev\'s televised address requesting CSTO help'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['request for external military assistance, Kazakhstan President Kassim-Jomat Tokayev said on television Wednesday evening that the riots were caused by an “international terrorist organization.”']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['Because of this situation, he asked the heads of state of the Collective Security Treaty Organization to help Kazakhstan to overcome the terrorist threat.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['At the request of the country, a Russian-led military alliance interferes.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['In order to legitimize his request for external military assistance, Kazakhstan President Kassim-Jomat Tokayev said']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Tokayev said in his request for aid that military assistance was necessary to help Kazakhstan overcome a “terrorist']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Tokayev\'s request for CSTO assistance'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Tokayev, claimed the revolt was inspired by foreign-backed “terrorists” to justify his appeal, but the call to the CSTO suggests he no longer felt he could trust his own forces.']}]->(b);
MATCH (a:Article {id: '000_0a7db17c29c7cefc'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['000_0a7db17c29c7cefc'], rank: 'normal', sources: ['000_0a7db17c29c7cefc'], quotes: ['A few hours later, the Russian-led military alliance officially announced that Russian, Belarusian, Armenian, Kyrgyz and Tajik "peacekeepers" were on their way to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Within a few hours, the Collective Security Treaty Organization (CSTO) announced that it was ready to accept requests for assistance.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Russian-backed Collective Security Treaty Organisation (CSTO) has agreed to send in military forces to Kazakhstan to combat what has been called a “terrorist threat”']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'CSTO decision to send peacekeepers to Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Analysis: CSTO may be an alliance but decision to intervene was almost certainly taken in Moscow']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['By Thursday, the aircraft of the Russian elite airborne troops had flown to Kazakhstan.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Arrival of Russian paratroopers in Kazakhstan'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['When Tokayev’s request came, the CSTO jumped into action in a matter of hours, and on Thursday morning Russian paratroopers were already arriving in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Russian forces gathering in Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['Currently, Russian military watchers have noted that Russian forces are said to be gathering in Moscow en route for deployment in Kazakhstan.']}]->(b);
MATCH (a:Article {id: '003_3fd1592d44546a5b'}), (b:Event {name: 'Counter-terror operation in Almaty'})
CREATE (a)-[:MENTIONS {claimants: ['003_3fd1592d44546a5b'], rank: 'normal', sources: ['003_3fd1592d44546a5b'], quotes: ['The Almaty police service in Kazakhstan’s former capital also announced in a statement that they will be conducting an operation to secure law and order, reported TASS.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Announcement that constitutional order was restored'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The constitutional order was restored, the head of state announced on Friday.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Announcement that constitutional order was restored'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The government of Kazakhstan said on Friday that the country has restored “constitutional order”, but the riots in Almaty are still going on.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Tokayev\'s address to the nation on Friday'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['In a hardline address to the nation on Friday in which he said he had personally approved orders to shoot to kill, Tokayev']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: '30 years of Kazakhstan\'s independence'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['Kazakhstan has just celebrated 30 years of independence from Moscow.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Dissolution of the Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['The fact that the military alliance marched in within hours is unprecedented in history since the collapse of the Soviet Union.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Dissolution of the Soviet Union'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The Collective Security Treaty Organization was established after the disintegration of the Soviet Union in the first half of the 1990s.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Cold War'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['institute FMES, described the alliance as "a relic of the Warsaw Pact" from the Cold War, according to the Agence France-Presse news agency.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Prague Spring'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The old joke about the Soviet-led Warsaw Pact was that it was the only military alliance to attack itself, after its tanks rolled into Prague in 1968 to crush a reform movement there.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Warsaw Pact intervention in Prague (1968)'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['The old joke about the Soviet-led Warsaw Pact was that it was the only military alliance to attack itself, after its tanks rolled into Prague in 1968 to crush a reform movement there.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Hungarian Revolution of 1956'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['“eerie echoes” of the so-called Prague spring of 1968, and the Soviet crushing of the Hungarian revolution in 1956.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Annexation of Crimea (2014)'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['When the Kremlin annexed Crimea in 2014, it raised concerns about the oppression of ethnic Russians in Ukraine.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'War in Eastern Ukraine'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Ukrainian armed forces while participating in a secret military operation in the Eastern Ukraine War.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Capture of 98th Guards Airborne Division soldiers in Ukraine (2014)'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['of soldiers from the 98th Division of the Guards Airborne Division was apparently taken prisoner by the Ukrainian armed forces while participating in a secret military operation']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Kyrgyzstan-Tajikistan border dispute'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['Last spring, two members of Kyrgyzstan and Tajikistan were involved in a chaotic and bloody border dispute.']}]->(b);
MATCH (a:Article {id: '001_df0b0ae9aa495f62'}), (b:Event {name: 'Belarus revolution of 2020'})
CREATE (a)-[:MENTIONS {claimants: ['001_df0b0ae9aa495f62'], rank: 'normal', sources: ['001_df0b0ae9aa495f62'], quotes: ['After conflicts in Belarus, for example, it is the first time that Moscow has reacted in this way to a precarious situation in an ex-Soviet republic.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Event {name: 'Belarus revolution of 2020'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['It was cheered on by Belarus’s Alexander Lukashenko, who in 2020 was able to crush a huge revolution using his own domestic forces, but Putin will have made the final call.']}]->(b);
MATCH (a:Article {id: '002_3074dcfb28b80eb6'}), (b:Event {name: 'Russian Empire conquest of Kazakh territory'})
CREATE (a)-[:MENTIONS {claimants: ['002_3074dcfb28b80eb6'], rank: 'normal', sources: ['002_3074dcfb28b80eb6'], quotes: ['The territory of Kazakhstan was conquered by the Russian Empire in the 19th century, and its northern region has a large ethnic Russian population.']}]->(b);
MATCH (a:Article {id: '004_8fee76bbb89f30fb'}), (b:Group {name: 'Some in Moscow'})
CREATE (a)-[:MENTIONS {claimants: ['004_8fee76bbb89f30fb'], rank: 'normal', sources: ['004_8fee76bbb89f30fb'], quotes: ['Some in Moscow praised the decision to intervene.']}]->(b);
