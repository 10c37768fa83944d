//! Conditions over one node's properties computed down the columns (`exec/column_expr`,
//! issue 15) give the interpreter's answers and errors: random conditions (arithmetic,
//! comparisons, NOT/AND/OR/XOR, CASE, IS NULL, IN, numeric functions, type tests) over properties holding integers,
//! floats, nulls, booleans, strings and a mix of them, each run as written (compiled)
//! and wrapped in `coalesce(…, null)` (the same value, left to the interpreter).

use steppe::{Database, Params};

use crate::planner_random::Seq;

/// 3,000 nodes (so a scan reads several chunks): `a` integers with zeros and the
/// largest integer, `w` floats with NaN and `-0.0` (plain floats), `d` short decimals
/// (floats the store keeps as integer units), `m` a mix of every kind, `b` booleans or
/// null. The programs compute on `a`, `w` and `d` as typed slices and on `m` and `b` as cells.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(1, 3000) AS i CREATE (:P {id: i,
        a: CASE WHEN i % 97 = 0 THEN 9223372036854775807 WHEN i % 11 = 0 THEN null ELSE i % 7 - 2 END,
        w: CASE WHEN i % 89 = 0 THEN 0.0 / 0.0 WHEN i % 83 = 0 THEN -0.0 WHEN i % 13 = 0 THEN null ELSE toFloat(i % 10) / 4.0 END,
        d: CASE WHEN i % 17 = 0 THEN null ELSE toFloat(i % 40) / 8.0 - 2.0 END,
        m: CASE i % 6 WHEN 0 THEN 'x' WHEN 1 THEN 1.5 WHEN 2 THEN null WHEN 3 THEN true ELSE i % 5 END,
        b: CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false ELSE null END})";
    db.execute(setup, &Params::new()).unwrap();
    db
}

fn number(seq: &mut Seq, depth: u32) -> String {
    let leaf = ["n.a", "n.w", "n.m", "0", "1", "2", "-3", "0.5", "null", "n.b", "n.d"];
    if depth == 0 || seq.next(3) == 0 {
        return leaf[seq.next(leaf.len() as i64) as usize].to_string();
    }
    match seq.next(6) {
        0 => format!("-{}", number(seq, depth - 1)),
        k => {
            let op = ["+", "-", "*", "/", "%"][(k - 1) as usize];
            format!("({} {op} {})", number(seq, depth - 1), number(seq, depth - 1))
        }
    }
}

/// A number that reads a property (a condition reading no variable would be planned
/// apart, before the scan).
fn of_node(seq: &mut Seq, depth: u32) -> String {
    let leaf = ["n.a", "n.w", "n.m", "n.b", "n.d", "n.a", "n.d"];
    match seq.next(5) {
        0 if depth > 0 => format!("-{}", of_node(seq, depth - 1)),
        3 if depth > 0 => format!("{}({})", function(seq), of_node(seq, depth - 1)),
        1 if depth > 0 => format!("({} * {})", of_node(seq, depth - 1), number(seq, depth - 1)),
        2 if depth > 0 => format!("({} % {})", number(seq, depth - 1), of_node(seq, depth - 1)),
        _ => leaf[seq.next(leaf.len() as i64) as usize].to_string(),
    }
}

fn condition(seq: &mut Seq, depth: u32) -> String {
    if depth == 0 {
        return format!("{} {} {}", of_node(seq, 1), comparison(seq), number(seq, 1));
    }
    let d = depth - 1;
    match seq.next(13) {
        0 => format!("NOT ({})", condition(seq, d)),
        1 => format!("({} AND {})", condition(seq, d), condition(seq, d)),
        2 => format!("({} OR {})", condition(seq, d), condition(seq, d)),
        3 => format!("({} XOR {})", condition(seq, d), condition(seq, d)),
        4 => format!("{} IS NULL", of_node(seq, d)),
        5 => format!("{} IS NOT NULL", of_node(seq, d)),
        6 => format!("{} IN [1, 2.0, null, true]", of_node(seq, d)),
        7 => format!("{} IN [0, 3]", of_node(seq, d)),
        8 => format!(
            "CASE {} WHEN 0 THEN {} WHEN 1 THEN {} ELSE {} END",
            of_node(seq, d),
            condition(seq, d),
            condition(seq, d),
            condition(seq, d)
        ),
        9 => format!("CASE WHEN {} THEN {} ELSE {} END", condition(seq, d), condition(seq, d), condition(seq, d)),
        10 => format!("{} IS :: INTEGER NOT NULL", of_node(seq, d)),
        11 => format!("{} IS NOT :: FLOAT | BOOLEAN", of_node(seq, d)),
        _ => "n.b".to_string(),
    }
}

