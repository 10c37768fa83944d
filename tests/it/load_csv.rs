//! LOAD CSV's import directory: `--import-dir` on the command line, `ExecOptions::import_dir`
//! in the library, and the paths that are refused for leading out of it.

use std::fs;

use steppe::{Database, ExecOptions, Params};

use crate::common::{steppe_in, steppe_with_stdin, text};

fn import_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("inside")).unwrap();
    fs::write(dir.path().join("inside").join("a.csv"), "x\n1\n2\n").unwrap();
    fs::write(dir.path().join("secret.csv"), "s\nhidden\n").unwrap();
    dir
}

#[test]
fn import_dir_option_resolves_file_urls_inside_it() {
    let dir = import_dir();
    let inside = dir.path().join("inside");
    let query = "LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS r RETURN sum(toInteger(r.x)) AS s";
    let out = steppe_with_stdin(&["--empty", "--import-dir", inside.to_str().unwrap(), "query", query], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "s\n3");
    // Without the option, the working directory is the import directory.
    let out =
        steppe_in(&["--empty", "query", "LOAD CSV FROM 'file:///inside/a.csv' AS r RETURN count(*) AS n"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "n\n3");
}

#[test]
fn paths_leading_out_of_the_import_dir_are_refused() {
    let dir = import_dir();
    let inside = dir.path().join("inside");
    let mut db = Database::empty();
    let options = ExecOptions { import_dir: Some(inside.clone()), ..ExecOptions::default() };
    let run = |db: &mut Database, url: &str| {
        db.execute_with(&format!("LOAD CSV FROM '{url}' AS r RETURN r"), &Params::new(), &options)
    };
    for url in ["file:///../secret.csv", "file:///inside/../../secret.csv", "file:///%2E%2E/secret.csv"] {
        let err = run(&mut db, url).expect_err(url);
        assert!(err.message.contains("outside the import directory"), "{url}: {}", err.message);
    }
    // A symbolic link inside that points out is refused too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.csv"), inside.join("link.csv")).unwrap();
        let err = run(&mut db, "file:///link.csv").expect_err("a link out");
        assert!(err.message.contains("outside the import directory"), "{}", err.message);
    }
    let err = run(&mut db, "http://example.com/a.csv").expect_err("http");
    assert!(err.message.contains("only local files"), "{}", err.message);
    assert_eq!(run(&mut db, "file:///a.csv").unwrap().rows.len(), 3);
}
