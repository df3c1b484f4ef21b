//! The method catalog: one description of every method the playground
//! emulates, used by the app for its method list, docs and request templates.
//!
//! The docs live in one file per [`Group`]; this module keeps the types, the
//! display order and the checks that every entry is usable as a template.

mod async_jobs;
mod common;
mod inventory;
mod progress;

/// What a method is for, used to group the method list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The seven common methods: API discovery, async results, limits, stats.
    Common,
    /// Methods that start an async job and return an `asyncHandle`.
    AsyncJobs,
    /// Methods that watch or stop running jobs without starting one.
    Progress,
    /// Accounts, volumes, drives and nodes: enough to discover IDs and set up jobs.
    Inventory,
}

impl Group {
    pub const ALL: [Group; 4] =
        [Group::Common, Group::AsyncJobs, Group::Progress, Group::Inventory];

    pub fn title(self) -> &'static str {
        match self {
            Group::Common => "Common methods",
            Group::AsyncJobs => "Async jobs",
            Group::Progress => "Progress and cancellation",
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
    async_jobs::COPY_VOLUME,
    async_jobs::START_BULK_VOLUME_READ,
    async_jobs::START_BULK_VOLUME_WRITE,
    async_jobs::ADD_DRIVES,
    async_jobs::REMOVE_DRIVES,
    async_jobs::ADD_NODES,
    progress::LIST_SYNC_JOBS,
    progress::LIST_BULK_VOLUME_JOBS,
    progress::CANCEL_CLONE,
    progress::CANCEL_GROUP_CLONE,
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
    FieldDoc { name, ty, default: "", required: true, description }
}

/// A parameter a request may leave out; `default` is empty when Element names none.
const fn optional(
    name: &'static str,
    ty: &'static str,
    default: &'static str,
    description: &'static str,
) -> FieldDoc {
    FieldDoc { name, ty, default, required: false, description }
}

/// A member of a method's result.
const fn member(name: &'static str, ty: &'static str, description: &'static str) -> FieldDoc {
    FieldDoc { name, ty, default: "", required: false, description }
}

#[cfg(test)]
mod tests;
