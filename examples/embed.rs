//! Using steppe as a library: open the built-in CSTO graph and ask it a question.
//!
//! Run with `cargo run --example embed`.

use steppe::format::{write_result, OutputFormat, WriteOptions};
use steppe::{Database, Params};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut db = Database::default_graph()?;
    let query = "MATCH (c:Country)-[r:MEMBER_OF]->(o:Organization {name: 'Collective Security Treaty Organization'})
                 RETURN c.name AS member, r.sources AS sources ORDER BY member";
    let result = db.execute(query, &Params::new())?;
    write_result(OutputFormat::Table, &result, WriteOptions::default(), &mut std::io::stdout())?;
    Ok(())
}
