//! The record reader of `records.rs` over a chunk of bytes already in memory, for the
//! import's hot loop: the same records, the same errors at the same lines and fields,
//! but an unquoted field is found with a scan instead of a call per byte, and the
//! fields' strings are reused from record to record instead of allocated per field.
//!
//! A chunk is whole records (`chunks.rs` cuts files only where a record ends), so a
//! reader never needs the next chunk; it is told the line its chunk starts on so that
//! errors name the line in the file.

use super::records::{Field, RecordError};

/// The fields of one record, their strings kept for the next record.
#[derive(Default)]
pub struct Fields {
    items: Vec<Field>,
    len: usize,
}

impl Fields {
    pub fn as_slice(&self) -> &[Field] {
        &self.items[..self.len]
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    fn next_slot(&mut self) -> &mut Field {
        if self.len == self.items.len() {
            self.items.push(Field::default());
        }
        let field = &mut self.items[self.len];
        self.len += 1;
        field.text.clear();
        field
    }

    fn len(&self) -> usize {
        self.len
    }
}

pub struct SliceReader<'a> {
    bytes: &'a [u8],
    pos: usize,
    delimiter: u8,
    /// The line the next record starts on.
    line: usize,
    /// The bytes of a quoted field with doubled quotes, unescaped.
    scratch: Vec<u8>,
}

enum FieldEnd {
    Delimiter,
    Line,
    Input,
}

impl<'a> SliceReader<'a> {
    /// A reader of `bytes`, whose first byte is on `line` of its file; `file_start` when
    /// `bytes` begins the file, so that a UTF-8 byte-order mark is skipped.
    pub fn new(bytes: &'a [u8], delimiter: u8, line: usize, file_start: bool) -> SliceReader<'a> {
        let pos = if file_start && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
        SliceReader { bytes, pos, delimiter, line, scratch: Vec::new() }
    }

    /// How many bytes of the chunk have been read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The line the next record starts on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Reads the next non-blank record into `fields`; returns the line it starts on, or
    /// `None` at the end of the chunk.
    pub fn next_record(&mut self, fields: &mut Fields) -> Result<Option<usize>, RecordError> {
        loop {
            fields.clear();
            let start_line = self.line;
            if self.pos >= self.bytes.len() {
                return Ok(None);
            }
            self.read_record(fields)?;
            // A blank line is no record, as in neo4j-admin and the csv crate.
            let items = fields.as_slice();
            let blank = items.len() == 1 && items[0].text.is_empty() && !items[0].quoted;
            if !blank {
                return Ok(Some(start_line));
            }
        }
    }

    fn read_record(&mut self, fields: &mut Fields) -> Result<(), RecordError> {
        loop {
            let column = fields.len() + 1;
            let end = if self.bytes.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                self.read_quoted(fields, column)?
            } else {
                self.read_unquoted(fields, column)?
            };
            match end {
                FieldEnd::Delimiter => continue,
                FieldEnd::Line => {
                    self.line += 1;
                    return Ok(());
                }
                FieldEnd::Input => return Ok(()),
            }
        }
    }

    fn read_unquoted(&mut self, fields: &mut Fields, column: usize) -> Result<FieldEnd, RecordError> {
        let rest = &self.bytes[self.pos..];
        let delimiter = self.delimiter;
        let (len, end) = match rest.iter().position(|&b| b == delimiter || b == b'\n') {
            Some(i) if rest[i] == b'\n' => (i, FieldEnd::Line),
            Some(i) => (i, FieldEnd::Delimiter),
            None => (rest.len(), FieldEnd::Input),
        };
        self.pos += len + usize::from(!matches!(end, FieldEnd::Input));
        let mut text = &rest[..len];
        if matches!(end, FieldEnd::Line) && text.last() == Some(&b'\r') {
            text = &text[..len - 1];
        }
        push_text(fields, text, false, self.line, column)?;
        Ok(end)
    }

    fn read_quoted(&mut self, fields: &mut Fields, column: usize) -> Result<FieldEnd, RecordError> {
        let opened_on = self.line;
        let start = self.pos;
        let mut escaped = false;
        self.scratch.clear();
        loop {
            let rest = &self.bytes[self.pos..];
            let Some(i) = rest.iter().position(|&b| b == b'"') else {
                return Err(RecordError::Malformed {
                    line: opened_on,
                    column,
                    message: "a quoted field is never closed".into(),
                });
            };
            self.line += rest[..i].iter().filter(|&&b| b == b'\n').count();
            if escaped {
                self.scratch.extend_from_slice(&rest[..i]);
            }
            self.pos += i + 1;
            if self.bytes.get(self.pos) == Some(&b'"') {
                // A doubled quote: one quote in the text.
                if !escaped {
                    escaped = true;
                    self.scratch.extend_from_slice(&self.bytes[start..self.pos]);
                } else {
                    self.scratch.push(b'"');
                }
                self.pos += 1;
                continue;
            }
            break;
        }
        let text_end = self.pos - 1;
        let end = match self.bytes.get(self.pos) {
            None => FieldEnd::Input,
            Some(&b) if b == self.delimiter => FieldEnd::Delimiter,
            Some(b'\n') => FieldEnd::Line,
            Some(b'\r') if self.bytes.get(self.pos + 1) == Some(&b'\n') => {
                self.pos += 1;
                FieldEnd::Line
            }
            Some(_) => {
                return Err(RecordError::Malformed {
                    line: self.line,
                    column,
                    message: "text after the closing quote of a field".into(),
                })
            }
        };
        if !matches!(end, FieldEnd::Input) {
            self.pos += 1;
        }
        let scratch = std::mem::take(&mut self.scratch);
        let text = if escaped { &scratch[..] } else { &self.bytes[start..text_end] };
        let pushed = push_text(fields, text, true, self.line, column);
        self.scratch = scratch;
        pushed?;
        Ok(end)
    }
}

fn push_text(fields: &mut Fields, text: &[u8], quoted: bool, line: usize, column: usize) -> Result<(), RecordError> {
    let text = std::str::from_utf8(text).map_err(|_| RecordError::Malformed {
        line,
        column,
        message: "the field is not valid UTF-8".into(),
    })?;
    let field = fields.next_slot();
    field.text.push_str(text);
    field.quoted = quoted;
    Ok(())
}

#[cfg(test)]
mod tests;
