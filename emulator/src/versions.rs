//! API versions: which endpoint versions the cluster serves, and which
//! methods exist at each of them.
//!
//! The method lists come from `data/`: the real GetAPI capture at endpoint
//! 7.0, the vendor's list for 12.0, and the version in which the Python SDK
//! records each method's first appearance. A method is available at an
//! endpoint when it is in the list for that version.

use std::collections::BTreeMap;
use std::sync::OnceLock;

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
    let exists = |method: &KnownMethod| {
        if version == V7 {
            return method.in_7_0;
        }
        let listed = if version < V7 { method.in_7_0 } else { method.in_7_0 || method.in_12_0 };
        let kept = version < V12 || method.in_12_0;
        listed && kept && method.introduced_in().is_some_and(|since| since <= version)
    };
    // The table is sorted by name and has each name once, so the list is too.
    KNOWN_METHODS.iter().filter(|method| exists(method)).map(|method| method.name).collect()
}

/// Whether `method` can be called at `endpoint`. GetAPI works everywhere.
pub fn method_available(method: &str, endpoint: &str) -> bool {
    method == "GetAPI" || methods_at(endpoint).binary_search(&method).is_ok()
}

/// Whether some version of Element has this method (so an unemulated one can
/// say "not emulated" rather than "unknown").
pub fn is_element_method(method: &str) -> bool {
    method == "GetAPI" || known(method).is_some()
}

fn known(method: &str) -> Option<&'static KnownMethod> {
    let index = KNOWN_METHODS.binary_search_by(|known| known.name.cmp(method)).ok()?;
    KNOWN_METHODS.get(index)
}

/// A method some source names: the real 7.0 capture, the vendor's 12.0
/// list, or the Python SDK's record of when each method appeared.
struct KnownMethod {
    name: &'static str,
    /// The SDK's `since`, where it records one.
    since: Option<Version>,
    in_7_0: bool,
    in_12_0: bool,
}

impl KnownMethod {
    /// The version the method first appeared in. The SDK's record wins; a
    /// method it does not know dates from the oldest list that has it.
    fn introduced_in(&self) -> Option<Version> {
        match (self.since, self.in_7_0, self.in_12_0) {
            (Some(since), _, _) => Some(since),
            (None, true, _) => Some(Version(1, 0)),
            (None, false, true) => Some(V12),
            (None, false, false) => None,
        }
    }
}

// `KNOWN_METHODS`, built from `data/` by build.rs, sorted by name.
include!(concat!(env!("OUT_DIR"), "/known_methods.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load_in_full() {
        assert_eq!(methods_at("7.0").len(), 155);
        assert_eq!(methods_at("12.0").len(), 300);
        assert_eq!(KNOWN_METHODS.len(), 330);
        let recorded = KNOWN_METHODS.iter().filter(|method| method.since.is_some());
        assert_eq!(recorded.count(), 297);
        assert!(KNOWN_METHODS.windows(2).all(|pair| pair[0].name < pair[1].name));
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
