//! Typed reading of a request's `params`, with Element's parameter errors.
//!
//! Every read marks the member as used; whatever a method never reads is
//! echoed back as the `unusedParameters` warning. Integers may arrive as
//! numeric strings (a live cluster accepts `"asyncHandle": "12"`), and for
//! optional members `null` means "not given".

use serde_json::{Map, Value};

use crate::wire::ApiError;

pub type ApiResult<T> = Result<T, ApiError>;

/// A request's `params`, read member by member.
#[derive(Debug)]
pub struct Params {
    members: Map<String, Value>,
    used: Vec<String>,
}

impl Params {
    pub fn new(members: Map<String, Value>) -> Params {
        Params { members, used: Vec::new() }
    }

    /// The members no read asked for, for `unusedParameters`.
    pub fn unused(&self) -> Map<String, Value> {
        let is_used = |name: &String| self.used.iter().any(|used| used == name);
        self.members
            .iter()
            .filter(|(name, _)| !is_used(name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect()
    }

    /// The member, if present and not null.
    fn take(&mut self, name: &str) -> Option<&Value> {
        if !self.used.iter().any(|used| used == name) {
            self.used.push(name.to_string());
        }
        self.members.get(name).filter(|value| !value.is_null())
    }

    pub fn required_int(&mut self, name: &str) -> ApiResult<i64> {
        let value = self.take(name).ok_or_else(|| ApiError::missing(name))?;
        as_int(name, value)
    }

    pub fn optional_int(&mut self, name: &str) -> ApiResult<Option<i64>> {
        self.take(name).map(|value| as_int(name, value)).transpose()
    }

    /// An optional ID, where older clients send `0` to mean "none".
    pub fn optional_id(&mut self, name: &str) -> ApiResult<Option<i64>> {
        Ok(self.optional_int(name)?.filter(|id| *id != 0))
    }

    pub fn optional_bool(&mut self, name: &str) -> ApiResult<Option<bool>> {
        let Some(value) = self.take(name) else {
            return Ok(None);
        };
        match value {
            Value::Bool(flag) => Ok(Some(*flag)),
            Value::String(text) if text == "true" => Ok(Some(true)),
            Value::String(text) if text == "false" => Ok(Some(false)),
            other => Err(ApiError::wrong_type(name, "boolean", other)),
        }
    }

    pub fn required_str(&mut self, name: &str) -> ApiResult<String> {
        let value = self.take(name).ok_or_else(|| ApiError::missing(name))?;
        as_str(name, value)
    }

    /// An optional string, where `""` means "not given".
    pub fn optional_str(&mut self, name: &str) -> ApiResult<Option<String>> {
        let text = self.take(name).map(|value| as_str(name, value)).transpose()?;
        Ok(text.filter(|text| !text.is_empty()))
    }

    /// An optional string that must be one of `allowed`.
    pub fn optional_enum(&mut self, name: &str, allowed: &[&str]) -> ApiResult<Option<String>> {
        let Some(text) = self.optional_str(name)? else {
            return Ok(None);
        };
        check_enum(&text, allowed).map(|()| Some(text))
    }

    pub fn required_enum(&mut self, name: &str, allowed: &[&str]) -> ApiResult<String> {
        let text = self.required_str(name)?;
        check_enum(&text, allowed).map(|()| text)
    }

    pub fn optional_object(&mut self, name: &str) -> ApiResult<Option<Map<String, Value>>> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::Object(object)) => Ok(Some(object.clone())),
            Some(other) => Err(ApiError::wrong_type(name, "object", other)),
        }
    }

    pub fn required_array(&mut self, name: &str) -> ApiResult<Vec<Value>> {
        match self.take(name) {
            None => Err(ApiError::missing(name)),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(other) => Err(ApiError::wrong_type(name, "array", other)),
        }
    }

    pub fn required_int_array(&mut self, name: &str) -> ApiResult<Vec<i64>> {
        let items = self.required_array(name)?;
        items.iter().map(|item| as_int(name, item)).collect()
    }

    pub fn optional_int_array(&mut self, name: &str) -> ApiResult<Option<Vec<i64>>> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::Array(items)) => {
                let items = items.clone();
                items.iter().map(|item| as_int(name, item)).collect::<ApiResult<_>>().map(Some)
            }
            Some(other) => Err(ApiError::wrong_type(name, "integer array", other)),
        }
    }

    pub fn optional_str_array(&mut self, name: &str) -> ApiResult<Option<Vec<String>>> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::Array(items)) => {
                let items = items.clone();
                items.iter().map(|item| as_str(name, item)).collect::<ApiResult<_>>().map(Some)
            }
            Some(other) => Err(ApiError::wrong_type(name, "string array", other)),
        }
    }
}

