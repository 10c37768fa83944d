//! The `steppe` binary: everything is in `cli/`; this maps its outcome to an exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`steppe query … | head`) is not a failure.
            if err.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("steppe: {err:#}");
            }
            ExitCode::from(cli::EXIT_USAGE)
        }
    }
}
