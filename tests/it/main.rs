#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The single integration-test binary (see ARCHITECTURE.md, "Testing").

mod cli;
mod cli_export_import;
mod csto;
mod examples;
mod export_formats;
mod fixtures;
mod hostile;
mod import_errors;
mod output;
mod roundtrip;
mod shell;
mod snapshot;
mod timeout;
