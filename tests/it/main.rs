#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The single integration-test binary (see ARCHITECTURE.md, "Testing").

mod bad_input;
mod cli;
mod crash;
mod csto;
mod examples;
mod fixtures;
mod garbage;
mod hostile;
mod shell;
mod snapshot;
