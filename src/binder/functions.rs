//! The function and procedure catalogue: names, arities, argument and result types.

use super::bound::{AggregateFunction, Expr, Function, Procedure, TemporalForm as TF, Type as T};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::Ident;
use crate::value::temporal::TemporalKind as K;

pub enum Callee {
    Scalar(Function),
    Aggregate(AggregateFunction),
}

/// (name, function, min args, max args); names are case-insensitive.
const SCALARS: &[(&str, Function, usize, usize)] = &[
    ("id", Function::Id, 1, 1),
    ("labels", Function::Labels, 1, 1),
    ("type", Function::Type, 1, 1),
    ("properties", Function::Properties, 1, 1),
    ("keys", Function::Keys, 1, 1),
    ("startnode", Function::StartNode, 1, 1),
    ("endnode", Function::EndNode, 1, 1),
    ("nodes", Function::Nodes, 1, 1),
    ("relationships", Function::Relationships, 1, 1),
    ("length", Function::Length, 1, 1),
    ("size", Function::Size, 1, 1),
    ("head", Function::Head, 1, 1),
    ("last", Function::Last, 1, 1),
    ("tail", Function::Tail, 1, 1),
    ("range", Function::Range, 2, 3),
    ("reverse", Function::Reverse, 1, 1),
    ("coalesce", Function::Coalesce, 1, usize::MAX),
    ("tointeger", Function::ToInteger, 1, 1),
    ("tofloat", Function::ToFloat, 1, 1),
    ("tostring", Function::ToString, 1, 1),
    ("toboolean", Function::ToBoolean, 1, 1),
    ("abs", Function::Abs, 1, 1),
    ("ceil", Function::Ceil, 1, 1),
    ("floor", Function::Floor, 1, 1),
    ("round", Function::Round, 1, 3),
    ("sqrt", Function::Sqrt, 1, 1),
    ("sign", Function::Sign, 1, 1),
    ("exp", Function::Exp, 1, 1),
    ("log", Function::Log, 1, 1),
    ("log10", Function::Log10, 1, 1),
    ("toupper", Function::ToUpper, 1, 1),
    ("tolower", Function::ToLower, 1, 1),
    ("trim", Function::Trim, 1, 1),
    ("ltrim", Function::LTrim, 1, 2),
    ("rtrim", Function::RTrim, 1, 2),
    ("btrim", Function::BTrim, 1, 2),
    ("lower", Function::ToLower, 1, 1),
    ("upper", Function::ToUpper, 1, 1),
    ("char_length", Function::CharLength, 1, 1),
    ("character_length", Function::CharLength, 1, 1),
    ("normalize", Function::Normalize, 1, 2),
    (crate::syntax::IS_NORMALIZED, Function::IsNormalized, 2, 2),
    ("isempty", Function::IsEmpty, 1, 1),
    ("elementid", Function::ElementId, 1, 1),
    ("randomuuid", Function::RandomUuid, 0, 0),
    ("timestamp", Function::Timestamp, 0, 0),
    ("sin", Function::Sin, 1, 1),
    ("cos", Function::Cos, 1, 1),
    ("tan", Function::Tan, 1, 1),
    ("cot", Function::Cot, 1, 1),
    ("asin", Function::Asin, 1, 1),
    ("acos", Function::Acos, 1, 1),
    ("atan", Function::Atan, 1, 1),
    ("atan2", Function::Atan2, 2, 2),
    ("degrees", Function::Degrees, 1, 1),
    ("radians", Function::Radians, 1, 1),
    ("haversin", Function::Haversin, 1, 1),
    ("isnan", Function::IsNaN, 1, 1),
    ("tointegerornull", Function::ToIntegerOrNull, 1, 1),
    ("tofloatornull", Function::ToFloatOrNull, 1, 1),
    ("tobooleanornull", Function::ToBooleanOrNull, 1, 1),
    ("tostringornull", Function::ToStringOrNull, 1, 1),
    ("tobooleanlist", Function::ToBooleanList, 1, 1),
    ("tofloatlist", Function::ToFloatList, 1, 1),
    ("tointegerlist", Function::ToIntegerList, 1, 1),
    ("tostringlist", Function::ToStringList, 1, 1),
    ("nullif", Function::NullIf, 2, 2),
    ("valuetype", Function::ValueType, 1, 1),
    ("point", Function::Point, 1, 1),
    ("point.distance", Function::PointDistance, 2, 2),
    ("point.withinbbox", Function::PointWithinBBox, 3, 3),
    ("substring", Function::Substring, 2, 3),
    ("replace", Function::Replace, 3, 3),
    ("split", Function::Split, 2, 2),
    ("left", Function::Left, 2, 2),
    ("right", Function::Right, 2, 2),
    ("exists", Function::Exists, 1, 1),
    ("rand", Function::Rand, 0, 0),
    ("pi", Function::Pi, 0, 0),
    ("e", Function::E, 0, 0),
    ("sources", Function::Sources, 1, 2),
    ("quotes", Function::Quotes, 1, 2),
];

