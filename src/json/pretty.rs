//! Re-indents JSON text token by token, so members keep the order the user
//! wrote them in (a `serde_json::Value` would sort them) and numbers keep
//! their spelling.

use super::parse::{self, JsonError};
use super::tokens::{Kind, Tokens};

/// Two spaces per level, as the templates and the docs use.
const INDENT: &str = "  ";

/// Pretty-prints `text` if it is valid JSON; says where it is not otherwise.
pub fn prettify(text: &str) -> Result<String, JsonError> {
    parse::check(text)?;
    Ok(reindent(text))
}

/// Re-indents text already known to be valid JSON: one member or element per
/// line, `": "` after keys, and empty objects and arrays kept on one line.
pub fn reindent(text: &str) -> String {
    let tokens: Vec<_> = Tokens::new(text).filter(|token| token.kind != Kind::Space).collect();
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut depth = 0usize;
    let mut index = 0;

    while let Some(token) = tokens.get(index) {
        let word = token.text(text);
        index += 1;

        match word {
            "{" | "[" => {
                let next = tokens.get(index).map(|next| next.text(text));
                if matches!((word, next), ("{", Some("}")) | ("[", Some("]"))) {
                    // An empty container stays `{}` or `[]`.
                    out.push_str(word);
                    out.push_str(next.unwrap_or_default());
                    index += 1;
                    continue;
                }
                depth += 1;
                out.push_str(word);
                newline(&mut out, depth);
            }
            "}" | "]" => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push_str(word);
            }
            "," => {
                out.push(',');
                newline(&mut out, depth);
            }
            ":" => out.push_str(": "),
            _ => out.push_str(word),
        }
    }
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_member_order_and_number_spelling() {
        let text = r#"{"method":"CloneVolume","params":{"volumeID":1,"name":"b","access":"readWrite"},"id":1.0}"#;
        let expected = r#"{
  "method": "CloneVolume",
  "params": {
    "volumeID": 1,
    "name": "b",
    "access": "readWrite"
  },
  "id": 1.0
}"#;
        assert_eq!(prettify(text).as_deref(), Ok(expected));
    }

    #[test]
    fn keeps_empty_containers_on_one_line() {
        let text = "{ \"params\" : { } , \"list\":[ ],\"n\":[[1,2],{}]}";
        let expected = "{\n  \"params\": {},\n  \"list\": [],\n  \"n\": [\n    [\n      1,\n      2\n    ],\n    {}\n  ]\n}";
        assert_eq!(prettify(text).as_deref(), Ok(expected));
    }

    #[test]
    fn is_idempotent_and_leaves_strings_alone() {
        let text = r#"{"a":"x, y: {z}","b":[true,null]}"#;
        let once = prettify(text).unwrap_or_default();
        assert!(once.contains(r#""a": "x, y: {z}""#));
        assert_eq!(prettify(&once).as_deref(), Ok(once.as_str()));
    }

    #[test]
    fn scalars_stay_as_they_are() {
        assert_eq!(prettify(" 42 ").as_deref(), Ok("42"));
        assert_eq!(prettify("\"s\"").as_deref(), Ok("\"s\""));
    }

    #[test]
    fn refuses_invalid_json_with_its_position() {
        let error = prettify("{\n  \"a\": 1,\n}").err();
        assert_eq!(error.map(|error| (error.line, error.column)), Some((3, 1)));
    }
}
