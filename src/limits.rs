//! Limits on what one statement may do, so that a runaway query ends in a clear error
//! instead of exhausting memory or the stack.

use crate::error::{Error, ErrorCode};

/// What one statement may do. [`Limits::default`] limits only what protects the
/// process itself (nesting and plan depth); rows and path lengths are unlimited unless
/// configured (`--max-rows`, `--max-path-length`, [`crate::Database::set_limits`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most rows a statement may return.
    pub max_rows: Option<usize>,
    /// Most relationships a variable-length MATCH step (`*`) or a shortest path may
    /// follow. Pattern predicates inside expressions are not counted against it.
    pub max_path_length: Option<u64>,
    /// How deeply brackets may nest in a statement; at most `syntax::MAX_NESTING`, which
    /// keeps the parser within its stack.
    pub max_nesting: usize,
    /// How many operators a plan may stack; at most `planner::MAX_PLAN_DEPTH`.
    pub max_plan_depth: usize,
    /// The bytes one statement may hold (an estimate, `exec::memory`): by default a share
    /// of the machine's memory ([`default_max_memory`]), so that no statement exhausts it.
    pub max_memory: u64,
    /// How many threads a statement may scan with (`exec/parallel.rs`): by default
    /// [`default_threads`]; 1 runs everything on the statement's own thread.
    pub threads: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_rows: None,
            max_path_length: None,
            max_nesting: crate::syntax::MAX_NESTING,
            max_plan_depth: crate::planner::MAX_PLAN_DEPTH,
            max_memory: default_max_memory(),
            threads: default_threads(),
        }
    }
}

impl Limits {
    /// The error for a statement returning more rows than allowed.
    pub fn too_many_rows(max: usize) -> Error {
        Error::new(ErrorCode::LimitExceeded, format!("the statement returns more than {max} rows, the max-rows limit"))
            .with_hint("narrow the query (WHERE, LIMIT) or raise the limit: --max-rows N")
    }

    /// The error for a variable-length path longer than allowed.
    pub fn path_too_long(max: u64) -> Error {
        Error::new(
            ErrorCode::LimitExceeded,
            format!("a variable-length path grows longer than {max} relationships, the max-path-length limit"),
        )
        .with_hint(format!("give the pattern an upper bound (`*..{max}`) or raise the limit: --max-path-length N"))
    }
}

/// The most threads a statement scans with by default: the machine's second core is where
/// the gain is (Kuzu's own default uses every core; a server running several statements at
/// once wants them for the statements).
const MAX_DEFAULT_THREADS: usize = 2;

/// The threads a statement may scan with by default: `STEPPE_THREADS` when it is set to a
/// number from 1 on, else the cores available, at most [`MAX_DEFAULT_THREADS`]; read once
/// per process.
pub fn default_threads() -> usize {
    static DEFAULT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *DEFAULT.get_or_init(|| {
        let set = std::env::var("STEPPE_THREADS").ok().and_then(|v| v.trim().parse::<usize>().ok());
        match set.filter(|&n| n >= 1) {
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, usize::from).min(MAX_DEFAULT_THREADS),
        }
    })
}

/// The share of the machine's memory one statement may hold by default: half.
/// The other half is for the graph itself, the operating system, and the copies the
/// estimate does not see.
const DEFAULT_MEMORY_SHARE: u64 = 2;

/// Without `/proc/meminfo` (not Linux): 4 GiB.
const FALLBACK_MAX_MEMORY: u64 = 4 << 30;

/// Half the machine's memory: the smaller of `MemTotal` in `/proc/meminfo` and the
/// cgroup's `memory.max` (a container's limit), read once per process.
pub fn default_max_memory() -> u64 {
    static DEFAULT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *DEFAULT.get_or_init(|| match physical_memory() {
        Some(total) => total / DEFAULT_MEMORY_SHARE,
        None => FALLBACK_MAX_MEMORY,
    })
}

fn physical_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let total = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())?
        .checked_mul(1024)?;
    let cgroup = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok().and_then(|s| s.trim().parse::<u64>().ok());
    Some(cgroup.map_or(total, |limit| limit.min(total)))
}

/// Reads a size as `--max-memory` takes it: a number and a unit, `512MiB`, `4GiB`,
/// `1.5GB`, `800MB`, `64KiB`; `KiB`/`MiB`/`GiB`/`TiB` (and `K`, `M`, `G`, `T`, as in JVM options)
/// count in 1024s, `KB`/`MB`/`GB`/`TB` in 1000s; a bare number is bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("`{text}` is not a size (try 512MiB or 4GiB)"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        other => return Err(format!("unknown unit `{other}` in `{text}`: use KiB, MiB, GiB (or KB, MB, GB)")),
    };
    let bytes = value * multiplier as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes >= u64::MAX as f64 {
        return Err(format!("`{text}`: a memory limit must be at least one byte"));
    }
    Ok(bytes as u64)
}

/// Bytes as a person reads them: `512 MiB`, `1.5 GiB`, `800 bytes`.
pub struct HumanBytes(pub u64);

impl std::fmt::Display for HumanBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
        if self.0 < 1024 {
            return write!(f, "{} bytes", self.0);
        }
        let mut value = self.0 as f64 / 1024.0;
        let mut unit = 0;
        while value >= 1024.0 && unit + 1 < UNITS.len() {
            value /= 1024.0;
            unit += 1;
        }
        if value.fract() == 0.0 {
            write!(f, "{value} {}", UNITS[unit])
        } else {
            write!(f, "{value:.1} {}", UNITS[unit])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert_eq!(parse_size("4g"), Ok(4 << 30));
        assert_eq!(parse_size("800MB"), Ok(800_000_000));
        assert_eq!(parse_size("1.5GB"), Ok(1_500_000_000));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }

    #[test]
    fn the_default_is_a_share_of_the_machine() {
        let default = default_max_memory();
        assert!(default >= 64 << 20, "{default}");
        assert_eq!(Limits::default().max_memory, default);
    }
}
