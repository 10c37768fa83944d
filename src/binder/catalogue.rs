//! What SHOW PROCEDURES and SHOW FUNCTIONS list: each procedure with its mode and
//! signature, each function with Neo4j's name (`toInteger`), category and description.
//! The rows are static data about the language, not about a graph, so the executor
//! reads them from here (`dbms.procedures()`, `dbms.functions()`).

use super::bound::Procedure;
use super::functions::{aggregate_names, function_names, procedure_columns};
use crate::value::Value;

/// One built-in procedure: its name as written, what it is, how many arguments it takes,
/// what it does, and Neo4j's mode.
pub struct ProcedureInfo {
    pub name: &'static str,
    pub procedure: Procedure,
    pub max_args: usize,
    pub description: &'static str,
    pub mode: &'static str,
}

pub const PROCEDURES: &[ProcedureInfo] = &[
    info("db.conflicts", Procedure::Conflicts, 0, "List each disputed fact with its claims side by side.", "READ"),
    info("db.constraints", Procedure::Constraints, 1, "List all constraints in the database.", "READ"),
    info(
        "db.find",
        Procedure::Find,
        1,
        "Find entities by any spelling or part of a name, alias, quote or statement text, best first.",
        "READ",
    ),
    info(
        "db.index.fulltext.queryNodes",
        Procedure::FulltextQueryNodes,
        2,
        "Neo4j's full-text form of db.find: (index name, text); steppe searches every node's names and texts.",
        "READ",
    ),
    info("db.indexes", Procedure::Indexes, 0, "List all indexes in the database, as SHOW INDEXES does.", "READ"),
    info("db.labels", Procedure::Labels, 0, "List all labels in the database.", "READ"),
    info("db.propertyKeys", Procedure::PropertyKeys, 0, "List all property keys in the database.", "READ"),
    info(
        "db.relationshipTypes",
        Procedure::RelationshipTypes,
        0,
        "List all relationship types in the database.",
        "READ",
    ),
    info("db.schema", Procedure::Schema, 0, "List the declared node and relationship types as DDL.", "READ"),
    info(
        "db.schema.nodeTypeProperties",
        Procedure::NodeTypeProperties,
        0,
        "Show the derived property schema of the nodes in tabular form.",
        "READ",
    ),
    info(
        "db.schema.relTypeProperties",
        Procedure::RelTypeProperties,
        0,
        "Show the derived property schema of the relationships in tabular form.",
        "READ",
    ),
    info(
        "db.schema.visualization",
        Procedure::Visualization,
        0,
        "Visualizes the schema of the data: a node per label, a relationship per connected pair of labels.",
        "READ",
    ),
    info(
        "db.stats",
        Procedure::Stats,
        0,
        "List the planner's statistics: counts, degrees and property figures per label and type.",
        "READ",
    ),
    info("dbms.databases", Procedure::Databases, 1, "List the open database, as SHOW DATABASES does.", "DBMS"),
    info("dbms.functions", Procedure::Functions, 1, "List all functions in the DBMS.", "DBMS"),
    info("dbms.procedures", Procedure::Procedures, 0, "List all procedures in the DBMS.", "DBMS"),
    info(
        "dbms.settings",
        Procedure::Settings,
        1,
        "List the limits statements run under (the command line's --max-rows and the others), as SHOW SETTINGS does.",
        "DBMS",
    ),
    info(
        "dbms.transactions",
        Procedure::Transactions,
        1,
        "List the transaction the statement runs in, as SHOW TRANSACTIONS does.",
        "DBMS",
    ),
];

const fn info(
    name: &'static str,
    procedure: Procedure,
    max_args: usize,
    description: &'static str,
    mode: &'static str,
) -> ProcedureInfo {
    ProcedureInfo { name, procedure, max_args, description, mode }
}

