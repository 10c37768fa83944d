//! The bound query: variables resolved to row slots, names to schema ids, every
//! semantic check done. The planner trusts it.

use std::fmt;
use std::sync::Arc;

use crate::span::Span;
use crate::store::{LabelId, PropKeyId, PropertyType, RelTypeId};
use crate::syntax::ast::{BinaryOp, QuantifierKind, RelDirection, UnaryOp};
pub use crate::syntax::ast::{OnError, SubqueryKind};
use crate::value::Value;

/// A position in a row. Every variable of a query gets one for the whole query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot(pub u32);

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}", self.0)
    }
}

/// A name resolved against the catalog: `id` is `None` for a name the graph has never
/// seen (in an open graph such a label matches nothing, and CREATE interns it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef<Id> {
    pub name: Arc<str>,
    pub id: Option<Id>,
}

impl NameRef<LabelId> {
    /// The id, looked up again at run time when the name was new at bind time: the
    /// statement itself may have created it (`CREATE (:New) WITH … MATCH (n:New)`).
    #[inline]
    pub fn resolve(&self, catalog: &crate::store::Catalog) -> Option<LabelId> {
        self.id.or_else(|| catalog.label(&self.name))
    }
}

impl NameRef<RelTypeId> {
    pub fn resolve(&self, catalog: &crate::store::Catalog) -> Option<RelTypeId> {
        self.id.or_else(|| catalog.rel_type(&self.name))
    }
}

impl NameRef<PropKeyId> {
    #[inline]
    pub fn resolve(&self, catalog: &crate::store::Catalog) -> Option<PropKeyId> {
        self.id.or_else(|| catalog.prop_key(&self.name))
    }
}

pub type LabelRef = NameRef<LabelId>;
pub type RelTypeRef = NameRef<RelTypeId>;
pub type PropKeyRef = NameRef<PropKeyId>;

#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Query(Query),
    DefineNodeType(NodeTypeDecl),
    DefineRelType(RelTypeDecl),
    CreateIndex(IndexDecl),
    DropIndex {
        name: Arc<str>,
        if_exists: bool,
        span: Span,
    },
    /// BEGIN, COMMIT or ROLLBACK: nothing to bind.
    Transaction(crate::syntax::ast::TxnCommand),
    CreateConstraint(ConstraintDecl),
    DropConstraint(DropConstraintDecl),
}

