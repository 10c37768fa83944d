#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The single integration-test binary (see ARCHITECTURE.md, "Testing").

mod bad_input;
mod cli;
mod cli_export_import;
mod common;
mod constraints;
mod crash;
mod csto;
mod deep;
mod default_graph;
mod examples;
mod export_formats;
mod files;
mod fixtures;
mod garbage;
mod hostile;
mod import_errors;
mod import_schema;
mod indexes;
mod load_csv;
mod memory;
mod output;
mod planner;
mod planner_passes;
mod planner_random;
mod quantified;
mod rdf;
mod readers;
mod roundtrip;
mod shell;
mod snapshot;
mod timeout;
mod transactions;
