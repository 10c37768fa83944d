//! The journal reader and its replay on any bytes. With a first byte of 0 the rest is
//! read as a whole journal file; otherwise it is one record body framed with a valid
//! length, LSN and checksum, so that the fuzzer reaches the decoder and the redo.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use steppe::store::{durable, journal, Graph};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode == 0 {
        rest.to_vec()
    } else {
        let mut bytes = journal::file_header();
        bytes.extend(journal::encode_record(1, journal::Stamp { db_id: [1; 16], generation: 0 }, rest).unwrap_or_default());
        bytes
    };
    let Ok(scan) = journal::scan(&bytes) else { return };
    let mut graph = Graph::new();
    if durable::replay(&mut graph, &scan, 0, Path::new("fuzz.journal")).is_ok() {
        let _ = steppe::Database::from_graph(graph).execute("MATCH (n)-[r]-(m) RETURN count(*)", &Default::default());
    }
});
