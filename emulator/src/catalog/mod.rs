//! The method catalog: one description of every method the playground
//! emulates, used by the app for its method list, docs and request templates.
//!
//! The docs live in one file per [`Group`]; this module keeps the types, the
//! display order and the checks that every entry is usable as a template.

mod async_jobs;
mod common;
mod inventory;

/// What a method is for, used to group the method list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The seven common methods: API discovery, async results, limits, stats.
    Common,
    /// Methods that start an async job and return an `asyncHandle`.
    AsyncJobs,
    /// Accounts, volumes, drives and nodes: enough to discover IDs and set up jobs.
    Inventory,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Common, Group::AsyncJobs, Group::Inventory];

    pub fn title(self) -> &'static str {
        match self {
            Group::Common => "Common methods",
            Group::AsyncJobs => "Async jobs",
            Group::Inventory => "Inventory",
        }
    }
}

/// One parameter or return value of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDoc {
    /// The member name exactly as on the wire (`asyncHandle`).
    pub name: &'static str,
    /// The JSON type as Element's reference names it (`integer`, `string`, `boolean`,
    /// `integer array`, `JSON object`, `volume`...).
    pub ty: &'static str,
    /// The default when omitted, as text; empty when there is none.
    pub default: &'static str,
    /// Whether a request without it fails with `xMissingParameter`.
    pub required: bool,
    pub description: &'static str,
}

/// Everything the app shows about one emulated method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodDoc {
    pub name: &'static str,
    pub group: Group,
    /// What the method does, in a few sentences.
    pub summary: &'static str,
    pub params: &'static [FieldDoc],
    pub returns: &'static [FieldDoc],
    /// The API version the method appeared in (from the Python SDK's records).
    pub since: &'static str,
    /// The `resultType` of the async job the method starts, if it starts one.
    pub result_type: Option<&'static str>,
    /// An example `params` object, as pretty JSON text, valid against the default cluster.
    pub example_params: &'static str,
    /// How the playground's emulation behaves, where a learner should know it
    /// (durations, emulator-defined members).
    pub emulation_notes: &'static str,
}

/// Every emulated method, in display order within its group.
pub fn methods() -> &'static [MethodDoc] {
    METHODS
}

/// The doc of an emulated method, by exact name.
pub fn find(name: &str) -> Option<&'static MethodDoc> {
    METHODS.iter().find(|doc| doc.name == name)
}

static METHODS: &[MethodDoc] = &[
    common::GET_API,
    common::GET_ASYNC_RESULT,
    common::LIST_ASYNC_RESULTS,
    common::GET_LIMITS,
    common::GET_ORIGIN,
    common::GET_COMPLETE_STATS,
    common::GET_RAW_STATS,
    async_jobs::CLONE_VOLUME,
    async_jobs::CLONE_MULTIPLE_VOLUMES,
    async_jobs::START_BULK_VOLUME_READ,
    async_jobs::START_BULK_VOLUME_WRITE,
    async_jobs::ADD_DRIVES,
    async_jobs::REMOVE_DRIVES,
    async_jobs::ADD_NODES,
    inventory::LIST_ACCOUNTS,
    inventory::ADD_ACCOUNT,
    inventory::LIST_VOLUMES,
    inventory::CREATE_VOLUME,
    inventory::LIST_DRIVES,
    inventory::LIST_ALL_NODES,
    inventory::LIST_PENDING_NODES,
];

/// A parameter a request must carry.
const fn required(name: &'static str, ty: &'static str, description: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty,
        default: "",
        required: true,
        description,
    }
}

/// A parameter a request may leave out; `default` is empty when Element names none.
const fn optional(
    name: &'static str,
    ty: &'static str,
    default: &'static str,
    description: &'static str,
) -> FieldDoc {
    FieldDoc {
        name,
        ty,
        default,
        required: false,
        description,
    }
}

