//! The command line, as `shared/interface.md` specifies it. Doc comments are the --help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// steppe: a knowledge-graph engine with a typed schema and openCypher queries.
///
/// With no command, opens the interactive shell on the built-in CSTO graph.
#[derive(Parser, Debug)]
#[command(name = "steppe", version)]
pub struct Cli {
    #[command(flatten)]
    pub graph: GraphArgs,

    /// Create the --db file as a copy of the built-in CSTO graph, to extend it durably.
    #[arg(long, requires = "db")]
    pub init_default: bool,

    /// Do not read or write the shell's history file.
    #[arg(long)]
    pub no_history: bool,

    /// Fail a statement that would return more than N rows (default: no limit).
    #[arg(long, value_name = "N", global = true)]
    pub max_rows: Option<usize>,

    /// Fail a variable-length MATCH or shortest path longer than N relationships (default: no limit).
    #[arg(long, value_name = "N", global = true)]
    pub max_path_length: Option<u64>,

    /// The memory one statement may hold (e.g. 512MiB, 4GiB, 800MB): past it the statement
    /// fails with MemoryLimitExceeded and changes nothing [default: half the machine's memory].
    #[arg(long, value_name = "SIZE", global = true, value_parser = steppe::limits::parse_size)]
    pub max_memory: Option<u64>,
    /// The threads one statement may scan with; 1 keeps every statement on one thread
    /// [default: the cores available, at most 2, or STEPPE_THREADS].
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// The directory LOAD CSV reads from: 'file:///x.csv' is DIR/x.csv, and a path leading
    /// out of DIR is refused [default: the working directory].
    #[arg(long, value_name = "DIR", global = true)]
    pub import_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which graph to use: a file, an empty one, or (neither) the built-in CSTO graph.
#[derive(Args, Debug, Clone, Default)]
pub struct GraphArgs {
    /// A graph file (created when missing); writes to it are durable.
    #[arg(long, value_name = "PATH", global = true, conflicts_with = "empty")]
    pub db: Option<PathBuf>,

    /// An empty, in-memory graph with no schema.
    #[arg(long, global = true)]
    pub empty: bool,

    /// Open the --db file without taking its write lock (beside a writer); writes are refused.
    #[arg(long, global = true, requires = "db")]
    pub read_only: bool,

    /// Checkpoint (rewrite the --db snapshot, empty its journal) once the journal passes
    /// this many bytes [default: 67108864, 64 MiB].
    #[arg(long, value_name = "BYTES", global = true, requires = "db")]
    pub checkpoint_bytes: Option<u64>,
}

#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Output format: table, json (JSON Lines), csv, tsv or plain. Without it: table on a
    /// terminal, plain (a header line and comma-separated values) in a pipe or a file.
    #[arg(long, value_name = "F", value_parser = ["table", "json", "csv", "tsv", "plain"])]
    pub format: Option<String>,

    /// A query parameter: --param name=<Cypher literal>, e.g. --param n=3 --param who="'Putin'".
    #[arg(long = "param", value_name = "K=V")]
    pub params: Vec<String>,

    /// Add the time spent parsing, planning and executing to each result.
    #[arg(long)]
    pub timing: bool,

    /// After each result, the relationships and sourced properties each row was made
    /// from, with their sources and quotes (JSON: an `evidence` array, one entry per row).
    #[arg(long)]
    pub evidence: bool,

