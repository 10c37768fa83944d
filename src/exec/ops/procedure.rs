//! Built-in procedures: db.labels(), db.relationshipTypes(), db.propertyKeys(),
//! db.schema(), db.stats(), and the knowledge-graph ones: db.find(text),
//! db.index.fulltext.queryNodes(index, text) and db.conflicts().

use crate::binder::bound::{Procedure, ProcedureCall as Call};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::{conflicts, lookup, ExecCtx, Operator, Row};
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
            let args = self.call.args.iter().map(|e| eval(e, &row, ctx.graph())).collect::<Result<Vec<_>>>()?;
            self.pending = match self.call.procedure {
                Procedure::Databases | Procedure::Settings | Procedure::Transactions => {
                    super::dbms_rows::rows(self.call.procedure, &args, ctx)
                }
                other => run(other, &args, ctx.graph()),
            }
            .into_iter();
            self.current = Some(row);
        }
    }
}

/// The rows of `db.find` and `db.index.fulltext.queryNodes`: best first.
fn found(graph: &Graph, text: Option<&Value>, with_matched: bool) -> Vec<Vec<Value>> {
    let text = text.and_then(Value::as_str).unwrap_or_default();
    lookup::find(graph, text)
        .into_iter()
        .map(|hit| {
            let mut row = vec![Value::Node(hit.node), Value::Float(hit.score)];
            if with_matched {
                row.push(Value::String(hit.matched));
            }
            row
        })
        .collect()
}

/// The procedure's rows: ranked for a lookup, else sorted by name.
fn run(procedure: Procedure, args: &[Value], graph: &Graph) -> Vec<Vec<Value>> {
    match procedure {
        Procedure::Find => return found(graph, args.first(), true),
        // The index name is Neo4j's; steppe looks over every node's names and texts.
        Procedure::FulltextQueryNodes => return found(graph, args.get(1), false),
        Procedure::Conflicts => return conflicts::conflicts(graph),
        _ => {}
    }
    let catalog = graph.catalog();
    let first_arg = args.first().filter(|a| !a.is_null());
    match procedure {
        Procedure::Constraints => {
            let types = match first_arg {
                Some(Value::List(types)) => Some(types.as_slice()),
                Some(one) => Some(std::slice::from_ref(one)),
                None => None,
            };
            return super::schema_rows::constraint_rows(graph, types);
        }
        Procedure::Procedures => return crate::binder::catalogue::procedure_rows(),
        Procedure::Functions => {
            let filter = match first_arg {
                Some(Value::String(s)) => s.to_string(),
                _ => "all".to_string(),
            };
            return crate::binder::catalogue::function_rows(&filter);
        }
        Procedure::NodeTypeProperties => return super::schema_rows::node_type_properties(graph),
        Procedure::RelTypeProperties => return super::schema_rows::rel_type_properties(graph),
        Procedure::Visualization => return super::schema_rows::visualization(graph),
        _ => {}
    }
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
        _ => Vec::new(),
    };
    rows.sort_by(|a, b| {
        a.iter().zip(b).map(|(x, y)| x.order(y)).find(|o| o.is_ne()).unwrap_or(std::cmp::Ordering::Equal)
    });
    rows
}
