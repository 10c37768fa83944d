//! A `--read-only` reader beside a writer that checkpoints all the time: every state it
//! opens is one the writer committed, and never older than one it saw before (issue 18:
//! an older state 19 times in 1,115 reads).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use steppe::store::durable::DurableOptions;
use steppe::{Database, Params, Value};

fn counter(db: &mut Database) -> i64 {
    let rows =
        db.execute("MATCH (c:Counter) RETURN c.n", &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows;
    match rows.first().and_then(|r| r.first()) {
        Some(Value::Int(n)) => *n,
        other => panic!("no counter: {other:?}"),
    }
}

#[test]
fn a_reader_beside_a_checkpointing_writer_never_goes_back_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut setup = Database::open_with(&path, &DurableOptions { create: true, ..DurableOptions::default() }).unwrap();
    setup.execute("CREATE (:Counter {n: 0})", &Params::new()).unwrap();
    drop(setup);
    // Each statement adds one; a checkpoint every few statements.
    let script: String = (0..3000).map(|_| "MATCH (c:Counter) SET c.n = c.n + 1;\n").collect();
    let script_path = dir.path().join("writes.cypher");
    std::fs::write(&script_path, script).unwrap();
    let mut writer = Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(["--db", &path.to_string_lossy(), "--checkpoint-bytes", "300", "run"])
        .arg(&script_path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let read_only = DurableOptions { read_only: true, ..DurableOptions::default() };
    let started = Instant::now();
    let (mut seen, mut reads, mut changes) = (0, 0, 0);
    while started.elapsed() < Duration::from_secs(8) {
        let mut reader = match Database::open_with(&path, &read_only) {
            Ok(reader) => reader,
            Err(e) => panic!("read {reads}: {}", e.message),
        };
        let n = counter(&mut reader);
        assert!(n >= seen, "read {reads}: the counter went back from {seen} to {n}");
        changes += usize::from(n > seen);
        seen = n;
        reads += 1;
        if matches!(writer.try_wait(), Ok(Some(_))) {
            break;
        }
    }
    let _ = writer.kill();
    let _ = writer.wait();
    assert!(reads >= 50 && changes >= 10, "too few reads ({reads}) or changes seen ({changes}) to tell");
}
