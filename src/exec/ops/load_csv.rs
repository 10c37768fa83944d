//! `LOAD CSV [WITH HEADERS] FROM url AS row`: one row per record of a local file.
//!
//! Only `file:///…` URLs are read, resolved inside the import directory (`--import-dir`,
//! the working directory by default), as Neo4j does: `file:///data/x.csv` is
//! `DIR/data/x.csv`, and a path that leads out of the directory (`..`, or a symbolic link
//! pointing outside) is refused. Records are split by `import::records` (quoted fields
//! over several lines, doubled quotes, a byte-order mark); an unquoted empty field is
//! null, a quoted one (`""`) the empty string. With headers a row is a map from the
//! header's names to strings (a missing trailing field is null), without a list.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::binder::bound::LoadCsv as Load;
use crate::error::{Error, ErrorCode, Result};
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::import::records::{Field, RecordError, RecordReader};
use crate::span::Span;
use crate::value::Value;

pub struct LoadCsv {
    input: Box<dyn Operator>,
    load: Load,
    current: Option<Open>,
}

/// The file being read for the current input row.
struct Open {
    row: Row,
    reader: RecordReader<BufReader<File>>,
    /// The path as the URL gave it, for messages.
    shown: Arc<str>,
    /// The file's absolute path, for `file()`, as Neo4j gives it.
    absolute: Arc<str>,
    headers: Option<Vec<Arc<str>>>,
    fields: Vec<Field>,
}

impl LoadCsv {
    pub fn new(input: Box<dyn Operator>, load: Load) -> LoadCsv {
        LoadCsv { input, load, current: None }
    }

    fn open(&self, ctx: &ExecCtx<'_, '_>, row: Row) -> Result<Open> {
        let span = self.load.span;
        let url = match eval(&self.load.url, &row, ctx.graph())? {
            Value::String(url) => url,
            other => {
                return Err(Error::at(
                    ErrorCode::InvalidArgumentType,
                    self.load.url.span,
                    format!("LOAD CSV needs a URL string, got {}", other.type_name()),
                ))
            }
        };
        let dir = match &ctx.import_dir {
            Some(dir) => dir.clone(),
            None => std::env::current_dir().map_err(|e| Error::at(ErrorCode::FileUnreadable, span, e.to_string()))?,
        };
        let path = resolve(&dir, &url, span)?;
        let file = File::open(&path).map_err(|e| file_error(&e, &url, span))?;
        let mut reader = RecordReader::new(BufReader::new(file), self.load.terminator).with_backslash_quote();
        let mut fields = Vec::new();
        let headers = match self.load.headers {
            false => None,
            true => match reader.next_record(&mut fields).map_err(|e| record_error(e, &url, span))? {
                Some(_) => Some(fields.iter().map(|f| Arc::from(f.text.as_str())).collect()),
                None => Some(Vec::new()),
            },
        };
        let absolute = Arc::from(path.display().to_string().as_str());
        Ok(Open { row, reader, shown: url, absolute, headers, fields })
    }
}

impl Operator for LoadCsv {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(open) = &mut self.current {
                ctx.cancel.tick()?;
                let span = self.load.span;
                let read = open.reader.next_record(&mut open.fields).map_err(|e| record_error(e, &open.shown, span))?;
                if let Some(line) = read {
                    let mut row = open.row.clone();
                    let value = record_value(&open.fields, open.headers.as_deref());
                    row.set(self.load.slot, value);
                    row.set(self.load.line_slot, Value::Int(line as i64));
                    row.set(self.load.file_slot, Value::String(open.absolute.clone()));
                    return Ok(Some(row));
                }
                self.current = None;
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.current = Some(self.open(ctx, row)?);
        }
    }
}

fn field_value(field: &Field) -> Value {
    match field.text.is_empty() && !field.quoted {
        true => Value::Null,
        false => Value::String(field.text.as_str().into()),
    }
}

fn record_value(fields: &[Field], headers: Option<&[Arc<str>]>) -> Value {
    match headers {
        None => Value::list(fields.iter().map(field_value).collect()),
        Some(names) => {
            let mut map = BTreeMap::new();
            for (i, name) in names.iter().enumerate() {
                map.insert(name.clone(), fields.get(i).map_or(Value::Null, field_value));
            }
            Value::map(map)
        }
    }
}

/// The file a `file:///…` URL names inside `dir`; anything else is refused.
fn resolve(dir: &Path, url: &str, span: Span) -> Result<PathBuf> {
    let Some(rest) = strip_scheme(url) else {
        let scheme = url.split_once(':').map_or("", |(s, _)| s);
        let message = match scheme.is_empty() {
            true => format!("LOAD CSV needs a URL such as 'file:///data.csv', got {url:?}"),
            false => format!("LOAD CSV reads only local files (file:///…), not {scheme}: URLs"),
        };
        return Err(Error::at(ErrorCode::InvalidArgumentValue, span, message));
    };
    let relative = percent_decode(rest).ok_or_else(|| {
        Error::at(ErrorCode::InvalidArgumentValue, span, format!("the URL {url:?} has a bad %-escape"))
    })?;
    let outside = || {
        Error::at(
            ErrorCode::FileUnreadable,
            span,
            format!("LOAD CSV refuses {url:?}: it leads outside the import directory {}", dir.display()),
        )
        .with_hint("put the file inside the import directory, or choose another one with --import-dir")
    };
    let mut path = dir.to_path_buf();
    for component in Path::new(relative.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return Err(outside()),
        }
    }
    // Symbolic links are followed before the check, so none can lead out.
    let root = dir.canonicalize().map_err(|e| file_error(&e, &dir.display().to_string(), span))?;
    let real = path.canonicalize().map_err(|e| file_error(&e, url, span))?;
    match real.starts_with(&root) {
        true => Ok(real),
        false => Err(outside()),
    }
}

/// `file:///x.csv` and `file:/x.csv` give `/x.csv`; other forms give `None`.
fn strip_scheme(url: &str) -> Option<&str> {
    let lower = url.get(..5)?.to_ascii_lowercase();
    if lower != "file:" {
        return None;
    }
    let rest = &url[5..];
    match rest.strip_prefix("//") {
        // `file://host/…`: only an empty host (or localhost) is a local file.
        Some(after) => after.strip_prefix("localhost").or(Some(after)).filter(|p| p.starts_with('/')),
        None => Some(rest),
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn file_error(e: &std::io::Error, shown: &str, span: Span) -> Error {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => ErrorCode::FileNotFound,
        _ => ErrorCode::FileUnreadable,
    };
    Error::at(code, span, format!("LOAD CSV cannot read {shown}: {e}"))
}

fn record_error(e: RecordError, shown: &str, span: Span) -> Error {
    match e {
        RecordError::Io(e) => file_error(&e, shown, span),
        RecordError::Malformed { line, column, message } => Error::at(
            ErrorCode::InvalidCsvValue,
            span,
            format!("LOAD CSV: {shown}, line {line}, field {column}: {message}"),
        ),
    }
}
