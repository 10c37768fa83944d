//! `point(…)`, `point.distance`, `point.withinBBox` and a point's components (`p.x`,
//! `p.latitude`, `p.crs`, …), with Neo4j's rules and errors.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::value::point::{Crs, Point};
use crate::value::Value;

fn bad(span: Span, message: impl Into<String>) -> Error {
    Error::at(ErrorCode::InvalidArgumentValue, span, message.into())
}

pub fn call(function: Function, args: &[Value], span: Span) -> Result<Value> {
    let point = |i: usize| -> Result<Option<&Point>> {
        match args.get(i) {
            Some(Value::Point(p)) => Ok(Some(p)),
            Some(Value::Null) | None => Ok(None),
            Some(other) => {
                Err(bad(span, format!("expected a POINT, got a {}", other.type_name())).as_kind(ErrorKind::TypeError))
            }
        }
    };
    match function {
        Function::Point => {
            match args.first() {
                Some(Value::Map(map)) => make_point(map, span),
                Some(Value::Null) | None => Ok(Value::Null),
                Some(other) => Err(bad(span, format!("point() takes a map, not a {}", other.type_name()))
                    .as_kind(ErrorKind::TypeError)),
            }
        }
        Function::PointDistance => Ok(match (point(0)?, point(1)?) {
            (Some(a), Some(b)) => a.distance(b).map_or(Value::Null, Value::Float),
            _ => Value::Null,
        }),
        _ => Ok(match (point(0)?, point(1)?, point(2)?) {
            (Some(p), Some(lo), Some(hi)) => p.within_bbox(lo, hi).map_or(Value::Null, Value::Bool),
            _ => Value::Null,
        }),
    }
}

/// `point({x, y[, z][, crs|srid]})` or `point({longitude, latitude[, height][, crs|srid]})`;
/// null when a coordinate is null.
fn make_point(map: &BTreeMap<Arc<str>, Value>, span: Span) -> Result<Value> {
    let get = |key: &str| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v);
    let geographic = get("longitude").is_some() || get("latitude").is_some();
    let keys = if geographic { ["longitude", "latitude", "height"] } else { ["x", "y", "z"] };
    let mut coords = [None; 3];
    for (i, key) in keys.iter().enumerate() {
        coords[i] = match get(key) {
            None => None,
            Some(Value::Null) => return Ok(Value::Null),
            Some(Value::Int(n)) => Some(*n as f64),
            Some(Value::Float(f)) => Some(*f),
            Some(other) => {
                return Err(bad(span, format!("point() takes numbers for `{key}`, not a {}", other.type_name()))
                    .as_kind(ErrorKind::TypeError))
            }
        };
    }
    let (Some(x), Some(y)) = (coords[0], coords[1]) else {
        return Err(bad(span, format!("point() needs both `{}` and `{}`", keys[0], keys[1])));
    };
    let crs = chosen_crs(get("crs"), get("srid"), geographic, coords[2].is_some(), span)?;
    if crs.is_3d() != coords[2].is_some() {
        return Err(bad(
            span,
            format!("the coordinate system {} takes {} coordinates", crs.name(), if crs.is_3d() { 3 } else { 2 }),
        ));
    }
    if crs.is_geographic() && !(-90.0..=90.0).contains(&y) {
        return Err(bad(span, format!("latitude {y} is not between -90 and 90")));
    }
    Ok(Value::Point(Arc::new(Point { crs, x, y, z: coords[2] })))
}

/// The system a point map names (`crs` or `srid`, not both), or the default for its keys.
fn chosen_crs(crs: Option<&Value>, srid: Option<&Value>, geographic: bool, three_d: bool, span: Span) -> Result<Crs> {
    let named = match (crs, srid) {
        (Some(_), Some(_)) => return Err(bad(span, "point() takes `crs` or `srid`, not both")),
        (Some(Value::String(name)), None) => {
            Some(Crs::of_name(name).ok_or_else(|| bad(span, format!("unknown coordinate system '{name}'")))?)
        }
        (None, Some(Value::Int(id))) => Some(Crs::of_srid(*id).ok_or_else(|| bad(span, format!("unknown SRID {id}")))?),
        (None, None) => None,
        (Some(other), None) | (None, Some(other)) => {
            return Err(bad(span, format!("a point's crs or srid cannot be a {}", other.type_name())))
        }
    };
    if let Some(crs) = named {
        if geographic && !crs.is_geographic() {
            return Err(bad(span, "longitude and latitude need a geographic coordinate system (wgs-84)"));
        }
        return Ok(crs);
    }
    Ok(match (geographic, three_d) {
        (false, false) => Crs::Cartesian,
        (false, true) => Crs::Cartesian3D,
        (true, false) => Crs::Wgs84,
        (true, true) => Crs::Wgs84_3D,
    })
}

/// `p.x`, `p.y`, `p.z`, `p.longitude`, `p.latitude`, `p.height`, `p.crs`, `p.srid`;
/// `None` for a key no point has.
pub fn component(point: &Point, key: &str, span: Span) -> Option<Result<Value>> {
    let geographic_only = |v: f64| {
        if point.crs.is_geographic() {
            Ok(Value::Float(v))
        } else {
            Err(bad(span, format!("`{key}` is only on geographic points, and this one is {}", point.crs.name())))
        }
    };
    let third = || match point.z {
        Some(z) => Ok(Value::Float(z)),
        None => Err(bad(span, format!("`{key}` is only on 3D points, and this one is {}", point.crs.name()))),
    };
    Some(match key {
        "x" => Ok(Value::Float(point.x)),
        "y" => Ok(Value::Float(point.y)),
        "z" => third(),
        "longitude" => geographic_only(point.x),
        "latitude" => geographic_only(point.y),
        "height" if point.crs.is_geographic() => third(),
        "height" => geographic_only(0.0),
        "crs" => Ok(Value::string(point.crs.name())),
        "srid" => Ok(Value::Int(i64::from(point.crs.srid()))),
        _ => return None,
    })
}
