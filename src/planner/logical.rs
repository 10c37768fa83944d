//! The logical plan: a tree of operators, each pulling rows from its input. Its
//! `Display` is the EXPLAIN text.

use std::fmt;

use super::column_top::ColumnKey;
use crate::binder::bound::{
    AggregateCall, Expr, InTransactions, LabelRef, LoadCsv, MergeClause, Pattern, ProcedureCall, PropKeyRef,
    QuantifiedPattern, RelTypeRef, RemoveItem, SetItem, Slot, SubqueryKind,
};
use crate::syntax::ast::RelDirection;

/// A `collect` of an `OrderedAggregate` whose list is read only at one end
/// (`head(xs)`, `xs[0]`, `xs[..3]`, `last(xs)`, `xs[-1]`): the aggregate writing `slot`
/// keeps, per group, only `keep` values of that end of the sorted order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectEnd {
    pub slot: Slot,
    pub keep: usize,
    /// The last values, not the first.
    pub from_end: bool,
}

/// Which relationships one step of a path may follow.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub direction: RelDirection,
    /// Any type when empty.
    pub types: Vec<RelTypeRef>,
    /// Properties every relationship of the step must have.
    pub properties: Vec<(PropKeyRef, Expr)>,
    /// Conditions every relationship of the step must meet, each with the relationship in
    /// its slot (the WHERE's `all/none(k IN ks WHERE …)` on a variable-length list, moved
    /// into the search by the `prune_paths` pass); never on nodes.
    pub filters: Vec<ElementFilter>,
}

/// A path of one step repeated `min..=max` times, from `from` to `to`, its
/// relationships collected in `rel`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSpec {
    pub from: Slot,
    pub rel: Slot,
    pub to: Slot,
    pub step: Step,
    pub min: u64,
    pub max: Option<u64>,
    /// The plan walks the pattern right to left here: the list is stored reversed, so
    /// that it keeps the pattern's order.
    pub reversed: bool,
}

/// A quantified path pattern walked from `from` to `to`: its inner chain repeated
/// `min..=max` times, each iteration starting where the last ended; `rel` gets every
/// relationship in path order, and each group slot the list of its singleton's values.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatSpec {
    pub from: Slot,
    pub rel: Slot,
    pub to: Slot,
    pub pattern: QuantifiedPattern,
    pub min: u64,
    pub max: Option<u64>,
    /// The plan walks the pattern right to left here (from its last inner node back to its
    /// first); the lists are still stored in the pattern's order.
    pub reversed: bool,
}

/// A condition every node or every relationship of a path must meet: `predicate`, with
/// the element in `slot`, must be `true` (`all(x IN … WHERE …)`) or, when `negated`,
/// `false` (`none(x IN … WHERE …)`).
#[derive(Debug, Clone, PartialEq)]
pub struct ElementFilter {
    pub nodes: bool,
    pub slot: Slot,
    pub predicate: Expr,
    pub negated: bool,
}

/// One step of a pattern: from the node in `from`, each relationship in `direction` with
/// one of `types` (any when empty) into `rel`, its far node into `to`; `to` is checked
/// instead when `into` (already bound), and `rel` when `rel_bound` (bound by an earlier
/// clause: only that relationship fits).
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    pub from: Slot,
    pub rel: Slot,
    pub to: Slot,
    pub direction: RelDirection,
    pub types: Vec<RelTypeRef>,
    pub into: bool,
    pub rel_bound: bool,
}

/// The order in which a `GroupFold` over one expansion visits the relationships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldOrder {
    /// Each input node's relationships, node after node (the expansion's own order).
    Inputs,
    /// Every relationship of the hop's one type in stored order, down its property columns,
    /// each folded into the group of its input node (`planner/stored_rel_fold.rs`).
    StoredRels,
}

