//! The built-in CSTO graph: it loads, passes its own schema, has provenance on every
//! relationship, and holds exactly the counts its data files define.

use std::collections::BTreeSet;

use steppe::{Database, Params, Value};

fn csto() -> Database {
    Database::default_graph().unwrap_or_else(|e| panic!("the CSTO graph does not load: {}", e.message))
}

fn rows(db: &mut Database, query: &str) -> Vec<Vec<Value>> {
    db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.describe(query))).rows
}

#[test]
fn loads_and_is_typed() {
    let db = csto();
    assert!(db.graph().schema().is_typed());
    assert!(db.graph().node_count() > 100);
    assert!(db.graph().rel_count() > 300);
}

#[test]
fn every_relationship_has_sources_naming_articles_and_matching_quotes() {
    let mut db = csto();
    let articles: BTreeSet<String> = rows(&mut db, "MATCH (a:Article) RETURN a.id")
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_string))
        .collect();
    assert_eq!(articles.len(), 5, "{articles:?}");
    let all = rows(&mut db, "MATCH ()-[r]->() RETURN type(r), r.sources, r.quotes");
    assert_eq!(all.len(), db.graph().rel_count());
    for row in all {
        let (Value::List(sources), Value::List(quotes)) = (&row[1], &row[2]) else {
            panic!("{} lacks sources or quotes: {row:?}", row[0]);
        };
        assert!(!sources.is_empty(), "{} has no sources", row[0]);
        assert_eq!(sources.len(), quotes.len(), "{}: sources and quotes differ in length", row[0]);
        for source in sources.iter() {
            let id = source.as_str().unwrap_or_default();
            assert!(articles.contains(id), "{} cites {id}, which is no Article", row[0]);
        }
    }
}

/// The articles' text (whitespace collapsed), by id; they live outside the project and are
/// not copied into it: in `STEPPE_ARTICLES`, else `../shared/articles` beside the checkout
/// (the lead's), else `../../shared/articles` (a worktree under `wt/`). Without them the
/// test says it is skipped, except under CI, where it fails.
#[expect(clippy::print_stderr, reason = "a skipped test says so")]
fn article_texts() -> Option<std::collections::BTreeMap<String, String>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("STEPPE_ARTICLES").map(std::path::PathBuf::from),
        Some(root.join("../shared/articles")),
        Some(root.join("../../shared/articles")),
    ];
    let Some(entries) = candidates.into_iter().flatten().find_map(|dir| std::fs::read_dir(dir).ok()) else {
        assert!(std::env::var_os("CI").is_none(), "CI must check the quotes: no articles found (set STEPPE_ARTICLES)");
        eprintln!("SKIPPED: the articles are not beside the checkout (set STEPPE_ARTICLES)");
        return None;
    };
    let mut texts = std::collections::BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(id) = name.strip_suffix(".txt") {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            texts.insert(id.to_string(), normalize(&text));
        }
    }
    Some(texts)
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::List(items) => items.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Every quote is the article's own words: on relationships, on nodes (a statement's
/// `quotes`) and on single node properties (`sources(n, key)` / `quotes(n, key)`).
#[test]
fn quotes_are_verbatim_from_the_cited_article() {
    let Some(texts) = article_texts() else {
        // Without the articles beside the checkout there is nothing to compare against.
        return;
    };
    let mut db = csto();
    let mut claims = rows(&mut db, "MATCH ()-[r]->() RETURN type(r), r.sources, r.quotes");
    claims.extend(rows(
        &mut db,
        "MATCH (n) WHERE n.quotes IS NOT NULL RETURN labels(n)[0] + ' ' + n.name, n.sources, n.quotes",
    ));
    claims.extend(rows(
        &mut db,
        "MATCH (n) UNWIND keys(n) AS key WITH n, key WHERE sources(n, key) IS NOT NULL \
         RETURN n.name + '.' + key, sources(n, key), quotes(n, key)",
    ));
    let mut bad = Vec::new();
    for row in claims {
        let (sources, quotes) = (strings(&row[1]), strings(&row[2]));
        assert!(!sources.is_empty() && sources.len() == quotes.len(), "{:?}: sources and quotes differ", row[0]);
        for (id, quote) in sources.iter().zip(&quotes) {
            let text = texts.get(id).map(String::as_str).unwrap_or_default();
            if quote.is_empty() || !text.contains(&normalize(quote)) {
                bad.push(format!("{:?} [{id}]: {quote}", row[0]));
            }
        }
    }
    assert!(bad.is_empty(), "{} quotes are not in their article:\n{}", bad.len(), bad.join("\n"));
}