/// The temporal functions: each type's constructor and its namespaced forms
/// (name, type, form, min args, max args).
const TEMPORALS: &[(&str, K, TF, usize, usize)] = &[
    ("date", K::Date, TF::Construct, 0, 1),
    ("date.transaction", K::Date, TF::Transaction, 0, 1),
    ("date.statement", K::Date, TF::Statement, 0, 1),
    ("date.realtime", K::Date, TF::Realtime, 0, 1),
    ("date.truncate", K::Date, TF::Truncate, 1, 3),
    ("localtime", K::LocalTime, TF::Construct, 0, 1),
    ("localtime.transaction", K::LocalTime, TF::Transaction, 0, 1),
    ("localtime.statement", K::LocalTime, TF::Statement, 0, 1),
    ("localtime.realtime", K::LocalTime, TF::Realtime, 0, 1),
    ("localtime.truncate", K::LocalTime, TF::Truncate, 1, 3),
    ("time", K::Time, TF::Construct, 0, 1),
    ("time.transaction", K::Time, TF::Transaction, 0, 1),
    ("time.statement", K::Time, TF::Statement, 0, 1),
    ("time.realtime", K::Time, TF::Realtime, 0, 1),
    ("time.truncate", K::Time, TF::Truncate, 1, 3),
    ("localdatetime", K::LocalDateTime, TF::Construct, 0, 1),
    ("localdatetime.transaction", K::LocalDateTime, TF::Transaction, 0, 1),
    ("localdatetime.statement", K::LocalDateTime, TF::Statement, 0, 1),
    ("localdatetime.realtime", K::LocalDateTime, TF::Realtime, 0, 1),
    ("localdatetime.truncate", K::LocalDateTime, TF::Truncate, 1, 3),
    ("datetime", K::DateTime, TF::Construct, 0, 1),
    ("datetime.transaction", K::DateTime, TF::Transaction, 0, 1),
    ("datetime.statement", K::DateTime, TF::Statement, 0, 1),
    ("datetime.realtime", K::DateTime, TF::Realtime, 0, 1),
    ("datetime.truncate", K::DateTime, TF::Truncate, 1, 3),
    ("datetime.fromepoch", K::DateTime, TF::FromEpoch, 2, 2),
    ("datetime.fromepochmillis", K::DateTime, TF::FromEpochMillis, 1, 1),
    ("duration", K::Duration, TF::Construct, 1, 1),
    ("duration.between", K::Duration, TF::Between, 2, 2),
    ("duration.inmonths", K::Duration, TF::InMonths, 2, 2),
    ("duration.indays", K::Duration, TF::InDays, 2, 2),
    ("duration.inseconds", K::Duration, TF::InSeconds, 2, 2),
];

/// Every scalar function: the plain ones and the temporal ones.
fn scalars() -> impl Iterator<Item = (&'static str, Function, usize, usize)> {
    SCALARS
        .iter()
        .copied()
        .chain(TEMPORALS.iter().map(|(n, k, f, min, max)| (*n, Function::Temporal(*k, *f), *min, *max)))
}