/// The rows of `dbms.procedures()`, in the columns of SHOW PROCEDURES.
pub fn procedure_rows() -> Vec<Vec<Value>> {
    PROCEDURES
        .iter()
        .map(|p| {
            let outputs: Vec<String> =
                procedure_columns(p.procedure).iter().map(|c| format!("{c} :: {}", column_type(c))).collect();
            let args = if p.max_args == 0 { "" } else { "filter = null :: ANY" };
            let signature = format!("{}({args}) :: ({})", p.name, outputs.join(", "));
            vec![
                Value::string(p.name),
                Value::string(p.description),
                Value::string(p.mode),
                Value::Bool(p.mode == "DBMS"),
                Value::string(signature),
                Value::list(Vec::new()),
                Value::list(Vec::new()),
                Value::Bool(false),
                Value::Null,
                Value::Null,
                Value::Bool(false),
                Value::Null,
                Value::map(Default::default()),
            ]
        })
        .collect()
}

/// A column's type in a procedure signature, as far as its name tells.
fn column_type(column: &str) -> &'static str {
    match column {
        "id" => "INTEGER",
        "labelsOrTypes" | "properties" | "nodeLabels" | "propertyTypes" | "nodes" | "relationships" => "LIST<ANY>",
        "mandatory" | "worksOnSystem" | "admin" | "isDeprecated" | "isBuiltIn" | "aggregating" => "BOOLEAN",
        "options" => "MAP",
        _ => "STRING",
    }
}

/// The rows of `dbms.functions(filter)`, in the columns of SHOW FUNCTIONS: one row per
/// signature (`abs` twice, for INTEGER and FLOAT, as Neo4j lists it), the predicate
/// functions `all`/`any`/`none`/`single` among them. steppe has built-in functions only,
/// so `user defined` lists none.
pub fn function_rows(filter: &str) -> Vec<Vec<Value>> {
    if filter.eq_ignore_ascii_case("user defined") {
        return Vec::new();
    }
    let aggregates: Vec<&str> = aggregate_names().collect();
    let names = function_names().chain(super::signatures::PREDICATE_FUNCTIONS.iter().copied());
    let mut rows: Vec<Vec<Value>> = names
        .flat_map(|lower| {
            let (name, category, description) = describe_function(lower);
            let aggregating = aggregates.contains(&lower);
            let signatures = super::signatures::signatures(lower);
            let signatures = if signatures.is_empty() { vec![format!("{name}(…)")] } else { signatures };
            // The signature spells the name as Neo4j does (`toIntegerList`).
            let name = signatures.first().and_then(|s| s.split('(').next()).map_or(name, str::to_string);
            signatures
                .into_iter()
                .map(move |signature| function_row(&name, category, description, aggregating, signature))
        })
        .collect();
    // Sorted by name, each function's overloads in the order the catalogue lists them.
    rows.sort_by(|a, b| a[0].order(&b[0]));
    rows
}

/// One SHOW FUNCTIONS row: a function's overload, its arguments as maps of name and
/// type, and its result type as the return description.
fn function_row(name: &str, category: &str, description: &str, aggregating: bool, signature: String) -> Vec<Value> {
    let arguments = super::signatures::arguments(&signature)
        .into_iter()
        .map(|(name, ty)| {
            let mut entry: std::collections::BTreeMap<std::sync::Arc<str>, Value> = std::collections::BTreeMap::new();
            entry.insert("name".into(), Value::string(name));
            entry.insert("type".into(), Value::string(ty));
            entry.insert("description".into(), Value::string(""));
            entry.insert("isDeprecated".into(), Value::Bool(false));
            Value::map(entry)
        })
        .collect();
    let result = super::signatures::result_type(&signature).to_string();
    vec![
        Value::string(name),
        Value::string(category),
        Value::string(description),
        Value::string(signature),
        Value::Bool(true),
        Value::list(arguments),
        Value::string(result),
        Value::Bool(aggregating),
        Value::Null,
        Value::Null,
        Value::Bool(false),
        Value::Null,
    ]
}

