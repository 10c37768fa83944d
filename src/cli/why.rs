//! `:why`: the evidence for each row of the last result.
//!
//! Recording evidence costs a little per row, so statements do not keep it by default;
//! `:why` runs the last statement again with evidence on. It does so only for a statement
//! that changed nothing: running a write twice would write twice.

use std::io::Write;

use super::Session;

pub fn why(session: &mut Session, out: &mut dyn Write) -> anyhow::Result<bool> {
    let Some((statement, wrote)) = session.last.clone() else {
        writeln!(out, "nothing to explain yet: run a query, then :why")?;
        return Ok(false);
    };
    if wrote {
        writeln!(
            out,
            ":why runs the last statement again, and it changed the graph; ask a reading query, or run with --evidence"
        )?;
        return Ok(false);
    }
    let mut options = session.stop.clone();
    options.evidence = true;
    match session.db.execute_with(&statement, &session.params, &options) {
        Ok(result) => {
            steppe::format::evidence::write_text(&result, out)?;
            Ok(true)
        }
        Err(err) => {
            session.print_error(&err, &statement, "the last statement", out)?;
            Ok(false)
        }
    }
}
