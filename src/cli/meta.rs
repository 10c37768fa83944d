//! Meta-commands: the `:`-lines of the shell and of scripts.

use std::path::PathBuf;

/// A parsed meta-command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaCommand {
    Help(Option<String>),
    Quit,
    Schema,
    Stats,
    /// `:param name => <literal>`
    Param {
        name: String,
        literal: String,
    },
    Params,
    Format(Option<String>),
    Timing(Option<bool>),
    Run(PathBuf),
    Open(PathBuf),
    Save(Option<PathBuf>),
    /// `:rows N|all|auto`: how many rows of a table the shell shows.
    Rows(Option<RowLimit>),
    /// `:export FORMAT FILE [QUERY]`: the whole graph, or what the query returns.
    Export {
        format: String,
        path: PathBuf,
        query: Option<String>,
    },
    /// `:show [QUERY]`: a picture of the graph, or of what the query returns.
    Show(Option<String>),
    /// `:begin`, `:commit`, `:rollback` (cypher-shell's): the statement they name.
    Transaction(&'static str),
}

/// How many rows of a table the shell shows before it says how many it left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowLimit {
    /// As many as fit the terminal's height.
    Auto,
    Fixed(usize),
    All,
}

/// Every meta-command name, for help and completion.
pub const META_COMMANDS: &[(&str, &str)] = &[
    (":help", "this help; :help TOPIC for clauses, functions, schema, examples"),
    (":schema", "node and relationship types, their properties, and counts"),
    (":stats", "how many nodes and relationships the graph holds"),
    (":param", "name => <literal>: set a query parameter"),
    (":params", "list the parameters"),
    (":format", "table|plain|json|csv|tsv: how results are printed"),
    (":rows", "N|all|auto: how many rows a table shows (auto: as many as fit the terminal)"),
    (":timing", "on|off: show the time each statement takes"),
    (":run", "FILE: run a script"),
    (":open", "PATH: work on a graph file instead (every write is saved to it)"),
    (":save", "[PATH]: save the graph to a file"),
    (":export", "dot FILE [QUERY]: write the graph, or what QUERY returns, for Graphviz"),
    (":show", "[QUERY]: draw the graph, or what QUERY returns, as SVG (needs Graphviz `dot`)"),
    (":begin", "open a transaction (BEGIN): nothing is saved or seen by others before :commit"),
    (":commit", "commit the open transaction (COMMIT)"),
    (":rollback", "undo the open transaction (ROLLBACK)"),
    (":quit", "leave (Ctrl-D works too)"),
];

/// Parses a `:` line; `Err` says what is wrong.
pub fn parse_meta(line: &str) -> Result<MetaCommand, String> {
    let line = line.trim().trim_end_matches(';').trim();
    let (name, rest) = match line.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    let arg = (!rest.is_empty()).then(|| rest.to_string());
    match name.to_ascii_lowercase().as_str() {
        ":help" | ":h" | ":?" => Ok(MetaCommand::Help(arg)),
        ":quit" | ":q" | ":exit" => Ok(MetaCommand::Quit),
        ":schema" => Ok(MetaCommand::Schema),
        ":stats" => Ok(MetaCommand::Stats),
        ":params" => Ok(MetaCommand::Params),
        ":param" => parse_param(rest),
        ":format" => Ok(MetaCommand::Format(arg)),
        ":timing" => match rest.to_ascii_lowercase().as_str() {
            "" => Ok(MetaCommand::Timing(None)),
            "on" => Ok(MetaCommand::Timing(Some(true))),
            "off" => Ok(MetaCommand::Timing(Some(false))),
            other => Err(format!(":timing takes on or off, not `{other}`")),
        },
        ":run" => arg.map(|a| MetaCommand::Run(PathBuf::from(a))).ok_or_else(|| ":run needs a file".to_string()),
        ":save" => Ok(MetaCommand::Save(arg.map(PathBuf::from))),
        ":open" => {
            arg.map(|a| MetaCommand::Open(PathBuf::from(a))).ok_or_else(|| ":open needs a graph file".to_string())
        }
        ":rows" => parse_rows(rest),
        ":export" => parse_export(rest),
        ":show" => Ok(MetaCommand::Show(arg)),
        ":begin" => Ok(MetaCommand::Transaction("BEGIN")),
        ":commit" => Ok(MetaCommand::Transaction("COMMIT")),
        ":rollback" => Ok(MetaCommand::Transaction("ROLLBACK")),
        other => {
            let names = META_COMMANDS.iter().map(|(n, _)| *n);
            let hint = steppe::suggest::did_you_mean(other, names).map(|h| format!(" ({h})")).unwrap_or_default();
            Err(format!("unknown meta-command `{other}`{hint}; :help lists them"))
        }
    }
}

