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
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_rows: None,
            max_path_length: None,
            max_nesting: crate::syntax::MAX_NESTING,
            max_plan_depth: crate::planner::MAX_PLAN_DEPTH,
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
