//! The header row of a neo4j-admin import CSV file: what each column holds.
//!
//! A field is `name:TYPE` or `name`. The special types are `ID`, `START_ID` and
//! `END_ID` (each with an optional id space, `:ID(Person)`), `LABEL`, `TYPE` and
//! `IGNORE`; property types are `string`, `int`, `long`, `short`, `byte`, `float`,
//! `double`, `boolean`, `date`, each also as an array (`string[]`), as neo4j-admin
//! names them. A name may hold `:` itself: only the last `:` followed by a known type
//! splits a field. A field without a type is a string property.

use crate::error::{Error, ErrorCode, Result};

/// The type of a property column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarType {
    String,
    Int,
    Float,
    Bool,
    Date,
}

/// What one column of a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The node's id within its id space; `name` keeps it as a property too.
    Id {
        name: Option<String>,
        group: String,
    },
    StartId {
        group: String,
    },
    EndId {
        group: String,
    },
    /// Labels, separated by the array delimiter.
    Label,
    Type,
    Ignore,
    Property {
        name: String,
        ty: ScalarType,
        array: bool,
    },
}

/// Whether a file describes nodes or relationships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Nodes,
    Relationships,
}

/// The columns of one file, checked for what its kind needs.
#[derive(Debug, Clone)]
pub struct Header {
    pub columns: Vec<Column>,
}

impl Header {
    /// Reads unquoted header fields of `file`; errors name the field's column.
    #[cfg(test)]
    pub fn parse(fields: &[&str], kind: FileKind, file: &str) -> Result<Header> {
        let unquoted: Vec<(&str, bool)> = fields.iter().map(|f| (*f, false)).collect();
        Header::parse_fields(&unquoted, kind, file)
    }

    /// Reads header fields given with whether each was quoted: a quoted field's name is
    /// taken exactly, spaces at its ends included; an unquoted one is trimmed.
    pub fn parse_fields(fields: &[(&str, bool)], kind: FileKind, file: &str) -> Result<Header> {
        let bad = |column: usize, message: String| {
            Error::new(ErrorCode::InvalidCsvHeader, message).in_file(file).at_location(1, column)
        };
        let mut columns = Vec::with_capacity(fields.len());
        for (i, (field, quoted)) in fields.iter().enumerate() {
            columns.push(parse_field(field, *quoted).map_err(|m| bad(i + 1, m))?);
        }
        let count = |pred: fn(&Column) -> bool| columns.iter().filter(|c| pred(c)).count();
        let position = |pred: fn(&Column) -> bool| columns.iter().position(pred).map_or(1, |i| i + 1);
        match kind {
            FileKind::Nodes => {
                let ids = count(|c| matches!(c, Column::Id { .. }));
                if ids > 1 {
                    let at = columns.iter().enumerate().filter(|(_, c)| matches!(c, Column::Id { .. })).nth(1);
                    return Err(bad(at.map_or(1, |(i, _)| i + 1), "a nodes file has one :ID column at most".into()));
                }
                if let Some(i) = columns
                    .iter()
                    .position(|c| matches!(c, Column::StartId { .. } | Column::EndId { .. } | Column::Type))
                {
                    return Err(bad(
                        i + 1,
                        format!("`{}` belongs in a relationships file, not a nodes file", fields[i].0),
                    ));
                }
            }
            FileKind::Relationships => {
                for (what, pred) in [
                    (":START_ID", (|c: &Column| matches!(c, Column::StartId { .. })) as fn(&Column) -> bool),
                    (":END_ID", |c: &Column| matches!(c, Column::EndId { .. })),
                ] {
                    match count(pred) {
                        1 => {}
                        0 => return Err(bad(1, format!("a relationships file needs a {what} column"))),
                        _ => return Err(bad(position(pred), format!("a relationships file has one {what} column"))),
                    }
                }
                if let Some(i) = columns.iter().position(|c| matches!(c, Column::Id { .. } | Column::Label)) {
                    return Err(bad(
                        i + 1,
                        format!("`{}` belongs in a nodes file, not a relationships file", fields[i].0),
                    ));
                }
            }
        }
        Ok(Header { columns })
    }
}

