use std::io::BufRead;

use crate::error::Result;
use crate::store::{BulkStats, Graph};

pub fn import_json(_graph: &mut Graph, _input: impl BufRead, _name: &str) -> Result<BulkStats> {
    Err(crate::Error::internal("not yet"))
}
