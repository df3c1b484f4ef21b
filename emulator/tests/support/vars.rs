//! Values that flow between the steps of one case: captures (`{"$var": "name"}`), the
//! previous step's reply (`{"$var": "__prev:<pointer>"}`) and the run id (`${RUN}`).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::expect::{brief, Reply};

pub struct Vars {
    run_id: String,
    captured: BTreeMap<String, Value>,
    previous: Option<Value>,
}

impl Vars {
    pub fn new(run_id: String) -> Vars {
        Vars { run_id, captured: BTreeMap::new(), previous: None }
    }

    /// Remembers the reply that `__prev:` refers to from now on.
    pub fn set_previous(&mut self, reply: &Reply) {
        self.previous = reply.json.clone();
    }

    /// A copy of `template` with every `$var` object and `${RUN}` fragment replaced.
    pub fn substitute(&self, template: &Value) -> Result<Value, String> {
        match template {
            Value::Object(map) => match var_name(map) {
                Some(name) => self.lookup(name),
                None => {
                    let mut out = Map::new();
                    for (key, value) in map {
                        out.insert(key.replace("${RUN}", &self.run_id), self.substitute(value)?);
                    }
                    Ok(Value::Object(out))
                }
            },
            Value::Array(items) => items.iter().map(|item| self.substitute(item)).collect(),
            Value::String(text) => Ok(Value::String(text.replace("${RUN}", &self.run_id))),
            other => Ok(other.clone()),
        }
    }

    fn lookup(&self, name: &str) -> Result<Value, String> {
        if let Some(pointer) = name.strip_prefix("__prev:") {
            let previous =
                self.previous.as_ref().ok_or("__prev: there is no previous JSON reply")?;
            return previous
                .pointer(pointer)
                .cloned()
                .ok_or_else(|| format!("__prev:{pointer} is absent in {}", brief(previous)));
        }
        self.captured
            .get(name)
            .cloned()
            .ok_or_else(|| format!("variable {name:?} was never captured"))
    }

    /// Runs a step's `capture` object against its reply.
    pub fn capture(&mut self, captures: &Map<String, Value>, reply: &Reply) -> Result<(), String> {
        for (name, selector) in captures {
            let value = select(selector, reply).map_err(|why| {
                format!("capture {name:?}: {why}; reply was {}", brief(&reply.body))
            })?;
            self.captured.insert(name.clone(), value);
        }
        Ok(())
    }
}

/// `{"$var": "name"}`, and nothing else in the object.
fn var_name(map: &Map<String, Value>) -> Option<&str> {
    match (map.len(), map.get("$var")) {
        (1, Some(Value::String(name))) => Some(name),
        _ => None,
    }
}

/// A capture selector: a JSON Pointer, or `{pointer, where, field}` = the `field` of
/// the first element of the array at `pointer` whose members equal `where`.
fn select(selector: &Value, reply: &Reply) -> Result<Value, String> {
    if let Some(pointer) = selector.as_str() {
        return reply.at(pointer).cloned().ok_or_else(|| format!("{pointer} is absent"));
    }

    let (Some(pointer), Some(Value::Object(filter)), Some(field)) = (
        selector.get("pointer").and_then(Value::as_str),
        selector.get("where"),
        selector.get("field").and_then(Value::as_str),
    ) else {
        return Err(format!("bad selector {selector}"));
    };
    let items = reply
        .at(pointer)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{pointer} is not an array"))?;
    let found = items
        .iter()
        .find(|item| filter.iter().all(|(key, value)| item.get(key) == Some(value)))
        .ok_or_else(|| format!("no element of {pointer} has {}", Value::Object(filter.clone())))?;
    found.get(field).cloned().ok_or_else(|| format!("the element of {pointer} has no {field:?}"))
}
