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
}

/// Every meta-command name, for help and completion.
pub const META_COMMANDS: &[(&str, &str)] = &[
    (":help", "this help; :help TOPIC for clauses, functions, schema, examples"),
    (":schema", "node and relationship types, their properties, and counts"),
    (":stats", "how many nodes and relationships the graph holds"),
    (":param", "name => <literal>: set a query parameter"),
    (":params", "list the parameters"),
    (":format", "table|json|csv|tsv: how results are printed"),
    (":timing", "on|off: show the time each statement takes"),
    (":run", "FILE: run a script"),
    (":open", "PATH: work on a graph file instead (every write is saved to it)"),
    (":save", "[PATH]: save the graph to a file"),
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
        other => {
            let names = META_COMMANDS.iter().map(|(n, _)| *n);
            let hint = steppe::suggest::did_you_mean(other, names).map(|h| format!(" ({h})")).unwrap_or_default();
            Err(format!("unknown meta-command `{other}`{hint}; :help lists them"))
        }
    }
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
    }
}
