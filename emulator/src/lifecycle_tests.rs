//! Table and stepped-clock tests of the whole emulator, through `post`, the
//! same entry point the app and `replay` use.

use expect_test::{expect, Expect};
use serde_json::{json, Value};

use crate::{Emulator, JobError, ResultType, Timestamp, DEFAULT_START};

/// Posts `request` at the emulator's current time and returns the parsed reply.
fn call(emulator: &mut Emulator, request: Value) -> Value {
    let response = emulator.post(emulator.now(), "/json-rpc/12.0", &request.to_string());
    assert_eq!(response.status, 200, "{}", response.body);
    serde_json::from_str(&response.body).unwrap()
}

fn result(emulator: &mut Emulator, method: &str, params: Value) -> Value {
    let reply = call(emulator, json!({"method": method, "params": params, "id": 1}));
    assert!(reply.get("error").is_none(), "{method} failed: {reply}");
    reply["result"].clone()
}

fn error_name(emulator: &mut Emulator, method: &str, params: Value) -> String {
    let reply = call(emulator, json!({"method": method, "params": params, "id": 1}));
    assert!(reply.get("result").is_none(), "{method} succeeded: {reply}");
    reply["error"]["name"].as_str().unwrap().to_string()
}

fn advance(emulator: &mut Emulator, seconds: i64) {
    emulator.advance_to(emulator.now().plus_millis(seconds * 1000));
}

/// The timeline as text: one line per job, as the app draws it.
fn timeline(emulator: &Emulator) -> String {
    emulator
        .jobs()
        .iter()
        .map(|job| {
            let seconds = |at: Timestamp| (at.as_millis() - DEFAULT_START.as_millis()) / 1000;
            let (start, end) = (seconds(job.created), seconds(job.completes));
            let purged = if job.purged { " purged" } else { "" };
            let progress = (job.progress * 100.0).round();
            format!(
                "#{} {} {:?} {start}s..{end}s {progress}% {:?}{purged}: {}\n",
                job.handle,
                job.result_type.as_str(),
                job.status,
                job.method,
                job.label
            )
        })
        .collect()
}

fn check_timeline(emulator: &Emulator, expected: Expect) {
    expected.assert_eq(&timeline(emulator));
}

fn status_of(list: &Value, key: &str, id_key: &str, id: i64) -> String {
    let items = list[key].as_array().unwrap();
    let item = items.iter().find(|item| item[id_key] == json!(id)).unwrap();
    item["status"].as_str().unwrap().to_string()
}

