//! The request's validation steps (editor text, then a JSON value, then a
//! JSON-RPC request), each with its own error so the editor can say which
//! failed; and the request templates the editor is filled with.

use std::fmt;

use element_emulator::catalog::MethodDoc;
use serde_json::Value;

use crate::json::{parse, pretty, JsonError};

/// What the editor shows about a request that passed every step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestSummary {
    pub method: String,
    /// The `id` as compact JSON, or `None` when the request has none.
    pub id: Option<String>,
}

/// Why the editor's text is not a JSON-RPC request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// Step 1: the text is not JSON.
    Json(JsonError),
    /// Step 2: the JSON is not an object.
    NotAnObject,
    /// Step 2: the object has no `method` member.
    MissingMethod,
    /// Step 2: `method` is there but not a string.
    MethodNotString,
    /// Step 2: `params` is there but not an object.
    ParamsNotObject,
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Json(error) => error.fmt(f),
            RequestError::NotAnObject => f.write_str("a request is a JSON object"),
            RequestError::MissingMethod => f.write_str("the request has no \"method\" member"),
            RequestError::MethodNotString => f.write_str("\"method\" should be a string"),
            RequestError::ParamsNotObject => f.write_str("\"params\" should be an object"),
        }
    }
}

/// Runs the validation steps over the editor's text.
pub fn check(text: &str) -> Result<RequestSummary, RequestError> {
    let value = parse::parse(text).map_err(RequestError::Json)?;
    let Value::Object(members) = value else {
        return Err(RequestError::NotAnObject);
    };

    let method = match members.get("method") {
        None => return Err(RequestError::MissingMethod),
        Some(Value::String(method)) => method.clone(),
        Some(_) => return Err(RequestError::MethodNotString),
    };
    if members.get("params").is_some_and(|params| !params.is_object()) {
        return Err(RequestError::ParamsNotObject);
    }

    let id = members.get("id").map(Value::to_string);
    Ok(RequestSummary { method, id })
}

/// A pretty request for `doc` with its example parameters and `id`.
pub fn template(doc: &MethodDoc, id: u64) -> String {
    // A catalog example that is not JSON would be a bug there; an empty
    // object still gives the learner a request to send.
    let params = match parse::check(doc.example_params) {
        Ok(()) => doc.example_params.trim(),
        Err(error) => {
            log::warn!("catalog example of {} is not JSON: {error}", doc.name);
            "{}"
        }
    };
    let method = Value::from(doc.name);
    pretty::reindent(&format!(r#"{{"method":{method},"params":{params},"id":{id}}}"#))
}

/// A pretty GetAsyncResult request for `handle` that keeps the result, so
/// the learner can read it again.
pub fn async_result(handle: u64, id: u64) -> String {
    let compact = format!(
        r#"{{"method":"GetAsyncResult","params":{{"asyncHandle":{handle},"keepResult":true}},"id":{id}}}"#
    );
    pretty::reindent(&compact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use element_emulator::catalog::{Group, MethodDoc};

    const DOC: MethodDoc = MethodDoc {
        name: "CloneVolume",
        group: Group::AsyncJobs,
        summary: "",
        params: &[],
        returns: &[],
        since: "1.0",
        result_type: Some("Clone"),
        example_params: "{\n  \"volumeID\": 1,\n  \"name\": \"copy\"\n}",
        emulation_notes: "",
    };

    /// The method and id a check finds, or its error message.
    type Expected = Result<(&'static str, Option<&'static str>), &'static str>;

    #[test]
    fn steps_name_what_failed() {
        let rows: [(&str, Expected); 7] = [
            (r#"{"method":"GetLimits","id":3}"#, Ok(("GetLimits", Some("3")))),
            (r#"{"method":"GetLimits","params":{}}"#, Ok(("GetLimits", None))),
            ("{\"method\":", Err("line 1, column 10: EOF while parsing a value")),
            ("[1]", Err("a request is a JSON object")),
            ("{\"id\": 1}", Err("the request has no \"method\" member")),
            ("{\"method\": 1}", Err("\"method\" should be a string")),
            (r#"{"method":"GetLimits","params":[]}"#, Err("\"params\" should be an object")),
        ];
        for (text, expected) in rows {
            let actual = check(text);
            let actual = actual.as_ref().map(|s| (s.method.as_str(), s.id.as_deref()));
            let actual = actual.map_err(ToString::to_string);
            assert_eq!(actual, expected.map_err(str::to_string), "for {text}");
        }
    }

    #[test]
    fn template_keeps_the_example_order() {
        let expected = "{\n  \"method\": \"CloneVolume\",\n  \"params\": {\n    \"volumeID\": 1,\n    \"name\": \"copy\"\n  },\n  \"id\": 4\n}";
        assert_eq!(template(&DOC, 4), expected);
    }

    #[test]
    fn template_survives_a_broken_example() {
        let doc = MethodDoc { example_params: "{oops", ..DOC };
        assert!(template(&doc, 1).contains("\"params\": {},"));
    }

    #[test]
    fn async_result_keeps_the_result() {
        let text = async_result(12, 5);
        let value = parse::parse(&text).unwrap_or_default();
        let expected =
            r#"{"id":5,"method":"GetAsyncResult","params":{"asyncHandle":12,"keepResult":true}}"#;
        assert_eq!(value.to_string(), expected);
    }
}