    /// Stop a statement that runs longer than this (e.g. 500ms, 5s, 2m): it fails with
    /// QueryTimedOut and changes nothing. In a script the limit is per statement.
    #[arg(long, value_name = "DURATION", value_parser = steppe::exec::parse_duration)]
    pub timeout: Option<std::time::Duration>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run one statement, print its result, exit.
    Query {
        #[command(flatten)]
        output: OutputArgs,
        /// The statement.
        query: String,
    },
    /// Run a saved query script ('-' reads standard input).
    Run {
        #[command(flatten)]
        output: OutputArgs,
        /// The script file.
        file: PathBuf,
        /// Run the whole script as one transaction: it changes everything or nothing.
        #[arg(long)]
        single_transaction: bool,
    },
    /// Export the whole graph, or the subgraph a query returns.
    Export {
        /// The format: dot, svg or png (dot rendered by Graphviz), json (lossless, for `import --json`),
        /// graphml, cypher (a script that recreates the graph), csv (neo4j-admin files; needs -o DIR),
        /// turtle (RDF 1.2 with PROV-O provenance, each claim an annotated triple) or trig (RDF with
        /// PROV-O, each claim a named graph).
        #[arg(long, value_name = "FORMAT", value_parser = ["dot", "svg", "png", "json", "graphml", "cypher", "csv", "turtle", "trig"])]
        to: String,
        /// For --to cypher: steppe (schema DDL and data) or neo4j (for Neo4j 5 and Memgraph).
        #[arg(long, value_name = "DIALECT", default_value = "steppe", value_parser = ["steppe", "neo4j"])]
        dialect: String,
        /// Export only the nodes, relationships and paths this query returns.
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Property keys to show on nodes and relationships, comma-separated (default: each node's name).
        #[arg(long, value_name = "KEYS", value_delimiter = ',')]
        show: Vec<String>,
        /// For pictures: Graphviz's layout engine (default: dot; past 150 nodes sfdp, or osage with --cluster).
        #[arg(long, value_name = "ENGINE", value_parser = steppe::export::Layout::NAMES)]
        layout: Option<String>,
        /// For pictures: boxes per label, per article (what only that article says), or none (the default).
        #[arg(long, value_name = "BY", value_parser = ["label", "article", "none"])]
        cluster: Option<String>,
        /// For pictures of the whole graph: draw the MENTIONS relationships too (left out by default).
        #[arg(long)]
        mentions: bool,
        /// For --to turtle and trig: the IRI every node, relationship and term is named under
        /// (absolute, ending in `/` or `#`).
        #[arg(long, value_name = "IRI", default_value = steppe::export::DEFAULT_RDF_BASE)]
        base: String,
        /// Write to this file instead of standard output (for csv: this directory).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Bulk import into the --db graph file: CSV files in the neo4j-admin layout, or a JSON export.
    ///
    /// Headers as neo4j-admin reads them: `:ID` (or `name:ID`, `:ID(space)`), `:LABEL`, `:START_ID`,
    /// `:END_ID`, `:TYPE`, `:IGNORE`, and typed columns such as `year:int`, `weight:float`,
    /// `tags:string[]` (arrays split on `;`). The file is replaced only when the whole import succeeded.
    Import(ImportArgs),
    /// Parse and type-check a script against the schema without running it.
    Check {
        /// The script file ('-' reads standard input).
        file: PathBuf,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ImportArgs {
    /// A nodes file: FILE, or Label1:Label2=FILE to give every row these labels.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "json")]
    pub nodes: Vec<String>,
    /// A relationships file: FILE, or TYPE=FILE to give every row this type.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "json")]
    pub relationships: Vec<String>,
    /// A JSON export (`steppe export --to json`) to import instead of CSV files.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// A Cypher file of CREATE NODE TYPE / CREATE RELATIONSHIP TYPE statements (the CSV
    /// export's schema.cypher) declared before the CSV rows, which are checked against it.
    #[arg(long, value_name = "FILE", conflicts_with = "json")]
    pub schema: Option<PathBuf>,
    /// The field delimiter of the CSV files.
    #[arg(long, value_name = "CHAR", default_value = ",")]
    pub delimiter: char,
    /// The delimiter between the items of an array field.
    #[arg(long, value_name = "CHAR", default_value = ";")]
    pub array_delimiter: char,
    /// How ids compare and are stored: string (`7` and `07` differ) or integer.
    #[arg(long, value_name = "TYPE", default_value = "string", value_parser = ["string", "integer"])]
    pub id_type: String,
}
