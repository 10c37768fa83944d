#!/usr/bin/env bash
# Draws the README's pictures from the built-in CSTO graph (needs Graphviz's `dot`).
# tests/it/pictures.rs runs these exports again and checks that each SVG shows the
# graph's current names.
set -euo pipefail
cd "$(dirname "$0")/.."
steppe=${STEPPE:-target/debug/steppe}

# Which states sent troops, how many the force numbers, who commands it.
"$steppe" export --to svg --show name,troops,scope,role -o examples/csto-deployment.svg --query "
MATCH (d:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
MATCH (:Country)-[sent:CONTRIBUTED_TROOPS]->(d)-[host:DEPLOYED_TO]->(:Country)
MATCH (:Person)-[commands:LEADS]->(d)
MATCH ()-[size:REPORTED_STRENGTH]->(d)
OPTIONAL MATCH (:MilitaryUnit)-[unit:PART_OF]->(d)
RETURN sent, host, commands, size, unit"

# Where the articles disagree: each claim of a disputed fact, with its rank and sources.
"$steppe" export --to svg --show name,troops,count,year,period,title,rank,sources -o examples/csto-disagreements.svg --query "
MATCH ()-[claim]->()
WHERE claim.fact IN ['size of the CSTO force', 'aircraft that carried the troops', 'founding of the CSTO']
   OR (type(claim) = 'HOLDS_ROLE' AND claim.fact IS NOT NULL)
RETURN claim"

# Who said what: the direct quotations about the deployment, each with its speaker, the
# kind of speaker (analyst, official), the medium it was posted on and the agency that relayed it.
"$steppe" export --to svg --show name,text,medium,as_written -o examples/csto-who-said-what.svg --query "
MATCH (speaker)-[said:SAID]->(quote:Statement)-[:ABOUT]->(:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'})
WHERE quote.direct
OPTIONAL MATCH (quote)-[relayed:CITES]->()
OPTIONAL MATCH (speaker)-[kind:INSTANCE_OF]->(:Class)
RETURN said, relayed, kind"
