//! Crash safety, from outside: a `steppe run --db` writing statement after statement is
//! killed with SIGKILL at varied moments, many times over, and after each kill the
//! database must hold every statement the process acknowledged (printed a result for),
//! no statement half-applied, and a graph that passes its schema.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use steppe::{Database, Params, Value};

/// A small deterministic generator (xorshift64*): the same kill points on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SCHEMA: &str = "
CREATE NODE TYPE Item (i INT KEY, payload STRING NOT NULL);
CREATE NODE TYPE Counter (name STRING KEY, n INT NOT NULL);
CREATE RELATIONSHIP TYPE NEXT (Item -> Item);
CREATE (:Counter {name: 'items', n: 0}), (:Item {i: 0, payload: ''});
";

/// Statement `k` adds item `k` after item `k - 1` and counts it: three changes that must
/// land together or not at all.
fn statement(k: u64, rng: &mut Rng) -> String {
    let payload = "x".repeat(rng.below(600) as usize);
    format!(
        "MATCH (c:Counter {{name: 'items'}}), (p:Item {{i: {prev}}}) \
         CREATE (p)-[:NEXT]->(:Item {{i: {k}, payload: '{payload}'}}) SET c.n = c.n + 1;\n",
        prev = k - 1
    )
}

fn one(db: &mut Database, query: &str) -> i64 {
    let rows = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{query}: {}", e.message)).rows;
    match rows.first().and_then(|r| r.first()) {
        Some(Value::Int(n)) => *n,
        other => panic!("{query}: {other:?}"),
    }
}

/// Opens the database after a kill and checks it; returns the highest item.
fn check_after_crash(path: &Path, first: u64, acknowledged: u64, round: usize) -> u64 {
    let mut db = Database::open(path).unwrap_or_else(|e| panic!("round {round}: reopen failed: {}", e.describe("")));
    let highest = one(&mut db, "MATCH (x:Item) RETURN max(x.i)") as u64;
    let items = one(&mut db, "MATCH (x:Item) RETURN count(x)") as u64;
    let counted = one(&mut db, "MATCH (c:Counter) RETURN c.n") as u64;
    let links = one(&mut db, "MATCH (:Item)-[r:NEXT]->(:Item) RETURN count(r)") as u64;
    let chained = one(&mut db, "MATCH (p:Item)-[:NEXT]->(x:Item) WHERE x.i = p.i + 1 RETURN count(x)") as u64;
    let last_acknowledged = first + acknowledged - 1;
    assert!(highest >= last_acknowledged, "round {round}: acknowledged item {last_acknowledged} lost (have {highest})");
    // The one statement in flight when the kill came may have reached the disk.
    assert!(highest <= last_acknowledged + 1, "round {round}: item {highest} was never written");
    assert_eq!(
        (items, counted, links, chained),
        (highest + 1, highest, highest, highest),
        "round {round}: half-applied"
    );
    db.graph().validate().unwrap_or_else(|e| panic!("round {round}: schema broken: {}", e.message));
    highest
}

/// Waits until `path` holds a whole line, or `limit` has passed.
fn wait_for_first_line(path: &std::path::Path, limit: Duration) {
    wait_for_lines(path, 1, limit);
}

/// Waits until `path` holds `n` whole lines, or `limit` has passed.
fn wait_for_lines(path: &std::path::Path, n: usize, limit: Duration) {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if std::fs::read(path).is_ok_and(|bytes| bytes.iter().filter(|&&b| b == b'\n').count() >= n) {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn killed_writers_lose_no_acknowledged_statement() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db_path = dir.path().join("crash.steppe");
    let db = db_path.to_string_lossy().into_owned();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut setup =
        Database::open_with(&db_path, &steppe::store::durable::DurableOptions { create: true, ..Default::default() })
            .unwrap_or_else(|e| panic!("{}", e.message));
    setup.execute_script(SCHEMA, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SCHEMA)));
    drop(setup);

    let mut highest = 0;
    let mut total_acknowledged = 0;
    for round in 0..30 {
        let first = highest + 1;
        let script: String = (first..first + 400).map(|k| statement(k, &mut rng)).collect();
        let script_path = dir.path().join("writes.cypher");
        let out_path = dir.path().join("out.jsonl");
        std::fs::write(&script_path, script).unwrap_or_else(|e| panic!("{e}"));
        let out = std::fs::File::create(&out_path).unwrap_or_else(|e| panic!("{e}"));
        // A small checkpoint size, so that kills land in checkpoints too.
        let mut child = Command::new(env!("CARGO_BIN_EXE_steppe"))
            .args(["--db", &db, "--checkpoint-bytes", "6000", "run", "--format", "json"])
            .arg(&script_path)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run steppe: {e}"));
        // Every other round counts its delay from the writer's first acknowledgement, so
        // that a busy machine (slow start-ups) still sees kills among the writes, not
        // only during the open.
        if round % 2 == 1 {
            wait_for_first_line(&out_path, Duration::from_secs(5));
        }
        std::thread::sleep(Duration::from_millis(rng.below(150)));
        let _ = child.kill();
        let _ = child.wait();
        let printed = std::fs::read_to_string(&out_path).unwrap_or_default();
        // Only whole lines count: a result half-printed was not acknowledged.
        let acknowledged = printed.matches('\n').count() as u64;
        highest = check_after_crash(&db_path, first, acknowledged, round);
        total_acknowledged += acknowledged;
    }
    assert!(total_acknowledged >= 30, "the writers were killed before writing much ({total_acknowledged} statements)");

    // The command line reads the result as well.
    let output = Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(["--db", &db, "--read-only", "query", "--format", "csv", "MATCH (c:Counter) RETURN c.n"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().nth(1), Some(highest.to_string().as_str()));
}

