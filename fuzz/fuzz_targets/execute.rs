//! Any statement, bound, planned and run on a copy of the CSTO graph: a result or an
//! error, never a panic; a failing statement leaves the graph as it was.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steppe::{Database, Limits, Params};

thread_local! {
    static CSTO: Option<Database> = Database::default_graph().ok().map(|mut db| {
        // Garbage may ask for every path in the graph; the limits keep each run short.
        db.set_limits(Limits { max_rows: Some(5_000), max_path_length: Some(4), ..db.limits() });
        db
    });
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    CSTO.with(|csto| {
        let Some(csto) = csto else { return };
        let mut db = csto.clone();
        let _ = db.check(text, &Params::new());
        let _ = db.execute(text, &Params::new());
    });
});
