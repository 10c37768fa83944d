//! Reading back a JSON export (`steppe export --to json`, described in `export/json.rs`).
//!
//! The document is read as a stream: serde drives a visitor over the top-level object,
//! and each node and relationship is decoded, added to the [`GraphBuilder`] and dropped
//! before the next is read, so memory holds the graph and one entity. The schema must
//! come before the nodes, and the nodes before the relationships, as the export writes
//! them. Into an empty graph, entities keep their ids; into one that holds data, they
//! get new ones. Errors carry the line and column serde was at.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::BufRead;
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, ErrorCode, Result};
use crate::store::{
    node_type_ddl, rel_type_ddl, BulkStats, EndpointLabels, Graph, GraphBuilder, NodeId, NodeType, PropKeyId,
    PropertyDef, PropertyType, RelEntry, RelId, RelType,
};
use crate::value::Value;

/// Imports a JSON export from `input` (named `name` in errors) into `graph`; on error
/// the graph is left as it was.
pub fn import_json(graph: &mut Graph, input: impl BufRead, name: &str) -> Result<BulkStats> {
    let builder = graph.bulk_load();
    let state = RefCell::new(Load { keep_ids: builder.started_empty(), builder, ids: HashMap::new(), failure: None });
    let mut reader = serde_json::Deserializer::from_reader(input);
    let outcome = Document(&state).deserialize(&mut reader).and_then(|()| reader.end());
    let mut load = state.into_inner();
    match outcome {
        Ok(()) => {
            load.builder.check_constraints()?;
            Ok(load.builder.finish())
        }
        Err(e) => {
            // A failure of ours (a schema error, an unknown endpoint) was stashed with its
            // code; serde's error only carries the position.
            let err = load.failure.unwrap_or_else(|| Error::new(ErrorCode::InvalidImportFile, strip_position(&e)));
            Err(err.in_file(name).at_location(e.line(), e.column()))
        }
    }
}

fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

struct Load<'g> {
    builder: GraphBuilder<'g>,
    keep_ids: bool,
    /// Exported node id → node in this graph.
    ids: HashMap<u32, NodeId>,
    failure: Option<Error>,
}

impl Load<'_> {
    fn fail<E: de::Error>(&mut self, err: Error) -> E {
        let message = err.message.clone();
        self.failure = Some(err);
        E::custom(message)
    }
}

struct Document<'s, 'g>(&'s RefCell<Load<'g>>);

impl<'de> DeserializeSeed<'de> for Document<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a steppe JSON export: {\"format\", \"version\", \"schema\", \"nodes\", \"relationships\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut seen_format = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let format: String = map.next_value()?;
                    if format != crate::export::JSON_FORMAT {
                        return Err(de::Error::custom(format!("not a steppe JSON export (format `{format}`)")));
                    }
                    seen_format = true;
                }
                "version" => {
                    let version: u64 = map.next_value()?;
                    if version != crate::export::JSON_VERSION {
                        return Err(de::Error::custom(format!("JSON export version {version} is not supported")));
                    }
                }
                "schema" => {
                    let schema: SchemaJson = map.next_value()?;
                    let mut load = self.0.borrow_mut();
                    if let Err(err) = define_schema(&mut load.builder, schema) {
                        return Err(load.fail(err));
                    }
                }
                "nodes" => map.next_value_seed(Entities { load: self.0, nodes: true })?,
                "relationships" => map.next_value_seed(Entities { load: self.0, nodes: false })?,
                other => return Err(de::Error::custom(format!("unexpected member `{other}`"))),
            }
        }
        if !seen_format {
            return Err(de::Error::custom("not a steppe JSON export (no \"format\" member)"));
        }
        Ok(())
    }
}

struct Entities<'s, 'g> {
    load: &'s RefCell<Load<'g>>,
    nodes: bool,
}

