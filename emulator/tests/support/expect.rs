//! The `expect` mini-language of the shared conformance cases (notes §5): checks one
//! reply against one `expect` object and lists every check that failed.

use regex::Regex;
use serde_json::{Map, Value};

/// One HTTP reply as the harness sees it.
pub struct Reply {
    pub status: u16,
    pub body: String,
    /// The body parsed as JSON, `None` when it is not JSON.
    pub json: Option<Value>,
}

impl Reply {
    pub fn new(status: u16, body: String) -> Reply {
        let json = serde_json::from_str(&body).ok();
        Reply { status, body, json }
    }

    /// The member at a JSON Pointer, `None` when absent or when the body is not JSON.
    pub fn at(&self, pointer: &str) -> Option<&Value> {
        self.json.as_ref()?.pointer(pointer)
    }
}

/// Checks `reply` against a whole `expect` object; each message names its pointer.
pub fn check_reply(expect: &Value, reply: &Reply) -> Vec<String> {
    let Some(ops) = expect.as_object() else {
        return vec![format!("expect is not an object: {expect}")];
    };
    let mut failures = check_http(ops, reply);
    check_members(ops, reply.json.as_ref(), "", &mut failures);
    failures
}

/// `http_status` (default 200), `http_status_one_of` and `json`.
fn check_http(ops: &Map<String, Value>, reply: &Reply) -> Vec<String> {
    let mut failures = Vec::new();
    let allowed: Vec<Value> = match (ops.get("http_status"), ops.get("http_status_one_of")) {
        (_, Some(Value::Array(codes))) => codes.clone(),
        (Some(code), _) => vec![code.clone()],
        (None, _) => vec![Value::from(200)],
    };
    if !allowed.contains(&Value::from(reply.status)) {
        failures.push(format!("http status: expected one of {allowed:?}, got {}", reply.status));
    }

    match ops.get("json") {
        Some(Value::Bool(false)) if reply.json.is_some() => {
            failures.push(format!("body: expected non-JSON, got {}", reply.body));
        }
        Some(Value::Bool(true)) if reply.json.is_none() => {
            failures.push(format!("body: expected JSON, got {}", reply.body));
        }
        _ => {}
    }
    failures
}

/// Every pointer-based operator, against `doc` (the reply, or one array element
/// inside `each`). `base` is the pointer of `doc` itself, for the messages.
fn check_members(ops: &Map<String, Value>, doc: Option<&Value>, base: &str, out: &mut Vec<String>) {
    for (op, arg) in ops {
        let mut check = Check { doc, base, out: &mut *out };
        match op.as_str() {
            "http_status" | "http_status_one_of" | "json" => {}
            "present" => check.each_pointer(arg, |ptr, found| match found {
                Some(_) => Ok(()),
                None => Err(format!("{ptr}: expected present, got absent")),
            }),
            "absent" => check.each_pointer(arg, |ptr, found| match found {
                Some(value) => Err(format!("{ptr}: expected absent, got {value}")),
                None => Ok(()),
            }),
            "not_null" => check.each_pointer(arg, |ptr, found| match found {
                Some(Value::Null) => Err(format!("{ptr}: expected not null, got null")),
                _ => Ok(()),
            }),
            "types" => check.each_entry(arg, true, has_type),
            "types_if_present" => check.each_entry(arg, false, has_type),
            "equals" => check.each_entry(arg, true, equals),
            "equals_if_present" => check.each_entry(arg, false, equals),
            "one_of" => check.each_entry(arg, true, one_of),
            "regex" => check.each_entry(arg, true, matches_regex),
            "regex_if_present" => check.each_entry(arg, false, matches_regex),
            "contains" => check.each_entry(arg, true, |v, items| contains(v, items, true)),
            "not_contains" => check.each_entry(arg, true, |v, items| contains(v, items, false)),
            "each" => check.each_array(arg, |check, ptr, items, nested| {
                let Some(nested) = nested.as_object() else {
                    return check.fail(format!("{ptr}: nested expect is not an object"));
                };
                for (index, item) in items.iter().enumerate() {
                    check_members(nested, Some(item), &format!("{ptr}/{index}"), check.out);
                }
            }),
            "any_match" => check.each_array(arg, |check, ptr, items, pattern| {
                if !items.iter().any(|item| matches_all(item, pattern)) {
                    check.fail(format!("{ptr}: no element has {pattern}"));
                }
            }),
            "none_match" => check.each_array(arg, |check, ptr, items, pattern| {
                if let Some(index) = items.iter().position(|item| matches_all(item, pattern)) {
                    check.fail(format!("{ptr}/{index}: expected no element with {pattern}"));
                }
            }),
            unknown => check.fail(format!("unknown expect operator {unknown:?}")),
        }
    }
}

/// One operator being applied: where to look and where to write failures.
struct Check<'a> {
    doc: Option<&'a Value>,
    base: &'a str,
    out: &'a mut Vec<String>,
}

impl<'a> Check<'a> {
    fn fail(&mut self, message: String) {
        self.out.push(message);
    }

