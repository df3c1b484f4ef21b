//! API versions: which endpoint versions the cluster serves, and which
//! methods exist at each of them.
//!
//! The method lists come from `data/`: the real GetAPI capture at endpoint
//! 7.0, the vendor's list for 12.0, and the version in which the Python SDK
//! records each method's first appearance. A method is available at an
//! endpoint when it is in the list for that version.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The software version the emulated cluster runs (GetAPI's `currentVersion`).
pub const CLUSTER_VERSION: &str = "12.0";

/// Every endpoint version a 12.0 cluster serves, oldest first (note the gaps).
const SUPPORTED_VERSIONS: &[&str] = &[
    "1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0", "7.1", "7.2", "7.3", "7.4", "8.0",
    "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "9.0", "9.1", "9.2", "9.3", "9.4", "9.5",
    "9.6", "10.0", "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "11.0", "11.1", "11.3",
    "11.5", "11.7", "11.8", "12.0",
];

pub fn supported_versions() -> &'static [&'static str] {
    SUPPORTED_VERSIONS
}

pub fn is_supported(version: &str) -> bool {
    SUPPORTED_VERSIONS.contains(&version)
}

/// A `major.minor` version, ordered numerically (so 10.0 > 9.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(u16, u16);

impl Version {
    /// Parses `major.minor`, or a bare `major` (the SDK records `11` once).
    pub fn parse(text: &str) -> Option<Version> {
        let (major, minor) = text.split_once('.').unwrap_or((text, "0"));
        Some(Version(major.parse().ok()?, minor.parse().ok()?))
    }
}

const V7: Version = Version(7, 0);
const V11: Version = Version(11, 0);
const V12: Version = Version(12, 0);

/// Whether an endpoint predates Element 11, where a missing async handle was
/// still reported as the generic `xDBNoSuchPath` (see the notes, section 2.2).
pub fn before_handle_errors(endpoint: &str) -> bool {
    Version::parse(endpoint).is_some_and(|version| version < V11)
}

/// The methods GetAPI lists at an endpoint version, sorted; empty for an
/// unsupported version. GetAPI never lists itself.
pub fn methods_at(endpoint: &str) -> &'static [&'static str] {
    static TABLE: OnceLock<BTreeMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        SUPPORTED_VERSIONS.iter().map(|version| (*version, compute_methods_at(version))).collect()
    });
    table.get(endpoint).map_or(&[], Vec::as_slice)
}

fn compute_methods_at(endpoint: &str) -> Vec<&'static str> {
    let Some(version) = Version::parse(endpoint) else { return Vec::new() };
    let data = data();
    if version == V7 {
        return data.capture_7_0.iter().map(String::as_str).collect();
    }

    let candidates = if version < V7 {
        data.capture_7_0.iter().collect::<Vec<_>>()
    } else {
        data.list_12_0.iter().chain(&data.capture_7_0).collect()
    };
    let mut methods: Vec<&'static str> = candidates
        .into_iter()
        .filter(|name| introduced_in(name).is_some_and(|since| since <= version))
        .filter(|name| version < V12 || data.list_12_0.contains(name))
        .map(String::as_str)
        .collect();
    methods.sort_unstable();
    methods.dedup();
    methods
}

/// Whether `method` can be called at `endpoint`. GetAPI works everywhere.
pub fn method_available(method: &str, endpoint: &str) -> bool {
    method == "GetAPI" || methods_at(endpoint).contains(&method)
}

/// Whether some version of Element has this method (so an unemulated one can
/// say "not emulated" rather than "unknown").
pub fn is_element_method(method: &str) -> bool {
    let data = data();
    method == "GetAPI"
        || data.sdk.methods.contains_key(method)
        || data.list_12_0.iter().any(|name| name == method)
        || data.capture_7_0.iter().any(|name| name == method)
}

/// The version a method first appeared in. The SDK's record wins; a method it
/// does not know dates from the oldest list that has it.
fn introduced_in(method: &str) -> Option<Version> {
    let data = data();
    if let Some(entry) = data.sdk.methods.get(method) {
        return Version::parse(&entry.since);
    }
    if data.capture_7_0.iter().any(|name| name == method) {
        return Some(Version(1, 0));
    }
    data.list_12_0.iter().any(|name| name == method).then_some(V12)
}

struct Data {
    capture_7_0: Vec<String>,
    list_12_0: Vec<String>,
    sdk: SdkVersions,
}

#[derive(Default, Deserialize)]
struct SdkVersions {
    methods: BTreeMap<String, SdkEntry>,
}

#[derive(Deserialize)]
struct SdkEntry {
    since: String,
}

#[derive(Deserialize)]
struct Capture {
    result: CaptureResult,
}

#[derive(Deserialize)]
struct CaptureResult {
    #[serde(rename = "7.0")]
    methods: Vec<String>,
}

#[derive(Deserialize)]
struct List12 {
    #[serde(rename = "12.0")]
    methods: Vec<String>,
}

/// The embedded lists, parsed once. A list that fails to parse is empty (a
/// unit test pins their sizes, so that cannot ship).
fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data {
        capture_7_0: serde_json::from_str::<Capture>(include_str!(
            "../data/getapi-7.0-capture.json"
        ))
        .map(|capture| capture.result.methods)
        .unwrap_or_default(),
        list_12_0: serde_json::from_str::<List12>(include_str!("../data/getapi-12.0-methods.json"))
            .map(|list| list.methods)
            .unwrap_or_default(),
        sdk: serde_json::from_str(include_str!("../data/sdk-method-versions.json"))
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load_in_full() {
        assert_eq!(methods_at("7.0").len(), 155);
        assert_eq!(methods_at("12.0").len(), 300);
        assert_eq!(data().sdk.methods.len(), 297);
    }

    #[test]
    fn lists_follow_the_endpoint_version() {
        let v12 = methods_at("12.0");
        assert!(v12.contains(&"ListQoSPolicies") && v12.contains(&"ModifyQoSPolicy"));
        assert!(!v12.iter().any(|name| name.contains(' ') || *name == "GetAPI"));
        assert!(!v12.contains(&"EnableMaintenanceMode"));

        let v8 = methods_at("8.0");
        assert!(v8.contains(&"GetAsyncResult") && !v8.contains(&"ListAsyncResults"));
        assert!(methods_at("9.0").contains(&"ListAsyncResults"));
        assert!(!methods_at("9.6").contains(&"ListQoSPolicies"));
        assert!(methods_at("10.0").contains(&"ListQoSPolicies"));
        assert!(!methods_at("1.0").contains(&"CloneMultipleVolumes"));
        assert!(methods_at("1.0").contains(&"CloneVolume"));
    }

    #[test]
    fn unsupported_versions_have_no_methods() {
        for version in ["99.0", "11.2", "12.3", "7", "abc", "", "12.0/"] {
            assert!(methods_at(version).is_empty(), "{version}");
        }
        assert!(method_available("GetAPI", "1.0"));
        assert!(!method_available("ListAsyncResults", "8.0"));
    }

    #[test]
    fn versions_order_numerically() {
        assert!(Version::parse("10.0") > Version::parse("9.6"));
        assert_eq!(Version::parse("x.1"), None);
        assert_eq!(Version::parse("11"), Version::parse("11.0"));
    }
}
