//! Pass `join_value_keys`: an equality between a value of a hash join's build rows and
//! one of its probe rows, checked in a filter right above the join
//! (`MATCH (a:Article)-[:MENTIONS]->(p:Person)-[:MEMBER_OF]->(o:Organization) WHERE
//! a.year = o.year`, joined on `p`), becomes part of the join's key: the join then meets
//! only the build rows of the same node whose value is `=` to the probe row's, instead of
//! making every row of the node and dropping most. workload10's `two_whole_types_joined`
//! made 5.6 M rows on `p` at M to keep 45 K.
//!
//! A cartesian product (a join on no node) keyed this way is a hash join on values alone
//! (EXPLAIN `ValueHashJoin`), and so is a `ValueHashJoin` with a second equality
//! (`WHERE u.year = d.year AND u.name = d.name`: both are keys). The build side of an equality must read something the build
//! side alone binds, the probe side's something else and nothing the build side binds,
//! and neither anything random; as with `join_on_values`, any expression is taken
//! (`o.year + 1`, `toLower(o.name)`), the build side's computed once per build row.
//! Cypher's `=` is kept: `1 = 1.0` meet, a null meets nothing (`exec/ops/hash_join.rs`).

use std::collections::HashSet;

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::planner::build::with_filter;
use crate::planner::predicates::{conjunction, conjuncts, fixed_before, free_slots};
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

pub fn join_value_keys(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(key_on_values(op)))
}

/// `op` with the value equalities of its filters moved into the hash join right under
/// them, when it is such a filter and one of its conditions fits; else `op` unchanged.
fn key_on_values(op: LogicalOp) -> LogicalOp {
    if !is_filtered_join(&op) {
        return op;
    }
    // The conditions of every filter down to the join, the lowest first: that is the
    // order they were checked in, so a condition that fails first still does.
    let mut layers = Vec::new();
    let mut below = op;
    while let LogicalOp::Filter { input, predicate } = below {
        layers.push(predicate);
        below = *input;
    }
    let conditions: Vec<Expr> =
        layers.iter().rev().flat_map(|p| conjuncts(p).into_iter().cloned().collect::<Vec<_>>()).collect();
    let (probe, build, keys, build_slots, mut values) = match below {
        LogicalOp::HashJoin { probe, build, keys, build_slots, values } => (probe, build, keys, build_slots, values),
        // A join on one value is a hash join on no node and that value.
        LogicalOp::ValueHashJoin { probe, build, probe_key, build_key, build_slots } => {
            (probe, build, Vec::new(), build_slots, vec![(probe_key, build_key)])
        }
        // `is_filtered_join` saw a join under the filters.
        other => return with_filter(other, conjunction(conditions)),
    };
    let mut rest = Vec::new();
    for condition in conditions {
        match value_key(&condition, &keys, &build_slots) {
            Some(pair) => values.push(pair),
            None => rest.push(condition),
        }
    }
    let join = LogicalOp::HashJoin { probe, build, keys, build_slots, values };
    with_filter(join, conjunction(rest))
}

/// Whether `op` is one or more filters over a hash join (on nodes, or on one value), one
/// of whose conditions is a value key of it.
fn is_filtered_join(op: &LogicalOp) -> bool {
    let mut conditions = Vec::new();
    let mut below = op;
    while let LogicalOp::Filter { input, predicate } = below {
        conditions.extend(conjuncts(predicate));
        below = input;
    }
    let (keys, build_slots) = match below {
        LogicalOp::HashJoin { keys, build_slots, .. } => (keys.as_slice(), build_slots),
        LogicalOp::ValueHashJoin { build_slots, .. } => (&[][..], build_slots),
        _ => return false,
    };
    conditions.iter().any(|c| value_key(c, keys, build_slots).is_some())
}

