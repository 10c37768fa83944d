//! Each pass on its own: the plan just before it and just after it, for one query over a
//! small graph (`Database` for the data, the planner's own functions for the plans).

use super::{optimize, Passes, PASSES};
use crate::binder::{self, bound, Params, SchemaView};
use crate::planner::{explain, naive_plan, LogicalOp, Options, SlotNames};
use crate::value::Value;
use crate::Database;

/// 30 `P` with `x` 0..9, 3 `Q`; each P `R` to one Q.
fn graph() -> Database {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 29) AS i CREATE (:P {id: i, x: i % 10});
                 UNWIND range(0, 2) AS i CREATE (:Q {id: i});
                 MATCH (p:P), (q:Q) WHERE p.id % 3 = q.id CREATE (p)-[:R {w: p.id}]->(q)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

pub(super) fn bind(db: &Database, text: &str) -> bound::Query {
    let statement = crate::syntax::parse_statement(text).unwrap_or_else(|e| panic!("{}", e.message));
    let view = SchemaView { schema: db.graph().schema(), catalog: db.graph().catalog() };
    match binder::bind(&statement, view, &Params::new()) {
        Ok(bound::Statement::Query(query)) => query,
        other => panic!("{text}: {other:?}"),
    }
}

/// The plan of `text` just before the pass named `name` and just after it, as EXPLAIN
/// shows them without the estimates.
pub(super) fn around(name: &str, text: &str) -> (String, String) {
    around_in(&graph(), name, text)
}

/// [`around`] over the graph of `db`.
pub(super) fn around_in(db: &Database, name: &str, text: &str) -> (String, String) {
    let query = bind(db, text);
    let stats = db.graph();
    let at = PASSES.iter().position(|p| p.name == name).unwrap_or_else(|| panic!("no pass {name}"));
    // Passes before `name` run, `name` and those after do not.
    let before_passes = PASSES[at..].iter().fold(Passes::all(), |p, pass| p.without(pass.name).unwrap_or(p));
    let naive = naive_plan(&query, stats, Options::Cost).unwrap_or_else(|e| panic!("{}", e.message));
    let before = if at == 0 {
        naive
    } else {
        optimize(naive, stats, Options::Cost, before_passes).unwrap_or_else(|e| panic!("{}", e.message))
    };
    let ctx = super::Ctx { stats, options: Options::Cost };
    let after = (PASSES[at].run)(before.clone(), &ctx).unwrap_or_else(|e| panic!("{}", e.message));
    let text = |plan: &LogicalOp| {
        let shown = explain(plan, &SlotNames::of(&query), stats);
        shown.lines().map(|l| l.split("  (est.").next().unwrap_or(l).trim_end().to_string() + "\n").collect()
    };
    (text(&before), text(&after))
}

