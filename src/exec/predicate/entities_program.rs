//! A conjunct over the properties of several variables, compiled once into a program of
//! cells (`column_expr/fold_program.rs`): `CASE WHEN o.year < 1950 THEN m.weight > 0.99
//! ELSE m.weight < 0.001 END` over a membership and its organization, `m.year < a.year -
//! 1000` over a mention and its article, `r.weight * 10 > a.year % 7 + y` with `y` a
//! number the input row holds.
//!
//! Interpreted, each candidate of a relationship-type scan cost a row written with its
//! three entities and the interpreter's walk of the expression with a `Value` at each
//! step (workload10 case_in_where_whole_type: 347 ms at M over every membership, Kuzu 41
//! ms). Compiled, each property is read off its column as a cell and `cell.rs`'s
//! operators, the interpreter's, combine them; a candidate is tested with no row.
//!
//! An element the program leaves undecided (`Cell::Defer`: a string, an overflow, a
//! division by zero, a variable holding no entity) is tested by the interpreter on the
//! conjunct as written, which gives its answer or its error.

use super::{Bindings, Candidates, Entity, Ids, Verdict};
use crate::binder::bound::{Expr, ExprKind, PropKeyRef, Slot};
use crate::error::Result;
use crate::exec::column_expr::{truth_at, Block, BlockInputs, Cell, FoldProgram, Out};
use crate::exec::expr::eval;
use crate::exec::Row;
use crate::store::{Graph, NodeId, PropKeyId, RelId, RelTypeId};

/// At most this many variables: the entities and cells are gathered on the stack.
const MOST: usize = 4;

#[derive(Debug, Clone)]
pub(super) struct EntitiesProgram {
    /// The variables whose properties (or type) it reads, the first one first written.
    pub(super) entities: Vec<Slot>,
    /// The variables it reads bare, as numbers, booleans or nulls.
    vars: Vec<Slot>,
    program: FoldProgram,
    /// The conjunct as written, for the elements the program leaves to the interpreter.
    pub(super) source: Expr,
}

impl EntitiesProgram {
    /// `Some` when `conjunct` reads the properties of at least one variable, other
    /// variables only bare, is made of what a cell computes, and is a condition (its value
    /// a boolean or null wherever the cells decide it).
    pub(super) fn of(conjunct: &Expr) -> Option<EntitiesProgram> {
        let (entities, vars) = reads(conjunct)?;
        if entities.is_empty() || entities.len() + vars.len() > MOST {
            return None;
        }
        // A value that is no boolean fails an AND: the interpreter raises that, on the whole.
        let program = FoldProgram::compile_over(conjunct, &entities, &vars).filter(FoldProgram::is_boolean)?;
        Some(EntitiesProgram { entities, vars, program, source: conjunct.clone() })
    }

    pub(super) fn may_fail(&self) -> bool {
        self.program.may_fail()
    }

    /// Whether it reads `slot`.
    pub(super) fn reads(&self, slot: Slot) -> bool {
        self.entities.contains(&slot) || self.vars.contains(&slot)
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        if let Some(verdict) = self.eval_compiled(row, graph) {
            return Ok(verdict);
        }
        Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?))
    }

    /// The program's answer, when every variable holds what it reads (an entity, a
    /// cell) and it gives a boolean or null.
    fn eval_compiled<B: Bindings>(&self, row: &B, graph: &Graph) -> Option<Verdict> {
        let mut entities = [(Slot(0), Entity::Node(NodeId(0))); MOST];
        for (at, &slot) in self.entities.iter().enumerate() {
            entities[at] = (slot, row.entity(slot)?);
        }
        let mut cells = [(Slot(0), Cell::Null); MOST];
        for (at, &slot) in self.vars.iter().enumerate() {
            let cell = Cell::of_value(Some(&row.value(slot)));
            if cell == Cell::Defer {
                return None;
            }
            cells[at] = (slot, cell);
        }
        let out = self.program.eval_over(graph, &entities[..self.entities.len()], &cells[..self.vars.len()]);
        match out {
            Out::Cell(Cell::Bool(b)) => Some(Verdict::of_bool(b)),
            Out::Cell(Cell::Null) => Some(Verdict::Null),
            _ => None,
        }
    }
}

