//! Every `examples/*.cypher` script runs with `steppe run --format table` and prints exactly the
//! output recorded beside it in `examples/*.out`.

use std::path::Path;
use std::process::Command;

#[test]
fn example_scripts_print_their_recorded_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cypher"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 5, "expected the example scripts in {}", dir.display());
    for script in scripts {
        let output = Command::new(env!("CARGO_BIN_EXE_steppe"))
            .arg("run")
            // Recorded as a terminal shows them; a pipe would get plain lines.
            .args(["--format", "table"])
            .arg(&script)
            .env("NO_COLOR", "1")
            .output()
            .unwrap_or_else(|e| panic!("cannot run steppe: {e}"));
        assert_eq!(output.status.code(), Some(0), "{}: {}", script.display(), String::from_utf8_lossy(&output.stderr));
        let expected = std::fs::read_to_string(script.with_extension("out")).unwrap_or_default();
        let actual = String::from_utf8_lossy(&output.stdout);
        assert!(
            actual == expected,
            "{} printed:\n{actual}\nbut examples/{} says:\n{expected}",
            script.display(),
            script.with_extension("out").file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        );
    }
}