/// Aliases come with where the articles use them: `alias_sources[i]` names the articles
/// (space-separated ids) that write `aliases[i]`, or is `none`; `alias_attested[i]` says
/// whether any does.
#[test]
fn aliases_record_where_the_articles_use_them() {
    let Some(texts) = article_texts() else {
        return;
    };
    let mut db = csto();
    let all = rows(&mut db, "MATCH (n) RETURN n.name, n.aliases, n.alias_sources, n.alias_attested");
    let mut bad = Vec::new();
    for row in all {
        let (aliases, sources) = (strings(&row[1]), strings(&row[2]));
        let Value::List(attested) = &row[3] else { panic!("{:?} lacks alias_attested", row[0]) };
        assert_eq!(aliases.first(), row[0].as_str().map(str::to_string).as_ref(), "the name is the first alias");
        assert_eq!((aliases.len(), sources.len(), attested.len()), (aliases.len(), aliases.len(), aliases.len()));
        for ((alias, ids), attested) in aliases.iter().zip(&sources).zip(attested.iter()) {
            let ids = if ids == "none" { "" } else { ids.as_str() };
            assert_eq!(*attested, Value::Bool(!ids.is_empty()), "{alias}: attested but cites nothing, or the reverse");
            for id in ids.split_whitespace() {
                let text = texts.get(id).map(String::as_str).unwrap_or_default();
                if !contains_word(text, alias) {
                    bad.push(format!("{alias} [{id}]"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "spellings not in their article as words of their own: {bad:?}");
}

/// Whether `text` holds `phrase` with no letter, digit or hyphen glued to either end, so
/// "France" inside "Agence France-Presse" or "Russia" inside "Russian" is not the name. A
/// capital right after a small letter is a seam where the page's text ran two words
/// together ("The GuardianTramp"), not one word.
fn contains_word(text: &str, phrase: &str) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '-';
    let last = phrase.chars().next_back();
    text.match_indices(phrase).any(|(at, _)| {
        let (before, after) = (text[..at].chars().next_back(), text[at + phrase.len()..].chars().next());
        let seam = after.is_some_and(char::is_uppercase) && last.is_some_and(char::is_lowercase);
        !before.is_some_and(joins) && (!after.is_some_and(joins) || seam)
    })
}

/// Every named entity (not a description such as an event or a statement) is called the
/// way an article writes it; the three countries the articles name only by their adjective
/// ("Hungarian revolution", "Australian based", "French soldier") are the exception.
#[test]
fn canonical_names_are_the_articles_own() {
    let mut db = csto();
    let unattested = rows(
        &mut db,
        "MATCH (n) WHERE (n:Person OR n:Organization OR n:Country OR n:Place OR n:MilitaryUnit OR n:Aircraft) \
         AND NOT n.alias_attested[0] AND NOT n.name IN ['Hungary', 'Australia', 'France'] RETURN n.name",
    );
    assert!(unattested.is_empty(), "names no article uses: {unattested:?}");
    for spelling in ["Marat Shibutov", "Nur-Sultan", "Russian Ministry of Defence"] {
        assert!(rows(&mut db, &format!("MATCH (n {{name: '{spelling}'}}) RETURN n")).is_empty(), "{spelling}");
    }
}

/// One shape for claims: each names its claimants (nodes: an article by id, or a person,
/// organisation, group or state by name), has a rank, a reason where not normal, and a rule where
/// inferred.
#[test]
fn every_claim_has_claimant_nodes_and_a_rank() {
    let mut db = csto();
    let claimable: BTreeSet<String> = rows(
        &mut db,
        "MATCH (n) WHERE n:Article OR n:Person OR n:Organization OR n:Group OR n:Country RETURN coalesce(n.id, n.name)",
    )
    .into_iter()
    .filter_map(|r| r[0].as_str().map(str::to_string))
    .collect();
    let all = rows(&mut db, "MATCH ()-[r]->() RETURN type(r), r.claimants, r.rank, r.reason, r.inferred, r.rule");
    for row in all {
        let claimants = strings(&row[1]);
        assert!(!claimants.is_empty(), "{:?} has no claimant", row[0]);
        for c in &claimants {
            assert!(
                claimable.contains(c),
                "{:?}: claimant {c} is no article, person, organisation, group or state",
                row[0]
            );
        }
        let rank = row[2].as_str().unwrap_or_default();
        assert!(["preferred", "normal", "deprecated"].contains(&rank), "{:?}: rank {rank:?}", row[0]);
        assert_eq!(
            rank != "normal",
            row[3] != Value::Null,
            "{:?}: a reason goes with a rank other than normal",
            row[0]
        );
        assert_eq!(row[4] == Value::Bool(true), row[5] != Value::Null, "{:?}: inferred goes with its rule", row[0]);
    }
    let declared = rows(&mut db, "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey");
    assert!(!declared.contains(&vec![Value::string("claimant")]), "a free-text claimant is back");
    assert!(!declared.contains(&vec![Value::string("article")]), "Statement.article is back");
}

/// The traps the graph must keep: the host is not a sender, the Russian component is three
/// units, the spokesman stays unnamed, the wrong title is deprecated, AFP is a source.
#[test]
fn the_traps_hold() {
    let mut db = csto();
    let senders = rows(&mut db, "MATCH (c:Country)-[:CONTRIBUTED_TROOPS]->(:Deployment {name: 'CSTO Collective Peacekeeping Forces in Kazakhstan'}) RETURN c.name ORDER BY c.name");
    let senders: Vec<&str> = senders.iter().filter_map(|r| r[0].as_str()).collect();
    assert_eq!(senders, ["Armenia", "Belarus", "Kyrgyzstan", "Russia", "Tajikistan"]);
    let units = rows(&mut db, "MATCH (u:MilitaryUnit)-[:PART_OF {contingent: 'Russian'}]->(:Deployment) RETURN u.name");
    assert_eq!(units.len(), 3);
    let spokesman =
        rows(&mut db, "MATCH (p:Person)-[:SPOKESPERSON_FOR]->(:Person {name: 'Vladimir Putin'}) RETURN p.unnamed");
    assert_eq!(spokesman, vec![vec![Value::Bool(true)]]);
    let titles = rows(&mut db, "MATCH (:Person {name: 'Kassym-Jomart Tokayev'})-[r:HOLDS_ROLE]->(:Role {name: 'Prime Minister of Kazakhstan'}) RETURN r.title, r.rank, r.status, r.reason IS NOT NULL");
    assert_eq!(
        titles,
        vec![vec![Value::string("Prime Minister"), Value::string("deprecated"), Value::Null, Value::Bool(true)]]
    );
    let afp = rows(&mut db, "MATCH (:Article {id: '003_3fd1592d44546a5b'})-[c:CITES]->(:Organization {name: 'Agence France-Presse'}) RETURN c.role");
    assert_eq!(afp.len(), 1);
}

/// Offices are nodes: each `HOLDS_ROLE` claim ends at a `Role` that is an office of exactly
/// one institution and of at least one kind (`Class`), and the title the claim uses is one
/// of the office's own (its title or an alias, case ignored), so no title is free text.
#[test]
fn roles_are_offices_with_an_institution_a_kind_and_their_titles() {
    let mut db = csto();
    let ends = rows(&mut db, "MATCH (:Person)-[h:HOLDS_ROLE]->(r) RETURN labels(r), h.title, r.title, r.aliases");
    assert!(ends.len() >= 15, "{ends:?}");
    for row in &ends {
        assert_eq!(row[0], Value::list(vec![Value::string("Role")]), "{row:?}");
        let title = row[1].as_str().unwrap_or_default().to_lowercase();
        let own: Vec<String> = std::iter::once(row[2].as_str().unwrap_or_default().to_string())
            .chain(strings(&row[3]))
            .map(|t| t.to_lowercase())
            .collect();
        assert!(own.contains(&title), "a claim's title {title:?} is none of its office's {own:?}");
    }
    let loose = rows(
        &mut db,
        "MATCH (r:Role) OPTIONAL MATCH (r)-[i:ROLE_IN]->() OPTIONAL MATCH (r)-[k:INSTANCE_OF]->(:Class) \
         WITH r, count(DISTINCT i) AS institutions, count(DISTINCT k) AS kinds \
         WHERE institutions <> 1 OR kinds = 0 RETURN r.name, institutions, kinds",
    );
    assert!(loose.is_empty(), "offices without one institution and a kind: {loose:?}");
    // "Who is President of Kazakhstan", current and former, found through the office.
    let presidents = rows(
        &mut db,
        "MATCH (p:Person)-[h:HOLDS_ROLE]->(:Role {title: 'President'})-[:ROLE_IN]->(:Country {name: 'Kazakhstan'}) \
         RETURN DISTINCT p.name, h.status ORDER BY p.name",
    );
    let presidents: Vec<(&str, &str)> =
        presidents.iter().map(|r| (r[0].as_str().unwrap_or_default(), r[1].as_str().unwrap_or_default())).collect();
    assert_eq!(presidents, [("Kassym-Jomart Tokayev", "current"), ("Nursultan Nazarbayev", "former")]);
    // Any spelling, any case, finds the office first, and through it the holders.
    let found = rows(
        &mut db,
        "CALL db.find('kazakh president') YIELD node, score WITH node, score ORDER BY score DESC LIMIT 1 \
         MATCH (p:Person)-[:HOLDS_ROLE]->(node:Role) RETURN DISTINCT node.name, p.name ORDER BY p.name",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0][0], Value::string("President of Kazakhstan"));
    let found =
        rows(&mut db, "CALL db.find('president') YIELD node WHERE node:Role RETURN node.name ORDER BY node.name");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn every_named_node_has_name_and_aliases() {
    let mut db = csto();
    let missing = rows(&mut db, "MATCH (n) WHERE n.name IS NULL OR n.aliases IS NULL RETURN labels(n), n.name, n.id");
    assert!(missing.is_empty(), "nodes without name or aliases: {missing:?}");
}

#[test]
fn passes_its_own_schema_as_a_whole() {
    let db = csto();
    assert_eq!(db.graph().validate().map_err(|e| e.message), Ok(()));
}

#[test]
fn a_load_error_names_file_line_and_column() {
    let files = [
        ("graph-data/00_schema.cypher", "CREATE NODE TYPE Country (name STRING KEY);\n"),
        ("graph-data/10_facts.cypher", "CREATE (:Country {name: 'A'});\n// a comment\nCREATE (:Contry {name: 'B'});\n"),
    ];
    let err = steppe::default_graph::load_files(&files).err().map(|e| (e.kind(), e.message));
    let (kind, message) = err.unwrap_or_else(|| panic!("a bad data file loaded"));
    assert_eq!(kind, steppe::ErrorKind::SchemaError);
    assert!(message.starts_with("graph-data/10_facts.cypher:3:10: unknown label `Contry`"), "{message}");
}

#[test]
fn a_name_that_matches_nothing_gets_a_hint_naming_the_closest() {
    let mut db = csto();
    let run = |db: &mut Database, q: &str| db.execute(q, &Params::new()).unwrap_or_else(|e| panic!("{q}: {e}"));
    let result = run(&mut db, "MATCH (p:Person {name: 'Tokayev'}) RETURN p");
    assert!(result.rows.is_empty());
    assert_eq!(result.notifications.len(), 1, "{:?}", result.notifications);
    assert!(result.notifications[0].message.contains("'Kassym-Jomart Tokayev'"), "{:?}", result.notifications);
    assert!(!result.notifications[0].message.contains("(:Statement"), "{:?}", result.notifications);
    let result = run(&mut db, "MATCH (o) WHERE o.name = 'CSTO' RETURN o");
    assert!(result.notifications[0].message.contains("'Collective Security Treaty Organization'"));
    // The pattern's label narrows the hint to nodes that carry it...
    let result = run(&mut db, "MATCH (p:Person) WHERE p.name = 'Tokayev' RETURN p");
    assert!(result.notifications[0].message.starts_with("no :Person is named 'Tokayev'"), "{:?}", result.notifications);
    assert!(!result.notifications[0].message.contains("(:Statement"), "{:?}", result.notifications);
    // ...and a name under the wrong label is a name that matches nothing, with the right one named.
    let result = run(&mut db, "MATCH (p:Person {name: 'Kazakhstan'}) RETURN p");
    assert!(result.notifications[0].message.contains("(:Country {name: 'Kazakhstan'})"), "{:?}", result.notifications);
    // An office by its title alone names the offices with that title.
    let result = run(&mut db, "MATCH (r:Role {name: 'Secretary-General'}) RETURN r");
    assert!(
        result.notifications[0].message.contains("'Secretary-General of the Collective Security Treaty Organization'"),
        "{:?}",
        result.notifications
    );
    // A name that exists, or a query with rows, gets no hint.
    assert!(run(&mut db, "MATCH (p:Person {name: 'Kassym-Jomart Tokayev'})-[:LEADS]->(x) RETURN x")
        .notifications
        .is_empty());
    assert!(run(&mut db, "MATCH (p:Person) RETURN p LIMIT 1").notifications.is_empty());
}

/// The evidence for each row: the relationships and sourced properties it was made
/// from, recorded only when asked for.
#[test]
fn evidence_names_each_rows_facts_and_sources() {
    let mut db = csto();
    let query =
        "MATCH (p:Person {name: 'Andrei Serdyukov'})-[r:LEADS]->(d:Deployment) RETURN p.age AS age ORDER BY age";
    let plain = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plain.evidence, None);
    let options = steppe::exec::ExecOptions { evidence: true, ..Default::default() };
    let result = db.execute_with(query, &Params::new(), &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result.rows, plain.rows);
    let evidence = result.evidence.clone().unwrap_or_default();
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].iter().filter(|v| matches!(v, Value::Relationship(_))).count(), 1, "{evidence:?}");
    let mut text = Vec::new();
    steppe::format::evidence::write_text(&result, &mut text).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&text);
    assert!(
        text.contains(
            "(Andrei Serdyukov)-[:LEADS {role: 'commander'}]->(CSTO Collective Peacekeeping Forces in Kazakhstan)"
        ),
        "{text}"
    );
    assert!(text.contains("(Andrei Serdyukov).age = 59"), "{text}");
    assert!(
        text.contains("002_3074dcfb28b80eb6: \"The mission in Kazakhstan will be led by Andrei Serdyukov\""),
        "{text}"
    );
    let json = steppe::format::evidence::json(&result).unwrap_or_default();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(doc[0][0]["kind"], "property", "{json}");
    assert_eq!(doc[0][0]["key"], "age");
    assert_eq!(doc[0][1]["kind"], "relationship");
    assert_eq!(doc[0][1]["sources"][0], "002_3074dcfb28b80eb6");
}