/// A numeric function of one argument (`column_expr/number_function.rs`).
fn function(seq: &mut Seq) -> &'static str {
    let names = ["toInteger", "toFloat", "abs", "ceil", "floor", "round", "sqrt", "sign", "exp", "log", "log10"];
    names[seq.next(names.len() as i64) as usize]
}

fn comparison(seq: &mut Seq) -> &'static str {
    ["=", "<>", "<", "<=", ">", ">="][seq.next(6) as usize]
}

fn outcome(db: &mut Database, query: &str) -> String {
    match db.execute(query, &Params::new()) {
        Ok(result) => format!("{:?}", result.rows),
        Err(e) => format!("error {:?}: {}", e.code, e.message),
    }
}

#[test]
fn random_conditions_give_the_interpreters_answers_and_errors() {
    let mut db = graph();
    let mut seq = Seq(15);
    for _ in 0..250 {
        let (c1, c2) = (condition(&mut seq, 3), condition(&mut seq, 2));
        let conjunction = match seq.next(3) {
            0 => c1.clone(),
            1 => format!("{c1} AND {c2}"),
            _ => format!("n.a >= 0 AND {c1} AND n.w < 2.0 AND {c2}"),
        };
        for tail in ["RETURN count(*) AS n, sum(n.id) AS s", "RETURN n.id AS id LIMIT 5"] {
            let compiled = format!("MATCH (n:P) WHERE {conjunction} {tail}");
            let interpreted = format!("MATCH (n:P) WHERE coalesce({conjunction}, null) {tail}");
            assert_eq!(outcome(&mut db, &compiled), outcome(&mut db, &interpreted), "{compiled}");
        }
    }
}

/// The same conditions on the far node of an expansion, tested one candidate at a time.
/// Each node is the far node of one relationship, but the plan may start at either end,
/// so an error may be met at another node first: only that both fail is compared then.
#[test]
fn conditions_after_an_expansion_give_the_interpreters_answers() {
    let mut db = graph();
    db.execute("MATCH (x:P), (y:P) WHERE y.id = x.id % 3000 + 1 CREATE (x)-[:R]->(y)", &Params::new()).unwrap();
    let mut seq = Seq(7);
    for _ in 0..80 {
        let c = condition(&mut seq, 3);
        let compiled = format!("MATCH (x:P)-[:R]->(n) WHERE {c} RETURN count(*) AS n, sum(x.id) AS s");
        let interpreted =
            format!("MATCH (x:P)-[:R]->(n) WHERE coalesce({c}, null) RETURN count(*) AS n, sum(x.id) AS s");
        let (ours, theirs) = (outcome(&mut db, &compiled), outcome(&mut db, &interpreted));
        if !(ours.starts_with("error") && theirs.starts_with("error")) {
            assert_eq!(ours, theirs, "{compiled}");
        }
    }
}