/// The rows `text` gives over `db`.
pub(super) fn rows(db: &mut Database, text: &str) -> Vec<Vec<Value>> {
    db.execute(text, &Params::new()).map(|r| r.rows).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// The rows `text` gives over `db` with every pass, then with the pass `name` switched off.
pub(super) fn rows_with_and_without(db: &mut Database, name: &str, text: &str) -> (Vec<Vec<Value>>, Vec<Vec<Value>>) {
    let with = rows(db, text);
    db.set_planner_passes(Passes::all().without(name).unwrap_or_else(|| panic!("no pass {name}")));
    let without = rows(db, text);
    db.set_planner_passes(Passes::all());
    (with, without)
}

pub(super) fn assert_plan(actual: &str, expected: &str) {
    let expected: String = expected.lines().map(|l| l.trim_start_matches(' ').to_string() + "\n").collect();
    let actual: String = actual.lines().map(|l| l.trim_start_matches(' ').to_string() + "\n").collect();
    assert_eq!(actual, expected, "\nactual:\n{actual}");
}

#[test]
fn plan_patterns_turns_a_match_into_a_start_and_expansions_from_its_filtered_end() {
    let (before, after) = around("plan_patterns", "MATCH (p:P)-[r:R]->(q:Q {id: 1}) RETURN p.id");
    assert!(before.contains("MatchPattern 1 part(s)"), "{before}");
    assert_plan(
        &after,
        "ProduceResults [`p.id`]
         └─ Retain [`p.id`]
            └─ Project [`p.id`]
               └─ Filter p:P
                  └─ Expand (q)<-[r:R]-(p)
                     └─ Filter q.id = 1
                        └─ NodeByLabelScan q:Q
                           └─ Start",
    );
}

#[test]
fn plan_patterns_switched_off_plans_the_pattern_as_written() {
    let db = graph();
    let query = bind(&db, "MATCH (p:P)-[r:R]->(q:Q {id: 1}) RETURN p.id");
    let naive = naive_plan(&query, db.graph(), Options::Cost).unwrap_or_else(|e| panic!("{}", e.message));
    let passes = Passes::all().without("plan_patterns").unwrap_or_default();
    let plan = optimize(naive, db.graph(), Options::Cost, passes).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(plan.to_string().contains("NodeByLabelScan $0:P"), "{plan}");
}

#[test]
fn push_filters_moves_each_condition_to_where_its_variables_are_bound() {
    let text = "MATCH (p:P)-[r:R]->(q:Q) WHERE p.id = 4 AND r.w > 3 AND q.id = 0 RETURN p.id";
    let (before, after) = around("push_filters", text);
    // The pattern pass checks them after the part; pushed down, each after its own operator.
    assert!(before.contains("Filter p:P AND p.id = 4 AND r.w > 3 AND q.id = 0\n"), "{before}");
    assert_plan(
        &after,
        "ProduceResults [`p.id`]
         └─ Retain [`p.id`]
            └─ Project [`p.id`]
               └─ Filter p:P AND p.id = 4 AND r.w > 3
                  └─ Expand (q)<-[r:R]-(p)
                     └─ Filter q.id = 0
                        └─ NodeByLabelScan q:Q
                           └─ Start",
    );
}

#[test]
fn push_filters_stops_at_a_limit_and_at_a_condition_on_a_pattern() {
    let text = "MATCH (p:P) WITH p LIMIT 3 WHERE p.x = 1 MATCH (p)-->(q) WHERE exists((q)-->()) RETURN p.id";
    let (before, after) = around("push_filters", text);
    assert_eq!(before, after);
}

#[test]
fn count_rows_reads_the_count_of_a_type_from_the_store() {
    let (before, after) = around("count_rows", "MATCH ()-[r:R]->() RETURN count(*) AS n");
    assert!(before.contains("Aggregate keys [] aggregates [count(*)]"), "{before}");
    assert!(after.contains("RelCountFromStore ()-[:R]->() counts [anon_"), "{after}");
    assert!(!after.contains("Expand"), "{after}");
}

#[test]
fn count_rows_counts_from_the_grouped_end_when_the_pattern_starts_at_the_other() {
    // The planner starts at the 3 Q; the count per p is each p's relationships to a Q.
    let text = "MATCH (q:Q)<-[:R]-(p:P) RETURN p.x AS x, count(q) AS n ORDER BY x";
    let (before, after) = around("count_rows", text);
    assert!(before.contains("NodeByLabelScan q:Q"), "{before}");
    assert!(after.contains("ExpandCount (p)-[anon_1:R]->(q) filtered into anon_"), "{after}");
    assert!(after.contains("where q:Q"), "{after}");
    assert!(after.contains("NodeByLabelScan p:P"), "{after}");
    let mut db = graph();
    let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    db.set_planner_passes(Passes::all().without("count_rows").unwrap_or_default());
    let without = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    assert_eq!(with, without);
    assert_eq!(with.len(), 10);
    // A far node with more nodes than the hop's rows is not scanned: the plan stays.
    let (_, kept) = around("count_rows", "MATCH (q:Q {id: 1})<-[:R]-(p:P) RETURN p.x AS x, count(q) AS n");
    assert!(!kept.contains("ExpandCount"), "{kept}");
}

#[test]
fn count_rows_counts_a_join_build_side_per_key_and_drops_checks_between_types() {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 3) AS i CREATE (:C {id: i});
                 UNWIND range(0, 1) AS i CREATE (:D {id: i});
                 UNWIND range(0, 9) AS i CREATE (:U {id: i});
                 MATCH (c:C), (d:D) WHERE c.id >= d.id CREATE (c)-[:SENT]->(d);
                 MATCH (u:U), (d:D) WHERE u.id % 3 <> d.id CREATE (u)-[:PART_OF]->(d)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let text = "MATCH (c:C)-[:SENT]->(d:D)<-[:PART_OF]-(u:U) \
                RETURN c.id AS c, count(DISTINCT d) AS ds, count(u) AS us ORDER BY c";
    let query = bind(&db, text);
    let naive = naive_plan(&query, db.graph(), Options::PreferJoins).unwrap_or_else(|e| panic!("{}", e.message));
    let plan =
        optimize(naive, db.graph(), Options::PreferJoins, Passes::all()).unwrap_or_else(|e| panic!("{}", e.message));
    let shown = explain(&plan, &SlotNames::of(&query), db.graph());
    assert!(shown.contains("NodeHashJoin [d] build [anon_"), "{shown}");
    // The build side's count per key, folded per node of `d` (`fold_groups`).
    assert!(shown.contains("GroupFold keys [d] aggregates [count(*)]"), "{shown}");
    assert!(!shown.contains("<>"), "relationships of two types need no check:\n{shown}");
    let answers = |db: &mut Database, options| {
        db.set_planner_options(options);
        db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows
    };
    let joined = answers(&mut db, Options::PreferJoins);
    assert_eq!(joined, answers(&mut db, Options::FirstNode));
    // c0 sent to d0 (6 units: ids 0..9 not 0 mod 3), c1..c3 to d0 and d1 (6 + 7 units).
    assert_eq!(
        format!("{joined:?}"),
        "[[Int(0), Int(1), Int(6)], [Int(1), Int(2), Int(13)], [Int(2), Int(2), Int(13)], [Int(3), Int(2), Int(13)]]"
    );
}

