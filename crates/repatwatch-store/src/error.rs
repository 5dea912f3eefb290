use std::fmt;

/// What went wrong, for callers that react differently (exit codes, retries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file exists but is not a SQLite database.
    NotADatabase,
    /// A SQLite database of another application.
    Foreign,
    /// Written by a newer repatwatch (schema version above ours).
    NewerSchema,
    /// Another process holds the lock longer than the busy timeout.
    Locked,
    /// The disk (or the database's size limit) is full.
    DiskFull,
    /// No such incident or case.
    NotFound,
    /// A bad value from the user (review field, search syntax).
    Invalid,
    /// Anything else from the database or the file system.
    Other,
}

/// An error naming the database file.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub file: String,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(kind: ErrorKind, file: &str, message: impl Into<String>) -> Self {
        Error {
            kind,
            file: file.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for Error {}
