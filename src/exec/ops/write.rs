//! Updating clauses: CREATE, MERGE, SET, REMOVE, DELETE.
//!
//! Each reads all its input rows before writing anything, so a clause never sees its
//! own writes through the reads before it (Neo4j's "eager" barrier). Every write goes
//! through the statement's `Txn`, which undoes them all if the statement fails.

use crate::binder::bound::{Expr, MergeClause, NodePattern, Pattern, PatternPart, PropKeyRef, RemoveItem, SetItem};
use crate::error::{Error, ErrorCode, Result};
use crate::exec::expr::{all_properties_of, eval};
use crate::exec::pattern::for_each_match;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{NodeId, PropKeyId};
use crate::syntax::ast::RelDirection;
use crate::value::{PathValue, Value};

/// What an updating operator does with one input row: write, and push the row(s) out.
type WriteRow<'w> = dyn FnMut(&mut ExecCtx<'_, '_>, Row, &mut Vec<Row>) -> Result<()> + 'w;

/// Pulls every input row, applies `write` to each, then hands out the results.
struct Eager {
    input: Box<dyn Operator>,
    output: Option<std::vec::IntoIter<Row>>,
    held: crate::exec::memory::Held,
}

impl Eager {
    fn new(input: Box<dyn Operator>) -> Eager {
        Eager { input, output: None, held: crate::exec::memory::Held::default() }
    }

    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>, write: &mut WriteRow<'_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            let mut rows = Vec::new();
            while let Some(row) = self.input.next(ctx)? {
                self.held.add_row(&row)?;
                rows.push(row);
            }
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                ctx.cancel.tick()?;
                write(ctx, row, &mut out)?;
            }
            self.output = Some(out.into_iter());
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

pub struct Create {
    eager: Eager,
    pattern: Pattern,
}

impl Create {
    pub fn new(input: Box<dyn Operator>, pattern: Pattern) -> Create {
        Create { eager: Eager::new(input), pattern }
    }
}

impl Operator for Create {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let pattern = &self.pattern;
        self.eager.next(ctx, &mut |ctx, mut row, out| {
            for part in &pattern.parts {
                row = create_part(ctx, part, row)?;
            }
            out.push(row);
            Ok(())
        })
    }
}

pub struct Merge {
    eager: Eager,
    merge: MergeClause,
}

impl Merge {
    pub fn new(input: Box<dyn Operator>, merge: MergeClause) -> Merge {
        Merge { eager: Eager::new(input), merge }
    }
}

impl Operator for Merge {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let merge = &self.merge;
        self.eager.next(ctx, &mut |ctx, row, out| {
            check_merge_properties(ctx, &merge.part, &row)?;
            let mut matches = Vec::new();
            for_each_match(&merge.part, &row, ctx.graph(), &mut |m| {
                matches.push(m);
                Ok(true)
            })?;
            if matches.is_empty() {
                let created = create_part(ctx, &merge.part, row)?;
                apply_set_items(ctx, &merge.on_create, &created)?;
                out.push(created);
            } else {
                for matched in matches {
                    apply_set_items(ctx, &merge.on_match, &matched)?;
                    out.push(matched);
                }
            }
            Ok(())
        })
    }
}

/// MERGE cannot match on `null`, and would create what it could never find again.
fn check_merge_properties(ctx: &ExecCtx<'_, '_>, part: &PatternPart, row: &Row) -> Result<()> {
    let nodes = part.nodes.iter().flat_map(|n| n.properties.iter());
    let rels = part.rels.iter().flat_map(|r| r.properties.iter());
    for (key, expr) in nodes.chain(rels) {
        if eval(expr, row, ctx.graph())?.is_null() {
            return Err(Error::at(
                ErrorCode::MergeReadOwnWrites,
                expr.span,
                format!("MERGE cannot use null for property `{}`", key.name),
            ));
        }
    }
    Ok(())
}