/// A Neo4j property constraint, its names not yet interned (an open graph may not know
/// the label yet).
#[derive(Debug, Clone, PartialEq)]
pub struct ConstraintDecl {
    /// `None`: Neo4j's generated `constraint_<hash>`.
    pub name: Option<Arc<str>>,
    pub if_not_exists: bool,
    pub target: Arc<str>,
    pub on_rels: bool,
    pub keys: Vec<Arc<str>>,
    pub kind: crate::store::ConstraintKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DropConstraintDecl {
    pub name: Arc<str>,
    pub if_exists: bool,
    pub span: Span,
}

/// `CREATE INDEX`, its names checked: what the index covers, by name (an open graph may
/// not have met them yet).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDecl {
    pub name: Option<Arc<str>>,
    pub if_not_exists: bool,
    /// Whether `target` is a relationship type (else a label).
    pub rel: bool,
    pub target: Arc<str>,
    pub keys: Vec<Arc<str>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeTypeDecl {
    pub label: Arc<str>,
    pub properties: Vec<PropertyDecl>,
    pub key: Option<Arc<str>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PropertyDecl {
    pub key: Arc<str>,
    pub ty: PropertyType,
    pub required: bool,
}

/// One side of an endpoint pair: some labels, or (`None`) any label.
pub type EndpointDecl = Option<Vec<Arc<str>>>;

#[derive(Debug, Clone, PartialEq)]
pub struct RelTypeDecl {
    pub name: Arc<str>,
    pub endpoints: Vec<(EndpointDecl, EndpointDecl)>,
    pub properties: Vec<PropertyDecl>,
    pub span: Span,
}

/// Single queries joined by UNION; all produce the same columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub parts: Vec<SingleQuery>,
    /// `true` for UNION ALL between part i and i+1.
    pub union_all: Vec<bool>,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SingleQuery {
    pub clauses: Vec<Clause>,
    pub n_slots: usize,
    /// The slots RETURN fills, in column order; empty for a query without RETURN.
    pub output: Vec<Slot>,
    /// The variable each slot holds, `None` for one the query does not name (EXPLAIN).
    pub slot_names: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    Match(MatchClause),
    Unwind {
        expr: Expr,
        slot: Slot,
    },
    Project(Projection),
    Create(Pattern),
    Merge(MergeClause),
    Set(Vec<SetItem>),
    Remove(Vec<RemoveItem>),
    Delete {
        detach: bool,
        exprs: Vec<Expr>,
    },
    Call(ProcedureCall),
    /// `[OPTIONAL] CALL { … }`: the body run once per row (rows multiply or drop by what
    /// it returns; a unit subquery passes the row on once).
    Subquery(CallSubquery),
    /// `FOREACH (x IN list | clauses)`: the clauses run once per element, the row passed on once.
    Foreach {
        slot: Slot,
        list: Expr,
        clauses: Vec<Clause>,
    },
    LoadCsv(LoadCsv),
}

/// `LOAD CSV [WITH HEADERS] FROM url AS row`
#[derive(Debug, Clone, PartialEq)]
pub struct LoadCsv {
    pub headers: bool,
    pub url: Expr,
    pub slot: Slot,
    pub terminator: u8,
    /// Where `linenumber()` and `file()` read the row's line and the file's path.
    pub line_slot: Slot,
    pub file_slot: Slot,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CallSubquery {
    pub optional: bool,
    pub body: SubqueryBody,
    pub in_transactions: Option<InTransactions>,
    pub span: Span,
}

/// `IN TRANSACTIONS [OF n ROWS] [ON ERROR …] [REPORT STATUS AS s]`
#[derive(Debug, Clone, PartialEq)]
pub struct InTransactions {
    pub batch: Option<Expr>,
    pub on_error: OnError,
    pub report: Option<Slot>,
}

/// The clauses of a subquery, one list per UNION part, each bound in the scope it imports.
#[derive(Debug, Clone, PartialEq)]
pub struct SubqueryBody {
    pub parts: Vec<SubqueryPart>,
    /// UNION ALL (or a single part) rather than UNION.
    pub union_all: bool,
    /// The slots its RETURN fills, as the rows after the subquery see them; empty without RETURN.
    pub output: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubqueryPart {
    pub clauses: Vec<Clause>,
    /// The slots this part's RETURN fills, in column order.
    pub output: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatchClause {
    pub optional: bool,
    pub pattern: Pattern,
    pub filter: Option<Expr>,
    /// The slots this clause binds (set to null when an OPTIONAL MATCH finds nothing).
    pub new_slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MergeClause {
    pub part: PatternPart,
    pub on_create: Vec<SetItem>,
    pub on_match: Vec<SetItem>,
    pub new_slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub parts: Vec<PatternPart>,
}

/// `nodes.len() == rels.len() + 1`; rel i joins node i and node i+1.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternPart {
    pub path: Option<Slot>,
    pub nodes: Vec<NodePattern>,
    pub rels: Vec<RelPattern>,
    /// `Some(false)` for shortestPath, `Some(true)` for allShortestPaths.
    pub shortest: Option<bool>,
    /// `SHORTEST k [GROUPS]` over any pattern: its matches kept by length.
    pub selector: Option<PathSelector>,
    /// A GQL selector (`SHORTEST 1`, `ANY`, …, not `shortestPath(…)`) picks among the
    /// matches: the MATCH's WHERE conditions that read more than its two ends filter the
    /// paths it picked, after it, as Neo4j does.
    pub selective: bool,
    /// The WHERE of a parenthesised path pattern (`SHORTEST 1 (p = (a)--+(b) WHERE …)`):
    /// checked on every match, before a selector picks.
    pub filter: Option<Expr>,
    pub span: Span,
}

impl PatternPart {
    /// One plain relationship from a bound node to a node nothing limits (no variable bound,
    /// label, property or condition): it matches exactly when the bound node has a
    /// relationship of those types in that direction (`(p)-[:KNOWS]-()`).
    pub fn is_bare_hop(&self) -> bool {
        let ([rel], [near, far]) = (&self.rels[..], &self.nodes[..]) else { return false };
        let plain_rel =
            rel.length.is_none() && rel.quantified.is_none() && rel.properties.is_empty() && rel.filter.is_none();
        let free_far = !far.bound
            && far.labels.is_empty()
            && far.properties.is_empty()
            && far.filter.is_none()
            && far.dynamic_labels.is_empty();
        plain_rel && free_far && near.bound && self.path.is_none()
    }
}

/// `SHORTEST k`: for each start and end, the k shortest matches; with `groups`, every
/// match whose length is one of the k smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathSelector {
    pub k: u64,
    pub groups: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodePattern {
    pub slot: Slot,
    /// Bound by an earlier clause (or earlier in this pattern): match it, don't search.
    pub bound: bool,
    pub labels: Vec<LabelRef>,
    pub properties: Vec<(PropKeyRef, Expr)>,
    /// A label of this node whose declared key is given in `properties` (at that
    /// index): the node can be found through the key index.
    pub key: Option<(LabelRef, usize)>,
    /// A label expression other than plain labels, and the pattern's own `WHERE`: checked
    /// once the node is bound (the planner makes it a condition of the MATCH).
    pub filter: Option<Expr>,
    /// `CREATE (n:$(expr))`: labels computed when the node is created (MERGE also tests
    /// them through `filter`).
    pub dynamic_labels: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    pub slot: Slot,
    pub bound: bool,
    pub types: Vec<RelTypeRef>,
    pub direction: RelDirection,
    /// `Some((min, max))` for a variable-length relationship; `max` `None` is unbounded.
    pub length: Option<(u64, Option<u64>)>,
    pub properties: Vec<(PropKeyRef, Expr)>,
    /// The pattern's own `WHERE`, checked once the relationship is bound.
    pub filter: Option<Expr>,
    /// `CREATE ()-[:$(expr)]->()`: the type computed when the relationship is created.
    pub dynamic_type: Option<Expr>,
    /// A quantified path pattern standing as this step: `slot` then gets every
    /// relationship of its match in path order, and `length` is its quantifier.
    pub quantified: Option<Box<QuantifiedPattern>>,
    pub span: Span,
}

/// `((a)-[r]->(b) WHERE …){min,max}`: an inner chain matched once per iteration, each
/// iteration starting at the node where the last ended (the first at the step's left node,
/// the last ending at its right one), its relationships distinct from every other of the
/// MATCH. Its variables hold one iteration's entities (singletons) while its conditions
/// are checked; after the match each group slot holds the list of its singleton's values.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantifiedPattern {
    /// `nodes.len() == rels.len() + 1`, as in a `PatternPart`.
    pub nodes: Vec<NodePattern>,
    pub rels: Vec<RelPattern>,
    /// The inner `WHERE`, over the singletons and what earlier clauses bound.
    pub filter: Option<Expr>,
    /// `(singleton, group)` for each variable named inside.
    pub groups: Vec<(Slot, Slot)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Grouping keys (or all items when there is no aggregate): slot ← expression.
    pub items: Vec<(Slot, Expr)>,
    pub aggregates: Vec<AggregateCall>,
    pub distinct: bool,
    /// Sort keys, evaluated after the items are written to their slots.
    pub order_by: Vec<(Expr, bool)>,
    pub skip: Option<Expr>,
    pub limit: Option<Expr>,
    /// WITH … WHERE: applied after projection (and ordering).
    pub filter: Option<Expr>,
    /// Slots visible after this projection, for the executor to keep; others are cleared.
    pub kept: Vec<Slot>,
    pub span: Span,
}

/// `EXISTS { … }`, `COUNT { … }` or `COLLECT { … }`: reading clauses bound in the scope of
/// the row around them (every outer variable stays visible, even past a WITH).
#[derive(Debug, Clone, PartialEq)]
pub struct Subquery {
    pub kind: SubqueryKind,
    pub body: SubqueryBody,
    /// Where the planner puts the subquery's value before the expression reads it.
    pub slot: Slot,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AggregateFunction {
    CountStar,
    Count,
    Collect,
    Sum,
    Avg,
    Min,
    Max,
    StDev,
    StDevP,
    PercentileCont,
    PercentileDisc,
    /// `reduce(acc = init, y IN collect(x) | step)` folded into the aggregation
    /// (`planner/optimize/fold_collected_lists.rs`): never written by a user. `arg` is `x`;
    /// `extra` is the `reduce` itself over an empty list, holding the accumulator, the
    /// element's slot, `init` and the step, each non-null value folded in as it arrives.
    Reduce,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AggregateCall {
    pub function: AggregateFunction,
    pub distinct: bool,
    pub arg: Option<Expr>,
    /// The percentile of percentileCont/Disc.
    pub extra: Option<Expr>,
    /// Where the aggregate's value goes; item expressions read it from there.
    pub slot: Slot,
    pub span: Span,
}

impl AggregateCall {
    /// Whether `other` computes the same aggregate (function, DISTINCT, argument and
    /// extra by `Expr::same_as`), wherever its value goes.
    pub fn same_as(&self, other: &AggregateCall) -> bool {
        let same = |x: &Option<Expr>, y: &Option<Expr>| match (x, y) {
            (Some(x), Some(y)) => x.same_as(y),
            (None, None) => true,
            _ => false,
        };
        self.function == other.function
            && self.distinct == other.distinct
            && same(&self.arg, &other.arg)
            && same(&self.extra, &other.extra)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SetItem {
    Property {
        target: Expr,
        key: PropKeyRef,
        value: Expr,
        span: Span,
    },
    /// `n[key] = value`: the key is evaluated per row and must be a string.
    DynamicProperty {
        target: Expr,
        key: Expr,
        value: Expr,
        span: Span,
    },
    Replace {
        slot: Slot,
        value: Expr,
        span: Span,
    },
    Merge {
        slot: Slot,
        value: Expr,
        span: Span,
    },
    /// `n:A:$(expr)`: the named labels and those the expressions give at run time.
    Labels {
        slot: Slot,
        labels: Vec<LabelRef>,
        dynamic: Vec<Expr>,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum RemoveItem {
    Property { target: Expr, key: PropKeyRef, span: Span },
    DynamicProperty { target: Expr, key: Expr, span: Span },
    Labels { slot: Slot, labels: Vec<LabelRef>, dynamic: Vec<Expr>, span: Span },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Procedure {
    Labels,
    RelationshipTypes,
    PropertyKeys,
    Schema,
    /// `db.indexes()`: what Neo4j 5's SHOW INDEXES lists.
    Indexes,
    /// The planner's statistics (`store::GraphStats`).
    Stats,
    Constraints,
    Procedures,
    Functions,
    NodeTypeProperties,
    RelTypeProperties,
    Visualization,
    /// `db.find(text)`: entities by any spelling or part of a name (see `exec/lookup.rs`).
    Find,
    /// `db.index.fulltext.queryNodes(index, text)`: Neo4j's form of the same lookup.
    FulltextQueryNodes,
    /// `db.conflicts()`: each disputed fact with its claims side by side.
    Conflicts,
    /// `dbms.databases()`, `dbms.settings()`, `dbms.transactions()`: SHOW DATABASES,
    /// SETTINGS and TRANSACTIONS (`exec/ops/dbms_rows.rs`).
    Databases,
    Settings,
    Transactions,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProcedureCall {
    pub procedure: Procedure,
    /// The arguments, evaluated for each input row.
    pub args: Vec<Expr>,
    /// Output column i of the procedure goes to slot i (None: not yielded).
    pub yields: Vec<Option<Slot>>,
    pub filter: Option<Expr>,
    pub span: Span,
}

/// The static type of an expression, as far as the binder can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Any,
    Node,
    Relationship,
    Path,
    Bool,
    Int,
    Float,
    String,
    List,
    Map,
    Date,
}

impl Type {
    /// Whether two equal values of this type are always the very same value, so that
    /// which of them a group or an extreme keeps does not show (`1` equals `1.0`, so
    /// numbers of unknown type are not).
    pub fn equal_means_identical(&self) -> bool {
        matches!(self, Type::Int | Type::String | Type::Bool | Type::Node | Type::Relationship)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

impl Expr {
    /// The expressions directly inside this one (not inside patterns), for rewriting.
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        let mut out: Vec<&mut Expr> = Vec::new();
        match &mut self.kind {
            ExprKind::Literal(_) | ExprKind::Slot(_) | ExprKind::PatternExists(_) | ExprKind::Subquery(_) => {}
            ExprKind::Property(e, _)
            | ExprKind::Unary(_, e)
            | ExprKind::IsNull { expr: e, .. }
            | ExprKind::TypeTest { expr: e, .. }
            | ExprKind::HasLabels(e, _) => out.push(e),
            ExprKind::List(items) | ExprKind::Call(_, items) => out.extend(items.iter_mut()),
            ExprKind::Map(entries) => out.extend(entries.iter_mut().map(|(_, e)| e)),
            ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => out.extend([&mut **a, &mut **b]),
            ExprKind::Slice(a, b, c) => {
                out.push(a);
                out.extend(b.as_deref_mut());
                out.extend(c.as_deref_mut());
            }
            ExprKind::Case { subject, whens, otherwise } => {
                out.extend(subject.as_deref_mut());
                for (w, t) in whens {
                    out.extend([w, t]);
                }
                out.extend(otherwise.as_deref_mut());
            }
            ExprKind::ListComprehension { list, filter, map, .. } => {
                out.push(list);
                out.extend(filter.as_deref_mut());
                out.extend(map.as_deref_mut());
            }
            ExprKind::Quantifier { list, filter, .. } => {
                out.push(list);
                out.extend(filter.as_deref_mut());
            }
            ExprKind::Reduce { init, list, expr, .. } => out.extend([&mut **init, &mut **list, &mut **expr]),
            ExprKind::PatternComprehension { filter, map, .. } => {
                out.extend(filter.as_deref_mut());
                out.push(map);
            }
            ExprKind::MapProjection { base, entries, .. } => {
                out.push(base);
                for (_, v) in entries {
                    if let MapProjectionValue::Expr(e) = v {
                        out.push(e);
                    }
                }
            }
        }
        out
    }

    /// Replaces, top-down, every expression for which `f` gives a replacement; a
    /// replacement is not looked into again.
    pub fn rewrite(&mut self, f: &mut dyn FnMut(&Expr) -> Option<Expr>) {
        if let Some(replacement) = f(self) {
            *self = replacement;
            return;
        }
        for child in self.children_mut() {
            child.rewrite(f);
        }
    }

    /// The same expression, wherever it was written: `a.name` in RETURN and in ORDER BY.
    pub fn same_as(&self, other: &Expr) -> bool {
        fn erased(e: &Expr) -> Expr {
            let mut copy = e.clone();
            copy.erase_spans();
            copy
        }
        erased(self) == erased(other)
    }

    fn erase_spans(&mut self) {
        self.span = Span::default();
        for child in self.children_mut() {
            child.erase_spans();
        }
    }

    /// Calls `f` on this expression and every expression inside it (not inside patterns).
    pub fn visit(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        let mut each = |e: &Expr| e.visit(f);
        match &self.kind {
            ExprKind::Literal(_) | ExprKind::Slot(_) | ExprKind::PatternExists(_) | ExprKind::Subquery(_) => {}
            ExprKind::Property(e, _)
            | ExprKind::Unary(_, e)
            | ExprKind::IsNull { expr: e, .. }
            | ExprKind::TypeTest { expr: e, .. }
            | ExprKind::HasLabels(e, _) => each(e),
            ExprKind::List(items) | ExprKind::Call(_, items) => items.iter().for_each(each),
            ExprKind::Map(entries) => entries.iter().for_each(|(_, e)| each(e)),
            ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => {
                each(a);
                each(b);
            }
            ExprKind::Slice(a, b, c) => {
                each(a);
                b.iter().for_each(|e| each(e));
                c.iter().for_each(|e| each(e));
            }
            ExprKind::Case { subject, whens, otherwise } => {
                subject.iter().for_each(|e| each(e));
                whens.iter().for_each(|(w, t)| {
                    each(w);
                    each(t);
                });
                otherwise.iter().for_each(|e| each(e));
            }
            ExprKind::ListComprehension { list, filter, map, .. } => {
                each(list);
                filter.iter().for_each(|e| each(e));
                map.iter().for_each(|e| each(e));
            }
            ExprKind::Quantifier { list, filter, .. } => {
                each(list);
                filter.iter().for_each(|e| each(e));
            }
            ExprKind::Reduce { init, list, expr, .. } => {
                each(init);
                each(list);
                each(expr);
            }
            ExprKind::PatternComprehension { filter, map, .. } => {
                filter.iter().for_each(|e| each(e));
                each(map);
            }
            ExprKind::MapProjection { base, entries, .. } => {
                each(base);
                for (_, v) in entries {
                    if let MapProjectionValue::Expr(e) = v {
                        each(e);
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Id,
    Labels,
    Type,
    Properties,
    Keys,
    StartNode,
    EndNode,
    Nodes,
    Relationships,
    Length,
    Size,
    Head,
    Last,
    Tail,
    Range,
    Reverse,
    Coalesce,
    ToInteger,
    ToFloat,
    ToString,
    ToBoolean,
    Abs,
    Ceil,
    Floor,
    Round,
    Sqrt,
    Sign,
    Exp,
    Log,
    Log10,
    ToUpper,
    ToLower,
    Trim,
    LTrim,
    RTrim,
    Substring,
    Replace,
    Split,
    Left,
    Right,
    /// `date(…)`, `date.truncate(…)`, `duration.between(…)`, …: a temporal type's functions.
    Temporal(crate::value::temporal::TemporalKind, TemporalForm),
    Exists,
    Rand,
    Pi,
    E,
    Sin,
    Cos,
    Tan,
    Cot,
    Asin,
    Acos,
    Atan,
    Atan2,
    Degrees,
    Radians,
    Haversin,
    IsNaN,
    BTrim,
    CharLength,
    Normalize,
    /// `s IS [NOT] [form] NORMALIZED`.
    IsNormalized,
    IsEmpty,
    ElementId,
    RandomUuid,
    Timestamp,
    ToIntegerOrNull,
    ToFloatOrNull,
    ToBooleanOrNull,
    ToStringOrNull,
    ToBooleanList,
    ToFloatList,
    ToIntegerList,
    ToStringList,
    NullIf,
    ValueType,
    Point,
    PointDistance,
    PointWithinBBox,
    /// `n:%`: whether a node has any label (a relationship always has a type).
    HasAnyLabel,
    /// `n:$(e)` (`false`: all the labels) and `n:$any(e)` (`true`: any of them).
    HasDynamicLabels(bool),
    /// `sources(n, key)` / `quotes(n, key)`: a property's provenance (see `crate::provenance`).
    Sources,
    Quotes,
}

/// Which of a temporal type's functions: `date(…)` is `Construct`, `date.truncate(…)` is `Truncate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemporalForm {
    Construct,
    Transaction,
    Statement,
    Realtime,
    Truncate,
    FromEpoch,
    FromEpochMillis,
    Between,
    InMonths,
    InDays,
    InSeconds,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Value),
    Slot(Slot),
    Property(Box<Expr>, PropKeyRef),
    List(Vec<Expr>),
    Map(Vec<(Arc<str>, Expr)>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    /// `x IS [NOT] :: TYPE`: true or false, never null.
    TypeTest {
        expr: Box<Expr>,
        ty: crate::value::types::CypherType,
        negated: bool,
    },
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    HasLabels(Box<Expr>, Vec<LabelRef>),
    Call(Function, Vec<Expr>),
    Case {
        subject: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        otherwise: Option<Box<Expr>>,
    },
    ListComprehension {
        slot: Slot,
        list: Box<Expr>,
        filter: Option<Box<Expr>>,
        map: Option<Box<Expr>>,
    },
    Quantifier {
        kind: QuantifierKind,
        slot: Slot,
        list: Box<Expr>,
        filter: Option<Box<Expr>>,
    },
    Reduce {
        accumulator: Slot,
        init: Box<Expr>,
        slot: Slot,
        list: Box<Expr>,
        expr: Box<Expr>,
    },
    /// Whether the pattern (its bound variables fixed by the row) has a match.
    PatternExists(Box<PatternPart>),
    /// `EXISTS/COUNT/COLLECT { … }` run with this row's variables. The planner turns an
    /// EXISTS condition of WHERE into a `SemiApply`, and computes the others into the
    /// subquery's slot before the expression is evaluated (`SubqueryValue`).
    Subquery(Box<Subquery>),
    /// `[pattern WHERE filter | map]`.
    PatternComprehension {
        part: Box<PatternPart>,
        filter: Option<Box<Expr>>,
        map: Box<Expr>,
    },
    MapProjection {
        base: Box<Expr>,
        all_properties: bool,
        entries: Vec<(Arc<str>, MapProjectionValue)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum MapProjectionValue {
    Property(PropKeyRef),
    Expr(Expr),
}
