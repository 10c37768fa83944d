//! Property constraints in snapshots and journal records.
//!
//! A version 5 or 6 snapshot carries them after its frame, as a trailer that is there only
//! when the graph has any: older files and graphs without constraints read and write
//! exactly as before, and the format version stays.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{corrupt, decode, encode, type_dto, type_from_dto, Names, TypeDto};
use crate::error::Result;
use crate::store::{Constraint, ConstraintKind, ConstraintScope, Graph};

#[derive(Serialize, Deserialize, Debug)]
pub(super) enum ConstraintKindDto {
    Unique,
    Exists,
    Type(Vec<TypeDto>),
    Key,
}

#[derive(Serialize, Deserialize, Debug)]
pub(super) struct ConstraintDto {
    name: String,
    /// A label's id when `on_nodes`, else a relationship type's.
    on_nodes: bool,
    target: u32,
    keys: Vec<u32>,
    kind: ConstraintKindDto,
}

#[derive(Serialize, Deserialize, Debug)]
struct Trailer {
    constraints: Vec<ConstraintDto>,
}

pub(super) fn constraint_dto(c: &Constraint) -> ConstraintDto {
    let (on_nodes, target) = match c.scope {
        ConstraintScope::Node(l) => (true, l.0),
        ConstraintScope::Rel(t) => (false, t.0),
    };
    let kind = match &c.kind {
        ConstraintKind::Unique => ConstraintKindDto::Unique,
        ConstraintKind::Exists => ConstraintKindDto::Exists,
        ConstraintKind::Type(types) => ConstraintKindDto::Type(types.iter().map(type_dto).collect()),
        ConstraintKind::Key => ConstraintKindDto::Key,
    };
    ConstraintDto { name: c.name.to_string(), on_nodes, target, keys: c.keys.iter().map(|k| k.0).collect(), kind }
}

pub(super) fn constraint_from_dto(names: &Names, dto: ConstraintDto) -> Result<Constraint> {
    let scope = match dto.on_nodes {
        true => ConstraintScope::Node(names.label(dto.target)?),
        false => ConstraintScope::Rel(names.rel_type(dto.target)?),
    };
    let keys = dto.keys.into_iter().map(|k| names.prop_key(k)).collect::<Result<Vec<_>>>()?;
    let kind = match dto.kind {
        ConstraintKindDto::Unique => ConstraintKind::Unique,
        ConstraintKindDto::Exists => ConstraintKind::Exists,
        ConstraintKindDto::Type(types) => ConstraintKind::Type(types.into_iter().map(type_from_dto).collect()),
        ConstraintKindDto::Key => ConstraintKind::Key,
    };
    Ok(Constraint { name: Arc::from(dto.name), scope, keys, kind })
}

/// The trailer of `graph`'s snapshot: empty when it has no constraint.
pub(super) fn encode_trailer(graph: &Graph) -> Result<Vec<u8>> {
    let constraints = graph.schema().constraints();
    if constraints.is_empty() {
        return Ok(Vec::new());
    }
    encode(&Trailer { constraints: constraints.iter().map(constraint_dto).collect() })
}

/// Puts the constraints of a trailer into a loaded graph.
pub(super) fn decode_trailer(graph: &mut Graph, bytes: &[u8]) -> Result<()> {
    let trailer: Trailer = decode(bytes)?;
    let catalog = graph.catalog();
    let names = Names {
        n_labels: catalog.labels.len() as u32,
        n_rel_types: catalog.rel_types.len() as u32,
        n_prop_keys: catalog.prop_keys.len() as u32,
    };
    for dto in trailer.constraints {
        let c = constraint_from_dto(&names, dto)?;
        if graph.schema().constraint(&c.name).is_some() {
            return Err(corrupt(format!("constraint `{}` appears twice in the snapshot", c.name)));
        }
        graph.schema.insert_constraint(c);
    }
    Ok(())
}