/// `(probe side, build side)` of `condition` when it is `x = y` with one side a value of
/// the build rows that reads one of `build_slots` (the join's `keys` it may read too) and
/// the other a value of the probe rows that reads something besides the keys and nothing
/// of `build_slots`; neither random.
fn value_key(condition: &Expr, keys: &[Slot], build_slots: &[Slot]) -> Option<(Expr, Expr)> {
    let ExprKind::Binary(BinaryOp::Eq, lhs, rhs) = &condition.kind else { return None };
    let reads = |e: &Expr| free_slots(e).filter(|reads| fixed_before(e, reads));
    let (l, r) = (reads(lhs)?, reads(rhs)?);
    let on_build = |s: &HashSet<Slot>| {
        s.iter().any(|x| build_slots.contains(x)) && s.iter().all(|x| build_slots.contains(x) || keys.contains(x))
    };
    let on_probe =
        |s: &HashSet<Slot>| s.iter().any(|x| !keys.contains(x)) && s.iter().all(|x| !build_slots.contains(x));
    if on_probe(&l) && on_build(&r) {
        Some(((**lhs).clone(), (**rhs).clone()))
    } else if on_build(&l) && on_probe(&r) {
        Some(((**rhs).clone(), (**lhs).clone()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::bind;
    use super::super::{optimize, Passes};
    use crate::binder::Params;
    use crate::planner::{explain, naive_plan, Options, SlotNames};
    use crate::Database;

    /// Articles mention people, who are members of organizations; years are integers, one
    /// a float equal to an integer (`2003.0`), one missing on each side.
    fn graph() -> Database {
        let mut db = Database::empty();
        let setup = "UNWIND range(1, 4) AS i CREATE (:P {id: i});
                     UNWIND range(1, 24) AS i CREATE (:A {id: i, year: CASE WHEN i = 24 THEN null
                         WHEN i = 23 THEN 2003.0 ELSE 2000 + i % 6 END});
                     UNWIND range(1, 12) AS i CREATE (:O {id: i, year: CASE WHEN i = 12 THEN null
                         ELSE 2000 + i % 5 END, name: 'o' + (i % 3)});
                     MATCH (a:A), (p:P) WHERE p.id <= a.id % 4 + 1 CREATE (a)-[:M]->(p);
                     MATCH (p:P), (o:O) WHERE (o.id + p.id) % 3 <> 0 CREATE (p)-[:B]->(o)";
        db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        db
    }

    fn plan(db: &Database, text: &str, passes: Passes) -> String {
        let query = bind(db, text);
        let naive = naive_plan(&query, db.graph(), Options::PreferJoins).unwrap_or_else(|e| panic!("{}", e.message));
        let plan =
            optimize(naive, db.graph(), Options::PreferJoins, passes).unwrap_or_else(|e| panic!("{}", e.message));
        explain(&plan, &SlotNames::of(&query), db.graph())
    }

    fn answers(db: &mut Database, text: &str, options: Options, passes: Passes) -> String {
        db.set_planner_options(options);
        db.set_planner_passes(passes);
        let rows = db.execute(text, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
        format!("{rows:?}")
    }

    fn without() -> Passes {
        Passes::all().without("join_value_keys").unwrap_or_default()
    }

    #[test]
    fn join_value_keys_moves_an_equality_across_a_node_join_into_its_key() {
        let db = graph();
        let text = "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE a.year = o.year RETURN count(*) AS n";
        let before = plan(&db, text, without());
        assert!(before.contains("Filter a.year = o.year") && before.contains("NodeHashJoin [p]"), "{before}");
        let after = plan(&db, text, Passes::all());
        assert!(!after.contains("Filter a.year = o.year"), "{after}");
        let join = after.lines().find(|l| l.contains("NodeHashJoin [p]")).unwrap_or_default();
        assert!(join.contains(" on a.year = o.year"), "{after}");
    }

    #[test]
    fn join_value_keys_keeps_the_answers_of_the_filter_with_numbers_nulls_and_several_keys() {
        let mut db = graph();
        for text in [
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE a.year = o.year RETURN count(*) AS n, count(DISTINCT p) AS ps",
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE o.year = a.year AND a.id % 3 = o.id % 3 \
             RETURN a.id AS a, o.id AS o, p.id AS p ORDER BY a, o, p",
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE o.year + 1 = a.year AND o.name <> 'o1' \
             RETURN a.id AS a, o.id AS o, p.id AS p ORDER BY a, o, p",
            "MATCH (a:A)-[:M]->(p:P)<-[:M]-(b:A) WHERE a.year = b.year AND a.id < b.id \
             RETURN a.id AS a, b.id AS b, p.id AS p ORDER BY a, b, p",
        ] {
            let keyed = answers(&mut db, text, Options::PreferJoins, Passes::all());
            assert_ne!(keyed, "[]", "{text}");
            assert_eq!(keyed, answers(&mut db, text, Options::PreferJoins, without()), "{text}");
            assert_eq!(keyed, answers(&mut db, text, Options::FirstNode, Passes::all()), "{text}");
        }
    }

    #[test]
    fn join_value_keys_adds_a_second_equality_to_a_join_on_one_value() {
        let mut db = graph();
        let text = "MATCH (a:A), (o:O) WHERE a.year = o.year AND a.id % 3 = o.id % 3 \
                    RETURN a.id AS a, o.id AS o ORDER BY a, o";
        let before = plan(&db, text, without());
        assert!(before.contains("ValueHashJoin build [o] on a.year = o.year"), "{before}");
        let after = plan(&db, text, Passes::all());
        let join = after.lines().find(|l| l.contains("ValueHashJoin")).unwrap_or_default();
        assert!(join.contains("on a.year = o.year AND a.id % 3 = o.id % 3"), "{after}");
        assert!(!after.contains("Filter a.id"), "{after}");
        let keyed = answers(&mut db, text, Options::Cost, Passes::all());
        assert_ne!(keyed, "[]");
        assert_eq!(keyed, answers(&mut db, text, Options::Cost, without()));
        let nested = answers(&mut db, text, Options::Cost, Passes::all().without("join_on_values").unwrap_or_default());
        assert_eq!(keyed, nested);
    }

    #[test]
    fn join_value_keys_leaves_conditions_that_are_no_equality_of_the_two_sides() {
        let db = graph();
        for text in [
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE a.year < o.year RETURN count(*) AS n",
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE a.year = o.year + rand() RETURN count(*) AS n",
            "MATCH (a:A)-[:M]->(p:P)-[:B]->(o:O) WHERE a.year + o.year = 4006 RETURN count(*) AS n",
        ] {
            assert_eq!(plan(&db, text, Passes::all()), plan(&db, text, without()), "{text}");
        }
    }
}