fn parse_rows(rest: &str) -> Result<MetaCommand, String> {
    let limit = match rest.to_ascii_lowercase().as_str() {
        "" => None,
        "all" => Some(RowLimit::All),
        "auto" => Some(RowLimit::Auto),
        n => match n.parse::<usize>() {
            Ok(n) if n > 0 => Some(RowLimit::Fixed(n)),
            _ => return Err(format!(":rows takes a number above 0, all or auto, not `{rest}`")),
        },
    };
    Ok(MetaCommand::Rows(limit))
}

/// `:export FORMAT FILE [QUERY]`; a file name with spaces goes in quotes.
fn parse_export(rest: &str) -> Result<MetaCommand, String> {
    const USAGE: &str = "usage: :export dot FILE [QUERY]";
    let (format, rest) = rest.split_once(char::is_whitespace).ok_or(USAGE)?;
    let (path, query) = split_path(rest.trim_start()).ok_or(USAGE)?;
    let query = (!query.trim().is_empty()).then(|| query.trim().to_string());
    Ok(MetaCommand::Export { format: format.to_string(), path: PathBuf::from(path), query })
}

/// The first word of `text` (or a quoted name) and the rest.
fn split_path(text: &str) -> Option<(&str, &str)> {
    if let Some(quoted) = text.strip_prefix(['\'', '"']) {
        let quote = text.chars().next()?;
        let end = quoted.find(quote)?;
        return Some((&quoted[..end], &quoted[end + 1..]));
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (end > 0).then(|| (&text[..end], &text[end..]))
}

fn parse_param(rest: &str) -> Result<MetaCommand, String> {
    let (name, literal) = rest
        .split_once("=>")
        .or_else(|| rest.split_once(':'))
        .ok_or_else(|| "usage: :param name => <literal>".to_string())?;
    let name = name.trim().trim_start_matches('$');
    if name.is_empty() || literal.trim().is_empty() {
        return Err("usage: :param name => <literal>".to_string());
    }
    Ok(MetaCommand::Param { name: name.to_string(), literal: literal.trim().to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_meta_commands() {
        assert_eq!(parse_meta(":q"), Ok(MetaCommand::Quit));
        assert_eq!(
            parse_meta(":param who => 'Putin'"),
            Ok(MetaCommand::Param { name: "who".into(), literal: "'Putin'".into() })
        );
        assert_eq!(parse_meta(":timing on"), Ok(MetaCommand::Timing(Some(true))));
        assert_eq!(parse_meta(":open g.steppe"), Ok(MetaCommand::Open(PathBuf::from("g.steppe"))));
        assert!(parse_meta(":open").is_err());
        assert!(parse_meta(":shema").is_err_and(|e| e.contains(":schema")));
        assert_eq!(parse_meta(":begin"), Ok(MetaCommand::Transaction("BEGIN")));
        assert_eq!(parse_meta(":ROLLBACK"), Ok(MetaCommand::Transaction("ROLLBACK")));
    }

    #[test]
    fn parses_rows_export_and_show() {
        assert_eq!(parse_meta(":rows 20"), Ok(MetaCommand::Rows(Some(RowLimit::Fixed(20)))));
        assert_eq!(parse_meta(":rows ALL"), Ok(MetaCommand::Rows(Some(RowLimit::All))));
        assert_eq!(parse_meta(":rows"), Ok(MetaCommand::Rows(None)));
        assert!(parse_meta(":rows 0").is_err());
        assert!(parse_meta(":rows many").is_err());
        assert_eq!(
            parse_meta(":export dot out.dot MATCH (c:Country) RETURN c;"),
            Ok(MetaCommand::Export {
                format: "dot".into(),
                path: PathBuf::from("out.dot"),
                query: Some("MATCH (c:Country) RETURN c".into())
            })
        );
        assert_eq!(
            parse_meta(":export dot 'my graph.dot'"),
            Ok(MetaCommand::Export { format: "dot".into(), path: PathBuf::from("my graph.dot"), query: None })
        );
        assert!(parse_meta(":export dot").is_err());
        assert!(parse_meta(":export").is_err());
        assert_eq!(parse_meta(":show"), Ok(MetaCommand::Show(None)));
        assert_eq!(
            parse_meta(":show MATCH p = ()-->() RETURN p"),
            Ok(MetaCommand::Show(Some("MATCH p = ()-->() RETURN p".into())))
        );
    }
}
