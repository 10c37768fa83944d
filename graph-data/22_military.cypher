// Military units, deployments and aircraft types.

CREATE (:MilitaryUnit {name: 'Russian Airborne Forces', aliases: ['Russian Airborne Forces', 'Russian airborne forces', 'Russian elite airborne troops'], kind: 'service branch'});
CREATE (:MilitaryUnit {name: '45th Guards Special Purpose Brigade', aliases: ['45th Guards Special Purpose Brigade'], kind: 'brigade'});
CREATE (:MilitaryUnit {name: '98th Guards Airborne Division', aliases: ['98th Guards Airborne Division', '98th Division of the Guards Airborne Division'], kind: 'division'});
CREATE (:MilitaryUnit {name: '31st Independent Guards Command', aliases: ['31st Independent Guards Command'], kind: 'brigade-level formation', note: 'Name exactly as written in 002.'});
CREATE (:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan', aliases: ['CSTO Collective Peacekeeping Forces in Kazakhstan', 'Collective peacekeeping forces', 'CSTO peacekeepers', 'Collective Security Treaty Organization peacekeepers', 'ODKB troops', 'CSTO troops', 'military support mission', 'mission in Kazakhstan'], kind: 'collective peacekeeping operation', description: 'The January 2022 CSTO deployment to Kazakhstan at Tokayev\'s request.'});
CREATE (:Deployment {name: 'Russian forces stationed in Tajikistan', aliases: ['Russian forces stationed in Tajikistan'], kind: 'standing deployment', note: '002 says "stationed in the country" right after naming Afghanistan and Tajikistan; read as Tajikistan.'});
CREATE (:Aircraft {name: 'Ilyushin Il-76', aliases: ['Ilyushin Il-76', 'IL-76'], role: 'military transport aircraft'});
CREATE (:Aircraft {name: 'Ilyushin-57', aliases: ['Ilyushin-57'], role: 'heavy transport aircraft', note: 'Type designation exactly as written in 002; kept separate, not merged.'});
CREATE (:Aircraft {name: 'Antonov An-124', aliases: ['Antonov An-124', 'An-124'], role: 'heavy transport aircraft'});
