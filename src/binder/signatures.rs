//! The signatures of steppe's functions, one per overload, in Neo4j 5's notation
//! (`abs(input :: INTEGER) :: INTEGER`): SHOW FUNCTIONS lists a row for each, as Neo4j
//! lists `abs` twice and `avg` three times. A test checks that every function the binder
//! resolves has at least one, and that each one's arguments fit the function's arity.

/// (lower-case name, signature) for every overload of every function but the temporal
/// ones, whose signatures follow from their form (`temporal_signature`).
const SIGNATURES: &[(&str, &str)] = &[
    ("abs", "abs(input :: INTEGER) :: INTEGER"),
    ("abs", "abs(input :: FLOAT) :: FLOAT"),
    ("acos", "acos(input :: FLOAT) :: FLOAT"),
    ("all", "all(variable :: VARIABLE IN list :: LIST<ANY> WHERE predicate :: ANY) :: BOOLEAN"),
    ("any", "any(variable :: VARIABLE IN list :: LIST<ANY> WHERE predicate :: ANY) :: BOOLEAN"),
    ("asin", "asin(input :: FLOAT) :: FLOAT"),
    ("atan", "atan(input :: FLOAT) :: FLOAT"),
    ("atan2", "atan2(y :: FLOAT, x :: FLOAT) :: FLOAT"),
    ("avg", "avg(input :: INTEGER) :: INTEGER"),
    ("avg", "avg(input :: FLOAT) :: FLOAT"),
    ("avg", "avg(input :: DURATION) :: DURATION"),
    ("btrim", "btrim(original :: STRING) :: STRING"),
    ("btrim", "btrim(original :: STRING, trimCharacterString :: STRING) :: STRING"),
    ("ceil", "ceil(input :: FLOAT) :: FLOAT"),
    ("char_length", "char_length(input :: STRING) :: INTEGER"),
    ("character_length", "character_length(input :: STRING) :: INTEGER"),
    ("coalesce", "coalesce(input :: ANY, ...) :: ANY"),
    ("collect", "collect(input :: ANY) :: LIST<ANY>"),
    ("cos", "cos(input :: FLOAT) :: FLOAT"),
    ("cot", "cot(input :: FLOAT) :: FLOAT"),
    ("count", "count(input :: ANY) :: INTEGER"),
    ("degrees", "degrees(input :: FLOAT) :: FLOAT"),
    ("e", "e() :: FLOAT"),
    ("elementid", "elementId(input :: NODE) :: STRING"),
    ("elementid", "elementId(input :: RELATIONSHIP) :: STRING"),
    ("endnode", "endNode(input :: RELATIONSHIP) :: NODE"),
    ("exists", "exists(input :: ANY) :: BOOLEAN"),
    ("exp", "exp(input :: FLOAT) :: FLOAT"),
    ("floor", "floor(input :: FLOAT) :: FLOAT"),
    ("haversin", "haversin(input :: FLOAT) :: FLOAT"),
    ("head", "head(list :: LIST<ANY>) :: ANY"),
    ("id", "id(input :: NODE) :: INTEGER"),
    ("id", "id(input :: RELATIONSHIP) :: INTEGER"),
    ("isempty", "isEmpty(input :: LIST<ANY>) :: BOOLEAN"),
    ("isempty", "isEmpty(input :: MAP) :: BOOLEAN"),
    ("isempty", "isEmpty(input :: STRING) :: BOOLEAN"),
    ("isnan", "isNaN(input :: INTEGER) :: BOOLEAN"),
    ("isnan", "isNaN(input :: FLOAT) :: BOOLEAN"),
    ("keys", "keys(input :: NODE | RELATIONSHIP | MAP) :: LIST<STRING>"),
    ("labels", "labels(input :: NODE) :: LIST<STRING>"),
    ("last", "last(list :: LIST<ANY>) :: ANY"),
    ("left", "left(original :: STRING, length :: INTEGER) :: STRING"),
    ("length", "length(input :: PATH) :: INTEGER"),
    ("log", "log(input :: FLOAT) :: FLOAT"),
    ("log10", "log10(input :: FLOAT) :: FLOAT"),
    ("lower", "lower(input :: STRING) :: STRING"),
    ("ltrim", "ltrim(input :: STRING) :: STRING"),
    ("ltrim", "ltrim(input :: STRING, trimCharacterString :: STRING) :: STRING"),
    ("max", "max(input :: ANY) :: ANY"),
    ("min", "min(input :: ANY) :: ANY"),
    ("nodes", "nodes(input :: PATH) :: LIST<NODE>"),
    ("none", "none(variable :: VARIABLE IN list :: LIST<ANY> WHERE predicate :: ANY) :: BOOLEAN"),
    ("normalize", "normalize(input :: STRING) :: STRING"),
    ("normalize", "normalize(input :: STRING, normalForm = NFC :: [NFC, NFD, NFKC, NFKD]) :: STRING"),
    ("nullif", "nullIf(v1 :: ANY, v2 :: ANY) :: ANY"),
    ("percentilecont", "percentileCont(input :: FLOAT, percentile :: FLOAT) :: FLOAT"),
    ("percentiledisc", "percentileDisc(input :: INTEGER, percentile :: FLOAT) :: INTEGER"),
    ("percentiledisc", "percentileDisc(input :: FLOAT, percentile :: FLOAT) :: FLOAT"),
    ("pi", "pi() :: FLOAT"),
    ("point", "point(input :: MAP) :: POINT"),
    ("point.distance", "point.distance(from :: POINT, to :: POINT) :: FLOAT"),
    ("point.withinbbox", "point.withinBBox(point :: POINT, lowerLeft :: POINT, upperRight :: POINT) :: BOOLEAN"),
    ("properties", "properties(input :: NODE | RELATIONSHIP | MAP) :: MAP"),
    ("quotes", "quotes(input :: NODE, key :: STRING) :: LIST<STRING>"),
    ("quotes", "quotes(input :: RELATIONSHIP) :: LIST<STRING>"),
    ("quotes", "quotes(input :: RELATIONSHIP, key :: STRING) :: LIST<STRING>"),
    ("radians", "radians(input :: FLOAT) :: FLOAT"),
    ("rand", "rand() :: FLOAT"),
    ("randomuuid", "randomUUID() :: STRING"),
    ("range", "range(start :: INTEGER, end :: INTEGER) :: LIST<INTEGER>"),
    ("range", "range(start :: INTEGER, end :: INTEGER, step :: INTEGER) :: LIST<INTEGER>"),
    ("relationships", "relationships(input :: PATH) :: LIST<RELATIONSHIP>"),
    ("replace", "replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING"),
    ("reverse", "reverse(input :: STRING | LIST<ANY>) :: STRING | LIST<ANY>"),
    ("right", "right(original :: STRING, length :: INTEGER) :: STRING"),
    ("round", "round(input :: FLOAT) :: FLOAT"),
    ("round", "round(value :: FLOAT, precision :: INTEGER | FLOAT) :: FLOAT"),
    ("round", "round(value :: FLOAT, precision :: INTEGER | FLOAT, mode :: STRING) :: FLOAT"),
    ("rtrim", "rtrim(input :: STRING) :: STRING"),
    ("rtrim", "rtrim(input :: STRING, trimCharacterString :: STRING) :: STRING"),
    ("sign", "sign(input :: INTEGER) :: INTEGER"),
    ("sign", "sign(input :: FLOAT) :: INTEGER"),
    ("sin", "sin(input :: FLOAT) :: FLOAT"),
    ("single", "single(variable :: VARIABLE IN list :: LIST<ANY> WHERE predicate :: ANY) :: BOOLEAN"),
    ("size", "size(input :: STRING) :: INTEGER"),
    ("size", "size(input :: LIST<ANY>) :: INTEGER"),
    ("sources", "sources(input :: NODE, key :: STRING) :: LIST<STRING>"),
    ("sources", "sources(input :: RELATIONSHIP) :: LIST<STRING>"),
    ("sources", "sources(input :: RELATIONSHIP, key :: STRING) :: LIST<STRING>"),
    ("split", "split(original :: STRING, splitDelimiter :: STRING) :: LIST<STRING>"),
    ("sqrt", "sqrt(input :: FLOAT) :: FLOAT"),
    ("startnode", "startNode(input :: RELATIONSHIP) :: NODE"),
    ("stdev", "stDev(input :: FLOAT) :: FLOAT"),
    ("stdevp", "stDevP(input :: FLOAT) :: FLOAT"),
    ("substring", "substring(original :: STRING, start :: INTEGER) :: STRING"),
    ("substring", "substring(original :: STRING, start :: INTEGER, length :: INTEGER) :: STRING"),
    ("sum", "sum(input :: INTEGER) :: INTEGER"),
    ("sum", "sum(input :: FLOAT) :: FLOAT"),
    ("sum", "sum(input :: DURATION) :: DURATION"),
    ("tail", "tail(input :: LIST<ANY>) :: LIST<ANY>"),
    ("tan", "tan(input :: FLOAT) :: FLOAT"),
    ("timestamp", "timestamp() :: INTEGER"),
    ("toboolean", "toBoolean(input :: BOOLEAN | STRING | INTEGER) :: BOOLEAN"),
    ("tobooleanlist", "toBooleanList(input :: LIST<ANY>) :: LIST<BOOLEAN>"),
    ("tobooleanornull", "toBooleanOrNull(input :: ANY) :: BOOLEAN"),
    ("tofloat", "toFloat(input :: STRING | INTEGER | FLOAT) :: FLOAT"),
    ("tofloatlist", "toFloatList(input :: LIST<ANY>) :: LIST<FLOAT>"),
    ("tofloatornull", "toFloatOrNull(input :: ANY) :: FLOAT"),
    ("tointeger", "toInteger(input :: BOOLEAN | STRING | INTEGER | FLOAT) :: INTEGER"),
    ("tointegerlist", "toIntegerList(input :: LIST<ANY>) :: LIST<INTEGER>"),
    ("tointegerornull", "toIntegerOrNull(input :: ANY) :: INTEGER"),
    ("tolower", "toLower(input :: STRING) :: STRING"),
    ("tostring", "toString(input :: ANY) :: STRING"),
    ("tostringlist", "toStringList(input :: LIST<ANY>) :: LIST<STRING>"),
    ("tostringornull", "toStringOrNull(input :: ANY) :: STRING"),
    ("toupper", "toUpper(input :: STRING) :: STRING"),
    ("trim", "trim(input :: STRING) :: STRING"),
    ("type", "type(input :: RELATIONSHIP) :: STRING"),
    ("upper", "upper(input :: STRING) :: STRING"),
    ("valuetype", "valueType(input :: ANY) :: STRING"),
];