/// Creates the unbound nodes and every relationship of `part`, binding their slots.
fn create_part(ctx: &mut ExecCtx<'_, '_>, part: &PatternPart, mut row: Row) -> Result<Row> {
    let mut node_ids = Vec::with_capacity(part.nodes.len());
    for node in &part.nodes {
        let id = match row.get(node.slot) {
            Value::Node(id) if node.bound || ctx.graph().contains_node(*id) => *id,
            _ if node.bound => {
                return Err(Error::at(
                    ErrorCode::InvalidArgumentValue,
                    node.span,
                    "cannot create a relationship from or to a null node",
                ));
            }
            _ => create_node(ctx, node, &row)?,
        };
        row.set(node.slot, Value::Node(id));
        node_ids.push(id);
    }
    let mut rel_ids = Vec::with_capacity(part.rels.len());
    for (i, rel) in part.rels.iter().enumerate() {
        ctx.txn()?.set_origin(rel.span);
        let name = match &rel.dynamic_type {
            Some(e) => single_type_name(&eval(e, &row, ctx.graph())?, e.span)?,
            None => rel.types.first().map(|t| t.name.clone()).unwrap_or_else(|| "".into()),
        };
        let ty = ctx.txn()?.rel_type(&name)?;
        let props = eval_properties(ctx, &rel.properties, &row)?;
        let (start, end) = match rel.direction {
            RelDirection::Left => (node_ids[i + 1], node_ids[i]),
            _ => (node_ids[i], node_ids[i + 1]),
        };
        let id = ctx.txn()?.create_rel(ty, start, end, props)?;
        row.set(rel.slot, Value::Relationship(id));
        rel_ids.push(id);
    }
    if let Some(path) = part.path {
        row.set(path, Value::Path(std::sync::Arc::new(PathValue { nodes: node_ids, rels: rel_ids })));
    }
    Ok(row)
}

fn create_node(ctx: &mut ExecCtx<'_, '_>, node: &NodePattern, row: &Row) -> Result<NodeId> {
    ctx.txn()?.set_origin(node.span);
    let mut labels = node.labels.iter().map(|l| ctx.txn()?.label(&l.name)).collect::<Result<Vec<_>>>()?;
    for name in dynamic_label_names(&node.dynamic_labels, row, ctx.graph())? {
        let label = ctx.txn()?.label(&name)?;
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let props = eval_properties(ctx, &node.properties, row)?;
    ctx.txn()?.create_node(labels, props)
}

fn eval_properties(
    ctx: &mut ExecCtx<'_, '_>,
    props: &[(PropKeyRef, Expr)],
    row: &Row,
) -> Result<Vec<(PropKeyId, Value)>> {
    let mut out = Vec::with_capacity(props.len());
    for (key, expr) in props {
        let value = storable(eval(expr, row, ctx.graph())?, expr, &key.name)?;
        out.push((ctx.txn()?.prop_key(&key.name), value));
    }
    Ok(out)
}

/// Nodes, relationships and paths cannot be stored in properties. A list holds scalars
/// only, as openCypher says; a map is stored whole (steppe's `MAP` property type, as
/// in Kuzu), but not inside a list. A stored list holds one type and no null, as in
/// Neo4j (an integer and a float are two types there too).
/// The key of `n[key]` in SET and REMOVE: a string; null sets or removes nothing, as a
/// null owner does.
fn dynamic_key(key: Value, span: crate::span::Span) -> Result<Option<String>> {
    match key {
        Value::String(s) => Ok(Some(s.to_string())),
        Value::Null => Ok(None),
        other => Err(Error::at(
            ErrorCode::InvalidArgumentType,
            span,
            format!("a dynamic property key must be a STRING, not a {}", other.type_name()),
        )
        .as_kind(crate::error::ErrorKind::TypeError)),
    }
}

fn storable(value: Value, expr: &Expr, key: &str) -> Result<Value> {
    if let Value::List(items) = &value {
        check_homogeneous(items, expr, key)?;
    }
    let graph_value = |v: &Value| matches!(v, Value::Node(_) | Value::Relationship(_) | Value::Path(_));
    let bad = match &value {
        Value::List(items) => items.iter().any(|v| graph_value(v) || matches!(v, Value::List(_) | Value::Map(_))),
        other => graph_value(other),
    };
    if bad {
        return Err(Error::at(
            ErrorCode::InvalidPropertyType,
            expr.span,
            format!("a {} cannot be stored as a property value", value.type_name()),
        ));
    }
    Ok(value)
}

fn check_homogeneous(items: &[Value], expr: &Expr, key: &str) -> Result<()> {
    let refuse = |what: String| {
        Err(Error::at(
            ErrorCode::InvalidPropertyType,
            expr.span,
            format!("property `{key}` cannot hold a list {what}: a stored list holds values of one type and no null"),
        ))
    };
    if items.iter().any(Value::is_null) {
        return refuse("containing null".to_string());
    }
    let kind = |v: &Value| crate::exec::convert::scalar_type(v);
    if let Some(first) = items.first() {
        if let Some(other) = items.iter().find(|v| kind(v) != kind(first)) {
            return refuse(format!("mixing {} and {}", kind(first), kind(other)));
        }
    }
    Ok(())
}

pub struct SetProperties {
    eager: Eager,
    items: Vec<SetItem>,
}

impl SetProperties {
    pub fn new(input: Box<dyn Operator>, items: Vec<SetItem>) -> SetProperties {
        SetProperties { eager: Eager::new(input), items }
    }
}

impl Operator for SetProperties {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let items = &self.items;
        self.eager.next(ctx, &mut |ctx, row, out| {
            apply_set_items(ctx, items, &row)?;
            out.push(row);
            Ok(())
        })
    }
}