#[test]
fn join_sets_groups_the_build_side_per_key_into_distinct_values() {
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 3) AS i CREATE (:C {id: i});
                 UNWIND range(0, 1) AS i CREATE (:D {id: i});
                 UNWIND range(0, 9) AS i CREATE (:U {id: i});
                 MATCH (c:C), (d:D) WHERE c.id >= d.id CREATE (c)-[:SENT]->(d);
                 MATCH (c:C {id: 3}), (d:D {id: 1}) CREATE (c)-[:SENT]->(d);
                 MATCH (u:U), (d:D) WHERE u.id % 3 <> d.id CREATE (u)-[:PART_OF]->(d)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let text = "MATCH (c:C)-[:SENT]->(d:D)<-[:PART_OF]-(u:U) RETURN c.id AS c, count(DISTINCT u) AS us ORDER BY c";
    let query = bind(&db, text);
    let plan_with = |passes: Passes| {
        let naive = naive_plan(&query, db.graph(), Options::PreferJoins).unwrap_or_else(|e| panic!("{}", e.message));
        let plan =
            optimize(naive, db.graph(), Options::PreferJoins, passes).unwrap_or_else(|e| panic!("{}", e.message));
        explain(&plan, &SlotNames::of(&query), db.graph())
    };
    let before = plan_with(Passes::all().without("join_sets").unwrap_or_default());
    assert!(
        before.contains("Aggregate keys [c.id AS c] aggregates [count(DISTINCT u)]") && before.contains("build [anon_"),
        "{before}"
    );
    let after = plan_with(Passes::all());
    assert!(after.contains("AggregateEach keys [c.id AS c] aggregates [count(DISTINCT u)]"), "{after}");
    assert!(after.contains("of each u in anon_"), "{after}");
    assert!(after.contains("GroupFold keys [d] aggregates [collect(DISTINCT u)]"), "{after}");
    let answers = |db: &mut Database, passes| {
        db.set_planner_options(Options::PreferJoins);
        db.set_planner_passes(passes);
        db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows
    };
    let grouped = answers(&mut db, Passes::all());
    assert_eq!(grouped, answers(&mut db, Passes::all().without("join_sets").unwrap_or_default()));
    // c0 sent to d0 (6 units: ids 0..9 not 0 mod 3), c1..c3 to d0 and d1 (all 10 units;
    // c3 twice to d1, which counts nothing twice).
    assert_eq!(format!("{grouped:?}"), "[[Int(0), Int(6)], [Int(1), Int(10)], [Int(2), Int(10)], [Int(3), Int(10)]]");
    // A count of every row depends on repeats: the plan stays.
    let counted =
        "MATCH (c:C)-[:SENT]->(d:D)<-[:PART_OF]-(u:U) RETURN c.id AS c, count(*) AS n, count(DISTINCT u) AS us";
    let (before, after) = around("join_sets", counted);
    assert_eq!(before, after);
}