/// Neo4j's spelling, category and a one-line description of a function known by its
/// lower-case name; a function not listed here keeps its name and category "Other".
fn describe_function(lower: &str) -> (String, &'static str, &'static str) {
    let found = FUNCTION_DOCS.iter().find(|(name, ..)| name.eq_ignore_ascii_case(lower));
    match found {
        Some((name, category, description)) => (name.to_string(), category, description),
        None if lower.contains('.') || is_temporal(lower) => (temporal_name(lower), "Temporal", ""),
        None => (lower.to_string(), "Other", ""),
    }
}

fn is_temporal(lower: &str) -> bool {
    matches!(lower, "date" | "localtime" | "time" | "localdatetime" | "datetime" | "duration")
}

/// `localdatetime.fromepochmillis` as Neo4j writes it: `localdatetime.fromEpochMillis`.
fn temporal_name(lower: &str) -> String {
    let (head, tail) = lower.split_once('.').unwrap_or((lower, ""));
    let tail = match tail {
        "fromepoch" => "fromEpoch",
        "fromepochmillis" => "fromEpochMillis",
        "inmonths" => "inMonths",
        "indays" => "inDays",
        "inseconds" => "inSeconds",
        other => other,
    };
    if tail.is_empty() {
        head.to_string()
    } else {
        format!("{head}.{tail}")
    }
}

