//! A CSV file cut into chunks of whole records, so that chunks can be parsed on several
//! threads and each knows the line it starts on.
//!
//! A cut is made only after a line end that ends a record: the cutter follows the
//! quoting exactly as the record reader does (a field that opens with `"` runs to the
//! closing `"` not doubled, across line ends), so a quoted field holding line ends
//! never straddles two chunks. A block without any `"` needs no such care: the cut is
//! after its last line end, found with one scan. Where the input is malformed (text
//! after a closing quote, a quote never closed), the reader of the chunk holding that
//! point reports it, and what the cutter made of the rest no longer matters: the import
//! stops at the first error in file order. A quote never closed makes the rest of the
//! file one chunk.

use std::io::{self, Read};

/// How many bytes a chunk holds, about: large enough that handing one to a thread
/// costs little, small enough that a few in flight cost little memory.
pub const CHUNK_BYTES: usize = 1 << 21;

/// Whole records of a file, and where they start.
pub struct Chunk {
    pub bytes: Vec<u8>,
    /// The 1-based line of the file its first byte is on.
    pub first_line: usize,
    /// Whether it starts the file (so a byte-order mark is skipped).
    pub file_start: bool,
    /// How many chunks came before it in the file.
    pub index: usize,
}

/// Where the cutter is in the quoting, as of the last byte it looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field: a `"` here opens a quoted field.
    FieldStart,
    /// Inside an unquoted field (or after a malformed closing quote).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a `"` inside a quoted field: another `"` makes the two one quote;
    /// anything else means it closed the field.
    QuoteInQuoted,
    /// After a closing quote and a `\r`, which ends the record if a `\n` follows.
    ClosedCr,
}

pub struct Chunker<R> {
    input: R,
    delimiter: u8,
    target: usize,
    buf: Vec<u8>,
    /// How much of `buf` the cutter has looked at, and where the last record it saw ends.
    scanned: usize,
    boundary: usize,
    quoting: Quoting,
    at_end: bool,
    next_line: usize,
    next_index: usize,
}

impl<R: Read> Chunker<R> {
    /// A cutter aiming at chunks of `target` bytes (small in tests, to make many).
    pub fn with_target(input: R, delimiter: u8, target: usize) -> Chunker<R> {
        Chunker {
            input,
            delimiter,
            target: target.max(1),
            buf: Vec::new(),
            scanned: 0,
            boundary: 0,
            quoting: Quoting::FieldStart,
            at_end: false,
            next_line: 1,
            next_index: 0,
        }
    }

    /// How many chunks have been handed out.
    pub fn chunks_read(&self) -> usize {
        self.next_index
    }

    /// The next chunk, `None` at the end of the file.
    pub fn next_chunk(&mut self) -> io::Result<Option<Chunk>> {
        while !self.at_end && self.boundary < self.target {
            self.fill()?;
        }
        let cut = if self.at_end { self.buf.len() } else { self.boundary };
        if cut == 0 {
            return Ok(None);
        }
        let rest = self.buf.split_off(cut);
        let bytes = std::mem::replace(&mut self.buf, rest);
        self.scanned -= cut;
        self.boundary = 0;
        let chunk =
            Chunk { first_line: self.next_line, file_start: self.next_index == 0, index: self.next_index, bytes };
        self.next_line += chunk.bytes.iter().filter(|&&b| b == b'\n').count();
        self.next_index += 1;
        Ok(Some(chunk))
    }

    /// Reads a block onto the buffer and looks at it.
    fn fill(&mut self) -> io::Result<()> {
        let old_len = self.buf.len();
        self.buf.resize(old_len + self.target.min(CHUNK_BYTES), 0);
        let n = loop {
            match self.input.read(&mut self.buf[old_len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old_len);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old_len + n);
        if n == 0 {
            self.at_end = true;
        }
        self.scan();
        Ok(())
    }

    /// Follows the quoting over the bytes not yet looked at, noting the last record end.
    fn scan(&mut self) {
        let new = &self.buf[self.scanned..];
        let outside = matches!(self.quoting, Quoting::FieldStart | Quoting::Unquoted);
        if outside && !new.contains(&b'"') {
            if let Some(last) = new.iter().rposition(|&b| b == b'\n') {
                self.boundary = self.scanned + last + 1;
            }
            if let Some(&b) = new.last() {
                let starts_field = b == b'\n' || b == self.delimiter;
                self.quoting = if starts_field { Quoting::FieldStart } else { Quoting::Unquoted };
            }
            self.scanned = self.buf.len();
            return;
        }
        for i in self.scanned..self.buf.len() {
            let b = self.buf[i];
            let (quoting, record_end) = step(self.quoting, b, self.delimiter);
            self.quoting = quoting;
            if record_end {
                self.boundary = i + 1;
            }
        }
        self.scanned = self.buf.len();
    }
}

/// One byte of the quoting: the state after it, and whether it ends a record.
fn step(quoting: Quoting, b: u8, delimiter: u8) -> (Quoting, bool) {
    let after_text = |b: u8| match b {
        b'\n' => (Quoting::FieldStart, true),
        _ if b == delimiter => (Quoting::FieldStart, false),
        _ => (Quoting::Unquoted, false),
    };
    match quoting {
        Quoting::FieldStart if b == b'"' => (Quoting::Quoted, false),
        Quoting::FieldStart | Quoting::Unquoted => after_text(b),
        Quoting::Quoted if b == b'"' => (Quoting::QuoteInQuoted, false),
        Quoting::Quoted => (Quoting::Quoted, false),
        Quoting::QuoteInQuoted if b == b'"' => (Quoting::Quoted, false),
        Quoting::QuoteInQuoted if b == b'\r' => (Quoting::ClosedCr, false),
        // Text after a closing quote is an error the reader reports; go on as unquoted.
        Quoting::QuoteInQuoted | Quoting::ClosedCr => after_text(b),
    }
}

#[cfg(test)]
mod tests;
