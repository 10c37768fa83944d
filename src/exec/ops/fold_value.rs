//! How `GroupFold` evaluates one grouping key or aggregate argument for each input
//! without the interpreter where it can: a property read straight from the store, string
//! functions of one property on its bytes in place (`fold_string.rs`), arithmetic,
//! comparisons, `CASE` and `type()` over the bound entities' properties compiled to a
//! program of cells (`column_expr/fold_program.rs`), an
//! expression of one property evaluated once per distinct value of it (`CASE WHEN
//! p.year < 1950 …` once per year), an expression of one node's labels once per label
//! set; anything else through the interpreter on the fold's working row. Each gives the
//! interpreter's value: a cached value is one the interpreter gave for the same input.

use super::fold_concat::Concat;
use super::fold_string::StringSteps;
use crate::binder::bound::{Expr, ExprKind, PropKeyRef, Slot};
use crate::error::Result;
use crate::exec::column_expr::{FoldProgram, Out};
use crate::exec::expr::{eval, property};
use crate::exec::predicate::Entity;
use crate::exec::Row;
use crate::store::{Graph, Number};
use crate::value::Value;

/// The input being folded: the input row, and the entities the fold binds for this input
/// (the scanned node; or the expanded node, relationship and far node), written into the
/// row only when an expression must be interpreted on it.
pub(super) struct Working {
    row: Row,
    bound: Vec<(Slot, Entity)>,
    /// Whether `row` holds `bound`.
    synced: bool,
}

impl Working {
    pub(super) fn new(row: Row) -> Working {
        Working { row, bound: Vec::new(), synced: true }
    }

    /// The input row (the bound entities not written in).
    pub(super) fn input_row(&mut self) -> &mut Row {
        self.sync();
        &mut self.row
    }

    /// The input row as it is, for an expansion's filter, which takes the candidates
    /// beside it: it holds the expanded node (written by [`Working::input_row`] once per
    /// node), and the filter may write the candidates in.
    pub(super) fn unsynced_row(&mut self) -> &mut Row {
        &mut self.row
    }

    /// Binds `entity` to `slot` for the next input.
    pub(super) fn bind(&mut self, slot: Slot, entity: Entity) {
        match self.bound.iter_mut().find(|(s, _)| *s == slot) {
            Some(at) => at.1 = entity,
            None => self.bound.push((slot, entity)),
        }
        self.synced = false;
    }

    /// The entities the fold bound for this input.
    pub(super) fn bound(&self) -> &[(Slot, Entity)] {
        &self.bound
    }

    /// The entity the fold bound to `slot` for this input, if it bound one.
    pub(super) fn bound_entity(&self, slot: Slot) -> Option<Entity> {
        self.bound.iter().find(|(s, _)| *s == slot).map(|&(_, entity)| entity)
    }

    /// The row with the bound entities written in, for the interpreter.
    pub(super) fn row(&mut self) -> &Row {
        self.sync();
        &self.row
    }

    fn sync(&mut self) {
        if !self.synced {
            for &(slot, entity) in &self.bound {
                self.row.set(slot, entity.value());
            }
            self.synced = true;
        }
    }

    /// `slot.key` when `slot` is one the fold binds: read from the store by its id.
    fn bound_property(&self, slot: Slot, key: &PropKeyRef, graph: &Graph) -> Option<Value> {
        let (_, entity) = self.bound.iter().find(|(s, _)| *s == slot)?;
        let Some(key) = key.resolve(graph.catalog()) else { return Some(Value::Null) };
        // A number is read off its column without going through the cell's `Value`.
        let number = match *entity {
            Entity::Node(id) => graph.node_number(id, key),
            Entity::Rel(id) => graph.rel_number(id, key),
        };
        if let Some(number) = number {
            return Some(match number {
                Number::Int(i) => Value::Int(i),
                Number::Float(f) => Value::Float(f),
            });
        }
        // Scanned and expanded entities are live, so this is what the interpreter reads.
        Some(
            match *entity {
                Entity::Node(id) => graph.node_property(id, key),
                Entity::Rel(id) => graph.rel_property(id, key),
            }
            .unwrap_or(Value::Null),
        )
    }

    /// The value of `slot.key`, as the interpreter reads it.
    pub(super) fn property(&mut self, slot: Slot, key: &PropKeyRef, graph: &Graph, expr: &Expr) -> Result<Value> {
        match self.bound_property(slot, key, graph) {
            Some(value) => Ok(value),
            None => property(self.row().get(slot), key, graph, expr.span),
        }
    }