/// A grouping key over the three entities of an expansion: arithmetic of their
/// properties, comparisons, `CASE` giving strings, numbers or nulls, and `type(r)`.
fn fold_key(seq: &mut Seq, depth: u32) -> String {
    let leaf = ["x.a", "r.w", "n.m", "r.a", "n.d", "x.b", "2", "0.5", "null", "r.m"];
    if depth == 0 || seq.next(4) == 0 {
        return leaf[seq.next(leaf.len() as i64) as usize].to_string();
    }
    let d = depth - 1;
    match seq.next(8) {
        0 => format!("-{}", fold_key(seq, d)),
        1 => "type(r) + ''".to_string(),
        2 => format!(
            "CASE WHEN {} THEN 'lo' WHEN {} THEN {} END",
            condition_of(seq, d),
            condition_of(seq, d),
            fold_key(seq, d)
        ),
        3 => {
            format!("CASE {} WHEN 0 THEN 'zero' WHEN 1.5 THEN type(r) ELSE {} END", fold_key(seq, d), fold_key(seq, d))
        }
        4 => condition_of(seq, d),
        _ => {
            let op = ["+", "-", "*", "/", "%"][seq.next(5) as usize];
            format!("({} {op} {})", fold_key(seq, d), fold_key(seq, d))
        }
    }
}

fn condition_of(seq: &mut Seq, depth: u32) -> String {
    match seq.next(5) {
        0 => format!("NOT ({} {} {})", fold_key(seq, depth), comparison(seq), fold_key(seq, depth)),
        1 => format!("{} IS NULL", fold_key(seq, depth)),
        2 => format!("{} IN [0, 1.5, null]", fold_key(seq, depth)),
        _ => format!("{} {} {}", fold_key(seq, depth), comparison(seq), fold_key(seq, depth)),
    }
}

/// Grouping keys compiled to programs over an expansion (`column_expr/fold_program.rs`,
/// `exec/ops/group_program.rs`) give the groups of the same keys evaluated row by row
/// (`WITH *` keeps the `Aggregate`): the same rows, or both an error.
#[test]
fn random_fold_keys_give_the_interpreters_groups() {
    let mut db = graph();
    let link = "MATCH (x:P), (y:P) WHERE y.id = (x.id * 7) % 3000 + 1
        CREATE (x)-[:R {a: x.a, w: y.w, m: CASE x.id % 4 WHEN 0 THEN 'r' WHEN 1 THEN 2.5 ELSE x.id % 9 END}]->(y)";
    db.execute(link, &Params::new()).unwrap();
    db.execute(
        "MATCH (x:P) WHERE x.id % 5 = 0 MATCH (y:P {id: x.id / 5}) CREATE (x)-[:S {a: 1, w: 1.5}]->(y)",
        &Params::new(),
    )
    .unwrap();
    let mut seq = Seq(23);
    let mut answered = 0;
    for _ in 0..150 {
        let (k1, k2) = (fold_key(&mut seq, 3), fold_key(&mut seq, 2));
        let keys = match seq.next(2) {
            0 => format!("{k1} AS k1"),
            _ => format!("{k1} AS k1, {k2} AS k2"),
        };
        let order = if keys.contains("k2") { "k1, k2, c" } else { "k1, c" };
        let tail = format!("RETURN {keys}, count(*) AS c, min(x.id) AS lo ORDER BY {order}");
        let folded = format!("MATCH (x:P)-[r:R|S]->(n) {tail}");
        let rows = format!("MATCH (x:P)-[r:R|S]->(n) WITH * {tail}");
        let (ours, theirs) = (outcome(&mut db, &folded), outcome(&mut db, &rows));
        if !(ours.starts_with("error") && theirs.starts_with("error")) {
            assert_eq!(ours, theirs, "{folded}");
            answered += 1;
        }
    }
    assert!(answered > 30, "only {answered} of the random keys gave answers");
}

/// A `reduce()` step over the accumulator `m` and the item `y`.
fn reduce_step(seq: &mut Seq, depth: u32) -> String {
    let leaf = ["m", "y", "m", "y", "2", "0.5", "null", "-1"];
    if depth == 0 || seq.next(4) == 0 {
        return leaf[seq.next(leaf.len() as i64) as usize].to_string();
    }
    let d = depth - 1;
    let cond = |seq: &mut Seq| format!("{} {} {}", reduce_step(seq, d), comparison(seq), reduce_step(seq, d));
    match seq.next(6) {
        0 => format!("CASE WHEN {} THEN {} ELSE {} END", cond(seq), reduce_step(seq, d), reduce_step(seq, d)),
        1 => format!("CASE WHEN {} THEN {} END", cond(seq), reduce_step(seq, d)),
        2 => format!("CASE {} WHEN 0 THEN 'zero' ELSE {} END", reduce_step(seq, d), reduce_step(seq, d)),
        3 => cond(seq),
        _ => {
            let op = ["+", "-", "*", "/", "%"][seq.next(5) as usize];
            format!("({} {op} {})", reduce_step(seq, d), reduce_step(seq, d))
        }
    }
}

