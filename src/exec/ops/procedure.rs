//! Built-in procedures: db.labels(), db.relationshipTypes(), db.propertyKeys(),
//! db.schema(), db.stats().

use crate::binder::bound::{Procedure, ProcedureCall as Call};
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{node_type_ddl, rel_type_ddl, Graph};
use crate::value::Value;

pub struct ProcedureCall {
    input: Box<dyn Operator>,
    call: Call,
    current: Option<Row>,
    pending: std::vec::IntoIter<Vec<Value>>,
}

impl ProcedureCall {
    pub fn new(input: Box<dyn Operator>, call: Call) -> ProcedureCall {
        ProcedureCall { input, call, current: None, pending: Vec::new().into_iter() }
    }
}

impl Operator for ProcedureCall {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(values)) = (&self.current, self.pending.next()) {
                let mut out = row.clone();
                for (slot, value) in self.call.yields.iter().zip(values) {
                    if let Some(slot) = slot {
                        out.set(*slot, value);
                    }
                }
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.pending = run(self.call.procedure, ctx.graph()).into_iter();
            self.current = Some(row);
        }
    }
}

/// The procedure's rows, sorted by name.
fn run(procedure: Procedure, graph: &Graph) -> Vec<Vec<Value>> {
    let catalog = graph.catalog();
    let one = |name: &std::sync::Arc<str>| vec![Value::String(name.clone())];
    let mut rows: Vec<Vec<Value>> = match procedure {
        Procedure::Labels => catalog
            .labels
            .names()
            .iter()
            .filter(|n| {
                catalog.label(n).is_some_and(|l| graph.label_count(l) > 0 || graph.schema().node_type(l).is_some())
            })
            .map(one)
            .collect(),
        Procedure::RelationshipTypes => catalog
            .rel_types
            .names()
            .iter()
            .filter(|n| {
                catalog.rel_type(n).is_some_and(|t| graph.rel_type_count(t) > 0 || graph.schema().rel_type(t).is_some())
            })
            .map(one)
            .collect(),
        Procedure::PropertyKeys => catalog.prop_keys.names().iter().map(one).collect(),
        Procedure::Schema => {
            let schema = graph.schema();
            let nodes = schema.node_types().map(|t| {
                vec![
                    Value::string("node"),
                    Value::String(catalog.label_name(t.label).clone()),
                    Value::string(node_type_ddl(t, catalog)),
                ]
            });
            let rels = schema.rel_types().map(|t| {
                vec![
                    Value::string("relationship"),
                    Value::String(catalog.rel_type_name(t.rel_type).clone()),
                    Value::string(rel_type_ddl(t, catalog)),
                ]
            });
            nodes.chain(rels).collect()
        }
        Procedure::Indexes => super::index_rows::index_rows(graph),
        Procedure::Stats => super::db_stats::rows(graph),
    };
    rows.sort_by(|a, b| {
        a.iter().zip(b).map(|(x, y)| x.order(y)).find(|o| o.is_ne()).unwrap_or(std::cmp::Ordering::Equal)
    });
    rows
}
