//! Provenance that would outlive its value: a node property `k` with companions
//! (`k__sources`, `k__quotes`, `k__rule`; see `crate::provenance`) whose value a statement
//! changes or removes while leaving the companions as they were. The companions speak for
//! the old value, so the statement fails (and changes nothing) rather than let
//! `sources(n, 'k')` vouch for a value no source gave; setting the companions for the new
//! value in the same statement, or removing them, is the way through.

use std::collections::HashMap;

use super::constraints::describe_node;
use super::txn::Change;
use super::{Graph, NodeId, PropKeyId};
use crate::error::{Error, ErrorCode, Result};
use crate::provenance::{self, Companion};
use crate::value::Value;

const COMPANIONS: [Companion; 3] = [Companion::Sources, Companion::Quotes, Companion::Rule];

/// Checks one statement's changes; `Err` names the node and the property whose
/// provenance went stale.
pub(super) fn check(graph: &Graph, changes: &[Change]) -> Result<()> {
    // Each property the statement wrote, with its value before the statement.
    let mut before: HashMap<(NodeId, PropKeyId), &Option<Value>> = HashMap::new();
    let mut order = Vec::new();
    for change in changes {
        if let Change::SetNodeProperty { id, key, old, .. } = change {
            if let std::collections::hash_map::Entry::Vacant(slot) = before.entry((*id, *key)) {
                slot.insert(old);
                order.push((*id, *key));
            }
        }
    }
    for (id, key) in order {
        let Some(old @ Some(_)) = before.get(&(id, key)).copied() else {
            continue;
        };
        let name = graph.catalog().prop_key_name(key).to_string();
        if provenance::is_companion(&name)
            || !graph.contains_node(id)
            || graph.node_property(id, key).as_ref() == old.as_ref()
        {
            continue;
        }
        let companion_keys: Vec<(String, Option<PropKeyId>)> =
            COMPANIONS.iter().map(|c| c.of(&name)).map(|c| (c.clone(), graph.catalog().prop_key(&c))).collect();
        let rewritten = companion_keys.iter().any(|(_, k)| k.is_some_and(|k| before.contains_key(&(id, k))));
        let kept: Vec<&str> = companion_keys
            .iter()
            .filter(|(_, k)| k.is_some_and(|k| graph.node_property(id, k).is_some()))
            .map(|(c, _)| c.as_str())
            .collect();
        if !rewritten && !kept.is_empty() {
            return Err(stale(graph, id, &name, &kept));
        }
    }
    Ok(())
}

fn stale(graph: &Graph, id: NodeId, name: &str, kept: &[&str]) -> Error {
    Error::new(
        ErrorCode::UnsourcedFact,
        format!(
            "node {}: its property `{name}` changed but its provenance did not: `{}` speak for the old value; \
             set them for the new value in the same statement, or remove them",
            describe_node(graph, id),
            kept.join("`, `")
        ),
    )
}