/// `reduce()` with a step compiled to a program (`column_expr/reduce.rs`) gives the
/// interpreter's answer or error (the same step wrapped in `coalesce(…, null)`, which is
/// not compiled): lists of integers with nulls, floats, a string half way (the program
/// hands the rest to the interpreter), the largest integer (an overflow), short lists.
#[test]
fn random_reduce_steps_give_the_interpreters_answers() {
    let mut db = Database::empty();
    let lists = [
        "[x IN range(1, 40) | CASE x % 7 WHEN 0 THEN null WHEN 3 THEN x * 0.5 ELSE x - 20 END]",
        "[x IN range(1, 30) | toFloat(x) / 4]",
        "[x IN range(1, 30) | CASE x WHEN 20 THEN 'x' ELSE x END]",
        "[x IN range(1, 12) | CASE x WHEN 9 THEN 9223372036854775807 ELSE x END]",
        "[1, 2, 3]",
        "[x IN range(1, 20) | x % 3 = 0]",
    ];
    let inits = ["0", "0.0", "null", "-5", "'s'"];
    let mut seq = Seq(31);
    let mut answered = 0;
    for _ in 0..400 {
        let step = reduce_step(&mut seq, 3);
        let list = lists[seq.next(lists.len() as i64) as usize];
        let init = inits[seq.next(inits.len() as i64) as usize];
        let compiled = format!("RETURN reduce(m = {init}, y IN {list} | {step}) AS r");
        let interpreted = format!("RETURN reduce(m = {init}, y IN {list} | coalesce({step}, null)) AS r");
        let ours = outcome(&mut db, &compiled);
        assert_eq!(ours, outcome(&mut db, &interpreted), "{compiled}");
        answered += usize::from(!ours.starts_with("error"));
    }
    assert!(answered > 100, "only {answered} of the random steps gave answers");
}

/// Chains of string functions of one property compared with a literal, and the size of
/// such a chain compared with an integer (`predicate/text_chain.rs`), give the
/// interpreter's answers and errors (the condition wrapped in `coalesce(…, null)`, which is
/// not compiled): Unicode names (`substring` counts characters), empty names, missing
/// ones, double spaces, split pieces past either end, a name that is a number (the type
/// error). The same chains as grouping keys (`fold_string.rs`) give the row path's groups.
#[test]
fn string_chains_give_the_interpreters_answers() {
    let mut db = Database::empty();
    let setup = "UNWIND range(1, 400) AS i CREATE (:O {id: i, name: CASE i % 9
        WHEN 0 THEN null WHEN 1 THEN '' WHEN 2 THEN 'Ünïcödé  çafé ' + toString(i)
        WHEN 3 THEN 'Organization ' + toString(i) + ' 7x' WHEN 4 THEN '  padded ' + toString(i % 13)
        WHEN 5 THEN 'a b c d e f' WHEN 6 THEN '日本 語 ' + toString(i % 4) ELSE 'Org ' + toString(i) END})";
    db.execute(setup, &Params::new()).unwrap();
    let chains = [
        "substring(o.name, 2, 1) = 'n'",
        "substring(o.name, 13, 1) = '7'",
        "substring(o.name, 1) STARTS WITH 'n'",
        "size(split(o.name, ' ')[1]) = 3",
        "size(split(o.name, ' ')[-1]) >= 2",
        "size(split(o.name, ' ')[7]) < 4",
        "split(o.name, ' ')[2] = '7x'",
        "split(o.name, '')[1] = 'r'",
        "size(o.name) > 12",
        "size(toUpper(trim(o.name))) <> 5",
        "left(toLower(o.name), 3) = 'org'",
        "right(o.name, 2) ENDS WITH 'x'",
        "toUpper(split(o.name, ' ')[0]) CONTAINS 'ÏC'",
        "size(left(o.name, 4)) = 4",
    ];
    for chain in chains {
        let compiled = format!("MATCH (o:O) WHERE {chain} RETURN count(*) AS n, sum(o.id) AS s");
        let interpreted = format!("MATCH (o:O) WHERE coalesce({chain}, null) RETURN count(*) AS n, sum(o.id) AS s");
        assert_eq!(outcome(&mut db, &compiled), outcome(&mut db, &interpreted), "{compiled}");
    }
    for key in ["split(o.name, ' ')[1]", "split(o.name, ' ')[-2]", "toLower(split(o.name, 'a')[0])"] {
        let tail = format!("RETURN {key} AS k, count(*) AS n ORDER BY k, n");
        let (folded, rows) = (format!("MATCH (o:O) {tail}"), format!("MATCH (o:O) WITH * {tail}"));
        assert_eq!(outcome(&mut db, &folded), outcome(&mut db, &rows), "{folded}");
    }
    db.execute("CREATE (:O {id: 0, name: 42})", &Params::new()).unwrap();
    for chain in ["substring(o.name, 1, 1) = '2'", "size(split(o.name, ' ')[0]) = 2"] {
        let compiled = format!("MATCH (o:O) WHERE {chain} RETURN count(*) AS n");
        let message = outcome(&mut db, &compiled);
        assert!(message.starts_with("error"), "{compiled}: {message}");
        assert_eq!(
            message,
            outcome(&mut db, &format!("MATCH (o:O) WHERE coalesce({chain}, null) RETURN count(*) AS n"))
        );
    }
}

