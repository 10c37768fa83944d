//! The one error type of the library.
//!
//! Every failure a user can cause is an [`Error`]: a fine-grained [`ErrorCode`] (the
//! openCypher TCK's names where one exists), a message, and the span of the text at
//! fault. [`ErrorCode::kind`] maps the code to the error classes of the interface
//! (`SyntaxError`, `SemanticError`, ...). Rendering happens at the edge (`cli/`).

use std::fmt;

use crate::span::{LineCol, Span};

/// The error classes of `shared/interface.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    SemanticError,
    TypeError,
    ArgumentError,
    ConstraintVerificationFailed,
    EntityNotFound,
    ProcedureError,
    IoError,
    SchemaError,
    /// BEGIN, COMMIT or ROLLBACK out of place, or a statement a transaction cannot hold.
    TransactionError,
    /// A bug in steppe: a state the code believed impossible. Reported, never a panic.
    InternalError,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::SemanticError => "SemanticError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ArgumentError => "ArgumentError",
            ErrorKind::ConstraintVerificationFailed => "ConstraintVerificationFailed",
            ErrorKind::EntityNotFound => "EntityNotFound",
            ErrorKind::ProcedureError => "ProcedureError",
            ErrorKind::IoError => "IoError",
            ErrorKind::SchemaError => "SchemaError",
            ErrorKind::TransactionError => "TransactionError",
            ErrorKind::InternalError => "InternalError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! error_codes {
    ($($kind:ident => [$($code:ident),* $(,)?]),* $(,)?) => {
        /// The finer name of an error: the TCK's names, plus steppe's own.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($($code,)*)* }

        impl ErrorCode {
            pub fn kind(self) -> ErrorKind {
                match self { $($(ErrorCode::$code => ErrorKind::$kind,)*)* }
            }

            pub fn as_str(self) -> &'static str {
                match self { $($(ErrorCode::$code => stringify!($code),)*)* }
            }
        }
    };
}

error_codes! {
    SyntaxError => [
        UnexpectedSyntax, UnexpectedEndOfInput, InvalidNumberLiteral, InvalidUnicodeLiteral, InvalidUnicodeCharacter,
        FloatingPointOverflow, InvalidRelationshipPattern,
        UndefinedVariable, VariableAlreadyBound, VariableTypeConflict, InvalidAggregation,
        NoVariablesInScope, NestingTooDeep, InvalidDelete, UnknownFunction,
        InvalidNumberOfArguments, InvalidParameterUse, ColumnNameConflict, NegativeIntegerArgument,
        NoExpressionAlias, InvalidClauseComposition, DifferentColumnsInUnion,
        NonConstantExpression, RequiresDirectedRelationship, NoSingleRelationshipType, CreatingVarLength,
        RelationshipUniquenessViolation, NestedAggregation, AmbiguousAggregationExpression,
        // openCypher files a wrong argument type under SyntaxError, raised at compile time where it can be.
        InvalidArgumentType,
    ],
    SemanticError => [UnsupportedFeature, InvalidPattern, ParameterMissing, MergeReadOwnWrites],
    TypeError => [InvalidPropertyType, PropertyAccessOnNonMap, MapElementAccessByNonString],
    ArgumentError => [
        NumberOutOfRange, InvalidArgumentValue, IntegerOverflow,
        // A statement stopped from outside: by Ctrl-C, or by its time limit (`--timeout`).
        QueryCancelled, QueryTimedOut,
        // A statement past a configured limit (`--max-rows`, `--max-path-length`).
        LimitExceeded,
        // A statement that would hold more memory than `--max-memory` allows.
        MemoryLimitExceeded,
    ],
    ConstraintVerificationFailed => [DeleteConnectedNode, ConstraintValidationFailed, ConstraintCreationFailed, UnsourcedFact],
    EntityNotFound => [DeletedEntityAccess],
    ProcedureError => [ProcedureNotFound],
    IoError => [
        FileNotFound, FileUnreadable, FileWrite, CorruptSnapshot, UnsupportedSnapshotVersion, NotASnapshot,
        // Imports (`steppe import`): a bad header, row or value in a CSV or JSON file.
        InvalidCsvHeader, WrongFieldCount, MissingId, DuplicateId, UnknownEndpoint, InvalidCsvValue,
        InvalidImportFile, ExportUnsupported, GraphvizUnavailable,
        // The journal and the one-writer lock of `--db`.
        CorruptJournal, DatabaseLocked, ReadOnlyDatabase,
    ],
    SchemaError => [
        UnknownLabel, UnknownRelationshipType, UnknownPropertyKey, PropertyTypeMismatch,
        MissingRequiredProperty, DuplicateKey, InvalidEndpoints, TypeAlreadyDefined,
        InvalidSchemaDefinition,
        // Neo4j's property constraints: a name or rule that exists already, a name that does not.
        EquivalentSchemaRuleAlreadyExists, ConstraintAlreadyExists, ConstraintNotFound,
        IndexWithNameAlreadyExists, IndexNotFound,
    ],
    // Explicit transactions: BEGIN inside one, COMMIT or ROLLBACK outside one, schema
    // DDL inside one (Neo4j's name: a transaction holds data writes or schema writes).
    TransactionError => [TransactionAlreadyOpen, NoOpenTransaction, ForbiddenDueToTransactionType],
    InternalError => [Internal],
}