/// What a `ColumnAggregate` reads.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnSource {
    /// The nodes of `label` (every node when `None`), bound to `slot` in the query.
    Nodes { slot: Slot, label: Option<LabelRef> },
    /// The relationships of `types` (any when empty), bound to `slot` in the query: one row
    /// per type that has relationships, its name in `type_slots`, or, when there are no
    /// type slots, one row for them all.
    Rels { slot: Slot, types: Vec<RelTypeRef>, type_slots: Vec<Slot> },
    /// The relationships a directed `RelationshipTypeScan` of `scan` gives from the start
    /// (those passing `predicate`, which may read the relationship and its ends), grouped
    /// as `Rels` are: one row per type with `type_slots`, else one row for them all.
    ScannedRels { scan: super::RelScan, predicate: Option<Expr>, type_slots: Vec<Slot> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LogicalOp {
    /// One empty row: where every query part starts.
    Start,
    /// The row handed down by an enclosing `Optional`.
    Argument,
    /// For each input row, each node (with a label: from the label index) into `slot`.
    NodeScan {
        input: Box<LogicalOp>,
        slot: Slot,
        label: Option<LabelRef>,
    },
    /// For each input row, each node carrying one of `labels` (once, in id order), from the
    /// label index: `(n:A|B)`.
    UnionNodeByLabelsScan {
        input: Box<LogicalOp>,
        slot: Slot,
        labels: Vec<LabelRef>,
    },
    /// A MATCH not planned yet (the naive plan's form of it): its pattern, the WHERE
    /// conditions a pattern's operators may place (`predicates`, in order), and the slots
    /// bound before it. The `plan_patterns` pass turns it into a start and expansions;
    /// no plan that runs holds one.
    MatchPattern {
        input: Box<LogicalOp>,
        pattern: Box<Pattern>,
        predicates: Vec<Expr>,
        bound: Vec<Slot>,
    },
    /// A `NodeScan` testing `predicate` on each node before making its row: a `Filter`
    /// over a scan, fused by the `fuse_filters` pass.
    FilteredScan {
        input: Box<LogicalOp>,
        slot: Slot,
        label: Option<LabelRef>,
        predicate: Expr,
    },
    /// An `Expand` testing `predicate` on each candidate relationship and far node before
    /// making its row: a `Filter` over an expansion, fused by the `fuse_filters` pass.
    FilteredExpand {
        input: Box<LogicalOp>,
        hop: Hop,
        predicate: Expr,
    },
    /// For each input row, the node whose key property equals `value`, from the key index.
    NodeByKey {
        input: Box<LogicalOp>,
        slot: Slot,
        label: LabelRef,
        key: PropKeyRef,
        value: Expr,
    },
    /// For each input row, the nodes of `label` whose key property is one of the values of
    /// the list `values` (nulls skipped, each node once), from the key index: `WHERE n.key IN $list`.
    NodeByKeys {
        input: Box<LogicalOp>,
        slot: Slot,
        label: LabelRef,
        key: PropKeyRef,
        values: Expr,
    },
    /// For each input row, the nodes of `label` the range index on `key` finds for `seek`
    /// (candidates: the conditions it came from are still checked by a filter above).
    NodeIndexSeek {
        input: Box<LogicalOp>,
        slot: Slot,
        label: LabelRef,
        key: PropKeyRef,
        seek: super::SeekExpr,
    },
    /// For each input row, the relationships of `ty` the range index on `key` finds for
    /// `seek`, each with its start and end node (candidates, as `NodeIndexSeek`'s).
    RelIndexSeek {
        input: Box<LogicalOp>,
        rel: Slot,
        start: Slot,
        end: Slot,
        ty: RelTypeRef,
        key: PropKeyRef,
        seek: super::SeekExpr,
    },
    /// For each input row, each relationship of `scan`'s types in the order the store keeps
    /// them, with its two ends (`rel_scan.rs`); `predicate`, when there is one (a filter
    /// fused by the `fuse_filters` pass), is tested on each candidate before its row is
    /// made, down the type's columns where it can be.
    RelTypeScan {
        input: Box<LogicalOp>,
        scan: super::RelScan,
        predicate: Option<Expr>,
    },
    /// One row per relationship type with its number of relationships (or one row with the
    /// total when `type_slots` is empty), read from the store's counts instead of matching
    /// every relationship: `MATCH ()-[r]->() RETURN type(r), count(*)`. Only `types` (all
    /// types when empty) are counted; a type with no relationship gives no row.
    RelCountFromStore {
        input: Box<LogicalOp>,
        types: Vec<RelTypeRef>,
        /// The slots that get the type's name (the grouping keys `type(r)`).
        type_slots: Vec<Slot>,
        /// The slots that get the count (`count(*)`, `count(r)`).
        count_slots: Vec<Slot>,
    },
    /// For each input row, the nodes of `label` (all nodes when `None`) whose number of
    /// relationships in `direction` with one of `types` is not 0 and ranks among the first
    /// `keep` (the most when `descending`, ties at the boundary all kept), each with that
    /// number in `slot`, in node order: read off the adjacency for every node, a row made
    /// only for those (`degree_top.rs`). A `TopK` above orders them. With `far_labels`
    /// only the relationships whose far node carries them all count (each tested by the
    /// label index), as a count tested per relationship would give.
    NodeDegreeTop {
        input: Box<LogicalOp>,
        node: Slot,
        label: Option<LabelRef>,
        slot: Slot,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
        keep: u64,
        descending: bool,
        far_labels: Vec<LabelRef>,
    },
    /// Of the nodes its input binds into `node` (a scan of one label or of all nodes, perhaps
    /// filtered), those that can rank among the first `SKIP + LIMIT` by `keys` (each read
    /// off the node's columns, descending when true), ties at the boundary all kept, in
    /// input order: no row is made for the others (`column_top.rs`). A `TopK` above orders
    /// them. When `drops_skip`, the keys decide the whole order (then input order), and it
    /// keeps only those ranking after the first `SKIP`: the `TopK` above has no SKIP then.
    NodeColumnTop {
        input: Box<LogicalOp>,
        node: Slot,
        keys: Vec<(ColumnKey, bool)>,
        skip: Option<Expr>,
        limit: Expr,
        drops_skip: bool,
    },
    /// Of the relationships its input (an `Expand` or `FilteredExpand` of one type from a
    /// scan, which it walks itself) binds into `rel`, those that can rank among the first
    /// `SKIP + LIMIT` by `rel`'s property `key` (descending when `descending`), ties at the
    /// boundary all kept, in the expansion's order: no row is made for the others
    /// (`rel_column_top.rs`). A `TopK` above orders them.
    RelColumnTop {
        input: Box<LogicalOp>,
        rel: Slot,
        key: PropKeyRef,
        descending: bool,
        skip: Option<Expr>,
        limit: Expr,
    },
    /// For each input row, the nodes of `label` (all nodes when `None`) counted per label
    /// set, one row per group of `keys` (which read the node only through its labels,
    /// evaluated once per set on its first node), each count in every slot of
    /// `count_slots`, groups in order of their first node (`label_set_count.rs`).
    LabelSetCount {
        input: Box<LogicalOp>,
        node: Slot,
        label: Option<LabelRef>,
        keys: Vec<(Slot, Expr)>,
        count_slots: Vec<Slot>,
    },
    /// For each input row, how many nodes of `label` (every node when `None`) hold a
    /// value for `key` (`holding`), or lack one (`node.key IS NULL`), counted off the
    /// column's presence bits, in each slot of `count_slots` (`presence_count.rs`).
    NodePresenceCount {
        input: Box<LogicalOp>,
        node: Slot,
        label: Option<LabelRef>,
        key: PropKeyRef,
        holding: bool,
        count_slots: Vec<Slot>,
    },
    /// Aggregates over every entity of `source` (counts, and `count`, `sum`, `avg`, `min`,
    /// `max` of one property each), read off the store's columns a column at a time
    /// instead of a row per entity (`column_aggregate.rs`); one row per input row.
    ColumnAggregate {
        input: Box<LogicalOp>,
        source: ColumnSource,
        aggregates: Vec<AggregateCall>,
    },
    /// For each input row, the number of relationships of `node` in `direction` with one of
    /// `types` (any when empty) into `slot`, read from the adjacency without visiting them;
    /// rows whose node has none are dropped, as an expansion would drop them.
    NodeDegree {
        input: Box<LogicalOp>,
        node: Slot,
        slot: Slot,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
    },
    /// `COUNT { (n)-[:T]->() }`: for each input row, the number of relationships of `node`
    /// in `direction` with one of `types` (any when empty) into `slot`, 0 included, read
    /// from the adjacency instead of running the subquery's expansion.
    DegreeValue {
        input: Box<LogicalOp>,
        node: Slot,
        slot: Slot,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
    },
    /// The rows of `probe` joined with those of `build` that hold the same values in
    /// `keys` (nodes bound by both): `build` is run once, from nothing bound, its rows kept
    /// in a hash table by their keys; each probe row then gets `build_slots` from each
    /// build row that fits (`join.rs`). With no keys, a cartesian product: every probe row
    /// meets every build row (`optimize/join_on_values.rs`).
    /// `values`: equalities between a value of the probe row and one of the build row
    /// (`a.year = o.year`), each a `(probe side, build side)` pair, that are part of the
    /// key too: only build rows whose values are `=` to the probe row's are met
    /// (`optimize/join_value_keys.rs`). With no node keys but values, EXPLAIN says
    /// `ValueHashJoin`.
    HashJoin {
        probe: Box<LogicalOp>,
        build: Box<LogicalOp>,
        keys: Vec<Slot>,
        build_slots: Vec<Slot>,
        values: Vec<(Expr, Expr)>,
    },
    /// The rows of `probe` joined with those of `build` whose `build_key` may equal the
    /// probe row's `probe_key`: `build` is run once, from nothing bound, its rows kept in a
    /// hash table by their key's value; each probe row then gets `build_slots` from each
    /// build row whose key is `=` to its own, in build order (`optimize/join_on_values.rs`).
    ValueHashJoin {
        probe: Box<LogicalOp>,
        build: Box<LogicalOp>,
        probe_key: Expr,
        build_key: Expr,
        build_slots: Vec<Slot>,
    },
    /// For each probe row, the number of `build` rows with the same `keys` whose
    /// relationships in `build_rels` are none of the row's `probe_rels` (the pattern's
    /// relationship uniqueness across the join; one of the two lists holds one slot),
    /// into `slot`; rows with none are dropped.
    /// `build` runs once, from nothing bound, into counts per key and per key and
    /// relationship; its rows are not kept (`optimize/count_join.rs`).
    CountingHashJoin {
        probe: Box<LogicalOp>,
        build: Box<LogicalOp>,
        keys: Vec<Slot>,
        build_rels: Vec<Slot>,
        probe_rels: Vec<Slot>,
        slot: Slot,
    },
    /// For each input row, each relationship of the hop.
    Expand {
        input: Box<LogicalOp>,
        hop: Hop,
    },
    /// For each input row, the number of relationships an `Expand` of the same hop would
    /// give rows for (those whose candidate row passes `predicate`, when there is one)
    /// into `slot`, without making those rows; rows with none are dropped, as the
    /// expansion would drop them. The hop's `rel` and `to` hold each candidate while
    /// `predicate` is tested, and nothing after reads them.
    ExpandCount {
        input: Box<LogicalOp>,
        hop: Hop,
        predicate: Option<Expr>,
        slot: Slot,
    },
    /// For each input row binding `first.from` and `second.to`, each relationship of
    /// `first` to a new node and each relationship of `second` from that node into the
    /// bound `second.to` whose candidate passes `near` and `predicate`: the last two hops
    /// of a cycle found as the intersection of the two bound nodes' neighbours
    /// (`optimize/intersect_cycles.rs`, `exec/ops/intersect.rs`). With `count`, a row per
    /// (first relationship, new node) with the number of its second relationships in that
    /// slot (rows with none dropped), as `ExpandCount` counts over an `Expand`'s rows.
    ExpandIntersect {
        input: Box<LogicalOp>,
        first: Hop,
        second: Hop,
        /// Conditions on `first`'s relationship and the new node, tested once per common
        /// neighbour before `second`'s relationships; none of them can fail.
        near: Option<Expr>,
        /// Conditions tested per match, after `near`.
        predicate: Option<Expr>,
        count: Option<Slot>,
    },
    /// An OPTIONAL MATCH of one hop counted: for each input row, the number of
    /// relationships of the hop whose candidate row passes `predicate` (the far end's
    /// labels and conditions) into `slot`, zero included, so that every input row stays,
    /// as the optional match keeps it (`optimize/count_optional.rs`). Nothing after reads
    /// the hop's `rel` or `to`.
    OptionalExpandCount {
        input: Box<LogicalOp>,
        hop: Hop,
        predicate: Option<Expr>,
        slot: Slot,
    },
    /// For each input row, each path of `min..=max` relationships from `from` (each
    /// relationship at most once, none of those in `exclude`); `rel` gets the list.
    VarExpand {
        input: Box<LogicalOp>,
        path: PathSpec,
        into: bool,
        exclude: Vec<Slot>,
    },
    /// For each input row, the number of paths `VarExpand` would make rows for, into
    /// `slot`, found depth first without building a list or a row per path; rows with none
    /// are dropped, as the expansion would drop them. Neither `rel` nor `to` is set.
    /// `predicate`, when there is one, reads only `to` and slots bound before: a path
    /// counts when its end passes it. With `by_length`, each input row gives instead one
    /// row per length its paths have, that length in the `by_length` slot and the number
    /// of paths of that length in `slot`, shortest first (`length(p), count(*)`).
    VarExpandCount {
        input: Box<LogicalOp>,
        path: PathSpec,
        into: bool,
        exclude: Vec<Slot>,
        predicate: Option<Expr>,
        slot: Slot,
        by_length: Option<Slot>,
    },
    /// For each input row, one row per distinct node `VarExpand` would end a path at (in
    /// `to`; `rel` is not set): for aggregates that ignore repeats (`count(DISTINCT b)`).
    /// With `paths`, the number of paths ending there goes into that slot, so counts
    /// beside them become sums (`count(*), count(DISTINCT x)`). With `shortest`, the
    /// fewest relationships of a path ending there goes into that slot (`min(length(p))`).
    /// Without `paths`, a search breadth first, each node reached once, when the lengths
    /// allow it (`exec/path_levels.rs`).
    VarExpandEnds {
        input: Box<LogicalOp>,
        path: PathSpec,
        into: bool,
        exclude: Vec<Slot>,
        predicate: Option<Expr>,
        paths: Option<Slot>,
        shortest: Option<Slot>,
    },
    /// For each input row, the shortest path(s) from `from` to `to`, found breadth first.
    /// The search only follows relationships and reaches nodes that pass `filters` (the
    /// WHERE's `all/none(x IN relationships(p) | nodes(p) WHERE …)`), as Neo4j does.
    ShortestPath {
        input: Box<LogicalOp>,
        path: PathSpec,
        all: bool,
        filters: Vec<ElementFilter>,
        /// `to` is not bound yet: one breadth-first search from `from` binds it to every
        /// node it reaches (up to `max`), each with its shortest path(s), instead of a
        /// search per pair of ends (`shortestPath((a {id: $x})-[*..3]-(b:Person))`).
        single_source: bool,
        /// With `single_source`: the conditions on `to` (and what is bound before) that
        /// read no path, tested on each node reached before its paths are built, so that
        /// only the nodes that pass cost a path (`fuse_filters`).
        end_filter: Option<Expr>,
        /// With `single_source`, under a top-k ranked by the path's length first: once
        /// this many rows of one input row have been handed on, the search stops at the
        /// end of the depth it is at, since no deeper row can rank among them
        /// (`stop_searches`).
        stop_after: Option<Expr>,
    },
    /// A quantified path pattern: for each input row, each way of repeating its inner
    /// pattern `min..=max` times from `from` (each relationship at most once, none of those
    /// in `exclude`), `to` checked instead of bound when `into`.
    Repeat {
        input: Box<LogicalOp>,
        spec: Box<RepeatSpec>,
        into: bool,
        exclude: Vec<Slot>,
    },
    Filter {
        input: Box<LogicalOp>,
        predicate: Expr,
    },
    /// `SHORTEST k [GROUPS]`: of the input rows alike in `keys` (the row before the
    /// pattern and its two ends), the `k` with the shortest paths (each relationship of
    /// `rels` counting one, a variable-length one (`true`) its list's length); with
    /// `groups`, every row whose length is one of the `k` smallest. Reads all its input.
    SelectShortest {
        input: Box<LogicalOp>,
        keys: Vec<Slot>,
        rels: Vec<(Slot, bool)>,
        k: u64,
        groups: bool,
    },
    /// For each input row, the rows of `inner` run on it; if none, the input row with
    /// `new_slots` set to null.
    Optional {
        input: Box<LogicalOp>,
        inner: Box<LogicalOp>,
        new_slots: Vec<Slot>,
    },
    /// `WHERE EXISTS { … }`: keeps the input rows for which `inner`, run on the row,
    /// gives at least one row (none, when `negated`).
    SemiApply {
        input: Box<LogicalOp>,
        inner: Box<LogicalOp>,
        negated: bool,
        /// The outer slots `inner` reads, when nothing else decides its answer
        /// (`optimize/memo_subqueries.rs`): the answer is then kept per distinct value of
        /// them and looked up for a repeat. `None`: run per row.
        memo: Option<Vec<Slot>>,
    },
    /// `[NOT] EXISTS { … }` whose inner plan is a hash join of the outer row with a build
    /// side that reads nothing of it (`optimize/semi_joins.rs`): `build` runs once into a
    /// set of its `keys`' values, and each input row is kept, dropped or marked by whether
    /// its own values of `keys` are in the set (a null never is).
    SemiHashJoin {
        input: Box<LogicalOp>,
        build: Box<LogicalOp>,
        keys: Vec<Slot>,
        output: SemiJoinOutput,
    },
    /// A node scan (`label`, `predicate`) under semi-joins keyed on the scanned node alone,
    /// each build side in `builds` with its output in `outputs` (`optimize/semi_join_scans.rs`):
    /// the sets are built once, and the nodes are read from them (the smallest `Matching` set,
    /// or the union of the `any_of` marks' sets, one of which a filter above needs) in id
    /// order, each checked for the label, the predicate and every set, instead of probing every
    /// node of the label. The rows are the chain's, in the same order.
    SemiJoinScan {
        input: Box<LogicalOp>,
        slot: Slot,
        label: Option<LabelRef>,
        predicate: Option<Expr>,
        builds: Vec<LogicalOp>,
        outputs: Vec<SemiJoinOutput>,
        any_of: Vec<Slot>,
    },
    /// `CALL { … }` and FOREACH: for each input row, the rows of `inner` run on it, each
    /// giving the input row with `output` copied from it; with no `output` (a unit
    /// subquery) the input row once, after `inner` has run out. `optional`: a row that
    /// gives none passes with `output` null. `transactions`: run in batches of rows.
    Apply {
        input: Box<LogicalOp>,
        inner: Box<LogicalOp>,
        output: Vec<Slot>,
        optional: bool,
        transactions: Option<InTransactions>,
    },
    /// `EXISTS/COUNT/COLLECT { … }` in an expression: for each input row, whether `inner`
    /// run on it gives a row, how many, or the list of its `column`, into `slot`.
    SubqueryValue {
        input: Box<LogicalOp>,
        inner: Box<LogicalOp>,
        kind: SubqueryKind,
        slot: Slot,
        column: Option<Slot>,
        /// As `SemiApply`'s: the value kept per distinct value of these outer slots.
        memo: Option<Vec<Slot>>,
    },
    /// `LOAD CSV`: for each input row, one row per record of the file.
    LoadCsv {
        input: Box<LogicalOp>,
        load: Box<LoadCsv>,
    },
    /// Builds a path value from the slots of a matched pattern part.
    BuildPath {
        input: Box<LogicalOp>,
        slot: Slot,
        nodes: Vec<Slot>,
        rels: Vec<Slot>,
    },
    Unwind {
        input: Box<LogicalOp>,
        expr: Expr,
        slot: Slot,
    },
    Project {
        input: Box<LogicalOp>,
        items: Vec<(Slot, Expr)>,
    },
    Aggregate {
        input: Box<LogicalOp>,
        keys: Vec<(Slot, Expr)>,
        aggregates: Vec<AggregateCall>,
    },
    /// An `Aggregate` over a node scan or one expansion whose keys and aggregate
    /// arguments read what those bind: each scanned node, or each relationship of each
    /// expanded node, is folded into its group without a row (`group_fold.rs`).
    GroupFold {
        input: Box<LogicalOp>,
        keys: Vec<(Slot, Expr)>,
        aggregates: Vec<AggregateCall>,
        order: FoldOrder,
    },
    /// An aggregation without grouping keys over the product of `probe` and `build` (a
    /// `CartesianProduct`) whose aggregates each read one side (`build_side[i]`: the
    /// build's, whose variables are `build_slots`): each side is aggregated alone, once,
    /// and the product's values made from the two (`optimize/product_aggregates.rs`).
    ProductAggregate {
        probe: Box<LogicalOp>,
        build: Box<LogicalOp>,
        aggregates: Vec<AggregateCall>,
        build_side: Vec<bool>,
        build_slots: Vec<Slot>,
    },
    /// An `Aggregate` whose input was sorted by `order` only for the order of its
    /// `collect`s, each read at one end (`ends`): each group keeps, of each of those, the
    /// first (or last) values by `order`, ties in input order as after the stable sort,
    /// and the input is not sorted (`optimize/fold_ordered_collects.rs`).
    OrderedAggregate {
        input: Box<LogicalOp>,
        keys: Vec<(Slot, Expr)>,
        aggregates: Vec<AggregateCall>,
        order: Vec<(Expr, bool)>,
        ends: Vec<CollectEnd>,
    },
    /// An `Aggregate` whose input rows each carry a list in `list`: each row's group is
    /// found once, then the aggregates take each element of the list in turn in `each`, as
    /// if the row were unwound (`optimize/join_sets.rs`). A row with an empty list still
    /// makes its group.
    AggregateEach {
        input: Box<LogicalOp>,
        keys: Vec<(Slot, Expr)>,
        aggregates: Vec<AggregateCall>,
        list: Slot,
        each: Slot,
    },
    Distinct {
        input: Box<LogicalOp>,
        slots: Vec<Slot>,
    },
    Sort {
        input: Box<LogicalOp>,
        keys: Vec<(Expr, bool)>,
    },
    /// `ORDER BY … [SKIP s] LIMIT l`: the first `s + l` rows in sort order, kept in a bounded
    /// buffer instead of sorting every row; ties keep their input order, as in `Sort`.
    TopK {
        input: Box<LogicalOp>,
        keys: Vec<(Expr, bool)>,
        skip: Option<Expr>,
        limit: Expr,
    },
    Skip {
        input: Box<LogicalOp>,
        count: Expr,
    },
    Limit {
        input: Box<LogicalOp>,
        count: Expr,
    },
    /// Clears every slot but `slots`: the scope boundary of WITH.
    Retain {
        input: Box<LogicalOp>,
        slots: Vec<Slot>,
    },
    Create {
        input: Box<LogicalOp>,
        pattern: Pattern,
    },
    Merge {
        input: Box<LogicalOp>,
        merge: Box<MergeClause>,
    },
    SetProperties {
        input: Box<LogicalOp>,
        items: Vec<SetItem>,
    },
    Remove {
        input: Box<LogicalOp>,
        items: Vec<RemoveItem>,
    },
    Delete {
        input: Box<LogicalOp>,
        detach: bool,
        exprs: Vec<Expr>,
    },
    ProcedureCall {
        input: Box<LogicalOp>,
        call: ProcedureCall,
    },
    /// The rows of every input in turn; without `all`, duplicates removed.
    Union {
        inputs: Vec<LogicalOp>,
        all: bool,
    },
    /// The final rows: the output slots, in column order.
    ProduceResults {
        input: Box<LogicalOp>,
        slots: Vec<Slot>,
    },
}

/// What a `SemiHashJoin` makes of an input row whose keys are (or are not) in its set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SemiJoinOutput {
    /// Keeps the rows whose keys are in the set (`EXISTS`).
    Matching,
    /// Keeps the rows whose keys are not (`NOT EXISTS`).
    NotMatching,
    /// Keeps every row, with whether its keys are in the set in the slot (`EXISTS` in an
    /// expression).
    Mark(Slot),
}

