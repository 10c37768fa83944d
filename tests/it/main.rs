#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The single integration-test binary (see ARCHITECTURE.md, "Testing").

mod cli;
mod csto;
mod examples;
mod fixtures;
mod hostile;
mod output;
mod shell;
mod snapshot;
mod timeout;