/// A number over a relationship `r` and its ends `x` and `n`: arithmetic, a numeric
/// function, or a property of one of the three (integers, floats, decimals, mixed kinds)
/// or a literal.
fn over_three(seq: &mut Seq, depth: u32) -> String {
    if seq.next(4) == 0 {
        return ["1", "0.5", "null", "-2"][seq.next(4) as usize].to_string();
    }
    reads_three(seq, depth)
}

/// As [`over_three`], but reading at least one property: a conjunct that reads no
/// variable is planned apart, before the pattern, and is no test of a program.
fn reads_three(seq: &mut Seq, depth: u32) -> String {
    let leaf = ["x.a", "r.w", "n.d", "r.a", "x.w", "n.m", "r.m", "x.b", "n.a", "r.d"];
    if depth == 0 || seq.next(3) == 0 {
        return leaf[seq.next(leaf.len() as i64) as usize].to_string();
    }
    let d = depth - 1;
    match seq.next(8) {
        0 => format!("-{}", reads_three(seq, d)),
        1 => format!("{}({})", function(seq), reads_three(seq, d)),
        2 => format!("({} % {})", over_three(seq, d), reads_three(seq, d)),
        k => {
            let op = ["+", "-", "*", "/", "%"][(k - 3) as usize];
            format!("({} {op} {})", reads_three(seq, d), over_three(seq, d))
        }
    }
}

/// A condition over a relationship and its two ends, in the forms a block program
/// computes (`column_expr/fold_block.rs`): comparisons, logic, both CASEs, null and type
/// tests, `IN`, `toString(…) STARTS WITH`.
fn condition_of_three(seq: &mut Seq, depth: u32) -> String {
    if depth == 0 {
        return format!("{} {} {}", reads_three(seq, 1), comparison(seq), over_three(seq, 1));
    }
    let d = depth - 1;
    match seq.next(12) {
        0 => format!("NOT ({})", condition_of_three(seq, d)),
        1 => format!("({} AND {})", condition_of_three(seq, d), condition_of_three(seq, d)),
        2 => format!("({} OR {})", condition_of_three(seq, d), condition_of_three(seq, d)),
        3 => format!("({} XOR {})", condition_of_three(seq, d), condition_of_three(seq, d)),
        4 => format!("{} IS NULL", reads_three(seq, d)),
        5 => format!("{} IN [1, 2.0, null, true]", reads_three(seq, d)),
        6 => format!(
            "CASE {} WHEN 0 THEN {} WHEN 1 THEN {} ELSE {} END",
            reads_three(seq, d),
            condition_of_three(seq, d),
            condition_of_three(seq, d),
            condition_of_three(seq, d)
        ),
        7 => format!(
            "CASE WHEN {} THEN {} ELSE {} END",
            condition_of_three(seq, d),
            condition_of_three(seq, d),
            condition_of_three(seq, d)
        ),
        8 => format!("{} IS :: INTEGER NOT NULL", reads_three(seq, d)),
        9 => format!("toString({}) STARTS WITH '1'", reads_three(seq, d)),
        _ => format!("{} {} {}", reads_three(seq, d), comparison(seq), over_three(seq, d)),
    }
}