/// An operator's inputs, borrowed as `$borrow` (`&` or `&mut`), collected with `$iter` from a
/// list of inputs. One list serves `children` and `children_mut`, so a new operator is added once.
macro_rules! inputs_of {
    ($op:expr, $iter:ident, $($borrow:tt)+) => {
        match $op {
            LogicalOp::Start | LogicalOp::Argument => Vec::new(),
            LogicalOp::Optional { input, inner, .. }
            | LogicalOp::SemiApply { input, inner, .. }
            | LogicalOp::Apply { input, inner, .. }
            | LogicalOp::SubqueryValue { input, inner, .. } => {
                vec![$($borrow)+ **input, $($borrow)+ **inner]
            }
            LogicalOp::SemiHashJoin { input, build, .. } => vec![$($borrow)+ **input, $($borrow)+ **build],
            LogicalOp::SemiJoinScan { input, builds, .. } => {
                std::iter::once($($borrow)+ **input).chain(builds.$iter()).collect()
            }
            LogicalOp::HashJoin { probe, build, .. }
            | LogicalOp::ValueHashJoin { probe, build, .. }
            | LogicalOp::CountingHashJoin { probe, build, .. }
            | LogicalOp::ProductAggregate { probe, build, .. } => {
                vec![$($borrow)+ **probe, $($borrow)+ **build]
            }
            LogicalOp::Union { inputs, .. } => inputs.$iter().collect(),
            LogicalOp::NodeScan { input, .. }
            | LogicalOp::UnionNodeByLabelsScan { input, .. }
            | LogicalOp::MatchPattern { input, .. }
            | LogicalOp::FilteredScan { input, .. }
            | LogicalOp::FilteredExpand { input, .. }
            | LogicalOp::NodeByKey { input, .. }
            | LogicalOp::NodeByKeys { input, .. }
            | LogicalOp::NodeIndexSeek { input, .. }
            | LogicalOp::RelIndexSeek { input, .. }
            | LogicalOp::RelTypeScan { input, .. }
            | LogicalOp::RelCountFromStore { input, .. }
            | LogicalOp::ColumnAggregate { input, .. }
            | LogicalOp::NodeDegreeTop { input, .. }
            | LogicalOp::NodeColumnTop { input, .. }
            | LogicalOp::RelColumnTop { input, .. }
            | LogicalOp::LabelSetCount { input, .. }
            | LogicalOp::NodePresenceCount { input, .. }
            | LogicalOp::NodeDegree { input, .. }
            | LogicalOp::DegreeValue { input, .. }
            | LogicalOp::TopK { input, .. }
            | LogicalOp::Expand { input, .. }
            | LogicalOp::ExpandCount { input, .. }
            | LogicalOp::OptionalExpandCount { input, .. }
            | LogicalOp::ExpandIntersect { input, .. }
            | LogicalOp::VarExpand { input, .. }
            | LogicalOp::VarExpandCount { input, .. }
            | LogicalOp::VarExpandEnds { input, .. }
            | LogicalOp::Repeat { input, .. }
            | LogicalOp::ShortestPath { input, .. }
            | LogicalOp::Filter { input, .. }
            | LogicalOp::SelectShortest { input, .. }
            | LogicalOp::BuildPath { input, .. }
            | LogicalOp::Unwind { input, .. }
            | LogicalOp::Project { input, .. }
            | LogicalOp::Aggregate { input, .. }
            | LogicalOp::GroupFold { input, .. }
            | LogicalOp::OrderedAggregate { input, .. }
            | LogicalOp::AggregateEach { input, .. }
            | LogicalOp::Distinct { input, .. }
            | LogicalOp::Sort { input, .. }
            | LogicalOp::Skip { input, .. }
            | LogicalOp::Limit { input, .. }
            | LogicalOp::Retain { input, .. }
            | LogicalOp::Create { input, .. }
            | LogicalOp::Merge { input, .. }
            | LogicalOp::SetProperties { input, .. }
            | LogicalOp::Remove { input, .. }
            | LogicalOp::Delete { input, .. }
            | LogicalOp::ProcedureCall { input, .. }
            | LogicalOp::LoadCsv { input, .. }
            | LogicalOp::ProduceResults { input, .. } => vec![$($borrow)+ **input],
        }
    };
}

