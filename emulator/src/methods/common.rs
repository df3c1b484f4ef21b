//! GetAPI and the async-result methods: GetAsyncResult and ListAsyncResults.

use serde_json::{json, Map, Value};

use super::Call;
use crate::jobs::{Job, Outcome};
use crate::params::{ApiResult, Params};
use crate::versions;
use crate::wire::ApiError;
use crate::{Emulator, ResultType};

/// The method list is keyed by the endpoint version in the URL, as on a real
/// cluster (the docs say "current version"; a 7.3 cluster's capture says otherwise).
pub fn get_api(_: &mut Emulator, _: &mut Params, call: &Call) -> ApiResult<Value> {
    let mut result = Map::new();
    result.insert(call.endpoint.to_string(), json!(versions::methods_at(call.endpoint)));
    result.insert("currentVersion".into(), json!(versions::CLUSTER_VERSION));
    result.insert("supportedVersions".into(), json!(versions::supported_versions()));
    Ok(Value::Object(result))
}

/// A running job is never purged; a completed one is purged after this read
/// unless `keepResult` is true.
pub fn get_async_result(
    emulator: &mut Emulator,
    params: &mut Params,
    call: &Call,
) -> ApiResult<Value> {
    let handle = params.required_int("asyncHandle")?;
    let keep = params.optional_bool("keepResult")?.unwrap_or(false);
    let now = emulator.now;

    let job = live_job(&mut emulator.jobs, handle)
        .ok_or_else(|| no_such_handle(handle, call.endpoint))?;
    let mut result = Map::new();
    result.insert("createTime".into(), json!(job.created.to_iso()));
    result.insert("lastUpdateTime".into(), json!(job.last_update(now).to_iso()));
    result.insert("resultType".into(), json!(job.work.result_type().as_str()));
    match &job.outcome {
        None => {
            result.insert("details".into(), job.details(now));
            result.insert("status".into(), json!("running"));
        }
        Some(outcome) => {
            match outcome {
                Outcome::Success(value) => result.insert("result".into(), value.clone()),
                Outcome::Failure(error) => result.insert("error".into(), job.error_json(error)),
                // Cancelling removes the handle, as the vendor's CancelClone page says.
                Outcome::Cancelled { .. } => return Err(no_such_handle(handle, call.endpoint)),
            };
            result.insert("status".into(), json!("complete"));
            job.purged = !keep;
        }
    }
    Ok(Value::Object(result))
}

/// Lists running and completed jobs, oldest first; never purges.
pub fn list_async_results(
    emulator: &mut Emulator,
    params: &mut Params,
    _: &Call,
) -> ApiResult<Value> {
    let filter = match params.optional_str_array("asyncResultTypes")? {
        Some(names) => Some(parse_result_types(&names)?),
        None => None,
    };
    let now = emulator.now;
    let wanted = |job: &&Job| {
        !job.purged && filter.as_ref().is_none_or(|types| types.contains(&job.work.result_type()))
    };

    let handles: Vec<Value> = emulator
        .jobs
        .iter()
        .filter(wanted)
        .filter_map(|job| {
            let (completed, success, data) = match &job.outcome {
                None => (false, false, job.details(now)),
                Some(Outcome::Success(value)) => (true, true, value.clone()),
                Some(Outcome::Failure(error)) => (true, false, job.error_json(error)),
                Some(Outcome::Cancelled { .. }) => return None,
            };
            Some(json!({
                "asyncResultID": job.handle,
                "completed": completed,
                "createTime": job.created.to_iso(),
                "data": data,
                "lastUpdateTime": job.last_update(now).to_iso(),
                "resultType": job.work.result_type().as_str(),
                "success": success,
            }))
        })
        .collect();
    Ok(json!({"asyncHandles": handles}))
}

fn parse_result_types(names: &[String]) -> ApiResult<Vec<ResultType>> {
    names
        .iter()
        .map(|name| {
            ResultType::parse(name).ok_or_else(|| ApiError::new("xUnrecognizedEnumString", name))
        })
        .collect()
}

fn live_job(jobs: &mut [Job], handle: i64) -> Option<&mut Job> {
    jobs.iter_mut().find(|job| !job.purged && i64::try_from(job.handle) == Ok(handle))
}

/// A live 11.x/12.x cluster names a missing handle `xAsyncHandleDoesNotExist`;
/// the documentation, written for older releases, shows the generic database
/// error `xDBNoSuchPath`. The endpoint version picks which one a client sees.
fn no_such_handle(handle: i64, endpoint: &str) -> ApiError {
    if versions::before_handle_errors(endpoint) {
        ApiError::new(
            "xDBNoSuchPath",
            format!(
                "DBClient operation requested on a non-existent path at [/asyncresults/{handle}]"
            ),
        )
    } else {
        ApiError::new("xAsyncHandleDoesNotExist", format!("Async handle {handle} does not exist."))
    }
}