/// The one type `$(expr)` gives a relationship to create.
fn single_type_name(value: &Value, span: crate::span::Span) -> Result<std::sync::Arc<str>> {
    let names = crate::exec::labels::dynamic_names(value, span)?;
    match names.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(Error::at(
            ErrorCode::NoSingleRelationshipType,
            span,
            format!("a relationship to create needs exactly one type, and this gives {}", names.len()),
        )),
    }
}

/// The label names `$(expr)` parts give on `row`.
fn dynamic_label_names(dynamic: &[Expr], row: &Row, graph: &crate::store::Graph) -> Result<Vec<std::sync::Arc<str>>> {
    let mut names = Vec::new();
    for e in dynamic {
        names.extend(crate::exec::labels::dynamic_names(&eval(e, row, graph)?, e.span)?);
    }
    Ok(names)
}

fn apply_set_items(ctx: &mut ExecCtx<'_, '_>, items: &[SetItem], row: &Row) -> Result<()> {
    for item in items {
        match item {
            SetItem::Property { target, key, value, span } => {
                ctx.txn()?.set_origin(*span);
                let owner = eval(target, row, ctx.graph())?;
                let value = storable(eval(value, row, ctx.graph())?, target, &key.name)?;
                let key = ctx.txn()?.prop_key(&key.name);
                set_property(ctx, &owner, key, value, *span)?;
            }
            SetItem::DynamicProperty { target, key, value, span } => {
                ctx.txn()?.set_origin(*span);
                let owner = eval(target, row, ctx.graph())?;
                let Some(name) = dynamic_key(eval(key, row, ctx.graph())?, *span)? else {
                    continue;
                };
                let value = storable(eval(value, row, ctx.graph())?, target, &name)?;
                let key = ctx.txn()?.prop_key(&name);
                set_property(ctx, &owner, key, value, *span)?;
            }
            SetItem::Replace { slot, value, span } | SetItem::Merge { slot, value, span } => {
                ctx.txn()?.set_origin(*span);
                let owner = row.get(*slot).clone();
                let new = eval(value, row, ctx.graph())?;
                let map = all_properties_of(&new, ctx.graph(), *span)?;
                if matches!(item, SetItem::Replace { .. }) && !owner.is_null() {
                    let old = all_properties_of(&owner, ctx.graph(), *span)?;
                    for name in old.keys().filter(|k| !map.contains_key(*k)) {
                        let key = ctx.txn()?.prop_key(name);
                        set_property(ctx, &owner, key, Value::Null, *span)?;
                    }
                }
                for (name, v) in map {
                    let key = ctx.txn()?.prop_key(&name);
                    set_property(ctx, &owner, key, storable(v, value, &name)?, *span)?;
                }
            }
            SetItem::Labels { slot, labels, dynamic, span } => {
                ctx.txn()?.set_origin(*span);
                if let Value::Node(id) = row.get(*slot) {
                    let mut ids = labels.iter().map(|l| ctx.txn()?.label(&l.name)).collect::<Result<Vec<_>>>()?;
                    for name in dynamic_label_names(dynamic, row, ctx.graph())? {
                        ids.push(ctx.txn()?.label(&name)?);
                    }
                    ctx.txn()?.set_labels(*id, &ids, &[])?;
                }
            }
        }
    }
    Ok(())
}