#[test]
fn use_top_k_keeps_only_the_first_skip_plus_limit_rows() {
    let (before, after) = around("use_top_k", "MATCH (p:P) RETURN p.id AS id ORDER BY toString(p.x) SKIP 2 LIMIT 3");
    assert!(before.contains("└─ Sort 1 key(s)"), "{before}");
    assert!(after.contains("Limit\n") && after.contains("└─ Skip\n") && after.contains("└─ TopK 1 key(s)"), "{after}");
    let (before, after) = around("use_top_k", "MATCH (p:P) RETURN p.id AS id ORDER BY p.x");
    assert_eq!(before, after);
}

#[test]
fn use_top_k_ranks_a_scanned_node_by_its_columns_before_any_row_is_projected() {
    let text = "MATCH (p:P) WHERE p.x > 2 RETURN p.id AS id, p.x AS x ORDER BY x DESC, id SKIP 1 LIMIT 3";
    let (before, after) = around("use_top_k", text);
    assert!(!before.contains("NodeColumnTop"), "{before}");
    // Its columns decide the whole order: it drops the first SKIP itself, and no `Skip`
    // stays above the `TopK`.
    assert!(
        after.contains("└─ Project [id, x]\n")
            && after.contains("└─ NodeColumnTop p by p.x DESC, p.id keep 3 after 1\n")
    );
    assert!(after.contains("└─ Filter p.x > 2\n") && !after.contains("Skip"), "{after}");
    // A later key the columns do not give leaves the SKIP to the `Skip` above the `TopK`.
    let (_, after) = around("use_top_k", "MATCH (p:P) RETURN p.id AS id ORDER BY p.x DESC, p.id + 1 SKIP 1 LIMIT 3");
    assert!(after.contains("└─ NodeColumnTop p by p.x DESC keep 4\n") && after.contains("└─ Skip\n"), "{after}");
    // A projection that may fail must still see every row; a key no column gives stops it.
    for text in [
        "MATCH (p:P) RETURN p.id AS id, 1 / p.x AS y ORDER BY p.x LIMIT 3",
        "MATCH (p:P) RETURN p.id AS id ORDER BY toString(p.x) LIMIT 3",
        "MATCH (p:P)-->(q) RETURN p.id AS id ORDER BY p.x LIMIT 3",
    ] {
        let (_, after) = around("use_top_k", text);
        assert!(!after.contains("NodeColumnTop"), "{text}: {after}");
    }
}

#[test]
fn use_top_k_ranks_expanded_relationships_by_their_column_before_any_row_is_made() {
    let text = "MATCH (p:P)-[r:R]->(q:Q) RETURN p.id AS p, q.id AS q ORDER BY r.w DESC, p SKIP 2 LIMIT 3";
    let (before, after) = around("use_top_k", text);
    assert!(!before.contains("RelColumnTop"), "{before}");
    assert!(
        after.contains("└─ Project [p, q]\n") && after.contains("└─ RelColumnTop r by r.w DESC keep 5\n"),
        "{after}"
    );
    // The expansion stays below it, for it to walk.
    assert!(after.contains("RelColumnTop r by r.w DESC keep 5\n") && after.contains("Expand ("), "{after}");
    // A projection or a key that may fail must still see every row; a first key that is
    // not a property of the relationship, or an expansion not from a scan, stops it.
    for text in [
        "MATCH (p:P)-[r:R]->(q:Q) RETURN p.id AS p, 1 / r.w AS y ORDER BY r.w LIMIT 3",
        "MATCH (p:P)-[r:R]->(q:Q) RETURN p.id AS p ORDER BY r.w, 1 / p.x LIMIT 3",
        "MATCH (p:P)-[r:R]->(q:Q) RETURN p.id AS p ORDER BY q.id, r.w LIMIT 3",
        "MATCH (p:P)-[r:R]->(q:Q)-[s:R]-(o) RETURN p.id AS p ORDER BY r.w LIMIT 3",
    ] {
        let (_, after) = around("use_top_k", text);
        assert!(!after.contains("RelColumnTop"), "{text}: {after}");
    }
}

#[test]
fn prune_projections_drops_values_and_paths_nothing_reads_but_keeps_what_may_fail() {
    let text = "MATCH path = (p:P)-->(q) WITH p, q.id AS unused, 1 / p.x AS may_fail RETURN p.id AS id";
    let (before, after) = around("prune_projections", text);
    assert!(before.contains("BuildPath path") && before.contains("Project [p, unused, may_fail]"), "{before}");
    assert!(!after.contains("BuildPath"), "{after}");
    assert!(after.contains("Project [p, may_fail]"), "{after}");
}