#[test]
fn clone_volume_lifecycle() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let started = result(&mut emulator, "CloneVolume", json!({"volumeID": 1, "name": "copy"}));
    let (handle, new_id) = (started["asyncHandle"].clone(), started["volumeID"].as_i64().unwrap());
    assert_eq!(started["volume"]["status"], "init");
    let volumes = result(&mut emulator, "ListVolumes", json!({}));
    assert_eq!(status_of(&volumes, "volumes", "volumeID", new_id), "init");

    advance(&mut emulator, 5);
    let running = result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(running["status"], "running");
    assert_eq!(running["details"]["percentComplete"], 45);
    check_timeline(
        &emulator,
        expect![[r#"
            #1 DriveAdd Succeeded -3600s..-3510s 100% "AddDrives": cluster setup: add drives 1-16
            #2 Clone Running 0s..11s 45% "CloneVolume": clone volume 1 → 6
        "#]],
    );

    advance(&mut emulator, 10);
    let volumes = result(&mut emulator, "ListVolumes", json!({}));
    assert_eq!(status_of(&volumes, "volumes", "volumeID", new_id), "active");
    let kept = json!({"asyncHandle": handle, "keepResult": true});
    let done = result(&mut emulator, "GetAsyncResult", kept);
    assert_eq!(done["result"], json!({"cloneID": 1, "message": "Clone complete.", "volumeID": 6}));
    assert_eq!(done["lastUpdateTime"], "2026-01-01T00:00:11Z");
    result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": handle}));
    let purged = error_name(&mut emulator, "GetAsyncResult", json!({"asyncHandle": handle}));
    assert_eq!(purged, "xAsyncHandleDoesNotExist");
    check_timeline(
        &emulator,
        expect![[r##"
            #1 DriveAdd Succeeded -3600s..-3510s 100% "AddDrives": cluster setup: add drives 1-16
            #2 Clone Succeeded 0s..11s 100% "CloneVolume" purged: clone volume 1 → 6
        "##]],
    );
}

#[test]
fn bulk_volume_lifecycle_and_injected_failure() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let read =
        result(&mut emulator, "StartBulkVolumeRead", json!({"volumeID": 2, "format": "native"}));
    let fault = JobError {
        name: "xBulkVolumeScriptFailure".into(),
        message: "Bulk volume job failed".into(),
    };
    emulator.fail_next(ResultType::BulkVolume, fault);
    let write = result(
        &mut emulator,
        "StartBulkVolumeWrite",
        json!({"volumeID": 5, "format": "uncompressed"}),
    );

    advance(&mut emulator, 15);
    let running =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": read["asyncHandle"]}));
    assert_eq!(running["details"]["type"], "read");
    assert_eq!(running["details"]["percentComplete"], 50);
    advance(&mut emulator, 20);
    check_timeline(
        &emulator,
        expect![[r#"
            #1 DriveAdd Succeeded -3600s..-3510s 100% "AddDrives": cluster setup: add drives 1-16
            #2 BulkVolume Succeeded 0s..30s 100% "StartBulkVolumeRead": bulk read of volume 2
            #3 BulkVolume Failed 0s..20s 100% "StartBulkVolumeWrite": bulk write of volume 5
        "#]],
    );

    let failed =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": write["asyncHandle"]}));
    let expected_error = json!({"bvID": 2, "message": "Bulk volume job failed",
                                "name": "xBulkVolumeScriptFailure", "volumeID": 5});
    assert_eq!(
        (failed["status"].clone(), failed["error"].clone()),
        (json!("complete"), expected_error)
    );
    assert!(failed.get("result").is_none());
    let listed =
        result(&mut emulator, "ListAsyncResults", json!({"asyncResultTypes": ["BulkVolume"]}));
    let entries = listed["asyncHandles"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "the failed job was purged by the read above");
    assert_eq!(
        (entries[0]["completed"].clone(), entries[0]["success"].clone()),
        (json!(true), json!(true))
    );
}

#[test]
fn drive_add_and_removal_lifecycles_change_drive_status() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let add = result(
        &mut emulator,
        "AddDrives",
        json!({"drives": [{"driveID": 17}, {"driveID": 18, "type": "block"}]}),
    );
    let remove = result(&mut emulator, "RemoveDrives", json!({"drives": [16]}));
    let drives = result(&mut emulator, "ListDrives", json!({}));
    assert_eq!(status_of(&drives, "drives", "driveID", 17), "available");
    assert_eq!(status_of(&drives, "drives", "driveID", 16), "removing");
    assert_eq!(
        error_name(&mut emulator, "AddDrives", json!({"drives": [{"driveID": 17}]})),
        "xInvalidParameter"
    );

    advance(&mut emulator, 10);
    let halfway =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": add["asyncHandle"]}));
    assert_eq!(
        halfway["details"],
        json!({"abortedDrives": [], "addedDrives": [17], "pendingDrives": [18]})
    );

    advance(&mut emulator, 10);
    let drives = result(&mut emulator, "ListDrives", json!({}));
    assert_eq!(status_of(&drives, "drives", "driveID", 17), "active");
    assert_eq!(status_of(&drives, "drives", "driveID", 16), "removing");

    advance(&mut emulator, 85);
    let drives = result(&mut emulator, "ListDrives", json!({}));
    assert_eq!(status_of(&drives, "drives", "driveID", 16), "available");
    let removed =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": remove["asyncHandle"]}));
    assert_eq!(removed["resultType"], "DriveRemoval");
    assert_eq!(removed["result"]["removedDrives"], json!([16]));
    check_timeline(
        &emulator,
        expect![[r##"
            #1 DriveAdd Succeeded -3600s..-3510s 100% "AddDrives": cluster setup: add drives 1-16
            #2 DriveAdd Succeeded 0s..20s 100% "AddDrives": add drives 17, 18
            #3 DriveRemoval Succeeded 0s..105s 100% "RemoveDrives" purged: remove drives 16
        "##]],
    );
}

#[test]
fn add_nodes_rtfi_lifecycle_activates_the_pending_node() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let added = result(&mut emulator, "AddNodes", json!({"pendingNodes": [1, 2]}));
    let nodes = added["nodes"].as_array().unwrap();
    assert_eq!(nodes[0]["asyncHandle"], 2, "node 1 runs older software and needs an RTFI");
    assert!(nodes[1].get("asyncHandle").is_none(), "node 2 joins at once");

    let all = result(&mut emulator, "ListAllNodes", json!({}));
    assert_eq!(all["nodes"].as_array().unwrap().len(), 5);
    assert_eq!(all["pendingActiveNodes"][0]["asyncHandle"], 2);
    assert_eq!(all["pendingNodes"], json!([]));

    advance(&mut emulator, 270);
    let running = result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": 2}));
    assert_eq!(
        (running["details"]["percentComplete"].clone(), running["details"]["stage"].clone()),
        (json!(50), json!("Installing software"))
    );
    advance(&mut emulator, 270);
    let all = result(&mut emulator, "ListAllNodes", json!({}));
    let ids: Vec<i64> =
        all["nodes"].as_array().unwrap().iter().map(|n| n["nodeID"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3, 4, 6, 5]);
    assert_eq!(all["pendingActiveNodes"], json!([]));
    let done =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": 2, "keepResult": true}));
    assert_eq!(done["resultType"], "RtfiPendingNode");
    assert_eq!(done["result"]["nodeID"], 5);
}

#[test]
fn parameter_errors_follow_element() {
    let table = [
        ("GetAsyncResult", json!({}), "xMissingParameter"),
        ("GetAsyncResult", json!({"asyncHandle": "abc"}), "xInvalidParameterType"),
        ("GetAsyncResult", json!({"asyncHandle": "999999999"}), "xAsyncHandleDoesNotExist"),
        (
            "GetAsyncResult",
            json!({"asyncHandle": 1, "keepResult": "maybe"}),
            "xInvalidParameterType",
        ),
        ("CloneVolume", json!({"volumeID": 1}), "xMissingParameter"),
        ("CloneVolume", json!({"volumeID": 987654, "name": "x"}), "xVolumeIDDoesNotExist"),
        (
            "CloneVolume",
            json!({"volumeID": 1, "name": "x", "access": "rw"}),
            "xUnrecognizedEnumString",
        ),
        (
            "CloneVolume",
            json!({"volumeID": 1, "name": "x", "snapshotID": 3}),
            "xSnapshotIDDoesNotExist",
        ),
        (
            "CloneVolume",
            json!({"volumeID": 1, "name": "x", "newSize": 1}),
            "xVolumeShrinkProhibited",
        ),
        ("CloneVolume", json!({"volumeID": 1, "name": ""}), "xExceededLimit"),
        ("StartBulkVolumeWrite", json!({"volumeID": 1}), "xMissingParameter"),
        ("StartBulkVolumeRead", json!({"volumeID": 1, "format": "zip"}), "xUnrecognizedEnumString"),
        ("AddDrives", json!({}), "xMissingParameter"),
        ("AddDrives", json!({"drives": [{"driveID": 99}]}), "xDriveIDDoesNotExist"),
        ("AddDrives", json!({"drives": [{"driveID": 1}]}), "xInvalidParameter"),
        ("AddDrives", json!({"drives": [17]}), "xInvalidParameterType"),
        ("RemoveDrives", json!({"drives": [17]}), "xInvalidParameter"),
        ("AddNodes", json!({"pendingNodes": [9]}), "xPendingNodeIDDoesNotExist"),
        ("AddNodes", json!({"pendingNodes": [1], "autoInstall": false}), "xInvalidParameter"),
        ("AddAccount", json!({"username": "tenant-a"}), "xDuplicateUsername"),
        (
            "CreateVolume",
            json!({"name": "v", "accountID": 9, "totalSize": 2000000000}),
            "xAccountIDDoesNotExist",
        ),
        (
            "CreateVolume",
            json!({"name": "v", "accountID": 1, "totalSize": 10}),
            "xInvalidParameter",
        ),
        ("ListAsyncResults", json!({"asyncResultTypes": ["Foo"]}), "xUnrecognizedEnumString"),
        ("ListAsyncResults", json!({"asyncResultTypes": "Clone"}), "xInvalidParameterType"),
        ("GetFooBar", json!({}), "xUnknownAPIMethod"),
        ("CreateSnapshot", json!({}), "xMethodNotEmulated"),
    ];
    for (method, params, expected) in table {
        let mut emulator = Emulator::new(DEFAULT_START);
        assert_eq!(
            error_name(&mut emulator, method, params.clone()),
            expected,
            "{method} {params}"
        );
    }
}

#[test]
fn clones_per_volume_are_limited() {
    let mut emulator = Emulator::new(DEFAULT_START);
    for name in ["a", "b"] {
        result(&mut emulator, "CloneVolume", json!({"volumeID": 4, "name": name}));
    }
    let third = error_name(&mut emulator, "CloneVolume", json!({"volumeID": 4, "name": "c"}));
    assert_eq!(third, "xMaxClonesPerVolumeExceeded");
    advance(&mut emulator, 900);
    result(&mut emulator, "CloneVolume", json!({"volumeID": 4, "name": "c"}));
}

#[test]
fn unused_parameters_warn_without_failing() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let reply =
        call(&mut emulator, json!({"method": "GetLimits", "params": {"verbose": true}, "id": 1}));
    assert_eq!(reply["unusedParameters"], json!({"verbose": true}));
    assert!(reply["result"].is_object());
}

#[test]
fn endpoints_pick_the_method_list() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let body = r#"{"method":"GetAPI","id":0}"#;
    let at_7 = emulator.post(DEFAULT_START, "/json-rpc/7.0/", body);
    let reply: Value = serde_json::from_str(&at_7.body).unwrap();
    assert_eq!(reply["result"]["7.0"].as_array().unwrap().len(), 155);
    assert_eq!(reply["result"]["currentVersion"], "12.0");

    let newer = emulator.post(DEFAULT_START, "/json-rpc/8.0", r#"{"method":"ListAsyncResults"}"#);
    assert!(newer.body.contains("xUnknownAPIMethod"));
    for path in ["/json-rpc/99.0", "/json-rpc/", "/api/12.0", "/json-rpc/12.0//"] {
        let response = emulator.post(DEFAULT_START, path, body);
        assert_eq!((response.status, response.content_type), (404, "text/html"), "{path}");
    }
}

#[test]
fn the_same_steps_give_the_same_bytes() {
    let run = || {
        let mut emulator = Emulator::new(DEFAULT_START);
        let mut transcript = String::new();
        for (at, body) in [
            (0, r#"{"method":"CloneVolume","params":{"volumeID":1,"name":"c"},"id":1}"#),
            (3, r#"{"method":"StartBulkVolumeRead","params":{"volumeID":1,"format":"native"}}"#),
            (4, r#"{"method":"ListAsyncResults"}"#),
            (9, r#"{"method":"GetCompleteStats"}"#),
            (60, r#"{"method":"ListVolumes"}"#),
        ] {
            let now = DEFAULT_START.plus_millis(at * 1000);
            transcript.push_str(&emulator.post(now, "/json-rpc/12.0", body).body);
        }
        transcript
    };
    assert_eq!(run(), run());
}

/// Every emulated method, fed every awkward value in every parameter slot it
/// documents, answers a JSON envelope with exactly one of result or error.
#[test]
fn hostile_parameters_never_panic() {
    let awkward = [
        json!(null),
        json!(""),
        json!(-1),
        json!(0),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(1e300),
        json!(-0.5),
        json!("9999999999999999999999"),
        json!(true),
        json!([]),
        json!([null, -1]),
        json!({}),
        json!([{"driveID": "x"}]),
        json!("\u{0}\u{202e}"),
        json!("x".repeat(300)),
    ];
    for doc in crate::catalog::methods() {
        for field in doc.params {
            for value in &awkward {
                let mut emulator = Emulator::new(DEFAULT_START);
                let request = json!({"method": doc.name, "params": {field.name: value}, "id": 1});
                let reply = call(&mut emulator, request);
                let has_result = reply.get("result").is_some();
                let unused =
                    reply.get("unusedParameters").and_then(|unused| unused.get(field.name));
                assert!(unused.is_none(), "{} documents {} but ignores it", doc.name, field.name);
                assert_ne!(
                    has_result,
                    reply.get("error").is_some(),
                    "{} {} {value}: {reply}",
                    doc.name,
                    field.name
                );
            }
        }
    }
    let far_future = Timestamp::from_millis(i64::MAX);
    let mut emulator = Emulator::new(DEFAULT_START);
    result(&mut emulator, "CloneVolume", json!({"volumeID": 1, "name": "c"}));
    emulator.advance_to(far_future);
    assert_eq!(
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": 2}))["status"],
        "complete"
    );
}

#[test]
fn catalog_documents_exactly_the_emulated_methods() {
    let mut documented: Vec<&str> = crate::catalog::methods().iter().map(|doc| doc.name).collect();
    let mut emulated: Vec<&str> = crate::emulated_methods().collect();
    documented.sort_unstable();
    emulated.sort_unstable();
    assert_eq!(documented, emulated);
    for name in emulated {
        assert!(crate::versions::method_available(name, "12.0"), "{name} is not a 12.0 method");
    }
}

/// Each catalog example is a template the learner can send as is: it succeeds
/// against the default cluster and every parameter it shows is one the
/// method reads.
#[test]
fn catalog_examples_succeed_on_the_default_cluster() {
    for doc in crate::catalog::methods() {
        let mut emulator = Emulator::new(DEFAULT_START);
        let params: Value = serde_json::from_str(doc.example_params).unwrap();
        let reply = call(&mut emulator, json!({"method": doc.name, "params": params, "id": 1}));
        assert!(reply.get("error").is_none(), "{}: {reply}", doc.name);
        assert!(reply.get("unusedParameters").is_none(), "{}: {reply}", doc.name);
    }
}

#[test]
fn a_missing_handle_is_named_as_the_endpoint_version_named_it() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let body = json!({"method": "GetAsyncResult", "params": {"asyncHandle": 77}, "id": 5});
    let reply_at = |emulator: &mut Emulator, endpoint: &str| -> Value {
        let response = emulator.post(emulator.now(), endpoint, &body.to_string());
        serde_json::from_str(&response.body).unwrap()
    };

    let modern = reply_at(&mut emulator, "/json-rpc/11.0");
    assert_eq!(modern["error"]["name"], "xAsyncHandleDoesNotExist");
    assert_eq!(modern["error"]["message"], "Async handle 77 does not exist.");

    let older = reply_at(&mut emulator, "/json-rpc/10.3");
    assert_eq!(older["error"]["name"], "xDBNoSuchPath");
    assert_eq!(
        older["error"]["message"],
        "DBClient operation requested on a non-existent path at [/asyncresults/77]"
    );
    assert_eq!(older["id"], 5);
}