/// A located failure. `span` is relative to the text that was executed; `file` names the
/// file that text came from, when it came from one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub span: Option<Span>,
    /// A suggestion shown under the message ("did you mean `Country`?").
    pub hint: Option<String>,
    /// The file the failing text came from (a script, a graph-data file, a snapshot).
    pub file: Option<String>,
    /// The class, where it is not the code's usual one: openCypher reports some codes
    /// under two classes (`InvalidArgumentType` is a TypeError, but an ArgumentError
    /// for a LIMIT that is not an integer).
    pub kind_override: Option<ErrorKind>,
    /// A 1-based position in `file` when the error keeps no span into a text: a bad row
    /// of a CSV file being imported, which is streamed and never held whole. Two `u32`s
    /// rather than a [`LineCol`] keep `Error` small.
    pub location: Option<(u32, u32)>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error { code, message: message.into(), span: None, hint: None, file: None, kind_override: None, location: None }
    }

    pub fn at(code: ErrorCode, span: Span, message: impl Into<String>) -> Error {
        Error::new(code, message).with_span(span)
    }

    /// A state the code believed impossible; reported as an error rather than a panic.
    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(ErrorCode::Internal, message)
    }

    pub fn with_span(mut self, span: Span) -> Error {
        self.span = Some(span);
        self
    }

    /// Sets the span only if the error has none yet: the innermost position wins.
    pub fn or_span(mut self, span: Span) -> Error {
        self.span.get_or_insert(span);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.file = Some(file.into());
        self
    }

    /// Places the error at a 1-based line and column of its file.
    pub fn at_location(mut self, line: usize, column: usize) -> Error {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.location = Some((clamp(line), clamp(column)));
        self
    }

    /// Moves the span right by `offset` bytes: for a statement cut out of a script.
    pub fn shifted(mut self, offset: usize) -> Error {
        self.span = self.span.map(|s| s.shifted(offset));
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind_override.unwrap_or(self.code.kind())
    }

    /// Reports this error under another class than its code's usual one.
    pub fn as_kind(mut self, kind: ErrorKind) -> Error {
        self.kind_override = Some(kind);
        self
    }

    /// The 1-based line and column of the error in `source`, the text its span points into.
    pub fn position(&self, source: &str) -> Option<LineCol> {
        let located = self.location.map(|(line, column)| LineCol { line: line as usize, column: column as usize });
        self.span.map(|s| LineCol::of(source, s.start)).or(located)
    }

    /// `file:line:column: Kind (Code): message`, for logs and load errors.
    pub fn describe(&self, source: &str) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(file);
            out.push(':');
        }
        if let Some(pos) = self.position(source) {
            out.push_str(&format!("{}:{}: ", pos.line, pos.column));
        } else if self.file.is_some() {
            out.push(' ');
        }
        out.push_str(&format!("{} ({}): {}", self.kind(), self.code.as_str(), self.message));
        if let Some(hint) = &self.hint {
            out.push_str(&format!(" ({hint})"));
        }
        out
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        let code = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorCode::FileNotFound,
            _ => ErrorCode::FileUnreadable,
        };
        Error::new(code, err.to_string())
    }
}