/// How many candidates a program is evaluated over at once: each step's slices stay in
/// the cache.
const BLOCK: usize = 1024;

impl EntitiesProgram {
    /// Keeps the candidates (indices into `candidates`, ascending) for which the program
    /// gives true, a block of them at a time: each variable's property read for the block
    /// (a candidate's column, or the entity `row` fixes), then the program's steps over
    /// the slices. Returns those it left to the interpreter (taken out of `alive`);
    /// `None`, with `alive` as it was, when the program has no block form or a variable
    /// it reads is neither a candidate's nor an entity or cell of the row.
    pub(super) fn retain_by_column(
        &self,
        (candidates, row): (&Candidates, &Row),
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        alive: &mut Vec<u32>,
    ) -> Option<Vec<u32>> {
        if !self.program.has_block_form() {
            return None;
        }
        let mut cells = Vec::with_capacity(self.vars.len());
        for &slot in &self.vars {
            // A candidate's entity read bare (`b IS NULL`) is no cell: the row does not
            // hold it yet, and the interpreter decides it candidate by candidate.
            if candidates.column(slot).is_some() {
                return None;
            }
            let cell = Cell::of_value(Some(row.get(slot)));
            (cell != Cell::Defer).then_some(())?;
            cells.push((slot, cell));
        }
        let mut sources = Vec::with_capacity(self.entities.len());
        for &slot in &self.entities {
            let source = match candidates.column(slot) {
                Some(ids) => Source::Column(ids),
                None => Source::Fixed(Entity::of(row.get(slot))?),
            };
            sources.push((slot, source));
        }
        let (mut kept, mut undecided) = (Vec::with_capacity(alive.len()), Vec::new());
        for window in alive.chunks(BLOCK) {
            let inputs = Window { graph, window, sources: &sources, cells: &cells, rel_type };
            let values = self.program.eval_block(&inputs);
            for (k, &i) in window.iter().enumerate() {
                match truth_at(&values, k) {
                    Some(true) => kept.push(i),
                    Some(false) => {}
                    None => undecided.push(i),
                }
            }
        }
        *alive = kept;
        Some(undecided)
    }
}

/// Where a block program reads a variable's entities: a column of the candidates, or
/// the one entity the input row holds.
enum Source<'a> {
    Column(&'a Ids),
    Fixed(Entity),
}

/// One block of candidates (`window`, indices into the columns) as a program's inputs.
struct Window<'a> {
    graph: &'a Graph,
    window: &'a [u32],
    sources: &'a [(Slot, Source<'a>)],
    cells: &'a [(Slot, Cell)],
    /// The one type of the relationships of a scan's chunk.
    rel_type: Option<RelTypeId>,
}