#[test]
fn fuse_filters_joins_a_filter_into_the_scan_or_expansion_below() {
    let (before, after) = around("fuse_filters", "MATCH (p:P)-[r:R]->(q:Q) WHERE p.x = 1 AND r.w > 3 RETURN p.id");
    assert!(before.contains("Filter p.x = 1\n") && before.contains("NodeByLabelScan p:P"), "{before}");
    assert!(after.contains("FilteredNodeByLabelScan p:P where p.x = 1"), "{after}");
    assert!(after.contains("FilteredExpand (p)-[r:R]->(q) where q:Q AND r.w > 3"), "{after}");
    assert!(!after.contains("─ Filter "), "{after}");
}

#[test]
fn fuse_filters_tests_the_far_end_of_a_one_end_shortest_path_before_its_paths() {
    let text = "MATCH p = shortestPath((a:P {id: 1})-[*1..3]-(b:P)) WHERE b.x = 2 AND length(p) > 1 RETURN b.id";
    let (before, after) = around("fuse_filters", text);
    assert!(before.contains("Filter b:P AND b.x = 2\n") && before.contains("from a\n"), "{before}");
    assert!(after.contains("from a where b:P AND b.x = 2\n"), "{after}");
    assert!(after.contains("Filter length(p) > 1\n"), "the path's condition waits for it:\n{after}");
    let mut db = graph();
    let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    db.set_planner_passes(Passes::all().without("fuse_filters").unwrap_or_default());
    assert_eq!(with, db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows);
    // p1 reaches the P of its own Q (ids 1 mod 3) in two hops; of those only p22 has x = 2.
    assert_eq!(format!("{with:?}"), "[[Int(22)]]");
}

#[test]
fn fold_groups_folds_an_aggregate_over_a_scan_or_one_hop_and_keeps_the_answers() {
    let scan = "MATCH (p:P) WHERE p.id > 3 RETURN CASE WHEN p.x < 5 THEN 'low' ELSE 'high' END AS k, \
                count(*) AS n, avg(p.id) AS a, max(p.x) AS m ORDER BY k";
    let (before, after) = around("fold_groups", scan);
    assert!(before.contains("Aggregate keys [CASE WHEN p.x < 5 THEN 'low' ELSE 'high' END AS k]"), "{before}");
    let folded = "GroupFold keys [CASE WHEN p.x < 5 THEN 'low' ELSE 'high' END AS k] \
                  aggregates [count(*), avg(p.id), max(p.x)]\n";
    assert!(after.contains(folded) && after.contains("FilteredNodeByLabelScan p:P"), "{after}");
    let hop = "MATCH (q:Q)<-[r:R]-(p:P) RETURN q.id AS q, sum(r.w) AS w, count(CASE WHEN p.x > 4 THEN 1 END) AS c \
               ORDER BY q";
    let (_, after) = around("fold_groups", hop);
    assert!(after.contains("GroupFold keys [q.id AS q] aggregates [sum(r.w), count(CASE WHEN p.x > 4 THEN 1 END)]"));
    // DISTINCT keeps its set of values in the fold's state; counting alone is left to the batches.
    let distinct = "MATCH (p:P) RETURN p.x AS x, count(DISTINCT p.id % 3) AS n, stDev(p.id) AS sd, \
                    percentileDisc(p.id, 0.5) AS mid ORDER BY x";
    let (_, after) = around("fold_groups", distinct);
    let folded =
        "GroupFold keys [p.x AS x] aggregates [count(DISTINCT p.id % 3), stDev(p.id), percentileDisc(p.id, 0.5)]";
    assert!(after.contains(folded), "{after}");
    let (_, after) = around("fold_groups", "MATCH (p:P) WHERE p.x > 2 RETURN count(*) AS n");
    assert!(!after.contains("GroupFold"), "{after}");
    // Per input node, aggregates of the relationship's properties: every relationship of the type in stored order.
    let stored = "MATCH (q:Q)<-[r:R]-(p:P) RETURN q.id AS q, max(r.w) AS w, count(*) AS n ORDER BY q";
    let (_, after) = around("fold_groups", stored);
    assert!(after.contains("aggregates [max(r.w), count(*)] over [r:R] in stored order"), "{after}");
    let (_, after) = around("fold_groups", hop);
    assert!(!after.contains("stored order"), "a sum depends on the order of its values: {after}");
    let far_count =
        "MATCH (q:Q)<-[r:R]-(p:P) RETURN q.id AS q, stDev(r.w) AS w, count(CASE WHEN p.x > 4 THEN 1 END) AS c \
                     ORDER BY q";
    let (_, after) = around("fold_groups", far_count);
    assert!(after.contains("over [r:R] in stored order"), "a count of the far node's expression: {after}");
    let far_sum = "MATCH (q:Q)<-[r:R]-(p:P) RETURN q.id AS q, sum(p.x) AS s ORDER BY q";
    let (_, after) = around("fold_groups", far_sum);
    assert!(after.contains("GroupFold") && !after.contains("stored order"), "a sum of the far node's: {after}");
    let mut db = graph();
    for text in [scan, hop, distinct, stored, far_count, far_sum] {
        let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
        db.set_planner_passes(Passes::all().without("fold_groups").unwrap_or_default());
        assert_eq!(with, db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows);
        db.set_planner_passes(Passes::all());
    }
}