    fn lookup(&self, pointer: &str) -> Option<&'a Value> {
        self.doc?.pointer(pointer)
    }

    /// Operators whose argument is a list of pointers.
    fn each_pointer(
        &mut self,
        arg: &Value,
        rule: impl Fn(&str, Option<&Value>) -> Result<(), String>,
    ) {
        let Some(pointers) = arg.as_array() else {
            return self.fail(format!("expected a list of pointers, got {arg}"));
        };
        for pointer in pointers {
            let Some(pointer) = pointer.as_str() else {
                self.fail(format!("expected a pointer, got {pointer}"));
                continue;
            };
            if let Err(message) = rule(&format!("{}{pointer}", self.base), self.lookup(pointer)) {
                self.fail(message);
            }
        }
    }

    /// Operators whose argument maps pointers to an expected value; `required` says
    /// whether an absent member fails (`types`) or skips the check (`types_if_present`).
    fn each_entry(
        &mut self,
        arg: &Value,
        required: bool,
        rule: impl Fn(&Value, &Value) -> Result<(), String>,
    ) {
        let Some(entries) = arg.as_object() else {
            return self.fail(format!("expected an object of pointers, got {arg}"));
        };
        for (pointer, expected) in entries {
            let full = format!("{}{pointer}", self.base);
            match self.lookup(pointer) {
                Some(actual) => {
                    if let Err(message) = rule(actual, expected) {
                        self.fail(format!("{full}: {message}"));
                    }
                }
                None if required => self.fail(format!("{full}: absent (expected {expected})")),
                None => {}
            }
        }
    }

    /// Operators whose argument maps array pointers to something applied to the array.
    fn each_array(&mut self, arg: &Value, apply: impl Fn(&mut Check, &str, &[Value], &Value)) {
        let Some(entries) = arg.as_object() else {
            return self.fail(format!("expected an object of array pointers, got {arg}"));
        };
        for (pointer, nested) in entries {
            let full = format!("{}{pointer}", self.base);
            match self.lookup(pointer) {
                Some(Value::Array(items)) => apply(self, &full, items, nested),
                Some(other) => self.fail(format!("{full}: expected an array, got {other}")),
                None => self.fail(format!("{full}: absent (expected an array)")),
            }
        }
    }
}

fn has_type(actual: &Value, expected: &Value) -> Result<(), String> {
    let wanted = expected.as_str().unwrap_or_default();
    if wanted.split('|').any(|name| type_name(actual) == name || is_number(actual, name)) {
        return Ok(());
    }
    Err(format!("expected type {wanted}, got {} {actual}", type_name(actual)))
}

/// The mini-language's name for a value's type; a number without a fraction is "integer".
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// "number" accepts integers too.
fn is_number(value: &Value, wanted: &str) -> bool {
    wanted == "number" && value.is_number()
}

fn equals(actual: &Value, expected: &Value) -> Result<(), String> {
    if actual == expected {
        return Ok(());
    }
    Err(format!("expected {expected}, got {actual}"))
}

fn one_of(actual: &Value, allowed: &Value) -> Result<(), String> {
    match allowed.as_array() {
        Some(values) if values.contains(actual) => Ok(()),
        _ => Err(format!("expected one of {allowed}, got {actual}")),
    }
}

fn matches_regex(actual: &Value, pattern: &Value) -> Result<(), String> {
    let pattern = pattern.as_str().unwrap_or_default();
    let regex = Regex::new(pattern).map_err(|err| format!("bad pattern {pattern:?}: {err}"))?;
    match actual.as_str() {
        Some(text) if regex.is_match(text) => Ok(()),
        Some(_) => Err(format!("expected to match {pattern:?}, got {actual}")),
        None => Err(format!("expected a string matching {pattern:?}, got {actual}")),
    }
}

/// `contains` (`wanted = true`) and `not_contains` (`wanted = false`): array elements,
/// or substrings of a string.
fn contains(actual: &Value, items: &Value, wanted: bool) -> Result<(), String> {
    let Some(items) = items.as_array() else {
        return Err(format!("expected a list of items to look for, got {items}"));
    };
    let mut wrong = Vec::new();
    for item in items {
        let found = match (actual, item) {
            (Value::Array(elements), _) => elements.contains(item),
            (Value::String(text), Value::String(part)) => text.contains(part.as_str()),
            _ => return Err(format!("expected an array or a string, got {actual}")),
        };
        if found != wanted {
            wrong.push(item.to_string());
        }
    }
    match (wrong.is_empty(), wanted) {
        (true, _) => Ok(()),
        (false, true) => Err(format!("missing {} in {}", wrong.join(", "), brief(actual))),
        (false, false) => Err(format!("unexpected {} in {}", wrong.join(", "), brief(actual))),
    }
}

/// `any_match` / `none_match`: the element is an object with all of `pattern`'s members.
fn matches_all(item: &Value, pattern: &Value) -> bool {
    let Some(pattern) = pattern.as_object() else {
        return false;
    };
    pattern.iter().all(|(key, value)| item.get(key) == Some(value))
}

/// A value shortened for a message.
pub fn brief(value: &impl ToString) -> String {
    let text = value.to_string();
    match text.char_indices().nth(240) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests;