/// The functions that are syntax rather than calls (`all(x IN list WHERE …)`), which
/// SHOW FUNCTIONS lists as Neo4j does, though the catalogue of calls does not hold them.
pub const PREDICATE_FUNCTIONS: &[&str] = &["all", "any", "none", "single"];

/// Every signature of the function with this lower-case name, in the order listed.
pub fn signatures(lower: &str) -> Vec<String> {
    let listed: Vec<String> =
        SIGNATURES.iter().filter(|(name, _)| *name == lower).map(|(_, signature)| signature.to_string()).collect();
    if !listed.is_empty() {
        return listed;
    }
    temporal_signature(lower).into_iter().collect()
}

/// A temporal function's signature, from its type and form: `date(input = … :: ANY) :: DATE`,
/// `datetime.truncate(unit :: STRING, input = … :: ANY, fields = null :: MAP) :: ZONED DATETIME`.
fn temporal_signature(lower: &str) -> Option<String> {
    let (head, form) = lower.split_once('.').unwrap_or((lower, ""));
    let (name, result) = match head {
        "date" => ("date", "DATE"),
        "localtime" => ("localtime", "LOCAL TIME"),
        "time" => ("time", "ZONED TIME"),
        "localdatetime" => ("localdatetime", "LOCAL DATETIME"),
        "datetime" => ("datetime", "ZONED DATETIME"),
        "duration" => ("duration", "DURATION"),
        _ => return None,
    };
    let default = "DEFAULT_TEMPORAL_ARGUMENT";
    let (form, arguments, result) = match (head, form) {
        ("duration", "") => ("", "input :: ANY".to_string(), result),
        ("duration", "between" | "inmonths" | "indays" | "inseconds") => {
            let form = match form {
                "inmonths" => "inMonths",
                "indays" => "inDays",
                "inseconds" => "inSeconds",
                other => other,
            };
            (form, "from :: ANY, to :: ANY".to_string(), result)
        }
        (_, "") => ("", format!("input = {default} :: ANY"), result),
        (_, "transaction" | "statement" | "realtime") => (form, format!("timezone = {default} :: ANY"), result),
        (_, "truncate") => {
            ("truncate", format!("unit :: STRING, input = {default} :: ANY, fields = null :: MAP"), result)
        }
        ("datetime", "fromepoch") => {
            ("fromEpoch", "seconds :: INTEGER | FLOAT, nanoseconds :: INTEGER | FLOAT".to_string(), result)
        }
        ("datetime", "fromepochmillis") => ("fromEpochMillis", "milliseconds :: INTEGER | FLOAT".to_string(), result),
        _ => return None,
    };
    let full = if form.is_empty() { name.to_string() } else { format!("{name}.{form}") };
    Some(format!("{full}({arguments}) :: {result}"))
}