const AGGREGATES: &[(&str, AggregateFunction)] = &[
    ("count", AggregateFunction::Count),
    ("collect", AggregateFunction::Collect),
    ("sum", AggregateFunction::Sum),
    ("avg", AggregateFunction::Avg),
    ("min", AggregateFunction::Min),
    ("max", AggregateFunction::Max),
    ("stdev", AggregateFunction::StDev),
    ("stdevp", AggregateFunction::StDevP),
    ("percentilecont", AggregateFunction::PercentileCont),
    ("percentiledisc", AggregateFunction::PercentileDisc),
];

/// Every function name, for completion and suggestions.
pub fn function_names() -> impl Iterator<Item = &'static str> {
    // A name with a space is the hidden function of a syntax form (IS NORMALIZED).
    scalars().map(|(n, ..)| n).filter(|n| !n.contains(' ')).chain(AGGREGATES.iter().map(|(n, _)| *n))
}

/// How many arguments the function with this lower-case name takes, at least and at most
/// (the signature catalogue is checked against it).
#[cfg(test)]
pub fn arity(lower: &str) -> Option<(usize, usize)> {
    if let Some((.., min, max)) = scalars().find(|(n, ..)| *n == lower) {
        return Some((min, max));
    }
    let (_, aggregate) = AGGREGATES.iter().find(|(n, _)| *n == lower)?;
    Some(match aggregate {
        AggregateFunction::PercentileCont | AggregateFunction::PercentileDisc => (2, 2),
        _ => (1, 1),
    })
}

/// The aggregate functions' names.
pub fn aggregate_names() -> impl Iterator<Item = &'static str> {
    AGGREGATES.iter().map(|(n, _)| *n)
}

pub fn resolve(name: &Ident) -> Result<Callee> {
    let lower = name.name.to_lowercase();
    if let Some((_, f)) = AGGREGATES.iter().find(|(n, _)| *n == lower) {
        return Ok(Callee::Aggregate(*f));
    }
    if let Some((_, f, ..)) = scalars().find(|(n, ..)| *n == lower) {
        return Ok(Callee::Scalar(f));
    }
    let err = Error::at(ErrorCode::UnknownFunction, name.span, format!("unknown function `{}`", name.name));
    Err(match crate::suggest::did_you_mean(&lower, function_names()) {
        Some(hint) => err.with_hint(hint),
        None => err,
    })
}

pub fn check_arity(function: Function, name: &Ident, n_args: usize, span: Span) -> Result<()> {
    let Some((_, _, min, max)) = scalars().find(|(_, f, ..)| *f == function) else {
        return Err(Error::internal(format!("function {function:?} missing from the catalogue")));
    };
    if (min..=max).contains(&n_args) {
        return Ok(());
    }
    let wanted = match (min, max) {
        (a, b) if a == b => format!("{a}"),
        (a, usize::MAX) => format!("at least {a}"),
        (a, b) => format!("{a} to {b}"),
    };
    Err(Error::at(
        ErrorCode::InvalidNumberOfArguments,
        span,
        format!("{}() takes {wanted} argument(s), got {n_args}", name.name),
    ))
}

