//! The matcher itself, on hand-made replies: each operator must be able to fail, or
//! the conformance suite could pass everything without checking anything.

use serde_json::json;

use super::{check_reply, Reply};

const REPLY: &str = r#"{"id":7,"result":{"name":"db-data","size":1.5,"tags":["a","b"],
    "items":[{"k":1,"s":"x"},{"k":2,"s":"y"},{"k":1,"s":"z"}],"none":null}}"#;

/// The failures of `expect` against an HTTP 200 reply with `REPLY` as body.
fn failures(expect: serde_json::Value) -> Vec<String> {
    check_reply(&expect, &Reply::new(200, REPLY.to_string()))
}

/// Passes when `expect` holds, or fails with exactly one message containing `needle`.
fn check(expect: serde_json::Value, needle: Option<&str>) {
    let failures = failures(expect.clone());
    match needle {
        None => assert!(failures.is_empty(), "{expect} should pass, got {failures:?}"),
        Some(needle) => assert!(
            failures.len() == 1 && failures[0].contains(needle),
            "{expect} should fail once mentioning {needle:?}, got {failures:?}"
        ),
    }
}

#[test]
fn equals_fails_on_a_wrong_value() {
    check(json!({"equals": {"/id": 7, "/result/name": "db-data"}}), None);
    check(json!({"equals": {"/id": 8}}), Some("/id: expected 8, got 7"));
    check(json!({"equals": {"/result/missing": 1}}), Some("/result/missing: absent"));
    check(json!({"equals_if_present": {"/result/missing": 1}}), None);
    check(json!({"equals_if_present": {"/id": "7"}}), Some("/id"));
}

#[test]
fn absent_fails_when_present() {
    check(json!({"absent": ["/error", "/result/missing"]}), None);
    check(json!({"absent": ["/result/none"]}), Some("/result/none: expected absent"));
    check(json!({"present": ["/result/none"]}), None);
    check(json!({"present": ["/error"]}), Some("/error"));
    check(json!({"not_null": ["/result/none"]}), Some("/result/none"));
    check(json!({"not_null": ["/result/missing", "/id"]}), None);
}

#[test]
fn each_applies_to_every_element() {
    check(json!({"each": {"/result/items": {"types": {"/k": "integer"}}}}), None);
    check(json!({"each": {"/result/items": {"equals": {"/k": 1}}}}), Some("/result/items/1/k"));
    check(json!({"each": {"/result/tags": {"regex": {"": "^[ab]$"}}}}), None);
    check(json!({"each": {"/result/tags": {"equals": {"": "a"}}}}), Some("/result/tags/1:"));
    check(json!({"each": {"/result/name": {}}}), Some("expected an array"));
}

#[test]
fn any_and_none_match_look_at_whole_elements() {
    check(json!({"any_match": {"/result/items": {"k": 2, "s": "y"}}}), None);
    check(json!({"any_match": {"/result/items": {"k": 2, "s": "x"}}}), Some("no element"));
    check(json!({"none_match": {"/result/items": {"k": 2, "s": "x"}}}), None);
    check(json!({"none_match": {"/result/items": {"k": 1}}}), Some("/result/items/0"));
}

#[test]
fn types_contains_one_of_and_regex() {
    check(json!({"types": {"/result/size": "number", "/id": "number"}}), None);
    check(
        json!({"types": {"/result/none": "object|null", "/result/tags": "object|null"}}),
        Some("/result/tags"),
    );
    check(json!({"types": {"/result/size": "integer"}}), Some("expected type integer"));
    check(json!({"types_if_present": {"/result/missing": "string"}}), None);
    check(json!({"contains": {"/result/tags": ["b"], "/result/name": ["db-"]}}), None);
    check(json!({"contains": {"/result/tags": ["a", "c"]}}), Some("missing \"c\""));
    check(json!({"not_contains": {"/result/tags": ["c"], "/result/name": ["x"]}}), None);
    check(json!({"not_contains": {"/result/name": ["data"]}}), Some("unexpected \"data\""));
    check(json!({"one_of": {"/result/name": ["db-data", "other"]}}), None);
    check(json!({"one_of": {"/result/name": ["other"]}}), Some("expected one of"));
    check(json!({"regex": {"/result/name": "^db-[a-z]+$"}}), None);
    check(json!({"regex": {"/id": "7"}}), Some("expected a string"));
    check(json!({"regex_if_present": {"/result/name": "^x"}}), Some("expected to match"));
}

#[test]
fn http_status_and_json_are_checked() {
    let not_found = Reply::new(404, "<html>404 Not Found</html>".to_string());
    let expect_404 = json!({"http_status": 404, "json": false, "absent": ["/result"]});
    assert!(check_reply(&expect_404, &not_found).is_empty());
    assert_eq!(check_reply(&json!({"absent": ["/result"]}), &not_found).len(), 1);
    assert_eq!(check_reply(&json!({"http_status_one_of": [200, 404]}), &not_found).len(), 0);
    check(json!({"json": false}), Some("expected non-JSON"));
}

#[test]
fn unknown_operators_fail() {
    check(json!({"equal": {"/id": 7}}), Some("unknown expect operator \"equal\""));
}
