use super::*;

#[test]
fn a_planted_symlink_at_any_temp_name_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("g.db");
    let victim = dir.path().join("victim");
    fs::write(&victim, b"precious").unwrap();
    // The old predictable name, and a guess with this pid: neither is used.
    for guess in [format!(".g.db.tmp-{}", std::process::id()), format!(".g.db.tmp-{}-0", std::process::id())] {
        std::os::unix::fs::symlink(&victim, dir.path().join(guess)).unwrap();
    }
    write_bytes_atomically(&target, b"new").unwrap();
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    assert_eq!(fs::read(&target).unwrap(), b"new");
}

#[test]
fn a_replacement_keeps_the_old_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("g.db");
    fs::write(&target, b"old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    write_bytes_atomically(&target, b"new").unwrap();
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    write_bytes_atomically(&target, b"newer").unwrap();
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn a_failed_write_leaves_no_temp_file_and_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    fs::write(&target, b"old").unwrap();
    let failed = write_atomically(&target, |w| {
        w.write_all(b"half")?;
        Err(io::Error::other("disk full"))
    });
    assert!(failed.is_err());
    assert_eq!(fs::read(&target).unwrap(), b"old");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn orphans_of_dead_writers_go_and_live_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("g.db");
    // pid 0 is never a user process; u32::MAX - 1 is beyond any pid limit.
    let dead = dir.path().join(format!(".g.db.tmp-{}-00112233445566ff", u32::MAX - 1));
    let mine = dir.path().join(format!(".g.db.tmp-{}-00112233445566ff", std::process::id()));
    let other_file = dir.path().join(".h.db.tmp-4000000000-00112233445566ff");
    let not_ours = dir.path().join(".g.db.tmp-notes");
    for f in [&dead, &mine, &other_file, &not_ours] {
        fs::write(f, b"x").unwrap();
    }
    assert_eq!(remove_orphaned_temp_files(&target), vec![dead.clone()]);
    assert!(!dead.exists() && mine.exists() && other_file.exists() && not_ours.exists());
}

#[test]
fn the_lock_file_is_never_opened_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, b"precious").unwrap();
    let lock = dir.path().join("g.db.lock");
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    assert!(open_no_follow(&lock).is_err());
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
}
