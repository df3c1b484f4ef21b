//! Checks that every catalog entry is usable: unique names in display order,
//! examples that are valid templates for the default cluster, sane fields.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::*;

fn example(doc: &MethodDoc) -> Map<String, Value> {
    match serde_json::from_str(doc.example_params) {
        Ok(Value::Object(map)) => map,
        other => panic!("{}: example is not a JSON object: {other:?}", doc.name),
    }
}

/// The lines of some JSON text, sorted and without trailing commas, so that two
/// texts compare equal when only the order of their keys differs.
fn layout(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(|line| line.trim_end_matches(',')).collect();
    lines.sort_unstable();
    lines
}

#[test]
fn display_order_is_the_emulated_method_list() {
    let expected = [
        (Group::Common, "GetAPI GetAsyncResult ListAsyncResults GetLimits GetOrigin"),
        (Group::Common, "GetCompleteStats GetRawStats"),
        (Group::AsyncJobs, "CloneVolume CloneMultipleVolumes CopyVolume StartBulkVolumeRead"),
        (Group::AsyncJobs, "StartBulkVolumeWrite AddDrives RemoveDrives AddNodes"),
        (Group::Progress, "ListSyncJobs ListBulkVolumeJobs CancelClone CancelGroupClone"),
        (Group::Inventory, "ListAccounts AddAccount ListVolumes CreateVolume ListDrives"),
        (Group::Inventory, "ListAllNodes ListPendingNodes"),
    ];
    let expected: Vec<(Group, &str)> = expected
        .iter()
        .flat_map(|(group, names)| names.split_whitespace().map(|name| (*group, name)))
        .collect();

    let actual: Vec<(Group, &str)> = methods().iter().map(|doc| (doc.group, doc.name)).collect();
    assert_eq!(actual, expected);
}

#[test]
fn the_seven_common_methods_are_in_the_common_group() {
    let common = "GetAPI GetAsyncResult GetCompleteStats GetLimits GetOrigin GetRawStats \
        ListAsyncResults";
    for name in common.split_whitespace() {
        assert_eq!(find(name).map(|doc| doc.group), Some(Group::Common), "{name}");
    }
    let count = methods().iter().filter(|doc| doc.group == Group::Common).count();
    assert_eq!(count, 7);
}

#[test]
fn names_are_unique_and_found_exactly() {
    let mut seen = HashSet::new();
    for doc in methods() {
        assert!(seen.insert(doc.name), "{} appears twice", doc.name);
        assert_eq!(find(doc.name), Some(doc));
    }
    assert_eq!(find("getapi"), None);
    assert_eq!(find("SecureEraseDrives"), None);
}

#[test]
fn every_example_is_an_object_with_the_required_params() {
    for doc in methods() {
        let example = example(doc);
        for param in doc.params.iter().filter(|param| param.required) {
            assert!(example.contains_key(param.name), "{}: no {}", doc.name, param.name);
        }
        for name in example.keys() {
            let documented = doc.params.iter().any(|param| param.name == name);
            assert!(documented, "{}: example uses undocumented {name}", doc.name);
        }
    }
}

#[test]
fn the_catalog_covers_exactly_the_emulated_methods() {
    let mut emulated: Vec<&str> = crate::emulated_methods().collect();
    let mut documented: Vec<&str> = methods().iter().map(|doc| doc.name).collect();
    emulated.sort_unstable();
    documented.sort_unstable();
    assert_eq!(documented, emulated);
}

/// The method whose example starts the job another method's example acts on.
fn prerequisite(name: &str) -> Option<&'static str> {
    match name {
        "CancelClone" => Some("CloneVolume"),
        "CancelGroupClone" => Some("CloneMultipleVolumes"),
        _ => None,
    }
}

/// Each template, sent as is to a fresh default cluster, must succeed and use
/// every parameter it shows (no `unusedParameters` warning).
#[test]
fn every_example_succeeds_on_the_default_cluster() {
    for doc in methods() {
        let mut emulator = crate::Emulator::new(crate::DEFAULT_START);
        if let Some(first) = prerequisite(doc.name) {
            let doc = find(first).map(|doc| Value::Object(example(doc)));
            let body = serde_json::json!({"method": first, "params": doc, "id": 0});
            emulator.post(crate::DEFAULT_START, "/json-rpc/12.0", &body.to_string());
        }
        let request = serde_json::json!({
            "method": doc.name,
            "params": Value::Object(example(doc)),
            "id": 1,
        });
        let body = request.to_string();
        let response = emulator.post(crate::DEFAULT_START, "/json-rpc/12.0", &body);

        let reply: Value = serde_json::from_str(&response.body).unwrap_or(Value::Null);
        assert_eq!(response.status, 200, "{}: {}", doc.name, response.body);
        assert!(reply.get("result").is_some(), "{}: {}", doc.name, response.body);
        assert!(reply.get("unusedParameters").is_none(), "{}: {}", doc.name, response.body);
    }
}

#[test]
fn every_example_is_laid_out_as_serde_json_pretty_prints_it() {
    for doc in methods() {
        let Ok(pretty) = serde_json::to_string_pretty(&Value::Object(example(doc))) else {
            panic!("{}: example does not serialize", doc.name);
        };
        assert_eq!(layout(doc.example_params), layout(&pretty), "{}", doc.name);
    }
}

#[test]
fn fields_are_named_typed_and_described_once() {
    for doc in methods() {
        for fields in [doc.params, doc.returns] {
            let mut seen = HashSet::new();
            for field in fields {
                assert!(seen.insert(field.name), "{}: {} twice", doc.name, field.name);
                assert!(!field.ty.is_empty(), "{}.{} has no type", doc.name, field.name);
                assert!(field.description.ends_with('.'), "{}.{}", doc.name, field.name);
            }
        }
        let required_with_default =
            doc.params.iter().find(|param| param.required && !param.default.is_empty());
        assert_eq!(required_with_default, None, "{}", doc.name);
        assert!(doc.returns.iter().all(|field| !field.required), "{}", doc.name);
    }
}

#[test]
fn summaries_and_notes_are_sentences() {
    for doc in methods() {
        assert!(!doc.summary.trim().is_empty(), "{} has no summary", doc.name);
        for text in [doc.summary, doc.emulation_notes] {
            assert!(text.ends_with('.'), "{}: {text:?} does not end a sentence", doc.name);
            assert!(!text.contains("  "), "{}: double space in {text:?}", doc.name);
        }
    }
}

#[test]
fn since_is_major_dot_minor() {
    for doc in methods() {
        let parsed = doc.since.split_once('.').and_then(|(major, minor)| {
            Some((major.parse::<u32>().ok()?, minor.parse::<u32>().ok()?))
        });
        assert!(matches!(parsed, Some((1..=12, _))), "{}: since {:?}", doc.name, doc.since);
    }
}

#[test]
fn only_job_starters_have_a_result_type() {
    for doc in methods() {
        assert_eq!(doc.result_type.is_some(), doc.group == Group::AsyncJobs, "{}", doc.name);
        let Some(result_type) = doc.result_type else {
            continue;
        };
        let known = crate::ResultType::parse(result_type).is_some();
        assert!(known, "{}: unknown result type {result_type}", doc.name);

        // AddNodes hands out its handles inside `nodes`, one per reimaged node.
        let handle_member = if doc.name == "AddNodes" { "nodes" } else { "asyncHandle" };
        let returns_handle = doc.returns.iter().any(|field| field.name == handle_member);
        assert!(returns_handle, "{} does not return {handle_member}", doc.name);
    }
}
