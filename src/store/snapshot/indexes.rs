//! The named indexes in a snapshot (version 7) and in journal records.
//!
//! Version 7 is version 6's body as one byte string, then the index definitions: a graph
//! without an index is still written as version 6, so that files without indexes (the
//! built-in graph's among them) keep their bytes. The entries are not written: a load
//! fills each index from the entities, as `CREATE INDEX` does.

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::encode;
use super::packed::Blob;
use super::{corrupt, decode, Names};
use crate::error::Result;
use crate::store::range_index::{IndexDef, IndexKind, IndexTarget};

/// One index as written: its name, kind, what it covers (a label or a relationship type)
/// and its property keys.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub(super) struct IndexDefDto {
    name: String,
    /// 0: range, 1: the key of an import.
    kind: u8,
    /// Whether `target` is a relationship type (else a label).
    rel: bool,
    target: u32,
    keys: Vec<u32>,
}

/// A version 7 body: the version 6 body and the index definitions.
#[derive(Serialize, Deserialize)]
struct V7Frame<'a> {
    #[serde(borrow)]
    v6: Blob<'a>,
    indexes: Vec<IndexDefDto>,
}

/// Wraps a version 6 body with the index definitions.
#[cfg(test)]
pub(super) fn encode_v7(v6: &[u8], indexes: &[IndexDef]) -> Result<Vec<u8>> {
    encode(&V7Frame { v6: Blob(v6), indexes: indexes.iter().map(index_def_dto).collect() })
}

/// The version 6 body inside a version 7 one, and the index definitions.
pub(super) fn decode_v7(body: &[u8]) -> Result<(&[u8], Vec<IndexDefDto>)> {
    let frame: V7Frame<'_> = decode(body)?;
    Ok((frame.v6.0, frame.indexes))
}

pub(super) fn index_def_dto(def: &IndexDef) -> IndexDefDto {
    let (rel, target) = match def.target {
        IndexTarget::Node(label) => (false, label.0),
        IndexTarget::Rel(ty) => (true, ty.0),
    };
    IndexDefDto {
        name: def.name.to_string(),
        kind: match def.kind {
            IndexKind::Range => 0,
            IndexKind::Key => 1,
        },
        rel,
        target,
        keys: def.keys.iter().map(|k| k.0).collect(),
    }
}

pub(super) fn index_def_from_dto(names: &Names, dto: IndexDefDto) -> Result<IndexDef> {
    let kind = match dto.kind {
        0 => IndexKind::Range,
        1 => IndexKind::Key,
        other => return Err(corrupt(format!("unknown index kind {other}"))),
    };
    let target = match dto.rel {
        false => IndexTarget::Node(names.label(dto.target)?),
        true => IndexTarget::Rel(names.rel_type(dto.target)?),
    };
    let keys = dto.keys.into_iter().map(|k| names.prop_key(k)).collect::<Result<Vec<_>>>()?;
    if keys.is_empty() || dto.name.is_empty() {
        return Err(corrupt(format!("index `{}` has no name or no property", dto.name)));
    }
    Ok(IndexDef { name: dto.name.into(), kind, target, keys })
}