impl LogicalOp {
    /// Whether this operator or one below it changes the graph.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            LogicalOp::Create { .. }
                | LogicalOp::Merge { .. }
                | LogicalOp::SetProperties { .. }
                | LogicalOp::Remove { .. }
                | LogicalOp::Delete { .. }
        ) || self.children().into_iter().any(LogicalOp::writes)
    }

    /// The length of the input chain below this operator, walked without recursion.
    pub fn depth(&self) -> usize {
        let mut n = 1;
        let mut current = self;
        while let Some(first) = current.children().into_iter().next() {
            n += 1;
            current = first;
        }
        n
    }

    /// The operators this one pulls from.
    pub fn children(&self) -> Vec<&LogicalOp> {
        inputs_of!(self, iter, &)
    }

    /// The operators this one pulls from, to be rewritten in place (the optimizer's passes).
    pub fn children_mut(&mut self) -> Vec<&mut LogicalOp> {
        inputs_of!(self, iter_mut, &mut)
    }

    /// The tree, root first, with an optional note per operator (PROFILE's counts).
    pub fn render(&self, note: &mut dyn FnMut(&LogicalOp) -> String) -> String {
        self.render_with(&mut |op| op.header(), note)
    }

    /// The tree, root first, each operator's line from `header` followed by `note`.
    pub fn render_with(
        &self,
        header: &mut dyn FnMut(&LogicalOp) -> String,
        note: &mut dyn FnMut(&LogicalOp) -> String,
    ) -> String {
        let mut out = String::new();
        self.render_into(&mut out, "", true, true, header, note);
        out
    }

    fn render_into(
        &self,
        out: &mut String,
        prefix: &str,
        last: bool,
        root: bool,
        header: &mut dyn FnMut(&LogicalOp) -> String,
        note: &mut dyn FnMut(&LogicalOp) -> String,
    ) {
        let branch = if root {
            ""
        } else if last {
            "└─ "
        } else {
            "├─ "
        };
        out.push_str(&format!("{prefix}{branch}{}{}\n", header(self), note(self)));
        let child_prefix = if root { String::new() } else { format!("{prefix}{}", if last { "   " } else { "│  " }) };
        let children = self.children();
        let n = children.len();
        for (i, child) in children.into_iter().enumerate() {
            child.render_into(out, &child_prefix, i + 1 == n, false, header, note);
        }
    }
}

impl fmt::Display for LogicalOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&mut |_| String::new()))
    }
}
