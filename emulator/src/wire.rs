//! The JSON-RPC wire format: request bodies in, response envelopes out.
//!
//! Input is validated in named steps: body text, then a JSON value, then a
//! [`Request`]. Every failure becomes an [`ApiError`], which this module alone
//! turns into Element's error envelope.

use std::fmt;

use serde_json::{json, Map, Value};

/// An Element error, as carried in a reply's `error` member (always code 500).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub name: String,
    pub message: String,
}

impl ApiError {
    pub fn new(name: &str, message: impl Into<String>) -> ApiError {
        ApiError { name: name.to_string(), message: message.into() }
    }

    /// `xMissingParameter`, in the `Missing member=[name]` form Element tooling shows.
    pub fn missing(member: &str) -> ApiError {
        ApiError::new("xMissingParameter", format!("Missing member=[{member}]"))
    }

    /// `xInvalidParameterType` for a member whose JSON type is wrong.
    pub fn wrong_type(member: &str, expected: &str, got: &Value) -> ApiError {
        let got = json_type_name(got);
        let message = format!("Invalid type for member=[{member}]: expected {expected}, got {got}");
        ApiError::new("xInvalidParameterType", message)
    }

    /// `xInvalidParameter` for a value of the right type that is not allowed.
    pub fn invalid(member: &str, why: impl fmt::Display) -> ApiError {
        ApiError::new("xInvalidParameter", format!("Invalid value for member=[{member}]: {why}"))
    }

    fn to_json(&self) -> Value {
        json!({"code": 500, "message": self.message, "name": self.name})
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

/// A request that passed every parsing step.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The `id` as sent (number, string or null); `null` when absent.
    pub id: Value,
    pub method: String,
    pub params: Map<String, Value>,
}

/// A request that failed parsing: the error, and the `id` if one could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub id: Value,
    pub error: ApiError,
}

/// Parses a POST body into a [`Request`], step by step.
pub fn parse_request(body: &str) -> Result<Request, Rejected> {
    let value: Value = serde_json::from_str(body).map_err(|err| Rejected {
        id: Value::Null,
        error: ApiError::new("xInvalidJSON", format!("invalid JSON: {err}")),
    })?;
    request_from_value(value)
}

fn request_from_value(value: Value) -> Result<Request, Rejected> {
    let Value::Object(mut object) = value else {
        let error = ApiError::new(
            "xInvalidRequest",
            format!(
                "the request must be a JSON object, got {}; batch requests are not supported",
                json_type_name(&value)
            ),
        );
        return Err(Rejected { id: Value::Null, error });
    };

    let id = match object.remove("id") {
        Some(id @ (Value::Number(_) | Value::String(_) | Value::Null)) => id,
        Some(other) => {
            let error = ApiError::wrong_type("id", "integer or string", &other);
            return Err(Rejected { id: Value::Null, error });
        }
        None => Value::Null,
    };
    let reject = |error: ApiError| Rejected { id: id.clone(), error };

    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(Value::Null) | None => return Err(reject(ApiError::missing("method"))),
        Some(other) => return Err(reject(ApiError::wrong_type("method", "string", &other))),
    };
    let params = match object.remove("params") {
        Some(Value::Object(params)) => params,
        Some(Value::Null) | None => Map::new(),
        Some(other) => return Err(reject(ApiError::wrong_type("params", "object", &other))),
    };
    Ok(Request { id, method, params })
}

/// The compact success envelope; `unused` becomes the `unusedParameters` warning.
pub fn success_body(id: &Value, result: Value, unused: Map<String, Value>) -> String {
    let mut envelope = Map::new();
    envelope.insert("id".to_string(), id.clone());
    envelope.insert("result".to_string(), result);
    if !unused.is_empty() {
        envelope.insert("unusedParameters".to_string(), Value::Object(unused));
    }
    Value::Object(envelope).to_string()
}

/// The compact error envelope. It never carries `result`.
pub fn error_body(id: &Value, error: &ApiError) -> String {
    json!({"error": error.to_json(), "id": id}).to_string()
}

/// The JSON type of a value, in the words error messages use.
pub fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_i64() || number.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(body: &str) -> Rejected {
        match parse_request(body) {
            Ok(request) => panic!("expected a rejection, parsed {request:?}"),
            Err(rejected) => rejected,
        }
    }

    #[test]
    fn parses_a_full_request_and_defaults() {
        let request = parse_request(r#"{"method":"GetLimits","params":{"a":1},"id":"x-1"}"#);
        let request = request.unwrap();
        assert_eq!(request.id, json!("x-1"));
        assert_eq!(request.method, "GetLimits");
        assert_eq!(request.params.get("a"), Some(&json!(1)));

        let bare = parse_request(r#"{"method":"GetLimits","json-rpc":"2.0"}"#).unwrap();
        assert_eq!(bare.id, Value::Null);
        assert!(bare.params.is_empty());
    }

    #[test]
    fn each_step_has_its_own_error() {
        let table = [
            (r#"{"method":"#, "xInvalidJSON", "line 1 column 10"),
            ("[1,2]", "xInvalidRequest", "got array"),
            (r#"{"id":3}"#, "xMissingParameter", "Missing member=[method]"),
            (r#"{"method":7}"#, "xInvalidParameterType", "member=[method]"),
            (r#"{"method":"GetAPI","params":[1]}"#, "xInvalidParameterType", "member=[params]"),
            (r#"{"method":"GetAPI","id":{}}"#, "xInvalidParameterType", "member=[id]"),
        ];
        for (body, name, fragment) in table {
            let error = rejected(body).error;
            assert_eq!(error.name, name, "{body}");
            assert!(error.message.contains(fragment), "{body}: {}", error.message);
        }
        assert_eq!(rejected(r#"{"id":3}"#).id, json!(3));
    }

    #[test]
    fn envelopes_are_compact_and_never_mix_result_and_error() {
        let ok = success_body(&json!(7), json!({}), Map::new());
        assert_eq!(ok, r#"{"id":7,"result":{}}"#);

        let error = error_body(&Value::Null, &ApiError::new("xUnknownAPIMethod", "method=Foo"));
        let expected =
            r#"{"error":{"code":500,"message":"method=Foo","name":"xUnknownAPIMethod"},"id":null}"#;
        assert_eq!(error, expected);
    }
}
