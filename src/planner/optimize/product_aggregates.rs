//! Aggregating a product side by side (part of the `count_rows` pass): an aggregation
//! without grouping keys over a `CartesianProduct` (a `HashJoin` on no key), whose
//! aggregates each read the variables of one side only, becomes a `ProductAggregate`:
//! each side is aggregated alone, once, and the product's values are made from the two.
//!
//! `MATCH (c:Country) WHERE c.year < 1910 MATCH (o:Organization) WHERE o.year = $year
//! RETURN count(*), count(DISTINCT c), count(DISTINCT o)` made 105,742 pairs at M and put
//! each into two DISTINCT sets (workload7 cartesian_small_count), where the answer needs
//! the 2,000 countries and the 53 organizations.
//!
//! Why the values stay, for sides of L and R rows: the product holds each row of one
//! side R times (L times), beside every row of the other. So
//! - `count(*)` is L·R, and `count(x)` of one side is that side's count times the other's
//!   rows;
//! - an aggregate that ignores how often a value comes (any DISTINCT one, `min`, `max`)
//!   is the side's own when the other side has rows, else the aggregate over nothing
//!   (`count` 0, `sum` 0, `collect` [], the others null), as the product is then empty;
//!   a `collect(DISTINCT x)` meets its values in the side's own order both ways.
//!
//! `sum`, `avg` and the rest of a side without DISTINCT are left to the product: their
//! value repeated R times is not the side's in floating point.

use std::collections::HashSet;

use super::count_join::Parts;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, Slot};
use crate::planner::predicates::free_slots;
use crate::planner::LogicalOp;

/// The aggregation made a `ProductAggregate`, or `None`-like (the parts given back) when
/// the shape does not allow it.
pub fn aggregate_per_side(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    let LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values } = input else {
        return Err(Box::new((input, keys, aggregates)));
    };
    let unkeyed = join_keys.is_empty() && values.is_empty();
    let sides: Option<Vec<bool>> = match (keys.is_empty(), unkeyed, build_slots.is_empty()) {
        (true, true, false) => aggregates.iter().map(|call| side_of(call, &build_slots)).collect(),
        _ => None,
    };
    match sides {
        Some(build_side) if !aggregates.is_empty() => {
            Ok(LogicalOp::ProductAggregate { probe, build, aggregates, build_side, build_slots })
        }
        _ => Err(Box::new((
            LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values },
            keys,
            aggregates,
        ))),
    }
}

/// Whether `call` reads the build side (`true`) or the probe side (`false`) alone, when
/// its value over the product can be made from that side's.
fn side_of(call: &AggregateCall, build_slots: &[Slot]) -> Option<bool> {
    use AggregateFunction as A;
    let made_from_side = call.distinct || matches!(call.function, A::CountStar | A::Count | A::Min | A::Max);
    if !made_from_side {
        return None;
    }
    let mut read = HashSet::new();
    for e in call.arg.iter().chain(call.extra.iter()) {
        read.extend(free_slots(e)?);
    }
    let on_build = read.iter().filter(|s| build_slots.contains(s)).count();
    match on_build {
        0 => Some(false),
        n if n == read.len() => Some(true),
        _ => None,
    }
}