impl<'de> DeserializeSeed<'de> for Entities<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Entities<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.nodes { "a list of nodes" } else { "a list of relationships" })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        if self.nodes {
            while let Some(node) = seq.next_element::<NodeJson>()? {
                let mut load = self.load.borrow_mut();
                if let Err(err) = add_node(&mut load, node) {
                    return Err(load.fail(err));
                }
            }
        } else {
            while let Some(rel) = seq.next_element::<RelJson>()? {
                let mut load = self.load.borrow_mut();
                if let Err(err) = add_rel(&mut load, rel) {
                    return Err(load.fail(err));
                }
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeJson {
    id: u32,
    labels: Vec<String>,
    properties: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelJson {
    id: u32,
    #[serde(rename = "type")]
    rel_type: String,
    start: u32,
    end: u32,
    properties: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SchemaJson {
    node_types: Vec<NodeTypeJson>,
    relationship_types: Vec<RelTypeJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PropertyJson {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    required: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeTypeJson {
    label: String,
    key: Option<String>,
    properties: Vec<PropertyJson>,
}

/// One side of an endpoint pair: some labels, or `null` for any.
type EndpointJson = Option<Vec<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelTypeJson {
    #[serde(rename = "type")]
    rel_type: String,
    endpoints: Vec<(EndpointJson, EndpointJson)>,
    properties: Vec<PropertyJson>,
}

fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidImportFile, message)
}

fn property_defs(builder: &mut GraphBuilder<'_>, props: Vec<PropertyJson>) -> Result<Vec<PropertyDef>> {
    props
        .into_iter()
        .map(|p| {
            let ty = parse_type(&p.ty).ok_or_else(|| invalid(format!("unknown property type `{}`", p.ty)))?;
            Ok(PropertyDef { key: builder.prop_key(&p.name), ty, required: p.required })
        })
        .collect()
}

/// Declares the export's types; a type the graph already declares must be the same.
fn define_schema(builder: &mut GraphBuilder<'_>, schema: SchemaJson) -> Result<()> {
    for ty in schema.node_types {
        let label = builder.label_for_definition(&ty.label);
        let properties = property_defs(builder, ty.properties)?;
        let key = ty.key.map(|k| builder.prop_key(&k));
        let node_type = NodeType { label, properties, key };
        match builder.graph().schema().node_type(label) {
            Some(existing)
                if same_ddl(builder.graph(), node_type_ddl(existing, builder.graph().catalog()), &node_type) => {}
            _ => builder.define_node_type(node_type)?,
        }
    }
    for ty in schema.relationship_types {
        let rel_type = builder.rel_type_for_definition(&ty.rel_type);
        let mut side = |s: Option<Vec<String>>| match s {
            None => EndpointLabels::Any,
            Some(names) => EndpointLabels::OneOf(names.iter().map(|n| builder.label_for_definition(n)).collect()),
        };
        let endpoints: Vec<_> = ty.endpoints.into_iter().map(|(a, b)| (side(a), side(b))).collect();
        let properties = property_defs(builder, ty.properties)?;
        let decl = RelType { rel_type, endpoints, properties };
        let catalog = builder.graph().catalog();
        match builder.graph().schema().rel_type(rel_type) {
            Some(existing) if rel_type_ddl(existing, catalog) == rel_type_ddl(&decl, catalog) => {}
            _ => builder.define_rel_type(decl)?,
        }
    }
    Ok(())
}

fn same_ddl(graph: &Graph, existing: String, new: &NodeType) -> bool {
    existing == node_type_ddl(new, graph.catalog())
}

fn properties(
    builder: &mut GraphBuilder<'_>,
    props: BTreeMap<String, serde_json::Value>,
) -> Result<Vec<(PropKeyId, Value)>> {
    props
        .into_iter()
        .map(|(k, v)| {
            Ok((builder.prop_key(&k), value_from_json(v).map_err(|m| invalid(format!("property `{k}`: {m}")))?))
        })
        .collect()
}

fn add_node(load: &mut Load<'_>, node: NodeJson) -> Result<()> {
    if load.ids.contains_key(&node.id) {
        return Err(Error::new(ErrorCode::DuplicateId, format!("node id {} appears twice", node.id)));
    }
    let labels = node.labels.iter().map(|l| load.builder.label(l)).collect::<Result<Vec<_>>>()?;
    let props = properties(&mut load.builder, node.properties)?;
    let id = if load.keep_ids && node.id > 0 {
        load.builder.add_node_at(NodeId(node.id), labels, props)?;
        NodeId(node.id)
    } else {
        load.builder.add_node(labels, props)?
    };
    load.ids.insert(node.id, id);
    Ok(())
}

fn add_rel(load: &mut Load<'_>, rel: RelJson) -> Result<()> {
    let endpoint = |id: u32, which: &str| {
        load.ids.get(&id).copied().ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownEndpoint,
                format!("relationship {}: its {which} node {id} is not in \"nodes\"", rel.id),
            )
        })
    };
    let (start, end) = (endpoint(rel.start, "start")?, endpoint(rel.end, "end")?);
    let ty = load.builder.rel_type(&rel.rel_type)?;
    let props = properties(&mut load.builder, rel.properties)?;
    if load.keep_ids && rel.id >= load.builder.graph().rel_id_bound() {
        load.builder.add_rel_at(RelEntry { id: RelId(rel.id), ty, start, end }, props)
    } else {
        load.builder.add_rel(ty, start, end, props).map(|_| ())
    }
}

/// A property value from its JSON form (see `export/json.rs`).
fn value_from_json(value: serde_json::Value) -> std::result::Result<Value, String> {
    use serde_json::Value as J;
    Ok(match value {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().ok_or_else(|| format!("{n} is out of range"))?),
        },
        J::String(s) => Value::string(s),
        J::Array(items) => Value::list(items.into_iter().map(value_from_json).collect::<std::result::Result<_, _>>()?),
        J::Object(map) => return tagged_or_map(map),
    })
}

