use proptest::prelude::*;

use super::*;
use crate::import::records::RecordError;
use crate::import::slice_records::{Fields, SliceReader};

type Records = Vec<(usize, Vec<(String, bool)>)>;

/// The records of `chunks` read one chunk at a time, and the first error.
fn read_chunks(chunks: &[Chunk]) -> (Records, Option<(usize, usize)>) {
    let mut out = Vec::new();
    let mut fields = Fields::default();
    for chunk in chunks {
        let mut reader = SliceReader::new(&chunk.bytes, b',', chunk.first_line, chunk.file_start);
        loop {
            match reader.next_record(&mut fields) {
                Ok(Some(line)) => {
                    out.push((line, fields.as_slice().iter().map(|f| (f.text.clone(), f.quoted)).collect()))
                }
                Ok(None) => break,
                Err(RecordError::Malformed { line, column, .. }) => return (out, Some((line, column))),
                Err(RecordError::Io(_)) => return (out, Some((0, 0))),
            }
        }
    }
    (out, None)
}

fn cut(text: &[u8], target: usize) -> Vec<Chunk> {
    let mut chunker = Chunker::with_target(text, b',', target);
    let mut chunks = Vec::new();
    while let Ok(Some(chunk)) = chunker.next_chunk() {
        chunks.push(chunk);
    }
    chunks
}

#[test]
fn chunks_end_only_where_records_end() {
    let text = b"id,name\n1,\"two\nlines\"\n2,\"a \"\"quoted\"\"\nword\"\r\n3,plain\n\n4,\"x\"\n";
    let whole = read_chunks(&cut(text, 1 << 20));
    assert_eq!(whole.0.len(), 5);
    for target in 1..text.len() + 2 {
        let chunks = cut(text, target);
        let joined: Vec<u8> = chunks.iter().flat_map(|c| c.bytes.iter().copied()).collect();
        assert_eq!(joined, text.to_vec(), "target {target}");
        assert_eq!(read_chunks(&chunks), whole, "target {target}");
        assert!(chunks.iter().enumerate().all(|(i, c)| c.index == i && c.file_start == (i == 0)));
    }
}

proptest! {
    #[test]
    fn any_text_reads_the_same_in_chunks(
        text in proptest::collection::vec(
            prop_oneof![Just(b'"'), Just(b','), Just(b'\n'), Just(b'\r'), Just(b'a'), Just(b'b')],
            0..60,
        ),
        target in 1usize..20,
    ) {
        prop_assert_eq!(read_chunks(&cut(&text, target)), read_chunks(&cut(&text, 1 << 20)));
    }
}