impl BlockInputs for Window<'_> {
    fn len(&self) -> usize {
        self.window.len()
    }

    fn property(&self, slot: Slot, key: &PropKeyRef) -> Block {
        let len = self.window.len();
        let Some(key) = key.resolve(self.graph.catalog()) else { return Block::constant(Cell::Null, len) };
        let Some((_, source)) = self.sources.iter().find(|(s, _)| *s == slot) else {
            return Block::constant(Cell::Defer, len);
        };
        match source {
            Source::Fixed(entity) => Block::constant(read_one(self.graph, *entity, key), len),
            Source::Column(Ids::Nodes(ids)) => {
                let nodes: Vec<NodeId> = self.window.iter().map(|&i| ids[i as usize]).collect();
                node_block(self.graph, key, &nodes)
            }
            Source::Column(Ids::Rels(ids)) => {
                let rels: Vec<RelId> = self.window.iter().map(|&i| ids[i as usize]).collect();
                let mut rows = Vec::with_capacity(len);
                match self.graph.rel_rows(&rels, &mut rows) {
                    Some(ty) => rel_block(self.graph, (ty, key), &rows, &rels),
                    None => Block::Cells(rels.iter().map(|&r| read_one(self.graph, Entity::Rel(r), key)).collect()),
                }
            }
            Source::Column(Ids::Scanned(chunk)) => {
                let rels: Vec<RelId> = self.window.iter().map(|&i| chunk.ids[i as usize]).collect();
                let rows: Option<Vec<u32>> = self.window.iter().map(|&i| chunk.row(i as usize)).collect();
                match (self.rel_type, rows) {
                    (Some(ty), Some(rows)) => rel_block(self.graph, (ty, key), &rows, &rels),
                    _ => Block::Cells(rels.iter().map(|&r| read_one(self.graph, Entity::Rel(r), key)).collect()),
                }
            }
        }
    }

    fn var(&self, slot: Slot) -> Block {
        let cell = self.cells.iter().find(|(s, _)| *s == slot).map_or(Cell::Defer, |&(_, c)| c);
        Block::constant(cell, self.window.len())
    }
}

/// `key` of each of `nodes`: typed where its column holds numbers of one kind, else cell
/// by cell.
fn node_block(graph: &Graph, key: PropKeyId, nodes: &[NodeId]) -> Block {
    let mut held = Vec::new();
    match graph.node_number_block(key, nodes, &mut held) {
        Some(numbers) => Block::of_numbers(numbers, held),
        None => Block::Cells(nodes.iter().map(|&n| read_one(graph, Entity::Node(n), key)).collect()),
    }
}

/// `key` of relationships of type `ty` at `rows` of its table (`rels` their ids), as
/// [`node_block`].
fn rel_block(graph: &Graph, (ty, key): (RelTypeId, PropKeyId), rows: &[u32], rels: &[RelId]) -> Block {
    let mut held = Vec::new();
    match graph.rel_number_block(ty, key, rows, &mut held) {
        Some(numbers) => Block::of_numbers(numbers, held),
        None => Block::Cells(rels.iter().map(|&r| read_one(graph, Entity::Rel(r), key)).collect()),
    }
}

/// One entity's property as a cell (a number off its column, else its value's cell).
fn read_one(graph: &Graph, entity: Entity, key: PropKeyId) -> Cell {
    let number = match entity {
        Entity::Node(node) => graph.node_number(node, key),
        Entity::Rel(rel) => graph.rel_number(rel, key),
    };
    if number.is_some() {
        return Cell::of_number(number);
    }
    let value = match entity {
        Entity::Node(node) => graph.node_property(node, key),
        Entity::Rel(rel) => graph.rel_property(rel, key),
    };
    Cell::of_value(value.as_ref())
}

/// The variables whose properties or type `e` reads, and those it reads bare (in the
/// order first met); `None` when it holds a subquery or a pattern. (A variable read both
/// ways is no cell: the program does not compile.)
fn reads(e: &Expr) -> Option<(Vec<Slot>, Vec<Slot>)> {
    let free = crate::planner::free_slots(e)?;
    let mut entities = Vec::new();
    e.visit(&mut |e| {
        let owner = match &e.kind {
            ExprKind::Property(owner, _) => owner,
            ExprKind::Call(crate::binder::bound::Function::Type, args) if args.len() == 1 => &args[0],
            _ => return,
        };
        if let ExprKind::Slot(slot) = owner.kind {
            if free.contains(&slot) && !entities.contains(&slot) {
                entities.push(slot);
            }
        }
    });
    let mut vars = Vec::new();
    e.visit(&mut |e| {
        if let ExprKind::Slot(slot) = e.kind {
            if free.contains(&slot) && !entities.contains(&slot) && !vars.contains(&slot) {
                vars.push(slot);
            }
        }
    });
    Some((entities, vars))
}

#[cfg(test)]
mod tests {
    use crate::binder::Params;
    use crate::Database;

