//! Compiles the CSTO graph's data files into the binary: every `graph-data/*.cypher`,
//! in file-name order, so `steppe` needs no file beside it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
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
    for name in &files {
        println!("cargo:rerun-if-changed=graph-data/{name}");
        let _ = writeln!(
            code,
            "    (\"graph-data/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/graph-data/{name}\"))),"
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("graph_data.rs"), code) {
        println!("cargo:warning=cannot write the graph-data list: {e}");
        std::process::exit(1);
    }
}
