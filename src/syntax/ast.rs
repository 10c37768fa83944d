//! The abstract syntax tree: an owned value, built from pest pairs by `build/`.
//!
//! Every node carries the [`Span`] of its text. No name is resolved here: labels,
//! variables and functions are plain strings until the binder looks them up.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub mode: ExecMode,
    pub kind: StatementKind,
    pub span: Span,
}

/// Whether to run a statement, only show its plan, or run it and count rows per operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecMode {
    Run,
    Explain,
    Profile,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    Query(Query),
    CreateNodeType(NodeTypeDef),
    CreateRelType(RelTypeDef),
    CreateIndex(IndexDefAst),
    DropIndex {
        name: Ident,
        if_exists: bool,
    },
    /// `BEGIN`, `COMMIT`, `ROLLBACK`: explicit transactions, run by the `Database`.
    Transaction(TxnCommand),
    CreateConstraint(ConstraintDef),
    DropConstraint(DropConstraintDef),
}

/// A statement that opens or ends an explicit transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxnCommand {
    Begin,
    Commit,
    Rollback,
}

/// `CREATE INDEX [name] [IF NOT EXISTS] FOR (n:Label) ON (n.a, …)`, or the relationship
/// form `FOR ()-[r:TYPE]-() ON (r.a)`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDefAst {
    pub name: Option<Ident>,
    pub if_not_exists: bool,
    /// Whether it covers a relationship type (else a label).
    pub rel: bool,
    pub variable: Ident,
    pub target: Ident,
    /// Each `variable.key` of the ON list.
    pub properties: Vec<(Ident, Ident)>,
}

/// A name as written, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

// ---- Schema DDL

