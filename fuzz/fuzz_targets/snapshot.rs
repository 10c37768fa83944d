//! The snapshot reader on any bytes. With a first byte of 0 the rest is read as a whole
//! file; otherwise it is a body put behind a valid header and checksum, so that the
//! fuzzer reaches the decoder instead of stopping at the checksum.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steppe::store::snapshot::{self, MAGIC, VERSION};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode == 0 {
        rest.to_vec()
    } else {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&(VERSION - u32::from(mode % 2)).to_le_bytes());
        bytes.extend_from_slice(&(rest.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast_hash(rest).to_le_bytes());
        bytes.extend_from_slice(rest);
        bytes
    };
    if let Ok(graph) = snapshot::from_bytes(&bytes) {
        let _ = steppe::Database::from_graph(graph).execute("MATCH (n)-[r]-(m) RETURN count(*)", &Default::default());
    }
});

/// CRC-32 (IEEE), bit by bit: the fuzz crate needs no checksum dependency of its own.
fn crc32fast_hash(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