/// Statements per transaction in the kill test with explicit transactions.
const TXN_SIZE: u64 = 5;

/// Opens the database after a kill of a writer running transactions of `TXN_SIZE`
/// statements from item `first` on; `committed` of them were acknowledged. Returns the
/// highest item.
fn check_transactions_after_crash(path: &Path, first: u64, committed: u64, round: usize) -> u64 {
    let mut db = Database::open(path).unwrap_or_else(|e| panic!("round {round}: reopen failed: {}", e.describe("")));
    let highest = one(&mut db, "MATCH (x:Item) RETURN max(x.i)") as u64;
    let items = one(&mut db, "MATCH (x:Item) RETURN count(x)") as u64;
    let counted = one(&mut db, "MATCH (c:Counter) RETURN c.n") as u64;
    let durable = highest + 1 - first;
    assert!(durable >= committed * TXN_SIZE, "round {round}: a committed transaction was lost ({durable} items)");
    // The transaction whose COMMIT was in flight may have reached the disk, whole.
    assert!(durable <= (committed + 1) * TXN_SIZE, "round {round}: items never committed are there");
    assert_eq!(durable % TXN_SIZE, 0, "round {round}: part of an uncommitted transaction survived");
    assert_eq!((items, counted), (highest + 1, highest), "round {round}: half-applied");
    db.graph().validate().unwrap_or_else(|e| panic!("round {round}: schema broken: {}", e.message));
    highest
}

#[test]
fn killed_writers_keep_committed_transactions_and_lose_open_ones() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db_path = dir.path().join("crash.steppe");
    let db = db_path.to_string_lossy().into_owned();
    let mut rng = Rng(0x7a5c_0ffe_e15b_0a7d);
    let mut setup =
        Database::open_with(&db_path, &steppe::store::durable::DurableOptions { create: true, ..Default::default() })
            .unwrap_or_else(|e| panic!("{}", e.message));
    setup.execute_script(SCHEMA, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(SCHEMA)));
    drop(setup);

    let mut highest = 0;
    let mut total_committed = 0;
    for round in 0..12 {
        let first = highest + 1;
        let mut script = String::new();
        for t in 0..80 {
            script.push_str("BEGIN;\n");
            let start = first + t * TXN_SIZE;
            for k in start..start + TXN_SIZE {
                script.push_str(&statement(k, &mut rng));
            }
            script.push_str("COMMIT;\n");
        }
        let script_path = dir.path().join("writes.cypher");
        let out_path = dir.path().join("out.jsonl");
        std::fs::write(&script_path, script).unwrap_or_else(|e| panic!("{e}"));
        let out = std::fs::File::create(&out_path).unwrap_or_else(|e| panic!("{e}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_steppe"))
            .args(["--db", &db, "--checkpoint-bytes", "6000", "run", "--format", "json"])
            .arg(&script_path)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run steppe: {e}"));
        // As in the first test, every other round times its kill from the first
        // committed transaction, so that a busy machine still kills among the writes.
        if round % 2 == 1 {
            wait_for_lines(&out_path, TXN_SIZE as usize + 2, Duration::from_secs(5));
        }
        // Longer than the first test: each transaction needs its BEGIN and COMMIT too.
        std::thread::sleep(Duration::from_millis(50 + rng.below(400)));
        let _ = child.kill();
        let _ = child.wait();
        let printed = std::fs::read_to_string(&out_path).unwrap_or_default();
        // A transaction is acknowledged when its COMMIT's line is printed.
        let committed = printed.matches('\n').count() as u64 / (TXN_SIZE + 2);
        highest = check_transactions_after_crash(&db_path, first, committed, round);
        total_committed += committed;
    }
    assert!(total_committed >= 10, "the writers were killed before committing much ({total_committed})");
}
