// People.

CREATE (:Person {name: 'Kassym-Jomart Tokayev', aliases: ['Kassym-Jomart Tokayev', 'Kassym-Shomart Tokayev', 'Kassim-Jomat Tokayev', 'Tokayev']});
CREATE (:Person {name: 'Vladimir Putin', aliases: ['Vladimir Putin', 'Putin']});
CREATE (:Person {name: 'Vladimir Putin\'s spokesman', aliases: ['Vladimir Putin\'s spokesman', 'President Vladimir Putin\'s spokesman'], unnamed: true, description: 'Not named in the articles.'});
CREATE (:Person {name: 'Nikol Pashinyan', aliases: ['Nikol Pashinyan', 'Pashinyan']});
CREATE (:Person {name: 'Stanislav Zas', aliases: ['Stanislav Zas', 'Zas']});
CREATE (:Person {name: 'Shukhrat Nureshev', aliases: ['Shukhrat Nureshev', 'Nureshev', 'Nurishev']});
CREATE (:Person {name: 'Alexander Lukashenko', aliases: ['Alexander Lukashenko', 'Lukashenko']});
CREATE (:Person {name: 'Nursultan Nazarbayev', aliases: ['Nursultan Nazarbayev']});
CREATE (:Person {name: 'Andrei Serdyukov', aliases: ['Andrei Serdyukov'], age: 59, description: 'Age 59 as given in 002.'});
CREATE (:Person {name: 'Pascal Ausseur', aliases: ['Pascal Ausseur', 'Ausseur'], description: 'Former French soldier and defence expert, head of FMES (001).'});
CREATE (:Person {name: 'Fyodor Lukyanov', aliases: ['Fyodor Lukyanov', 'Lukyanov', 'Lukjankov'], description: 'Russian political scientist (001).'});
CREATE (:Person {name: 'Marat Shibutov', aliases: ['Marat Shibutov', 'Marat Schibutow', 'Schibutow'], description: 'Political scientist living in Almaty (001).'});
CREATE (:Person {name: 'Maxim Suchkov', aliases: ['Maxim Suchkov', 'Suchkov']});
CREATE (:Person {name: 'Margarita Simonyan', aliases: ['Margarita Simonyan']});
CREATE (:Person {name: 'Friedrich Schmidt', aliases: ['Friedrich Schmidt'], description: 'Political correspondent for Russia and the CIS in Moscow (000 byline).'});
CREATE (:Person {name: 'Reinhard Veser', aliases: ['Reinhard Veser'], description: 'Editor in politics (000 byline).'});
CREATE (:Person {name: 'Anna-Katharina Ahnefeld', aliases: ['Anna-Katharina Ahnefeld']});
CREATE (:Person {name: 'Victoria Kelly-Clark', aliases: ['Victoria Kelly-Clark'], description: 'Australian-based reporter (003 author note).'});
CREATE (:Person {name: 'Shaun Walker', aliases: ['Shaun Walker']});
CREATE (:Person {name: 'Abduaziz Madyarov', aliases: ['Abduaziz Madyarov'], description: 'Photographer credited in 003.'});