/// Conditions over a relationship and both its ends, computed a block of relationships
/// at a time (a relationship-type scan's chunk; the ends' properties gathered by node id)
/// or candidate by candidate (an expansion), give the interpreter's answers and errors:
/// each plan's answer is held to the same plan's with the condition wrapped in
/// `coalesce(…, null)` (interpreted, the same candidates in the same order), on the graph
/// as built and as saved and opened again (its columns re-encoded).
#[test]
fn conditions_over_a_relationship_and_its_ends_give_the_interpreters_answers() {
    use steppe::planner::Options;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut db = graph();
    let link = "MATCH (x:P), (y:P) WHERE y.id = (x.id * 7) % 3000 + 1
        CREATE (x)-[:R {a: CASE WHEN x.id % 31 = 0 THEN null ELSE x.id % 50 - 25 END, w: y.w, d: x.d,
                        m: CASE x.id % 4 WHEN 0 THEN 'r' WHEN 1 THEN 2.5 ELSE x.id % 9 END}]->(y)";
    db.execute(link, &Params::new()).unwrap();
    let path = dir.path().join("three.db");
    db.save(&path).unwrap_or_else(|e| panic!("save: {}", e.message));
    let reopened = Database::open(&path).unwrap_or_else(|e| panic!("open: {}", e.message));
    let mut seq = Seq(41);
    let mut answered = 0;
    for mut db in [db, reopened] {
        for _ in 0..120 {
            let c = condition_of_three(&mut seq, 3);
            for options in [Options::PreferRelScans, Options::FirstNode] {
                db.set_planner_options(options);
                let tail = "RETURN count(*) AS c, sum(r.a) AS s, min(n.id) AS lo";
                let compiled = format!("MATCH (x:P)-[r:R]->(n:P) WHERE {c} {tail}");
                let interpreted = format!("MATCH (x:P)-[r:R]->(n:P) WHERE coalesce({c}, null) {tail}");
                let ours = outcome(&mut db, &compiled);
                assert_eq!(ours, outcome(&mut db, &interpreted), "{compiled} ({options:?})");
                answered += usize::from(!ours.starts_with("error"));
            }
            db.set_planner_options(Options::Cost);
        }
    }
    assert!(answered > 150, "only {answered} of the random conditions gave answers");
}