#[derive(Debug, Clone, PartialEq)]
pub struct NodeTypeDef {
    pub label: Ident,
    pub properties: Vec<PropertyDefAst>,
    /// A separate `PRIMARY KEY (name)` item, Kuzu style.
    pub primary_key: Option<Ident>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelTypeDef {
    pub name: Ident,
    pub endpoints: Vec<(EndpointAst, EndpointAst)>,
    pub properties: Vec<PropertyDefAst>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EndpointAst {
    Any(Span),
    Labels(Vec<Ident>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PropertyDefAst {
    pub key: Ident,
    pub ty: TypeAst,
    pub is_key: bool,
    pub not_null: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeAst {
    Named(Ident),
    List(Box<TypeAst>, Span),
}

/// Neo4j's `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR … REQUIRE … IS …`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConstraintDef {
    pub name: Option<Ident>,
    pub if_not_exists: bool,
    /// The label, or the relationship type when `on_rels`.
    pub target: Ident,
    pub on_rels: bool,
    /// The variable of the pattern, which every property must be read from.
    pub variable: Ident,
    pub properties: Vec<(Ident, Ident)>,
    pub rule: ConstraintRule,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConstraintRule {
    /// `IS [NODE|RELATIONSHIP] UNIQUE`; `Some(true)` when the word said NODE.
    Unique(Option<bool>, Span),
    /// `IS NODE KEY` (`true`) or `IS RELATIONSHIP KEY`.
    Key(bool, Span),
    NotNull(Span),
    /// `IS :: T1 | T2`: each type as its words (`LOCAL DATETIME`) and list wrappers.
    Typed(Vec<TypeAst>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct DropConstraintDef {
    pub name: Ident,
    pub if_exists: bool,
    pub span: Span,
}

// ---- Queries

/// One or more single queries joined by `UNION` / `UNION ALL`.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub first: SingleQuery,
    pub unions: Vec<UnionPart>,
}

impl Query {
    /// Whether any part of the query changes the graph.
    pub fn writes(&self) -> bool {
        std::iter::once(&self.first)
            .chain(self.unions.iter().map(|u| &u.query))
            .any(|q| q.clauses.iter().any(Clause::writes))
    }

    pub fn parts(&self) -> impl Iterator<Item = &SingleQuery> {
        std::iter::once(&self.first).chain(self.unions.iter().map(|u| &u.query))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionPart {
    pub all: bool,
    pub query: SingleQuery,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SingleQuery {
    pub clauses: Vec<Clause>,
    /// Where a closing `FINISH` stands: the query returns nothing and may end with any clause.
    pub finish: Option<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    Match(Match),
    Unwind(Unwind),
    With(With),
    Return(Return),
    Create(Create),
    Merge(Merge),
    Set(SetClause),
    Delete(Delete),
    Remove(Remove),
    Call(Call),
    /// `[OPTIONAL] CALL [(…)] { … } [IN TRANSACTIONS …]`
    Subquery(CallSubquery),
    Foreach(Foreach),
    LoadCsv(LoadCsv),
}

impl Clause {
    pub fn span(&self) -> Span {
        match self {
            Clause::Match(c) => c.span,
            Clause::Unwind(c) => c.span,
            Clause::With(c) => c.span,
            Clause::Return(c) => c.span,
            Clause::Create(c) => c.span,
            Clause::Merge(c) => c.span,
            Clause::Set(c) => c.span,
            Clause::Delete(c) => c.span,
            Clause::Remove(c) => c.span,
            Clause::Call(c) => c.span,
            Clause::Subquery(c) => c.span,
            Clause::Foreach(c) => c.span,
            Clause::LoadCsv(c) => c.span,
        }
    }

    /// Whether the clause changes the graph.
    pub fn writes(&self) -> bool {
        match self {
            Clause::Create(_) | Clause::Merge(_) | Clause::Set(_) | Clause::Delete(_) | Clause::Remove(_) => true,
            Clause::Foreach(_) => true,
            Clause::Subquery(c) => c.query.writes(),
            _ => false,
        }
    }

    /// The clause keyword, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Clause::Match(m) if m.optional => "OPTIONAL MATCH",
            Clause::Match(_) => "MATCH",
            Clause::Unwind(_) => "UNWIND",
            Clause::With(_) => "WITH",
            Clause::Return(_) => "RETURN",
            Clause::Create(_) => "CREATE",
            Clause::Merge(_) => "MERGE",
            Clause::Set(_) => "SET",
            Clause::Delete(_) => "DELETE",
            Clause::Remove(_) => "REMOVE",
            Clause::Call(_) => "CALL",
            Clause::Subquery(c) if c.optional => "OPTIONAL CALL",
            Clause::Subquery(_) => "CALL",
            Clause::Foreach(_) => "FOREACH",
            Clause::LoadCsv(_) => "LOAD CSV",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub optional: bool,
    pub pattern: Pattern,
    pub where_: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unwind {
    pub expr: Expr,
    pub variable: Ident,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct With {
    pub projection: Projection,
    pub where_: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Return {
    pub projection: Projection,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub distinct: bool,
    /// `RETURN *`: every variable in scope, before the listed items.
    pub star: bool,
    pub items: Vec<ProjectionItem>,
    pub order_by: Vec<SortItem>,
    pub skip: Option<Expr>,
    pub limit: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionItem {
    pub expr: Expr,
    pub alias: Option<Ident>,
    /// The expression's text as written: the column name when there is no alias.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SortItem {
    pub expr: Expr,
    pub descending: bool,
    /// The expression as written, to match it with a projected item.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    pub pattern: Pattern,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub part: PatternPart,
    pub on_create: Vec<SetItem>,
    pub on_match: Vec<SetItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetClause {
    pub items: Vec<SetItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SetItem {
    /// `n.key = expr` (the target may be any expression ending in a property lookup).
    Property { target: Expr, key: Ident, value: Expr, span: Span },
    /// `n[keyExpr] = expr`: the key is a string computed per row.
    DynamicProperty { target: Expr, key: Expr, value: Expr, span: Span },
    /// `n = {map}`: replaces every property.
    Replace { variable: Ident, value: Expr, span: Span },
    /// `n += {map}`: sets the map's entries, keeps the rest.
    Merge { variable: Ident, value: Expr, span: Span },
    /// `n:Label:Other`, and `n:$(expr)` (dynamic labels, each a string or a list of strings).
    Labels { variable: Ident, labels: Vec<Ident>, dynamic: Vec<Expr>, span: Span },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Remove {
    pub items: Vec<RemoveItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RemoveItem {
    Labels {
        variable: Ident,
        labels: Vec<Ident>,
        dynamic: Vec<Expr>,
        span: Span,
    },
    Property {
        target: Expr,
        key: Ident,
        span: Span,
    },
    /// `REMOVE n[keyExpr]`.
    DynamicProperty {
        target: Expr,
        key: Expr,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Delete {
    pub detach: bool,
    pub exprs: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub procedure: Ident,
    /// `None` for `CALL db.labels` without parentheses.
    pub args: Option<Vec<Expr>>,
    pub yields: Option<YieldItems>,
    pub span: Span,
}

/// `CALL (x, y) { … }`: which outer variables the subquery may read.
#[derive(Debug, Clone, PartialEq)]
pub enum SubqueryScope {
    /// `CALL (*) { … }`
    All,
    /// `CALL (x, y) { … }`; `CALL () { … }` imports nothing.
    Variables(Vec<Ident>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CallSubquery {
    pub optional: bool,
    /// `None` when no scope clause is written (an importing WITH may then import).
    pub scope: Option<SubqueryScope>,
    pub query: Query,
    pub in_transactions: Option<InTransactions>,
    pub span: Span,
}

/// What to do when a batch of `CALL { … } IN TRANSACTIONS` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    Continue,
    Break,
    Fail,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InTransactions {
    /// `OF n ROWS`; 1000 when absent.
    pub batch: Option<Expr>,
    pub on_error: OnError,
    /// `REPORT STATUS AS s`
    pub report: Option<Ident>,
    pub span: Span,
}

/// `FOREACH (x IN list | clauses)`
#[derive(Debug, Clone, PartialEq)]
pub struct Foreach {
    pub variable: Ident,
    pub list: Expr,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

/// `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR c]`
#[derive(Debug, Clone, PartialEq)]
pub struct LoadCsv {
    pub headers: bool,
    pub url: Expr,
    pub variable: Ident,
    /// The field terminator as written (one character once unescaped); `,` when absent.
    pub terminator: Option<(String, Span)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YieldItems {
    pub star: bool,
    pub items: Vec<(Ident, Option<Ident>)>,
    pub where_: Option<Expr>,
}

// ---- Patterns

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub parts: Vec<PatternPart>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PatternPart {
    /// `p = ...`
    pub path_variable: Option<Ident>,
    pub shortest: Option<ShortestPath>,
    /// The selector is GQL's (`SHORTEST 1`, `ANY`, …), not `shortestPath(…)`: the MATCH's
    /// WHERE then filters the paths it selected, as Neo4j does.
    pub selector: bool,
    pub element: PatternElement,
    /// The WHERE of a parenthesised path pattern (`SHORTEST 1 (p = (a)--+(b) WHERE …)`),
    /// which filters the matches before the selector picks among them.
    pub where_: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortestPath {
    /// `shortestPath(…)`, `ANY SHORTEST`, `SHORTEST 1`, `ANY`.
    One,
    /// `allShortestPaths(…)`, `ALL SHORTEST`, `SHORTEST 1 GROUPS`.
    All,
    /// `SHORTEST k` (`groups`: `SHORTEST k GROUPS`, every path of the k shortest lengths), `ANY k`.
    Shortest { k: u64, groups: bool, span: Span },
}

/// A node, then any number of (relationship, node) steps.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternElement {
    pub start: NodePattern,
    pub chain: Vec<(RelPattern, NodePattern)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodePattern {
    pub variable: Option<Ident>,
    /// `:A:B` or `:A&B`: labels the node must all carry.
    pub labels: Vec<Ident>,
    /// Any other label expression (`:A|B`, `:!A`, `:%`, `:$(e)`); `labels` is then empty.
    pub label_expr: Option<LabelExpr>,
    pub properties: Option<Expr>,
    /// `(n WHERE n.age > 30)`.
    pub where_: Option<Box<Expr>>,
    pub span: Span,
}

/// A label (or relationship type) expression, as Neo4j 5 writes them.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelExpr {
    Name(Ident),
    /// `%`: any label at all.
    Any(Span),
    Not(Box<LabelExpr>),
    And(Vec<LabelExpr>),
    Or(Vec<LabelExpr>),
    /// `$(expr)`, `$any(expr)`, `$all(expr)`: labels computed from a string or list of strings.
    Dynamic {
        expr: Box<Expr>,
        any: bool,
        span: Span,
    },
}

impl LabelExpr {
    /// The names when the expression is a plain conjunction of names (`A`, `A&B`).
    pub fn conjoined_names(&self) -> Option<Vec<Ident>> {
        match self {
            LabelExpr::Name(n) => Some(vec![n.clone()]),
            LabelExpr::And(items) => {
                items.iter().map(LabelExpr::conjoined_names).collect::<Option<Vec<_>>>().map(|v| v.concat())
            }
            _ => None,
        }
    }

    /// The names and the dynamic parts of labels to write (`:A:$(x)`); `None` when it
    /// holds anything else (`|`, `!`, `%`), which only reads may use.
    pub fn names_and_dynamic(&self) -> Option<(Vec<Ident>, Vec<Expr>)> {
        match self {
            LabelExpr::Name(n) => Some((vec![n.clone()], Vec::new())),
            LabelExpr::Dynamic { expr, any: false, .. } => Some((Vec::new(), vec![(**expr).clone()])),
            LabelExpr::And(items) => {
                let (mut names, mut dynamic) = (Vec::new(), Vec::new());
                for item in items {
                    let (n, d) = item.names_and_dynamic()?;
                    names.extend(n);
                    dynamic.extend(d);
                }
                Some((names, dynamic))
            }
            _ => None,
        }
    }

    /// The names when the expression is a plain alternative of names (`A`, `A|B`).
    pub fn alternative_names(&self) -> Option<Vec<Ident>> {
        match self {
            LabelExpr::Name(n) => Some(vec![n.clone()]),
            LabelExpr::Or(items) => {
                items.iter().map(LabelExpr::alternative_names).collect::<Option<Vec<_>>>().map(|v| v.concat())
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelDirection {
    /// `-[]->`
    Right,
    /// `<-[]-`
    Left,
    /// `-[]-` (or the odd `<-[]->`)
    Both,
}

impl RelDirection {
    /// The same arrow read from its other end.
    pub fn reversed(self) -> RelDirection {
        match self {
            RelDirection::Right => RelDirection::Left,
            RelDirection::Left => RelDirection::Right,
            RelDirection::Both => RelDirection::Both,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    pub variable: Option<Ident>,
    /// `:A|B`: one of these types (empty: any type).
    pub types: Vec<Ident>,
    /// Any other type expression (`:!A`, `:%`, `:A&B`); `types` is then empty.
    pub type_expr: Option<LabelExpr>,
    /// `-[r WHERE r.w > 0.5]->`.
    pub where_: Option<Box<Expr>>,
    pub direction: RelDirection,
    /// `*`, `*2`, `*1..3`, `*..3`: a variable-length relationship.
    pub range: Option<LengthRange>,
    pub properties: Option<Expr>,
    /// A quantified path pattern standing as one step between two nodes (`range` is its
    /// quantifier); the rest of this pattern is then empty.
    pub quantified: Option<Box<QuantifiedPath>>,
    pub span: Span,
}

/// `((a)-[r]->(b) WHERE …){1,3}`: the inner path, matched once per iteration, each
/// iteration starting where the last ended; its variables are lists outside it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantifiedPath {
    pub element: PatternElement,
    pub where_: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthRange {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub span: Span,
}

// ---- Expressions

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    Xor,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    RegexMatch,
    StartsWith,
    EndsWith,
    Contains,
    In,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    /// `||`: strings or lists joined.
    Concat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantifierKind {
    All,
    Any,
    None,
    Single,
}

/// What an expression subquery gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubqueryKind {
    /// Whether it gives a row.
    Exists,
    /// How many rows it gives.
    Count,
    /// Its one column, as a list.
    Collect,
}

impl SubqueryKind {
    pub fn keyword(self) -> &'static str {
        match self {
            SubqueryKind::Exists => "EXISTS",
            SubqueryKind::Count => "COUNT",
            SubqueryKind::Collect => "COLLECT",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MapProjectionItem {
    /// `.*`
    AllProperties(Span),
    /// `.name`
    Property(Ident),
    /// `key: expr`
    Entry(Ident, Expr),
    /// `var`: the variable's value under its own name.
    Variable(Ident),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    Parameter(String),
    Variable(String),
    List(Vec<Expr>),
    Map(Vec<(Ident, Expr)>),
    Property(Box<Expr>, Ident),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    HasLabels(Box<Expr>, Vec<Ident>),
    /// `n:A|B`, `n:!A`, `n:%`: a label expression other than a plain conjunction.
    LabelTest(Box<Expr>, LabelExpr),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    /// `x IS [NOT] :: TYPE`.
    TypeTest {
        expr: Box<Expr>,
        ty: crate::value::types::CypherType,
        negated: bool,
    },
    FunctionCall {
        name: Ident,
        distinct: bool,
        args: Vec<Expr>,
    },
    CountStar,
    Case {
        subject: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        otherwise: Option<Box<Expr>>,
    },
    ListComprehension {
        variable: Ident,
        list: Box<Expr>,
        filter: Option<Box<Expr>>,
        map: Option<Box<Expr>>,
    },
    PatternComprehension {
        path_variable: Option<Ident>,
        pattern: Box<PatternElement>,
        filter: Option<Box<Expr>>,
        map: Box<Expr>,
    },
    Quantifier {
        kind: QuantifierKind,
        variable: Ident,
        list: Box<Expr>,
        filter: Option<Box<Expr>>,
    },
    Reduce {
        accumulator: Ident,
        init: Box<Expr>,
        variable: Ident,
        list: Box<Expr>,
        expr: Box<Expr>,
    },
    /// `exists(pattern)` or a bare pattern used as a predicate.
    PatternPredicate(Box<PatternElement>),
    /// `exists(n.prop)`: whether the value is not null.
    Exists(Box<Expr>),
    /// `EXISTS { … }`, `COUNT { … }`, `COLLECT { … }`: the short form `{ (a)-->(b) WHERE … }`
    /// is a MATCH.
    Subquery(SubqueryKind, Box<Query>),
    MapProjection {
        variable: Ident,
        items: Vec<MapProjectionItem>,
    },
}