fn set_property(
    ctx: &mut ExecCtx<'_, '_>,
    owner: &Value,
    key: PropKeyId,
    value: Value,
    span: crate::span::Span,
) -> Result<()> {
    match owner {
        Value::Null => Ok(()),
        Value::Node(id) => ctx.txn()?.set_node_property(*id, key, value),
        Value::Relationship(id) => ctx.txn()?.set_rel_property(*id, key, value),
        other => Err(Error::at(
            ErrorCode::InvalidArgumentType,
            span,
            format!("cannot set a property on a {}", other.type_name()),
        )),
    }
}

pub struct Remove {
    eager: Eager,
    items: Vec<RemoveItem>,
}

impl Remove {
    pub fn new(input: Box<dyn Operator>, items: Vec<RemoveItem>) -> Remove {
        Remove { eager: Eager::new(input), items }
    }
}

impl Operator for Remove {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let items = &self.items;
        self.eager.next(ctx, &mut |ctx, row, out| {
            for item in items {
                match item {
                    RemoveItem::Property { target, key, span } => {
                        ctx.txn()?.set_origin(*span);
                        let owner = eval(target, &row, ctx.graph())?;
                        if let Some(key) = key.resolve(ctx.graph().catalog()) {
                            set_property(ctx, &owner, key, Value::Null, *span)?;
                        }
                    }
                    RemoveItem::DynamicProperty { target, key, span } => {
                        ctx.txn()?.set_origin(*span);
                        let owner = eval(target, &row, ctx.graph())?;
                        let name = dynamic_key(eval(key, &row, ctx.graph())?, *span)?;
                        if let Some(key) = name.and_then(|n| ctx.graph().catalog().prop_key(&n)) {
                            set_property(ctx, &owner, key, Value::Null, *span)?;
                        }
                    }
                    RemoveItem::Labels { slot, labels, dynamic, span } => {
                        ctx.txn()?.set_origin(*span);
                        if let Value::Node(id) = row.get(*slot) {
                            let catalog = ctx.graph().catalog();
                            let mut ids: Vec<_> = labels.iter().filter_map(|l| l.resolve(catalog)).collect();
                            let names = dynamic_label_names(dynamic, &row, ctx.graph())?;
                            ids.extend(names.iter().filter_map(|n| catalog.label(n)));
                            ctx.txn()?.set_labels(*id, &[], &ids)?;
                        }
                    }
                }
            }
            out.push(row);
            Ok(())
        })
    }
}

pub struct Delete {
    eager: Eager,
    detach: bool,
    exprs: Vec<Expr>,
}

impl Delete {
    pub fn new(input: Box<dyn Operator>, detach: bool, exprs: Vec<Expr>) -> Delete {
        Delete { eager: Eager::new(input), detach, exprs }
    }
}

impl Operator for Delete {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let (detach, exprs) = (self.detach, &self.exprs);
        let mut nodes: Vec<(NodeId, crate::span::Span)> = Vec::new();
        // Relationships go first, those of every row and every expression, so that a
        // node whose relationships this same clause deletes can go too.
        let next = self.eager.next(ctx, &mut |ctx, row, out| {
            for expr in exprs {
                ctx.txn()?.set_origin(expr.span);
                collect_deletions(ctx, eval(expr, &row, ctx.graph())?, expr, &mut nodes)?;
            }
            out.push(row);
            Ok(())
        })?;
        for (node, span) in nodes.drain(..) {
            ctx.txn()?.set_origin(span);
            ctx.txn()?.delete_node(node, detach)?;
        }
        Ok(next)
    }
}

/// Deletes the relationships in `value` at once and queues its nodes for after them.
fn collect_deletions(
    ctx: &mut ExecCtx<'_, '_>,
    value: Value,
    expr: &Expr,
    nodes: &mut Vec<(NodeId, crate::span::Span)>,
) -> Result<()> {
    match value {
        Value::Null => {}
        Value::Node(id) => nodes.push((id, expr.span)),
        Value::Relationship(id) => ctx.txn()?.delete_rel(id)?,
        Value::Path(path) => {
            for rel in &path.rels {
                ctx.txn()?.delete_rel(*rel)?;
            }
            nodes.extend(path.nodes.iter().map(|n| (*n, expr.span)));
        }
        Value::List(items) => {
            for item in items.iter() {
                collect_deletions(ctx, item.clone(), expr, nodes)?;
            }
        }
        other => {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                expr.span,
                format!("cannot delete a {}", other.type_name()),
            ))
        }
    }
    Ok(())
}
