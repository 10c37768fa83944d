//! A streaming CSV record reader (RFC 4180) that keeps what neo4j-admin's semantics need
//! and the `csv` crate drops: whether each field was quoted.
//!
//! neo4j-admin reads an empty unquoted field as "no value" and a quoted empty field
//! (`""`) as an empty string; steppe follows it, and reads `""` in an array column as an
//! empty list. The `csv` crate hands both out as the same empty string, so this reader
//! splits records itself: one pass over a `BufRead`, one record in memory at a time,
//! quoted fields spanning lines, doubled quotes, CRLF, and a UTF-8 byte-order mark.

use std::io::{self, BufRead};

/// One field of a record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub quoted: bool,
}

/// A malformed record, at a 1-based line and field.
#[derive(Debug)]
pub enum RecordError {
    Io(io::Error),
    Malformed { line: usize, column: usize, message: String },
}

impl From<io::Error> for RecordError {
    fn from(err: io::Error) -> RecordError {
        RecordError::Io(err)
    }
}

pub struct RecordReader<R> {
    input: R,
    delimiter: u8,
    /// The line the next record starts on.
    line: usize,
    bytes: Vec<u8>,
    started: bool,
    /// Whether `\"` inside a quoted field is a quote (LOAD CSV's legacy escaping).
    backslash_quote: bool,
}

impl<R: BufRead> RecordReader<R> {
    pub fn new(input: R, delimiter: u8) -> RecordReader<R> {
        RecordReader { input, delimiter, line: 1, bytes: Vec::new(), started: false, backslash_quote: false }
    }

    /// Also reads `\"` inside a quoted field as a quote, as Neo4j's LOAD CSV does by
    /// default (`dbms.import.csv.legacy_quote_escaping`); neo4j-admin import does not.
    pub fn with_backslash_quote(mut self) -> RecordReader<R> {
        self.backslash_quote = true;
        self
    }

    /// Reads the next non-blank record into `fields`; returns the line it starts on, or
    /// `None` at the end of the input.
    pub fn next_record(&mut self, fields: &mut Vec<Field>) -> Result<Option<usize>, RecordError> {
        loop {
            fields.clear();
            let start_line = self.line;
            if !self.read_record(fields)? {
                return Ok(None);
            }
            // A blank line is no record, as in neo4j-admin and the csv crate.
            let blank = fields.len() == 1 && fields[0].text.is_empty() && !fields[0].quoted;
            if !blank {
                return Ok(Some(start_line));
            }
        }
    }

    fn next_byte(&mut self) -> io::Result<Option<u8>> {
        let buf = self.input.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.input.consume(1);
        Ok(Some(b))
    }

    fn peek_byte(&mut self) -> io::Result<Option<u8>> {
        Ok(self.input.fill_buf()?.first().copied())
    }

    fn skip_bom(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.input.fill_buf()?.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.input.consume(3);
            }
        }
        Ok(())
    }

    /// Reads one record; `false` at the end of the input.
    fn read_record(&mut self, fields: &mut Vec<Field>) -> Result<bool, RecordError> {
        self.skip_bom()?;
        if self.peek_byte()?.is_none() {
            return Ok(false);
        }
        loop {
            let column = fields.len() + 1;
            let (quoted, end) = self.read_field(column)?;
            let text = String::from_utf8(std::mem::take(&mut self.bytes)).map_err(|_| RecordError::Malformed {
                line: self.line,
                column,
                message: "the field is not valid UTF-8".into(),
            })?;
            fields.push(Field { text, quoted });
            match end {
                FieldEnd::Delimiter => continue,
                FieldEnd::Line => {
                    self.line += 1;
                    return Ok(true);
                }
                FieldEnd::Input => return Ok(true),
            }
        }
    }

    fn read_field(&mut self, column: usize) -> Result<(bool, FieldEnd), RecordError> {
        self.bytes.clear();
        if self.peek_byte()? == Some(b'"') {
            self.input.consume(1);
            return self.read_quoted(column).map(|end| (true, end));
        }
        loop {
            match self.next_byte()? {
                None => return Ok((false, FieldEnd::Input)),
                Some(b) if b == self.delimiter => return Ok((false, FieldEnd::Delimiter)),
                Some(b'\n') => {
                    if self.bytes.last() == Some(&b'\r') {
                        self.bytes.pop();
                    }
                    return Ok((false, FieldEnd::Line));
                }
                Some(b) => self.bytes.push(b),
            }
        }
    }

    fn read_quoted(&mut self, column: usize) -> Result<FieldEnd, RecordError> {
        let opened_on = self.line;
        loop {
            match self.next_byte()? {
                None => {
                    return Err(RecordError::Malformed {
                        line: opened_on,
                        column,
                        message: "a quoted field is never closed".into(),
                    })
                }
                Some(b'"') if self.peek_byte()? == Some(b'"') => {
                    self.input.consume(1);
                    self.bytes.push(b'"');
                }
                Some(b'\\') if self.backslash_quote && self.peek_byte()? == Some(b'"') => {
                    self.input.consume(1);
                    self.bytes.push(b'"');
                }
                Some(b'"') => break,
                Some(b) => {
                    if b == b'\n' {
                        self.line += 1;
                    }
                    self.bytes.push(b);
                }
            }
        }
        match self.next_byte()? {
            None => Ok(FieldEnd::Input),
            Some(b) if b == self.delimiter => Ok(FieldEnd::Delimiter),
            Some(b'\n') => Ok(FieldEnd::Line),
            Some(b'\r') if self.peek_byte()? == Some(b'\n') => {
                self.input.consume(1);
                Ok(FieldEnd::Line)
            }
            Some(_) => Err(RecordError::Malformed {
                line: self.line,
                column,
                message: "text after the closing quote of a field".into(),
            }),
        }
    }
}

enum FieldEnd {
    Delimiter,
    Line,
    Input,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(usize, Vec<(String, bool)>)> {
        let mut reader = RecordReader::new(text.as_bytes(), b',');
        let mut out = Vec::new();
        let mut fields = Vec::new();
        while let Ok(Some(line)) = reader.next_record(&mut fields) {
            out.push((line, fields.iter().map(|f| (f.text.clone(), f.quoted)).collect()));
        }
        out
    }

    #[test]
    fn quoted_fields_keep_delimiters_quotes_and_lines() {
        let got = records("\u{feff}a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n1,\"two\nlines\",\n3,,\"\"\n");
        assert_eq!(
            got,
            vec![
                (1, vec![("a".into(), false), ("b,c".into(), true), ("say \"hi\"".into(), true)]),
                (3, vec![("1".into(), false), ("two\nlines".into(), true), (String::new(), false)]),
                (5, vec![("3".into(), false), (String::new(), false), (String::new(), true)]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_at_its_line() {
        let mut reader = RecordReader::new("a\n\"open,b\nc\n".as_bytes(), b',');
        let mut fields = Vec::new();
        assert!(matches!(reader.next_record(&mut fields), Ok(Some(1))));
        match reader.next_record(&mut fields) {
            Err(RecordError::Malformed { line, column, .. }) => assert_eq!((line, column), (2, 1)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_backslash_quote_is_a_quote_only_when_asked() {
        let text = "\"say \\\"hi\\\"\"\n";
        let mut fields = Vec::new();
        let mut plain = RecordReader::new(text.as_bytes(), b',');
        assert!(plain.next_record(&mut fields).is_err());
        let mut legacy = RecordReader::new(text.as_bytes(), b',').with_backslash_quote();
        assert_eq!(legacy.next_record(&mut fields).ok(), Some(Some(1)));
        assert_eq!(fields[0].text, "say \"hi\"");
    }
}