/// A grouped fold over an expansion whose nodes have many relationships tests its filter
/// a node's relationships at a time, down columns (`ops/group_fold.rs`,
/// `HopWalk::narrowed`): the groups, and the errors, are those of the row path (`WITH *`
/// keeps the `Aggregate` over an expansion testing one candidate at a time).
#[test]
fn filters_of_a_grouped_fold_over_hubs_give_the_row_paths_groups() {
    let mut db = graph();
    let link = "MATCH (x:P), (y:P) WHERE y.id = x.id % 40 + 1
        CREATE (x)-[:H {a: CASE WHEN x.id % 31 = 0 THEN null ELSE x.id % 50 - 25 END, w: x.w, d: x.d,
                        m: CASE x.id % 4 WHEN 0 THEN 'h' WHEN 1 THEN 2.5 ELSE x.id % 9 END}]->(y)";
    db.execute(link, &Params::new()).unwrap();
    // Planned from the first node, so that the hubs are expanded (by cost the whole type
    // would be scanned, its chunks narrowed alike).
    db.set_planner_options(steppe::planner::Options::FirstNode);
    let explain = "EXPLAIN MATCH (c:P)<-[r:H]-(x:P) WHERE r.a < x.a - c.w RETURN c.id AS k, max(r.a) AS top";
    let plan = db.execute(explain, &Params::new()).ok().and_then(|r| r.plan).unwrap_or_default();
    assert!(plan.contains("GroupFold") && plan.contains("FilteredExpand (c)<-[r:H]-(x)"), "{plan}");
    let mut seq = Seq(43);
    let mut answered = 0;
    for _ in 0..100 {
        let c = condition_of_three(&mut seq, 2).replace("x.", "c.").replace("n.", "x.");
        let tail = "RETURN c.id AS k, count(*) AS n, max(r.a) AS top, min(x.id) AS lo ORDER BY k LIMIT 12";
        let folded = format!("MATCH (c:P)<-[r:H]-(x:P) WHERE {c} {tail}");
        let rows = format!("MATCH (c:P)<-[r:H]-(x:P) WHERE {c} WITH * {tail}");
        let ours = outcome(&mut db, &folded);
        assert_eq!(ours, outcome(&mut db, &rows), "{folded}");
        answered += usize::from(!ours.starts_with("error"));
    }
    assert!(answered > 40, "only {answered} of the random filters gave answers");
}

/// Keys and arguments that read one property several times (`CASE WHEN r.w < 0.25 …
/// WHEN r.w < 0.75 …`, the element of a folded quantifier's verdict code) read it once
/// per input, ahead of the program's walk (`FoldProgram::reads`): the groups and answers
/// are the row path's, over typed columns (`w`, `a`) and a column of every kind (`m`).
#[test]
fn repeated_reads_give_the_row_paths_answers() {
    let mut db = graph();
    let link = "MATCH (x:P), (y:P) WHERE y.id = (x.id * 7) % 3000 + 1
        CREATE (x)-[:R {a: x.a, w: y.w, m: y.m}]->(y)";
    db.execute(link, &Params::new()).unwrap();
    let keys = [
        "CASE WHEN r.w < 0.25 THEN 'weak' WHEN r.w < 0.75 THEN 'medium' WHEN r.w IS NULL THEN null ELSE 'strong' END",
        "CASE WHEN r.m < 1 THEN 'low' WHEN r.m < 3 THEN r.m * 2 WHEN r.m IS NULL THEN 'none' ELSE r.m END",
        "CASE WHEN n.w = x.w THEN 'same' WHEN n.w > x.w THEN n.w - x.w ELSE x.w - n.w END",
    ];
    for key in keys {
        let tail = format!("RETURN {key} AS k, count(*) AS c, min(r.a) AS lo, max(n.w + r.w) AS hi ORDER BY k, c");
        let folded = format!("MATCH (x:P)-[r:R]->(n) {tail}");
        let rows = format!("MATCH (x:P)-[r:R]->(n) WITH * {tail}");
        let ours = outcome(&mut db, &folded);
        assert!(!ours.starts_with("error"), "{folded}: {ours}");
        assert_eq!(ours, outcome(&mut db, &rows), "{folded}");
    }
    // Quantifiers over collected values, their verdicts reading the element three times.
    for quantifier in
        ["any(v IN vs WHERE v = x.a OR v > x.a)", "all(v IN vs WHERE v <> x.a)", "none(v IN vs WHERE v < 0)"]
    {
        let query = format!(
            "MATCH (x:P)-[:R]->(n) WITH x, collect(n.a) AS vs WHERE {quantifier} RETURN count(*) AS c, sum(x.id) AS s"
        );
        let ours = outcome(&mut db, &query);
        assert!(!ours.starts_with("error"), "{query}: {ours}");
        db.set_planner_passes(steppe::planner::Passes::all().without("fold_collected_lists").unwrap());
        let listed = outcome(&mut db, &query);
        db.set_planner_passes(steppe::planner::Passes::all());
        assert_eq!(ours, listed, "{query}");
    }
}