fn tagged_or_map(map: serde_json::Map<String, serde_json::Value>) -> std::result::Result<Value, String> {
    if map.len() == 1 {
        if let Some((tag, inner)) = map.iter().next() {
            if let serde_json::Value::String(s) = inner {
                if let Some(temporal) = crate::value::temporal::from_json_tag(tag, s) {
                    return temporal.map_err(|e| e.message);
                }
            }
            match (tag.as_str(), inner) {
                ("$float", serde_json::Value::String(s)) => {
                    return super::cell::parse_float(s).map(Value::Float).ok_or_else(|| format!("`{s}` is not a float"))
                }
                ("$map", serde_json::Value::Object(inner)) => return plain_map(inner.clone()),
                ("$point", serde_json::Value::Object(inner)) => return point_from_json(inner),
                (tag, _) if tag.starts_with('$') => return Err(format!("unknown tag `{tag}`")),
                _ => {}
            }
        }
    }
    plain_map(map)
}

/// `{"$point": {"srid": 4326, "x": 12.5, "y": 55.7}}` (and "z" in 3D).
fn point_from_json(map: &serde_json::Map<String, serde_json::Value>) -> std::result::Result<Value, String> {
    use crate::value::point::{Crs, Point};
    let number = |key: &str| map.get(key).and_then(serde_json::Value::as_f64);
    let srid = map.get("srid").and_then(serde_json::Value::as_i64).ok_or("a $point needs an integer srid")?;
    let crs = Crs::of_srid(srid).ok_or_else(|| format!("unknown SRID {srid}"))?;
    let (x, y) = number("x").zip(number("y")).ok_or("a $point needs numbers x and y")?;
    let z = number("z");
    if crs.is_3d() != z.is_some() {
        return Err(format!("a point of SRID {srid} needs {} coordinates", if crs.is_3d() { 3 } else { 2 }));
    }
    Ok(Value::Point(Arc::new(Point { crs, x, y, z })))
}

fn plain_map(map: serde_json::Map<String, serde_json::Value>) -> std::result::Result<Value, String> {
    let entries = map
        .into_iter()
        .map(|(k, v)| Ok((Arc::<str>::from(k), value_from_json(v)?)))
        .collect::<std::result::Result<BTreeMap<_, _>, String>>()?;
    Ok(Value::map(entries))
}

/// A property type as the DDL writes it: `STRING`, `LIST<INT>`.
pub fn parse_type(text: &str) -> Option<PropertyType> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix("LIST<").and_then(|t| t.strip_suffix('>')) {
        return parse_type(inner).map(|t| PropertyType::List(Box::new(t)));
    }
    PropertyType::from_name(text)
}
