use proptest::prelude::*;

use super::*;
use crate::import::records::RecordReader;

/// Every record (its line and fields) and the error that ends the input, if any.
type Read = (Vec<(usize, Vec<(String, bool)>)>, Option<(usize, usize, String)>);

fn by_stream(text: &[u8]) -> Read {
    let mut reader = RecordReader::new(text, b',');
    let mut fields = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.next_record(&mut fields) {
            Ok(Some(line)) => out.push((line, fields.iter().map(|f| (f.text.clone(), f.quoted)).collect())),
            Ok(None) => return (out, None),
            Err(RecordError::Malformed { line, column, message }) => return (out, Some((line, column, message))),
            Err(RecordError::Io(e)) => return (out, Some((0, 0, e.to_string()))),
        }
    }
}

fn by_slice(text: &[u8]) -> Read {
    let mut reader = SliceReader::new(text, b',', 1, true);
    let mut fields = Fields::default();
    let mut out = Vec::new();
    loop {
        match reader.next_record(&mut fields) {
            Ok(Some(line)) => out.push((line, fields.as_slice().iter().map(|f| (f.text.clone(), f.quoted)).collect())),
            Ok(None) => return (out, None),
            Err(RecordError::Malformed { line, column, message }) => return (out, Some((line, column, message))),
            Err(RecordError::Io(e)) => return (out, Some((0, 0, e.to_string()))),
        }
    }
}

#[test]
fn the_same_records_and_errors_as_the_streaming_reader() {
    let cases: &[&[u8]] = &[
        b"\xEF\xBB\xBFa,\"b,c\",\"say \"\"hi\"\"\"\r\n\n1,\"two\nlines\",\n3,,\"\"\n",
        b"a,b",
        b"a,",
        b"a\r",
        b"a\r\n\r\nb\n",
        b"\"x\"\"\"\"y\",\"\"\"\"\n",
        b"a\n\"open,b\nc\n",
        b"1,\"A\"B\n",
        b"1,\"A\"\rB\n",
        b"1,\"A\"\r\n2,\"multi\nline\"x\n",
        b"1,\xff\xfe\n",
        b"1,\"two\nlines \xff\"\n",
        b"",
        b"\n\n\n",
        b",\n",
        b"\"\"\n",
    ];
    for case in cases {
        assert_eq!(by_slice(case), by_stream(case), "{:?}", String::from_utf8_lossy(case));
    }
}

#[test]
fn a_chunk_names_lines_from_where_it_starts_and_keeps_a_mark_past_the_start() {
    let mut reader = SliceReader::new(b"\xEF\xBB\xBFx,1\n\ny,\"2\n\"\nz\n", b',', 41, false);
    let mut fields = Fields::default();
    assert!(matches!(reader.next_record(&mut fields), Ok(Some(41))));
    assert_eq!(fields.as_slice()[0].text, "\u{feff}x");
    assert!(matches!(reader.next_record(&mut fields), Ok(Some(43))));
    assert_eq!(fields.as_slice()[1].text, "2\n");
    assert!(matches!(reader.next_record(&mut fields), Ok(Some(45))));
    assert!(matches!(reader.next_record(&mut fields), Ok(None)));
}

proptest! {
    #[test]
    fn any_bytes_read_alike(text in proptest::collection::vec(
        prop_oneof![Just(b'"'), Just(b','), Just(b'\n'), Just(b'\r'), Just(b'a'), Just(b' '), Just(0xC3u8), Just(0xA9u8)],
        0..40,
    )) {
        prop_assert_eq!(by_slice(&text), by_stream(&text));
    }
}