/// Reads an integer member of a nested object (such as `drives[0].driveID`).
pub fn member_int(object: &Value, parent: &str, name: &str) -> ApiResult<i64> {
    let path = format!("{parent}.{name}");
    match object.get(name).filter(|value| !value.is_null()) {
        Some(value) => as_int(&path, value),
        None if object.is_object() => Err(ApiError::missing(&path)),
        None => Err(ApiError::wrong_type(parent, "object", object)),
    }
}

/// Refuses a list that names the same ID twice: one job cannot add, remove
/// or clone the same thing twice.
pub fn check_distinct(member: &str, ids: &[i64]) -> ApiResult<()> {
    let mut seen = std::collections::BTreeSet::new();
    match ids.iter().find(|id| !seen.insert(**id)) {
        Some(id) => Err(ApiError::invalid(member, format!("{id} is listed more than once"))),
        None => Ok(()),
    }
}

/// An integer, or a string holding one, as a live cluster accepts.
pub fn as_int(name: &str, value: &Value) -> ApiResult<i64> {
    let parsed = match value {
        Value::Number(number) => number.as_i64().or_else(|| {
            let float = number.as_f64()?;
            let whole = float.fract() == 0.0 && float.abs() < 9.0e15;
            #[allow(clippy::cast_possible_truncation)]
            whole.then_some(float as i64)
        }),
        Value::String(text) => text.trim().parse::<i64>().ok(),
        _ => None,
    };
    parsed.ok_or_else(|| ApiError::wrong_type(name, "integer", value))
}

fn as_str(name: &str, value: &Value) -> ApiResult<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(ApiError::wrong_type(name, "string", other)),
    }
}

fn check_enum(text: &str, allowed: &[&str]) -> ApiResult<()> {
    if allowed.contains(&text) {
        Ok(())
    } else {
        Err(ApiError::new("xUnrecognizedEnumString", text))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn params(value: Value) -> Params {
        match value {
            Value::Object(members) => Params::new(members),
            _ => unreachable!("test params are objects"),
        }
    }

    #[test]
    fn integers_accept_numeric_strings_and_reject_other_types() {
        let mut p = params(json!({"a": 5, "b": "12", "c": "abc", "d": true, "e": 2.0}));
        assert_eq!(p.required_int("a"), Ok(5));
        assert_eq!(p.required_int("b"), Ok(12));
        assert_eq!(p.required_int("e"), Ok(2));
        assert_eq!(p.required_int("c").unwrap_err().name, "xInvalidParameterType");
        assert_eq!(p.required_int("d").unwrap_err().name, "xInvalidParameterType");
        let missing = p.required_int("z").unwrap_err();
        assert_eq!(
            (missing.name.as_str(), missing.message.as_str()),
            ("xMissingParameter", "Missing member=[z]")
        );
    }

    #[test]
    fn null_zero_and_empty_mean_not_given_for_optional_members() {
        let mut p =
            params(json!({"snapshotID": 0, "access": "", "attributes": null, "newSize": null}));
        assert_eq!(p.optional_id("snapshotID"), Ok(None));
        assert_eq!(p.optional_str("access"), Ok(None));
        assert_eq!(p.optional_object("attributes"), Ok(None));
        assert_eq!(p.optional_int("newSize"), Ok(None));
        assert_eq!(p.required_int("newSize").unwrap_err().name, "xMissingParameter");
    }

    #[test]
    fn unread_members_are_reported_as_unused() {
        let mut p = params(json!({"volumeID": 1, "colour": "blue"}));
        assert_eq!(p.required_int("volumeID"), Ok(1));
        assert_eq!(Value::Object(p.unused()), json!({"colour": "blue"}));
    }

    #[test]
    fn enums_name_the_offending_value() {
        let mut p = params(json!({"format": "zip"}));
        let error = p.required_enum("format", &["native", "uncompressed"]).unwrap_err();
        assert_eq!(
            (error.name.as_str(), error.message.as_str()),
            ("xUnrecognizedEnumString", "zip")
        );
    }
}