const FUNCTION_DOCS: &[(&str, &str, &str)] = &[
    ("abs", "Numeric", "Returns the absolute value of an INTEGER or FLOAT."),
    ("all", "Predicate", "Returns true if the predicate holds for all elements in the given LIST<ANY>."),
    ("any", "Predicate", "Returns true if the predicate holds for at least one element in the given LIST<ANY>."),
    ("none", "Predicate", "Returns true if the predicate holds for no element in the given LIST<ANY>."),
    ("single", "Predicate", "Returns true if the predicate holds for exactly one of the elements in the given LIST<ANY>."),
    ("avg", "Aggregating", "Returns the average of a set of INTEGER, FLOAT or DURATION values."),
    (
        "ceil",
        "Numeric",
        "Returns the smallest FLOAT that is greater than or equal to a number and equal to an INTEGER.",
    ),
    ("coalesce", "Scalar", "Returns the first non-null value in a list of expressions."),
    ("collect", "Aggregating", "Returns a list containing the values returned by an expression."),
    ("count", "Aggregating", "Returns the number of values or rows."),
    ("e", "Logarithmic", "Returns the base of the natural logarithm, e."),
    ("endNode", "Scalar", "Returns the end NODE of a RELATIONSHIP."),
    ("exists", "Predicate", "Returns true if a match for the pattern exists in the graph."),
    ("exp", "Logarithmic", "Returns e^n, where e is the base of the natural logarithm."),
    ("floor", "Numeric", "Returns the largest FLOAT that is less than or equal to a number and equal to an INTEGER."),
    ("head", "Scalar", "Returns the first element in a LIST<ANY>."),
    ("id", "Scalar", "Returns the id of a NODE or a RELATIONSHIP."),
    ("keys", "List", "Returns a LIST<STRING> containing the property keys of a NODE, RELATIONSHIP or MAP."),
    ("labels", "List", "Returns a LIST<STRING> containing the labels of a NODE."),
    ("last", "Scalar", "Returns the last element in a LIST<ANY>."),
    ("left", "String", "Returns a STRING containing the given number of leftmost characters of a STRING."),
    ("length", "Scalar", "Returns the length of a PATH."),
    ("log", "Logarithmic", "Returns the natural logarithm of a number."),
    ("log10", "Logarithmic", "Returns the common logarithm (base 10) of a number."),
    ("ltrim", "String", "Returns the given STRING with leading whitespace removed."),
    ("max", "Aggregating", "Returns the maximum value in a set of values."),
    ("min", "Aggregating", "Returns the minimum value in a set of values."),
    ("nodes", "List", "Returns a LIST<NODE> containing all the NODE values in a PATH."),
    ("percentileCont", "Aggregating", "Returns the percentile of a value over a group using linear interpolation."),
    (
        "percentileDisc",
        "Aggregating",
        "Returns the nearest INTEGER or FLOAT value to the given percentile over a group.",
    ),
    ("pi", "Trigonometric", "Returns the mathematical constant pi."),
    ("properties", "Scalar", "Returns a MAP containing all the properties of a NODE, RELATIONSHIP or MAP."),
    ("rand", "Numeric", "Returns a random FLOAT in the range from 0 (inclusive) to 1 (exclusive)."),
    ("range", "List", "Returns a LIST<INTEGER> comprising all INTEGER values within a range."),
    ("relationships", "List", "Returns a LIST<RELATIONSHIP> containing all the RELATIONSHIP values in a PATH."),
    ("replace", "String", "Returns a STRING in which all occurrences of a search STRING are replaced."),
    ("reverse", "List", "Returns a STRING or LIST<ANY> in which the order of all characters or elements are reversed."),
    ("right", "String", "Returns a STRING containing the given number of rightmost characters of a STRING."),
    ("round", "Numeric", "Returns the value of a number rounded to the nearest INTEGER."),
    ("rtrim", "String", "Returns the given STRING with trailing whitespace removed."),
    (
        "sign",
        "Numeric",
        "Returns the signum of an INTEGER or FLOAT: 0 if the number is 0, -1 if negative, 1 if positive.",
    ),
    ("size", "Scalar", "Returns the number of items in a LIST<ANY> or the number of characters in a STRING."),
    ("split", "String", "Returns a LIST<STRING> resulting from the splitting of a STRING around a delimiter."),
    ("sqrt", "Logarithmic", "Returns the square root of a number."),
    ("startNode", "Scalar", "Returns the start NODE of a RELATIONSHIP."),
    (
        "stDev",
        "Aggregating",
        "Returns the standard deviation for the given value over a group for a sample of a population.",
    ),
    (
        "stDevP",
        "Aggregating",
        "Returns the standard deviation for the given value over a group for an entire population.",
    ),
    (
        "substring",
        "String",
        "Returns a substring of a given length from the given STRING, beginning with a 0-based index.",
    ),
    ("sum", "Aggregating", "Returns the sum of a set of INTEGER, FLOAT or DURATION values."),
    ("tail", "List", "Returns all but the first element in a LIST<ANY>."),
    ("toBoolean", "Scalar", "Converts a STRING, INTEGER or BOOLEAN value to a BOOLEAN value."),
    ("toFloat", "Scalar", "Converts a STRING, INTEGER or FLOAT value to a FLOAT value."),
    ("toInteger", "Scalar", "Converts a BOOLEAN, STRING, INTEGER or FLOAT value to an INTEGER value."),
    ("toLower", "String", "Returns the given STRING in lowercase."),
    ("toString", "String", "Converts an INTEGER, FLOAT, BOOLEAN, STRING, temporal value or DURATION to a STRING."),
    ("toUpper", "String", "Returns the given STRING in uppercase."),
    ("trim", "String", "Returns the given STRING with leading and trailing whitespace removed."),
    ("type", "Scalar", "Returns a STRING representation of the RELATIONSHIP type."),
    ("date", "Temporal", "Creates a DATE instant."),
    ("datetime", "Temporal", "Creates a ZONED DATETIME instant."),
    ("localdatetime", "Temporal", "Creates a LOCAL DATETIME instant."),
    ("localtime", "Temporal", "Creates a LOCAL TIME instant."),
    ("time", "Temporal", "Creates a ZONED TIME instant."),
    ("acos", "Trigonometric", "Returns the arccosine of a FLOAT in radians."),
    ("asin", "Trigonometric", "Returns the arcsine of a FLOAT in radians."),
    ("atan", "Trigonometric", "Returns the arctangent of a FLOAT in radians."),
    ("atan2", "Trigonometric", "Returns the arctangent2 of a set of coordinates in radians."),
    ("btrim", "String", "Returns the given STRING with leading and trailing trimCharacterString characters removed."),
    ("char_length", "Scalar", "Returns the number of Unicode characters in a STRING."),
    ("character_length", "Scalar", "Returns the number of Unicode characters in a STRING."),
    ("cos", "Trigonometric", "Returns the cosine of a FLOAT."),
    ("cot", "Trigonometric", "Returns the cotangent of a FLOAT."),
    ("degrees", "Trigonometric", "Converts radians to degrees."),
    ("elementId", "Scalar", "Returns the element id of a NODE or RELATIONSHIP."),
    ("haversin", "Trigonometric", "Returns half the versine of a number."),
    ("isEmpty", "Predicate", "Checks whether a STRING, MAP or LIST<ANY> is empty."),
    ("isNaN", "Numeric", "Returns true if the floating point number is NaN."),
    ("lower", "String", "Returns the given STRING in lowercase."),
    ("normalize", "String", "Normalizes a STRING according to the specified normalization form."),
    ("nullIf", "Scalar", "Returns null if the two given parameters are equivalent, otherwise returns the value of the first parameter."),
    ("point", "Spatial", "Returns a 2D or 3D point object, given two or respectively three coordinate values in the Cartesian coordinate system or WGS 84 geographic coordinate system."),
    ("point.distance", "Spatial", "Returns a FLOAT representing the distance between any two points in the same CRS."),
    ("point.withinBBox", "Spatial", "Returns true if the provided point is within the bounding box defined by the two provided points."),
    ("quotes", "Provenance", "Returns the quotes a node property or a relationship comes from (steppe's provenance)."),
    ("radians", "Trigonometric", "Converts degrees to radians."),
    ("randomUUID", "Scalar", "Generates a random UUID."),
    ("sin", "Trigonometric", "Returns the sine of a FLOAT."),
    ("sources", "Provenance", "Returns the sources a node property or a relationship comes from (steppe's provenance)."),
    ("tan", "Trigonometric", "Returns the tangent of a FLOAT."),
    ("timestamp", "Scalar", "Returns the difference, measured in milliseconds, between the current time and midnight, January 1, 1970 UTC."),
    ("toBooleanList", "List", "Converts a LIST<ANY> of values to a LIST<BOOLEAN> values. If any values are not convertible to BOOLEAN they will be null in the LIST<BOOLEAN> returned."),
    ("toBooleanOrNull", "Scalar", "Converts a value to a BOOLEAN value, or null if the value cannot be converted."),
    ("toFloatList", "List", "Converts a LIST<ANY> to a LIST<FLOAT> values. If any values are not convertible to FLOAT they will be null in the LIST<FLOAT> returned."),
    ("toFloatOrNull", "Scalar", "Converts a value to a FLOAT value, or null if the value cannot be converted."),
    ("toIntegerList", "List", "Converts a LIST<ANY> to a LIST<INTEGER> values. If any values are not convertible to INTEGER they will be null in the LIST<INTEGER> returned."),
    ("toIntegerOrNull", "Scalar", "Converts a value to an INTEGER value, or null if the value cannot be converted."),
    ("toStringList", "List", "Converts a LIST<ANY> to a LIST<STRING> values. If any values are not convertible to STRING they will be null in the LIST<STRING> returned."),
    ("toStringOrNull", "String", "Converts an INTEGER, FLOAT, BOOLEAN, STRING, POINT, DURATION, DATE, ZONED TIME, LOCAL TIME, LOCAL DATETIME or ZONED DATETIME value to a STRING, or null if the value cannot be converted."),
    ("upper", "String", "Returns the given STRING in uppercase."),
    ("valueType", "Scalar", "Returns a STRING representation of the most precise value type that the given expression evaluates to."),
    ("duration", "Temporal", "Creates a DURATION value."),
];