/// The arguments of a signature as `(name, type)`, in order: `abs(input :: INTEGER)`
/// has `("input", "INTEGER")`; a default (`input = x :: ANY`) is left out of the name.
pub fn arguments(signature: &str) -> Vec<(String, String)> {
    let Some(open) = signature.find('(') else { return Vec::new() };
    let Some(close) = signature.rfind(") ::") else { return Vec::new() };
    let inside = signature.get(open + 1..close).unwrap_or("");
    if inside.trim().is_empty() {
        return Vec::new();
    }
    split_top_level(inside)
        .into_iter()
        .filter(|part| part.trim() != "...")
        .map(|part| {
            let (name, ty) = part.split_once(" :: ").unwrap_or((part.as_str(), "ANY"));
            let name = name.split(" = ").next().unwrap_or(name).trim();
            // `variable :: VARIABLE IN list :: LIST<ANY> WHERE …` names its first part.
            (name.to_string(), ty.trim().to_string())
        })
        .collect()
}

/// The result type of a signature: what follows its last `) :: `.
pub fn result_type(signature: &str) -> &str {
    signature.rsplit_once(") :: ").map_or("ANY", |(_, ty)| ty)
}

/// `a :: LIST<ANY>, b :: [X, Y]` split at the commas outside brackets.
fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut current) = (0i32, String::new());
    for c in text.chars() {
        match c {
            '<' | '[' | '(' => depth += 1,
            '>' | ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current).trim().to_string());
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_string());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::functions::{arity, function_names};

    #[test]
    fn every_function_has_a_signature_that_fits_its_arity() {
        for name in function_names() {
            let signatures = signatures(name);
            assert!(!signatures.is_empty(), "{name} has no signature");
            let (min, max) = arity(name).expect("a listed function has an arity");
            for signature in signatures {
                let n = arguments(&signature).len();
                let variadic = signature.contains("...");
                assert!(
                    (min..=max).contains(&n) || (variadic && n >= min),
                    "{signature}: {n} arguments, {name} takes {min}..={max}"
                );
                assert!(signature.to_lowercase().starts_with(&format!("{name}(")), "{signature} is not {name}'s");
            }
        }
    }

    #[test]
    fn every_signature_names_a_function_steppe_has() {
        let names: Vec<&str> = function_names().chain(PREDICATE_FUNCTIONS.iter().copied()).collect();
        for (name, _) in SIGNATURES {
            assert!(names.contains(name), "{name} is listed but not implemented");
        }
    }

    #[test]
    fn arguments_and_result_types_are_read_from_a_signature() {
        assert_eq!(arguments("abs(input :: INTEGER) :: INTEGER"), vec![("input".into(), "INTEGER".into())]);
        assert_eq!(result_type("avg(input :: DURATION) :: DURATION"), "DURATION");
        let truncate = signatures("date.truncate");
        assert_eq!(arguments(&truncate[0]).len(), 3);
        assert!(arguments("pi() :: FLOAT").is_empty());
    }
}