/// Rejects arguments whose static type can never fit (a string passed to `labels`).
pub fn check_argument_types(function: Function, args: &[Expr]) -> Result<()> {
    use Function as F;
    if let F::Temporal(kind, form) = function {
        return check_temporal_argument(function, temporal_argument_types(kind, form), args);
    }
    let allowed: &[T] = match function {
        F::Labels => &[T::Node],
        F::Type => &[T::Relationship],
        F::StartNode | F::EndNode => &[T::Relationship],
        F::Properties | F::Keys => &[T::Node, T::Relationship, T::Map],
        F::Sources | F::Quotes => &[T::Node, T::Relationship],
        F::Size => &[T::String, T::List],
        F::Head | F::Last | F::Tail => &[T::List],
        F::Reverse => &[T::String, T::List],
        F::Nodes | F::Relationships | F::Length if args.first().is_some_and(|a| a.ty != T::String) => {
            &[T::Path, T::List]
        }
        F::Abs | F::Ceil | F::Floor | F::Round | F::Sqrt | F::Sign | F::Exp | F::Log | F::Log10 => &[T::Int, T::Float],
        F::Sin
        | F::Cos
        | F::Tan
        | F::Cot
        | F::Asin
        | F::Acos
        | F::Atan
        | F::Atan2
        | F::Degrees
        | F::Radians
        | F::Haversin
        | F::IsNaN => &[T::Int, T::Float],
        F::BTrim | F::CharLength | F::Normalize | F::IsNormalized => &[T::String],
        F::IsEmpty => &[T::String, T::List, T::Map],
        F::ElementId => &[T::Node, T::Relationship],
        F::ToBooleanList | F::ToFloatList | F::ToIntegerList | F::ToStringList => &[T::List],
        F::ToUpper
        | F::ToLower
        | F::Trim
        | F::LTrim
        | F::RTrim
        | F::Replace
        | F::Split
        | F::Left
        | F::Right
        | F::Substring => &[T::String],
        _ => return Ok(()),
    };
    match args.first() {
        Some(arg) if arg.ty != T::Any && !allowed.contains(&arg.ty) => Err(Error::at(
            ErrorCode::InvalidArgumentType,
            arg.span,
            format!("{function:?}() does not take {} argument", super::pattern::a_type_word(arg.ty)),
        )),
        _ => Ok(()),
    }
}

/// What the first argument of a temporal function may be, as far as the binder can tell
/// (`Any` always passes; DATE is the only temporal type the binder knows by name).
fn temporal_argument_types(kind: K, form: TF) -> &'static [T] {
    match (kind, form) {
        (K::Duration, TF::Construct) => &[T::String, T::Map],
        (_, TF::Construct) => &[T::String, T::Map, T::Date],
        (_, TF::Transaction | TF::Statement | TF::Realtime | TF::Truncate) => &[T::String],
        (_, TF::FromEpoch | TF::FromEpochMillis) => &[T::Int],
        (_, TF::Between | TF::InMonths | TF::InDays | TF::InSeconds) => &[T::Date],
    }
}

/// Rejects a first argument a temporal function can never take (`date(42)`), naming the
/// function as written in queries (`date.truncate`).
fn check_temporal_argument(function: Function, allowed: &[T], args: &[Expr]) -> Result<()> {
    let Some(arg) = args.first().filter(|a| a.ty != T::Any && !allowed.contains(&a.ty)) else {
        return Ok(());
    };
    let name = scalars().find(|(_, f, ..)| *f == function).map_or("", |(n, ..)| n);
    let word = super::pattern::type_word(arg.ty);
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    Err(Error::at(
        ErrorCode::InvalidArgumentType,
        arg.span,
        format!("{name}() does not take {article} {word} argument"),
    ))
}

pub fn result_type(function: Function) -> T {
    use Function::*;
    match function {
        Id | Length | Size | Sign => T::Int,
        Labels | Keys | Nodes | Relationships | Tail | Range | Split | Sources | Quotes => T::List,
        Type | ToString | ToUpper | ToLower | Trim | LTrim | RTrim | Substring | Replace | Left | Right => T::String,
        Properties => T::Map,
        StartNode | EndNode => T::Node,
        ToFloat | Sqrt | Exp | Log | Log10 | Rand | Pi | E => T::Float,
        Sin | Cos | Tan | Cot | Asin | Acos | Atan | Atan2 | Degrees | Radians | Haversin => T::Float,
        ToBoolean | Exists | IsNaN | IsEmpty | IsNormalized | HasAnyLabel | HasDynamicLabels(_) => T::Bool,
        CharLength | Timestamp => T::Int,
        BTrim | Normalize | ElementId | RandomUuid | ValueType => T::String,
        ToBooleanList | ToFloatList | ToIntegerList | ToStringList => T::List,
        PointDistance => T::Float,
        PointWithinBBox => T::Bool,
        Temporal(K::Date, _) => T::Date,
        _ => T::Any,
    }
}