    /// A graph whose properties hold values of every kind (nulls, integers beside
    /// floats, NaN, strings, booleans, lists, the largest integer), so that the programs
    /// meet what they decide and what they leave to the interpreter.
    fn graph() -> Database {
        let mut db = Database::empty();
        let setup = "UNWIND [null, -1, 7, 2009, 2009.0, -0.0, 0.5, 0.0 / 0.0, 'Org 1', true, [1], 9223372036854775807] AS v
                     WITH collect(v) AS vs
                     UNWIND range(0, size(vs) - 1) AS i
                     CREATE (:A {id: i, v: vs[i], y: 1990 + i}), (:B {id: i, v: vs[(i * 5) % size(vs)], y: 2000 - i});
                     MATCH (a:A), (b:B) WHERE (a.id + b.id) % 3 = 0
                     CREATE (a)-[:R {id: a.id * 100 + b.id, w: toFloat((a.id * b.id) % 10) / 10, v: [a.v, b.v][(a.id + b.id) % 2]}]->(b)";
        db.execute_script(setup, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        db
    }

    /// Each condition over a relationship and its ends (and a number the row holds) keeps
    /// exactly the rows the interpreter keeps, or fails where it fails: the same
    /// condition inside a list comprehension, which stays interpreted, is the reference.
    #[test]
    fn conditions_over_several_variables_answer_as_the_interpreter_does() {
        let mut db = graph();
        let conditions = [
            "CASE WHEN b.y < 1995 THEN r.w > 0.5 ELSE r.w < 0.2 END",
            "CASE WHEN a.v < 5 THEN r.v > 0 WHEN b.v IS NULL THEN true END",
            "CASE a.v WHEN 7 THEN r.w >= 0.3 WHEN 2009 THEN b.v = 2009 ELSE NOT r.w < 0.4 END",
            "r.w * 10 < a.y - 1995",
            "r.v < a.v - 1000",
            "r.v + a.v > b.v",
            "r.id % (b.id - 4) = 1",
            "a.v + 1 > r.w",
            "(r.w > 0.3) XOR (a.y % 2 = 0) OR b.v IS NULL",
            "r.w > 0.2 AND a.v > b.v",
            "r.w > x / 10.0",
            "CASE WHEN x > 4 THEN a.y + x > b.y ELSE r.v IN [1, 2009, null] END",
        ];
        for condition in conditions {
            let mut query = |condition: &str| {
                let text = format!(
                    "UNWIND [3, 6] AS x MATCH (a:A)-[r:R]->(b:B) WHERE {condition} RETURN x, r.id AS id ORDER BY x, id"
                );
                db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.message)
            };
            let compiled = query(condition);
            let interpreted = query(&format!("[one IN [1] | {condition}][0]"));
            match (&compiled, &interpreted) {
                (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{condition}"),
                (Err(_), Err(_)) => {}
                _ => panic!("{condition}: {compiled:?} against {interpreted:?}"),
            }
        }
    }

    /// Over the whole relationship type (a scan of it, narrowed a chunk at a time) the
    /// program keeps what the interpreter keeps, and a string it cannot compare is the
    /// interpreter's.
    #[test]
    fn a_whole_type_scan_narrows_by_the_program() {
        let mut db = graph();
        let conditions =
            ["CASE WHEN b.y < 1995 THEN r.w > 0.5 ELSE r.w < 0.2 END", "r.v < a.y - b.id * 100", "r.v >= a.v"];
        for condition in conditions {
            let mut query = |condition: &str| {
                let text = format!("MATCH (a)-[r:R]->(b) WHERE {condition} RETURN count(*) AS n, sum(r.id) AS ids");
                db.execute(&text, &Params::new()).map(|r| r.rows).map_err(|e| e.message)
            };
            let compiled = query(condition);
            assert_eq!(compiled, query(&format!("[one IN [1] | {condition}][0]")), "{condition}");
            assert!(compiled.is_ok_and(|rows| rows[0][0] != crate::value::Value::Int(0)), "{condition}");
        }
    }
}
