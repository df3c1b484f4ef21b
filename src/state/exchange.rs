//! One request sent from the page and the emulator's answer: what the
//! response viewer shows and what the history lists and replays.

use std::rc::Rc;

use element_emulator::{HttpResponse, Timestamp};

use crate::json::scan;
use crate::request;

/// How a reply reads, for the viewer's styling and `data-outcome`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// HTTP 200 with a `result`.
    Success,
    /// HTTP 200 with a JSON-RPC `error` object.
    RpcError { name: String, message: String },
    /// Any other HTTP status (an unsupported endpoint version gives 404).
    HttpError,
}

impl Outcome {
    /// Reads the outcome off a reply without parsing a large result.
    pub fn of(response: &HttpResponse) -> Outcome {
        if response.status != 200 {
            return Outcome::HttpError;
        }
        let Some(error) = scan::top_level_member(&response.body, "error") else {
            return Outcome::Success;
        };
        let text = |key: &str| error.get(key).and_then(|v| v.as_str()).unwrap_or("").to_string();
        Outcome::RpcError { name: text("name"), message: text("message") }
    }

    /// The value of the response panel's `data-outcome`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::RpcError { .. } => "error",
            Outcome::HttpError => "http-error",
        }
    }
}

/// A sent request and its reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    /// 1, 2, 3… in the order sent from this page (`history-<seq>`).
    pub seq: u64,
    /// The endpoint version it was posted to (`/json-rpc/<version>`).
    pub version: &'static str,
    pub request: Rc<str>,
    /// The request's `method`, when the request got that far in validation.
    pub method: Option<String>,
    pub status: u16,
    pub content_type: &'static str,
    pub body: Rc<str>,
    pub outcome: Outcome,
    /// The virtual time it was sent at.
    pub sent_at: Timestamp,
    /// Real milliseconds the emulator took, once the page has measured it.
    pub elapsed_ms: Option<f64>,
}

impl Exchange {
    pub fn new(
        seq: u64,
        version: &'static str,
        request: Rc<str>,
        sent_at: Timestamp,
        response: HttpResponse,
    ) -> Exchange {
        let method = request::check(&request).ok().map(|summary| summary.method);
        let outcome = Outcome::of(&response);
        Exchange {
            seq,
            version,
            request,
            method,
            status: response.status,
            content_type: response.content_type,
            body: response.body.into(),
            outcome,
            sent_at,
            elapsed_ms: None,
        }
    }

    /// Whether the body is JSON worth highlighting and prettifying.
    pub fn is_json(&self) -> bool {
        self.content_type.contains("json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &str) -> HttpResponse {
        HttpResponse { status, content_type: "application/json", body: body.to_string() }
    }

    #[test]
    fn reads_outcomes() {
        let error = r#"{"error":{"code":500,"message":"Missing member=[asyncHandle]","name":"xMissingParameter"},"id":1}"#;
        let rows = [
            (reply(200, r#"{"id":1,"result":{"error":{}}}"#), Outcome::Success),
            (
                reply(200, error),
                Outcome::RpcError {
                    name: "xMissingParameter".into(),
                    message: "Missing member=[asyncHandle]".into(),
                },
            ),
            (reply(404, "<html></html>"), Outcome::HttpError),
        ];
        for (response, outcome) in rows {
            assert_eq!(Outcome::of(&response), outcome, "for {}", response.body);
        }
    }
}