/// A member of a method's result.
const fn member(name: &'static str, ty: &'static str, description: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty,
        default: "",
        required: false,
        description,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use serde_json::{Map, Value};

    use super::*;

    const RESULT_TYPES: [&str; 5] = [
        "Clone",
        "BulkVolume",
        "DriveAdd",
        "DriveRemoval",
        "RtfiPendingNode",
    ];

    fn example(doc: &MethodDoc) -> Map<String, Value> {
        match serde_json::from_str(doc.example_params) {
            Ok(Value::Object(map)) => map,
            other => panic!("{}: example is not a JSON object: {other:?}", doc.name),
        }
    }

    /// The lines of some JSON text, sorted and without trailing commas, so that two
    /// texts compare equal when only the order of their keys differs.
    fn layout(text: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = text
            .lines()
            .map(|line| line.trim_end_matches(','))
            .collect();
        lines.sort_unstable();
        lines
    }

    #[test]
    fn display_order_is_the_emulated_method_list() {
        let expected = [
            (
                Group::Common,
                "GetAPI GetAsyncResult ListAsyncResults GetLimits GetOrigin",
            ),
            (Group::Common, "GetCompleteStats GetRawStats"),
            (
                Group::AsyncJobs,
                "CloneVolume CloneMultipleVolumes StartBulkVolumeRead",
            ),
            (
                Group::AsyncJobs,
                "StartBulkVolumeWrite AddDrives RemoveDrives AddNodes",
            ),
            (
                Group::Inventory,
                "ListAccounts AddAccount ListVolumes CreateVolume ListDrives",
            ),
            (Group::Inventory, "ListAllNodes ListPendingNodes"),
        ];
        let expected: Vec<(Group, &str)> = expected
            .iter()
            .flat_map(|(group, names)| names.split_whitespace().map(|name| (*group, name)))
            .collect();

        let actual: Vec<(Group, &str)> =
            methods().iter().map(|doc| (doc.group, doc.name)).collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn the_seven_common_methods_are_in_the_common_group() {
        let common = "GetAPI GetAsyncResult GetCompleteStats GetLimits GetOrigin GetRawStats \
            ListAsyncResults";
        for name in common.split_whitespace() {
            assert_eq!(
                find(name).map(|doc| doc.group),
                Some(Group::Common),
                "{name}"
            );
        }
        let count = methods()
            .iter()
            .filter(|doc| doc.group == Group::Common)
            .count();
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
        assert_eq!(find("CopyVolume"), None);
    }

    #[test]
    fn every_example_is_an_object_with_the_required_params() {
        for doc in methods() {
            let example = example(doc);
            for param in doc.params.iter().filter(|param| param.required) {
                assert!(
                    example.contains_key(param.name),
                    "{}: no {}",
                    doc.name,
                    param.name
                );
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

    /// Each template, sent as is to a fresh default cluster, must succeed and use
    /// every parameter it shows (no `unusedParameters` warning).
    #[test]
    fn every_example_succeeds_on_the_default_cluster() {
        for doc in methods() {
            let mut emulator = crate::Emulator::new(crate::DEFAULT_START);
            let request = serde_json::json!({
                "method": doc.name,
                "params": Value::Object(example(doc)),
                "id": 1,
            });
            let body = request.to_string();
            let response = emulator.post(crate::DEFAULT_START, "/json-rpc/12.0", &body);

            let reply: Value = serde_json::from_str(&response.body).unwrap_or(Value::Null);
            assert_eq!(response.status, 200, "{}: {}", doc.name, response.body);
            assert!(
                reply.get("result").is_some(),
                "{}: {}",
                doc.name,
                response.body
            );
            assert!(
                reply.get("unusedParameters").is_none(),
                "{}: {}",
                doc.name,
                response.body
            );
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
                    assert!(
                        seen.insert(field.name),
                        "{}: {} twice",
                        doc.name,
                        field.name
                    );
                    assert!(
                        !field.ty.is_empty(),
                        "{}.{} has no type",
                        doc.name,
                        field.name
                    );
                    assert!(
                        field.description.ends_with('.'),
                        "{}.{}",
                        doc.name,
                        field.name
                    );
                }
            }
            let required_with_default = doc
                .params
                .iter()
                .find(|param| param.required && !param.default.is_empty());
            assert_eq!(required_with_default, None, "{}", doc.name);
            assert!(
                doc.returns.iter().all(|field| !field.required),
                "{}",
                doc.name
            );
        }
    }

    #[test]
    fn summaries_and_notes_are_sentences() {
        for doc in methods() {
            assert!(
                !doc.summary.trim().is_empty(),
                "{} has no summary",
                doc.name
            );
            for text in [doc.summary, doc.emulation_notes] {
                assert!(
                    text.ends_with('.'),
                    "{}: {text:?} does not end a sentence",
                    doc.name
                );
                assert!(
                    !text.contains("  "),
                    "{}: double space in {text:?}",
                    doc.name
                );
            }
        }
    }

    #[test]
    fn since_is_major_dot_minor() {
        for doc in methods() {
            let parsed = doc.since.split_once('.').and_then(|(major, minor)| {
                Some((major.parse::<u32>().ok()?, minor.parse::<u32>().ok()?))
            });
            assert!(
                matches!(parsed, Some((1..=12, _))),
                "{}: since {:?}",
                doc.name,
                doc.since
            );
        }
    }

    #[test]
    fn only_job_starters_have_a_result_type() {
        for doc in methods() {
            assert_eq!(
                doc.result_type.is_some(),
                doc.group == Group::AsyncJobs,
                "{}",
                doc.name
            );
            let Some(result_type) = doc.result_type else {
                continue;
            };
            assert!(
                RESULT_TYPES.contains(&result_type),
                "{}: {result_type}",
                doc.name
            );

            // AddNodes hands out its handles inside `nodes`, one per reimaged node.
            let handle_member = if doc.name == "AddNodes" {
                "nodes"
            } else {
                "asyncHandle"
            };
            let returns_handle = doc.returns.iter().any(|field| field.name == handle_member);
            assert!(
                returns_handle,
                "{} does not return {handle_member}",
                doc.name
            );
        }
    }
}