    /// `slot.key` as a string read in place, when `slot` is a node the fold binds and the
    /// value is a packed string.
    fn bound_str<'g>(&self, slot: Slot, key: &PropKeyRef, graph: &'g Graph) -> Option<&'g str> {
        let (_, Entity::Node(id)) = self.bound.iter().find(|(s, _)| *s == slot)? else { return None };
        graph.node_str(*id, key.resolve(graph.catalog())?)
    }

    /// The cache key of `slot.key`: a number read off its column without making a value
    /// where the column holds numbers; `None` for a value of a kind not cached.
    pub(super) fn property_cell(
        &mut self,
        slot: Slot,
        key: &PropKeyRef,
        graph: &Graph,
        expr: &Expr,
    ) -> Result<Option<Cell>> {
        if let Some((_, Entity::Node(id))) = self.bound.iter().find(|(s, _)| *s == slot) {
            if let Some(number) = key.resolve(graph.catalog()).and_then(|k| graph.node_number(*id, k)) {
                return Ok(Some(match number {
                    Number::Int(i) => Cell::Int(i),
                    Number::Float(f) => Cell::Float(f.to_bits()),
                }));
            }
        }
        Ok(Cell::of(&self.property(slot, key, graph, expr)?))
    }

    /// The label set of the node in `slot`, if it is one.
    pub(super) fn label_set(&mut self, slot: Slot, graph: &Graph) -> Option<usize> {
        match self.bound.iter().find(|(s, _)| *s == slot) {
            Some((_, Entity::Node(id))) => graph.node_label_set(*id),
            Some(_) => None,
            None => match self.row.get(slot) {
                Value::Node(id) => graph.node_label_set(*id),
                _ => None,
            },
        }
    }
}

/// At most this many distinct property values are remembered per expression: beyond, the
/// values are mostly distinct and each is evaluated as it comes.
const MAX_CACHED: usize = 4096;

/// One expression of the fold and how it is evaluated.
pub(super) enum FoldValue {
    /// `v.key`, read from the store.
    Property { slot: Slot, key: PropKeyRef, expr: Expr },
    /// An expression compiled to a program over the bound entities; what it leaves to the
    /// interpreter (`Defer`: a string property, an overflow) is `fallback`'s. A key of one
    /// node's labels gives its label set, whose value is computed once (`by_set`).
    Program { program: FoldProgram, fallback: Box<FoldValue>, by_set: Vec<Option<Value>> },
    /// An expression that reads only `v.key`: its value per distinct value of the property.
    ByProperty { slot: Slot, key: PropKeyRef, expr: Expr, cache: foldhash::HashMap<Cell, Value> },
    /// String functions of one property (`right(p.name, 1)`), on its bytes in place:
    /// names are mostly distinct, so a cache by value would only cost a copy per node.
    InPlace { steps: StringSteps, expr: Expr },
    /// An expression that reads only `node`'s labels: its value per label set.
    ByLabelSet { node: Slot, expr: Expr, values: Vec<Option<Value>> },
    /// A list written out (`[a.id, o.id]`): each item as its own fold value, so that a
    /// DISTINCT count can pack the items without making the list (`aggregate_packed.rs`).
    List(Vec<FoldValue>),
    /// A string joined with `+` from parts of one node (`fold_concat.rs`).
    Concat { concat: Concat, expr: Expr },
    /// Anything else: the interpreter.
    Eval(Expr),
}

/// A property's value as a cache key: equal only for values of the same kind that are the
/// same (`1` and `1.0` are different inputs: `toString` tells them apart).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    /// A float by its bits: `0.0` and `-0.0`, and each NaN, apart.
    Float(u64),
    Str(std::sync::Arc<str>),
}

impl Cell {
    /// The cache key of `value`; `None` for a kind not cached (lists, maps, temporal values).
    pub(super) fn of(value: &Value) -> Option<Cell> {
        Some(match value {
            Value::Null => Cell::Null,
            Value::Bool(b) => Cell::Bool(*b),
            Value::Int(i) => Cell::Int(*i),
            Value::Float(f) => Cell::Float(f.to_bits()),
            Value::String(s) => Cell::Str(s.clone()),
            _ => return None,
        })
    }
}

impl FoldValue {
    /// How `expr` is evaluated over a fold that binds the entities of `bound`: by the
    /// cheapest of the forms above that it allows.
    pub(super) fn over(expr: &Expr, bound: &[Slot]) -> FoldValue {
        let plain = FoldValue::new(expr);
        if matches!(plain, FoldValue::Property { .. } | FoldValue::InPlace { .. }) {
            return plain;
        }
        match FoldProgram::compile(expr, bound) {
            Some(program) => FoldValue::Program { program, fallback: Box::new(plain), by_set: Vec::new() },
            None => plain,
        }
    }

    /// The compiled program of this value, if it has one.
    pub(super) fn program(&self) -> Option<&FoldProgram> {
        match self {
            FoldValue::Program { program, .. } => Some(program),
            _ => None,
        }
    }