#[test]
fn passes_are_named_once_and_switched_off_by_name() {
    let names: Vec<&str> = Passes::names().collect();
    let expected = [
        "plan_patterns",
        "unwind_collected",
        "push_filters",
        "push_semi_applies",
        "push_subquery_values",
        "inline_computed",
        "prune_paths",
        "join_on_values",
        "join_value_keys",
        "fold_collected_lists",
        "filter_any_groups",
        "aggregate_union_branches",
        "count_rows",
        "count_semi_joins",
        "intersect_cycles",
        "join_sets",
        "union_optionals",
        "group_optional_rows",
        "distinct_before_expand",
        "fold_ordered_collects",
        "use_top_k",
        "prune_projections",
        "reverse_semi_probes",
        "fuse_filters",
        "semi_joins",
        "semi_join_scans",
        "memo_subqueries",
        "stop_searches",
        "fold_groups",
    ];
    assert_eq!(names, expected);
    assert!(Passes::all().without("no_such_pass").is_none());
    assert_ne!(Passes::all().without("use_top_k"), Some(Passes::all()));
}

#[test]
fn distinct_before_expand_cuts_the_rows_to_what_is_read_after_each_expansion() {
    // The one u reaches 6 v, each v both w, and each w 10 z: the 12 paths reaching the
    // two w are cut to them before the expansion to z, the only step read after.
    let mut db = Database::empty();
    let setup = "UNWIND range(0, 2) AS i CREATE (:U {id: i});
                 UNWIND range(0, 5) AS i CREATE (:V {id: i});
                 UNWIND range(0, 1) AS i CREATE (:W {id: i});
                 UNWIND range(0, 39) AS i CREATE (:Z {id: i});
                 MATCH (u:U {id: 0}), (v:V) CREATE (u)-[:A]->(v);
                 MATCH (v:V), (w:W) CREATE (v)-[:B]->(w);
                 MATCH (w:W), (z:Z) WHERE z.id % 4 = w.id CREATE (w)-[:C]->(z)";
    db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let text =
        "MATCH (u:U {id: 0})-[:A]->(v:V)-[:B]->(w:W)-[:C]->(z:Z) RETURN count(DISTINCT z) AS n, max(w.id) AS top";
    let (before, after) = around_in(&db, "distinct_before_expand", text);
    assert!(!before.contains("Distinct"), "{before}");
    assert!(after.contains("Distinct [w]"), "{after}");
    let with = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    db.set_planner_passes(Passes::all().without("distinct_before_expand").unwrap_or_default());
    let without = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    assert_eq!(with, without);
    // count(*) depends on how often each row comes; a relationship read after (a check
    // that two of one type differ) keeps every row distinct already: no Distinct.
    let (_, counted) = around_in(
        &db,
        "distinct_before_expand",
        "MATCH (u:U {id: 0})-[:A]->(v:V)-[:B]->(w:W)-[:C]->(z:Z) RETURN count(*)",
    );
    assert!(!counted.contains("Distinct"), "{counted}");
    let (_, unique) =
        around("distinct_before_expand", "MATCH (q:Q)<-[:R]-(p:P)-[:R]->(q2:Q) RETURN count(DISTINCT q2)");
    assert!(!unique.contains("Distinct"), "{unique}");
}
