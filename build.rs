//! Compiles the CSTO graph into the binary: every `graph-data/*.cypher`, in file-name
//! order, so `steppe` needs no file beside it; and `graph-data/csto.snapshot`, the same
//! graph already built, so that start-up only decodes it instead of parsing a thousand
//! statements (issue 6: the shell ready in under 50 ms).
//!
//! The snapshot is embedded only when `graph-data/csto.snapshot.sources` holds the
//! fingerprint of the very `.cypher` files being compiled: after an edit to the data the
//! binary parses the files (and says so in a build warning) until the snapshot is
//! regenerated, so a stale snapshot can never stand in for the data. The fingerprint is
//! FNV-1a over each file's name and text: it detects edits, it is no defence against
//! anyone forging a collision, and needs no crate.

use std::fmt::Write as _;
use std::path::Path;

const SNAPSHOT: &str = "csto.snapshot";
const SNAPSHOT_SOURCES: &str = "csto.snapshot.sources";

fn main() {
    // A directory: cargo reruns this when anything in it changes, snapshot included.
    println!("cargo:rerun-if-changed=graph-data");
    let dir = Path::new("graph-data");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".cypher"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code =
        String::from("/// The graph-data files, in load order: (path, text).\npub const FILES: &[(&str, &str)] = &[\n");
    let mut fingerprint = Fnv1a::new();
    for name in &files {
        println!("cargo:rerun-if-changed=graph-data/{name}");
        let text = match std::fs::read(dir.join(name)) {
            Ok(text) => text,
            Err(e) => fail(&format!("cannot read graph-data/{name}: {e}")),
        };
        fingerprint.add(name.as_bytes());
        fingerprint.add(&text);
        let _ = writeln!(
            code,
            "    (\"graph-data/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/graph-data/{name}\"))),"
        );
    }
    code.push_str("];\n");
    let fingerprint = fingerprint.hex();
    let _ = writeln!(
        code,
        "/// The fingerprint of `FILES` (names and text) that `{SNAPSHOT_SOURCES}` must hold.\n\
         pub const SOURCES_FINGERPRINT: &str = \"{fingerprint}\";"
    );
    code.push_str(&snapshot_const(dir, &fingerprint));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("graph_data.rs"), code) {
        fail(&format!("cannot write the graph-data list: {e}"));
    }
}

/// `SNAPSHOT`: the committed snapshot when it was made from these files, else `None`.
fn snapshot_const(dir: &Path, fingerprint: &str) -> String {
    let recorded = std::fs::read_to_string(dir.join(SNAPSHOT_SOURCES)).unwrap_or_default();
    let fresh = recorded.trim() == fingerprint && dir.join(SNAPSHOT).is_file();
    let value = if fresh {
        format!("Some(include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/graph-data/{SNAPSHOT}\")))")
    } else {
        println!(
            "cargo:warning=graph-data/{SNAPSHOT} was not made from the current graph-data/*.cypher files; \
             the binary parses them at every start until it is regenerated: STEPPE_BLESS=1 cargo test default_graph"
        );
        "None".to_string()
    };
    format!(
        "/// The graph already built from `FILES`, as a snapshot; `None` when it is stale.\n\
         pub const SNAPSHOT: Option<&[u8]> = {value};\n"
    )
}

fn fail(message: &str) -> ! {
    println!("cargo:warning={message}");
    std::process::exit(1);
}

/// 64-bit FNV-1a; each part is followed by its length, so that moving text from one file
/// to the next changes the result.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for byte in bytes.iter().copied().chain((bytes.len() as u64).to_le_bytes()) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}