/// One header field; `exact` keeps the spaces at the ends of its name.
fn parse_field(field: &str, exact: bool) -> std::result::Result<Column, String> {
    let field = if exact { field } else { field.trim() };
    let Some((name, spec)) = split_type(field) else {
        if field.is_empty() {
            return Err("an empty header field: name the column, or mark it `:IGNORE`".into());
        }
        return Ok(Column::Property { name: field.to_string(), ty: ScalarType::String, array: false });
    };
    let name = if exact { name } else { name.trim() };
    let (base, group) = match spec.split_once('(') {
        Some((base, rest)) => {
            let group = rest.strip_suffix(')').ok_or_else(|| format!("`{field}`: the id space needs a closing `)`"))?;
            (base, group.to_string())
        }
        None => (spec, String::new()),
    };
    let special = |column: Column| {
        if name.is_empty() {
            Ok(column)
        } else {
            Err(format!("`{field}`: a {spec} column takes no name"))
        }
    };
    match base.to_ascii_uppercase().as_str() {
        "ID" => Ok(Column::Id { name: (!name.is_empty()).then(|| name.to_string()), group }),
        "START_ID" => special(Column::StartId { group }),
        "END_ID" => special(Column::EndId { group }),
        _ if spec.contains('(') => Err(format!("`{field}`: only :ID, :START_ID and :END_ID take an id space")),
        "LABEL" => special(Column::Label),
        "TYPE" => special(Column::Type),
        "IGNORE" => Ok(Column::Ignore),
        _ => {
            let (ty, array) = property_type(spec).ok_or_else(|| format!("`{field}`: unknown column type `{spec}`"))?;
            if name.is_empty() {
                return Err(format!("`{field}`: a property column needs a name"));
            }
            Ok(Column::Property { name: name.to_string(), ty, array })
        }
    }
}

/// Splits `name:type` at the last `:` that is followed by a type this reader knows;
/// a field with no such `:` has no type.
fn split_type(field: &str) -> Option<(&str, &str)> {
    let (name, spec) = field.rsplit_once(':')?;
    let base = spec.split('(').next().unwrap_or(spec).to_ascii_uppercase();
    let special = matches!(base.as_str(), "ID" | "START_ID" | "END_ID" | "LABEL" | "TYPE" | "IGNORE");
    // A `:` followed by something that looks like a type name is a type, known or not,
    // so that a typo (`year:itn`) is an error rather than a property named `year:itn`.
    let looks_like_type = !spec.is_empty() && spec.chars().all(|c| c.is_ascii_alphanumeric() || "[]_()".contains(c));
    (special || looks_like_type || name.is_empty()).then_some((name, spec))
}

fn property_type(spec: &str) -> Option<(ScalarType, bool)> {
    let lower = spec.to_ascii_lowercase();
    let (base, array) = match lower.strip_suffix("[]") {
        Some(base) => (base, true),
        None => (lower.as_str(), false),
    };
    let ty = match base {
        "string" | "char" => ScalarType::String,
        "int" | "long" | "short" | "byte" => ScalarType::Int,
        "float" | "double" => ScalarType::Float,
        "boolean" | "bool" => ScalarType::Bool,
        "date" => ScalarType::Date,
        _ => return None,
    };
    Some((ty, array))
}

/// The header type of a property column, as the CSV export writes it: `int`, `string[]`.
pub fn type_name(ty: ScalarType, array: bool) -> String {
    let base = match ty {
        ScalarType::String => "string",
        ScalarType::Int => "int",
        ScalarType::Float => "float",
        ScalarType::Bool => "boolean",
        ScalarType::Date => "date",
    };
    if array {
        format!("{base}[]")
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_split_at_their_type() {
        assert_eq!(parse_field(":ID(Person)", false), Ok(Column::Id { name: None, group: "Person".into() }));
        assert_eq!(parse_field("id:ID", false), Ok(Column::Id { name: Some("id".into()), group: String::new() }));
        assert_eq!(
            parse_field("tags:string[]", false),
            Ok(Column::Property { name: "tags".into(), ty: ScalarType::String, array: true })
        );
        assert_eq!(
            parse_field("year:LONG", false),
            Ok(Column::Property { name: "year".into(), ty: ScalarType::Int, array: false })
        );
        assert_eq!(
            parse_field("name", false),
            Ok(Column::Property { name: "name".into(), ty: ScalarType::String, array: false })
        );
        assert_eq!(
            parse_field("see: also", false),
            Ok(Column::Property { name: "see: also".into(), ty: ScalarType::String, array: false })
        );
        assert!(parse_field("year:itn", false).is_err());
        assert!(parse_field(":int", false).is_err());
        assert!(parse_field("x:LABEL", false).is_err());
        assert!(parse_field("", false).is_err());
    }

    #[test]
    fn a_quoted_field_keeps_the_spaces_at_its_ends() {
        assert_eq!(
            parse_field(" name :string", true),
            Ok(Column::Property { name: " name ".into(), ty: ScalarType::String, array: false })
        );
        assert_eq!(
            parse_field(" name :string", false),
            Ok(Column::Property { name: "name".into(), ty: ScalarType::String, array: false })
        );
    }

    #[test]
    fn a_relationships_file_needs_both_ends() {
        let err = Header::parse(&[":START_ID", "w:float"], FileKind::Relationships, "r.csv").err();
        assert_eq!(err.map(|e| (e.code, e.location.map(|l| l.1))), Some((ErrorCode::InvalidCsvHeader, Some(1))));
        let err = Header::parse(&[":ID", "name", ":TYPE"], FileKind::Nodes, "n.csv").err();
        assert_eq!(err.and_then(|e| e.location).map(|l| l.1), Some(3));
    }
}
