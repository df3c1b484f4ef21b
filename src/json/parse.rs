//! The first validation step: is the editor's text JSON at all? Keeps
//! serde_json's line and column so the editor can point at the mistake.

use std::fmt;

use serde_json::Value;

/// Why text is not JSON, and where (both 1-based, as serde_json counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    /// serde_json's description without its ` at line L column C` tail.
    pub message: String,
}

impl JsonError {
    /// The byte offset the error points at, on a character boundary within
    /// `text`, for the editor's marker.
    pub fn offset(&self, text: &str) -> usize {
        let line_start = if self.line <= 1 {
            0
        } else {
            // The start of the line after the (line - 1)th line break.
            text.match_indices('\n').nth(self.line - 2).map_or(text.len(), |(at, _)| at + 1)
        };
        let mut offset = (line_start + self.column.saturating_sub(1)).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl From<serde_json::Error> for JsonError {
    fn from(error: serde_json::Error) -> JsonError {
        let (line, column) = (error.line(), error.column());
        let full = error.to_string();
        let tail = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&tail).unwrap_or(&full).to_string();
        JsonError { line, column, message }
    }
}

/// Parses `text` as one JSON value.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    serde_json::from_str(text).map_err(|error| at_line_end(JsonError::from(error), text))
}

/// serde_json blames a mistake that a line break reveals (`tru` then a
/// new line) on column 0 of the next line; the learner's mistake is at the
/// end of the line before, so point there (one past its last byte).
fn at_line_end(error: JsonError, text: &str) -> JsonError {
    if error.column != 0 || error.line <= 1 {
        return error;
    }
    let line = error.line - 1;
    let Some(previous) = text.split('\n').nth(line - 1) else { return error };
    JsonError { line, column: previous.len() + 1, ..error }
}

/// Checks that `text` is one JSON value.
pub fn check(text: &str) -> Result<(), JsonError> {
    parse(text).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> (String, usize) {
        let error = parse(text).err().unwrap_or(JsonError {
            line: 0,
            column: 0,
            message: "parsed".to_string(),
        });
        (error.to_string(), error.offset(text))
    }

    #[test]
    fn reports_line_column_and_offset() {
        let rows = [
            ("{\"a\": 1,}", "line 1, column 9: trailing comma", 8),
            ("{\n  \"a\": tru\n}", "line 2, column 11: expected ident", 12),
            ("", "line 1, column 0: EOF while parsing a value", 0),
            ("{\"a\": 1", "line 1, column 7: EOF while parsing an object", 6),
            // serde_json counts columns in bytes: `x` is byte 8 of the line.
            ("{\"é\": x}", "line 1, column 8: expected value", 7),
        ];
        for (text, message, offset) in rows {
            assert_eq!(error_of(text), (message.to_string(), offset), "for {text:?}");
        }
    }

    #[test]
    fn accepts_any_value() {
        assert!(check("[1, {\"a\": null}]").is_ok());
        assert!(check("1 2").is_err());
    }
}