pub fn aggregate_arity(function: AggregateFunction) -> usize {
    match function {
        AggregateFunction::CountStar => 0,
        AggregateFunction::PercentileCont | AggregateFunction::PercentileDisc => 2,
        _ => 1,
    }
}

pub fn aggregate_type(function: AggregateFunction) -> T {
    match function {
        AggregateFunction::CountStar | AggregateFunction::Count => T::Int,
        AggregateFunction::Collect => T::List,
        AggregateFunction::Avg | AggregateFunction::StDev | AggregateFunction::StDevP => T::Float,
        _ => T::Any,
    }
}

pub fn procedure(name: &Ident) -> Result<Procedure> {
    match name.name.to_lowercase().as_str() {
        "db.labels" => Ok(Procedure::Labels),
        "db.relationshiptypes" => Ok(Procedure::RelationshipTypes),
        "db.propertykeys" => Ok(Procedure::PropertyKeys),
        "db.schema" => Ok(Procedure::Schema),
        lower => match super::catalogue::PROCEDURES.iter().find(|p| p.name.to_lowercase() == lower) {
            Some(p) => Ok(p.procedure),
            None => Err(unknown_procedure(name)),
        },
    }
}

/// "unknown procedure", with the nearest name and the list of those there are.
fn unknown_procedure(name: &Ident) -> Error {
    let known: Vec<&str> = super::catalogue::PROCEDURES.iter().map(|p| p.name).collect();
    let err = Error::at(
        ErrorCode::ProcedureNotFound,
        name.span,
        format!("unknown procedure `{}` (the procedures are {})", name.name, known.join(", ")),
    );
    match crate::suggest::did_you_mean(&name.name, known.iter().copied()) {
        Some(hint) => err.with_hint(hint),
        None => err,
    }
}

/// How many arguments a procedure takes, at most (all are optional).
/// How many arguments a procedure needs at least: the text to look up, and the index name too.
pub fn procedure_min_args(procedure: Procedure) -> usize {
    match procedure {
        Procedure::Find => 1,
        Procedure::FulltextQueryNodes => 2,
        _ => 0,
    }
}

pub fn procedure_max_args(procedure: Procedure) -> usize {
    super::catalogue::PROCEDURES.iter().find(|p| p.procedure == procedure).map_or(0, |p| p.max_args)
}

/// The columns a procedure yields, in order.
pub fn procedure_columns(procedure: Procedure) -> &'static [&'static str] {
    match procedure {
        Procedure::Labels => &["label"],
        Procedure::RelationshipTypes => &["relationshipType"],
        Procedure::PropertyKeys => &["propertyKey"],
        Procedure::Schema => &["kind", "name", "definition"],
        Procedure::Indexes => crate::syntax::show_columns::INDEXES.columns,
        Procedure::Stats => &["kind", "name", "count", "details"],
        Procedure::Constraints => crate::syntax::show_columns::CONSTRAINTS.columns,
        Procedure::Procedures => crate::syntax::show_columns::PROCEDURES.columns,
        Procedure::Functions => crate::syntax::show_columns::FUNCTIONS.columns,
        Procedure::NodeTypeProperties => &["nodeType", "nodeLabels", "propertyName", "propertyTypes", "mandatory"],
        Procedure::RelTypeProperties => &["relType", "propertyName", "propertyTypes", "mandatory"],
        Procedure::Visualization => &["nodes", "relationships"],
        Procedure::Find => &["node", "score", "matched"],
        Procedure::FulltextQueryNodes => &["node", "score"],
        Procedure::Conflicts => &["fact", "values", "claimants", "sources", "ranks", "claims"],
        Procedure::Databases => crate::syntax::show_columns::DATABASES.columns,
        Procedure::Settings => crate::syntax::show_columns::SETTINGS.columns,
        Procedure::Transactions => crate::syntax::show_columns::TRANSACTIONS.columns,
    }
}
