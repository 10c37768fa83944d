// How is Armenia's prime minister connected to Kazakhstan's president, step by step?
// Each step shows its relationship the way it points, and the articles behind it.
MATCH p = shortestPath((:Person {name: 'Nikol Pashinyan'})-[*..6]-(:Person {name: 'Kassym-Jomart Tokayev'}))
UNWIND relationships(p) AS r
RETURN startNode(r).name AS subject, type(r) AS relationship, endNode(r).name AS object, r.sources AS sources;