    /// How `expr` is evaluated, without programs: by the cheapest of the forms above
    /// that it allows.
    pub(super) fn new(expr: &Expr) -> FoldValue {
        if let ExprKind::Property(owner, key) = &expr.kind {
            if let ExprKind::Slot(slot) = owner.kind {
                return FoldValue::Property { slot, key: key.clone(), expr: expr.clone() };
            }
        }
        if let Some(steps) = StringSteps::of(expr) {
            return FoldValue::InPlace { steps, expr: expr.clone() };
        }
        if let Some((slot, key)) = crate::planner::one_property(expr) {
            return FoldValue::ByProperty { slot, key, expr: expr.clone(), cache: foldhash::HashMap::default() };
        }
        if let Some(node) = crate::planner::labels_only_node(expr) {
            return FoldValue::ByLabelSet { node, expr: expr.clone(), values: Vec::new() };
        }
        if let Some(concat) = Concat::of(expr) {
            return FoldValue::Concat { concat, expr: expr.clone() };
        }
        if let ExprKind::List(items) = &expr.kind {
            return FoldValue::List(items.iter().map(FoldValue::new).collect());
        }
        FoldValue::Eval(expr.clone())
    }

    /// The slot and property whose value alone decides this value, if there is one.
    pub(super) fn property_read(&self) -> Option<(Slot, &PropKeyRef)> {
        match self {
            FoldValue::Property { slot, key, .. } | FoldValue::ByProperty { slot, key, .. } => Some((*slot, key)),
            FoldValue::Program { fallback, .. } => fallback.property_read(),
            _ => None,
        }
    }

    /// The node whose label set alone decides this value, if there is one.
    pub(super) fn label_set_read(&self) -> Option<Slot> {
        match self {
            FoldValue::ByLabelSet { node, .. } => Some(*node),
            FoldValue::Program { fallback, .. } => fallback.label_set_read(),
            _ => None,
        }
    }

    /// A property of a node the fold binds, when it is a packed string: read in place.
    pub(super) fn bound_str<'g>(&self, working: &Working, graph: &'g Graph) -> Option<&'g str> {
        match self {
            FoldValue::Property { slot, key, .. } => working.bound_str(*slot, key, graph),
            _ => None,
        }
    }

    /// For a list written out, its items' values into `items` (true); false for any
    /// other value.
    pub(super) fn list_items(&mut self, working: &mut Working, graph: &Graph, items: &mut Vec<Value>) -> Result<bool> {
        let FoldValue::List(values) = self else { return Ok(false) };
        items.clear();
        for value in values {
            items.push(value.value(working, graph)?);
        }
        Ok(true)
    }

    /// The value for the input `working` holds.
    pub(super) fn value(&mut self, working: &mut Working, graph: &Graph) -> Result<Value> {
        match self {
            FoldValue::Property { slot, key, expr } => working.property(*slot, key, graph, expr),
            FoldValue::Program { program, fallback, by_set } => {
                let out = program.eval(graph, working.bound());
                let set = match out {
                    Out::LabelSet { set, .. } => Some(set as usize),
                    _ => None,
                };
                if let Some(Some(value)) = set.and_then(|set| by_set.get(set)) {
                    return Ok(value.clone());
                }
                match program.value(out, graph) {
                    Some(value) => {
                        if let Some(set) = set {
                            if by_set.len() <= set {
                                by_set.resize(set + 1, None);
                            }
                            by_set[set] = Some(value.clone());
                        }
                        Ok(value)
                    }
                    None => fallback.value(working, graph),
                }
            }
            FoldValue::ByProperty { slot, key, expr, cache } => {
                let Some(cell) = working.property_cell(*slot, key, graph, expr)? else {
                    return eval(expr, working.row(), graph);
                };
                if let Some(value) = cache.get(&cell) {
                    return Ok(value.clone());
                }
                let value = eval(expr, working.row(), graph)?;
                if cache.len() < MAX_CACHED {
                    cache.insert(cell, value.clone());
                }
                Ok(value)
            }
            FoldValue::ByLabelSet { node, expr, values } => {
                // A node no longer live is left to the interpreter, which raises the error.
                let Some(set) = working.label_set(*node, graph) else { return eval(expr, working.row(), graph) };
                if let Some(Some(value)) = values.get(set) {
                    return Ok(value.clone());
                }
                let value = eval(expr, working.row(), graph)?;
                if values.len() <= set {
                    values.resize(set + 1, None);
                }
                values[set] = Some(value.clone());
                Ok(value)
            }
            FoldValue::InPlace { steps, expr } => match working.bound_str(steps.slot, &steps.key, graph) {
                Some(text) => Ok(steps.apply(text)),
                // Not a packed string (a null, a number): the interpreter's value or error.
                None => eval(expr, working.row(), graph),
            },
            // The items in order, as the interpreter evaluates a list (and fails at the first error).
            FoldValue::List(items) => {
                Ok(Value::list(items.iter_mut().map(|item| item.value(working, graph)).collect::<Result<_>>()?))
            }
            FoldValue::Concat { concat, expr } => {
                match working.bound_entity(concat.slot).and_then(|entity| concat.value(graph, entity)) {
                    Some(value) => Ok(value),
                    None => eval(expr, working.row(), graph),
                }
            }
            FoldValue::Eval(expr) => eval(expr, working.row(), graph),
        }
    }
}
