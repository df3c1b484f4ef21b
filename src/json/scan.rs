//! Reads one top-level member of a JSON object without parsing the rest, so
//! telling a JSON-RPC error from a 2 MB result stays cheap.

use serde_json::Value;

use super::tokens::{Kind, Tokens};

/// The value of the top-level member `name` of the object in `text`, parsed.
/// `None` if `text` is not an object, lacks the member, or the member's value
/// is not valid JSON.
pub fn top_level_member(text: &str, name: &str) -> Option<Value> {
    let mut tokens = Tokens::new(text).filter(|token| token.kind != Kind::Space);
    if tokens.next()?.text(text) != "{" {
        return None;
    }

    // Walk the members at depth 1; the wanted value starts after the colon
    // that follows its key, and ends at the next comma or closing brace.
    let mut depth = 1usize;
    let mut expecting_key = true;
    let mut wanted = false;
    let mut value_start: Option<usize> = None;
    for token in tokens {
        let word = token.text(text);
        match word {
            "{" | "[" => depth += 1,
            "}" | "]" | "," if depth == 1 => {
                if let Some(start) = value_start {
                    return serde_json::from_str(&text[start..token.start]).ok();
                }
                if word != "," {
                    return None;
                }
                expecting_key = true;
            }
            "}" | "]" => depth -= 1,
            ":" if depth == 1 && wanted => value_start = Some(token.end),
            _ if depth == 1 && expecting_key => {
                expecting_key = false;
                wanted = serde_json::from_str::<String>(word).ok().as_deref() == Some(name);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_members_at_the_top_level_only() {
        let text = r#"{"result":{"error":1,"list":[{"error":2}]},"error":{"name":"xA"},"id":7}"#;
        assert_eq!(
            top_level_member(text, "error").map(|v| v.to_string()),
            Some(r#"{"name":"xA"}"#.into())
        );
        assert_eq!(top_level_member(text, "id"), Some(Value::from(7)));
        assert_eq!(top_level_member(r#"{"result":{"error":1}}"#, "error"), None);
    }

    #[test]
    fn gives_up_quietly_on_other_text() {
        for text in ["", "[1]", "<html>", "{\"error\":", "{\"a\" 1}", "{\"error\": nope}"] {
            assert_eq!(top_level_member(text, "error"), None, "for {text:?}");
        }
    }
}
