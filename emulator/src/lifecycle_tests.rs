//! Table and stepped-clock tests of the whole emulator, through `post`, the
//! same entry point the app and `replay` use.

use expect_test::{expect, Expect};
use serde_json::{json, Value};

use crate::{Emulator, JobError, ResultType, Timestamp, DEFAULT_START};

const GIB: i64 = 1 << 30;

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
    field_of(list, key, id_key, id, "status")
}

/// A string member of the item of `list[key]` whose `id_key` is `id`.
fn field_of(list: &Value, key: &str, id_key: &str, id: i64, field: &str) -> String {
    let items = list[key].as_array().unwrap();
    let item = items.iter().find(|item| item[id_key] == json!(id)).unwrap();
    item[field].as_str().unwrap().to_string()
}

/// Each drive's status and type, by ID: `17 available unknown`.
fn drive_states(emulator: &mut Emulator, ids: &[i64]) -> Vec<String> {
    let drives = result(emulator, "ListDrives", json!({}));
    ids.iter()
        .map(|id| {
            let field = |name| field_of(&drives, "drives", "driveID", *id, name);
            format!("{id} {} {}", field("status"), field("type"))
        })
        .collect()
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
    let small = json!({"name": "small", "accountID": 1, "totalSize": 10 * GIB});
    let small = result(&mut emulator, "CreateVolume", small)["volumeID"].clone();
    let write = result(
        &mut emulator,
        "StartBulkVolumeWrite",
        json!({"volumeID": small, "format": "uncompressed"}),
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
            #3 BulkVolume Failed 0s..20s 100% "StartBulkVolumeWrite": bulk write of volume 6
        "#]],
    );

    let failed =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": write["asyncHandle"]}));
    let expected_error = json!({"bvID": 2, "message": "Bulk volume job failed",
                                "name": "xBulkVolumeScriptFailure", "volumeID": 6});
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
    // Added drives are active and typed at once while the job syncs them; node 3 already has
    // its metadata drive, so the cluster makes 17 a block drive.
    assert_eq!(
        drive_states(&mut emulator, &[16, 17, 18, 19]),
        ["16 removing block", "17 active block", "18 active block", "19 available unknown"]
    );
    for (method, params) in [
        ("AddDrives", json!({"drives": [{"driveID": 17}]})),
        ("RemoveDrives", json!({"drives": [17]})),
        ("RemoveDrives", json!({"drives": [16]})),
    ] {
        let reply = call(&mut emulator, json!({"method": method, "params": params}));
        assert_eq!(reply["error"]["name"], "xInvalidParameter", "{reply}");
        assert!(reply["error"]["message"].as_str().unwrap().contains("still being"), "{reply}");
    }

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
    assert_eq!(drive_states(&mut emulator, &[16]), ["16 available unknown"]);
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

    // Each node brought four drives, available for AddDrives; the first one added to a node
    // without a metadata drive becomes its metadata drive.
    let drives = result(&mut emulator, "ListDrives", json!({}));
    let spares: Vec<i64> = drives["drives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|drive| drive["status"] == "available" && drive["nodeID"] == 5)
        .map(|drive| drive["driveID"].as_i64().unwrap())
        .collect();
    assert_eq!(spares, [25, 26, 27, 28]);
    result(&mut emulator, "AddDrives", json!({"drives": [{"driveID": 25}, {"driveID": 26}]}));
    assert_eq!(drive_states(&mut emulator, &[25, 26]), ["25 active volume", "26 active block"]);
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
        ("CloneVolume", json!({"volumeID": 1, "name": "x", "newSize": 1}), "xInvalidParameter"),
        ("CloneVolume", json!({"volumeID": 1, "name": ""}), "xExceededLimit"),
        ("StartBulkVolumeWrite", json!({"volumeID": 1}), "xMissingParameter"),
        ("StartBulkVolumeRead", json!({"volumeID": 1, "format": "zip"}), "xUnrecognizedEnumString"),
        ("AddDrives", json!({}), "xMissingParameter"),
        ("AddDrives", json!({"drives": [{"driveID": 99}]}), "xDriveIDDoesNotExist"),
        ("AddDrives", json!({"drives": [{"driveID": 1}]}), "xInvalidParameter"),
        ("AddDrives", json!({"drives": [17]}), "xInvalidParameterType"),
        ("RemoveDrives", json!({"drives": [17]}), "xInvalidParameter"),
        ("AddNodes", json!({"pendingNodes": [9]}), "xDBNoSuchPath"),
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
        (
            "CreateVolume",
            json!({"name": "v", "accountID": 1, "totalSize": i64::MAX}),
            "xInvalidParameter",
        ),
        (
            "CloneVolume",
            json!({"volumeID": 1, "name": "x", "newSize": i64::MAX}),
            "xInvalidParameter",
        ),
        ("AddNodes", json!({"pendingNodes": [1, 1]}), "xInvalidParameter"),
        ("AddDrives", json!({"drives": [{"driveID": 17}, {"driveID": 17}]}), "xInvalidParameter"),
        ("RemoveDrives", json!({"drives": [1, 1]}), "xInvalidParameter"),
        (
            "CloneMultipleVolumes",
            json!({"volumes": [{"volumeID": 1}, {"volumeID": 1}]}),
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
/// Awkward values for any member: wrong types, extremes, overflow bait.
fn awkward_values() -> Vec<Value> {
    vec![
        json!(null),
        json!(""),
        json!(-1),
        json!(0),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e300),
        json!(-0.5),
        json!("9223372036854775807"),
        json!("9999999999999999999999"),
        json!(true),
        json!([]),
        json!([null, -1]),
        json!([1, 1]),
        json!([i64::MAX]),
        json!({}),
        json!([{"driveID": "x"}]),
        json!([{"volumeID": 1}, {"volumeID": 1}]),
        json!([{"volumeID": 1, "newSize": i64::MAX}]),
        json!("\u{0}\u{202e}"),
        json!("x".repeat(300)),
    ]
}

/// Every JSON pointer inside `value`, the value itself included.
fn pointers(value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                pointers(member, format!("{at}/{name}"), found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
    found.push(at);
}

/// Starting from each method's working example, every documented parameter
/// and every member nested in the example takes each awkward value in turn.
/// Each answer is a result or an Element error, never both, never a panic.
#[test]
fn hostile_parameters_never_panic() {
    for doc in crate::catalog::methods() {
        let example: Value = serde_json::from_str(doc.example_params).unwrap();
        let mut targets = Vec::new();
        pointers(&example, String::new(), &mut targets);
        targets.retain(|pointer| !pointer.is_empty());
        targets.extend(doc.params.iter().map(|field| format!("/{}", field.name)));

        for pointer in &targets {
            for value in awkward_values() {
                let mut params = example.clone();
                match params.pointer_mut(pointer) {
                    Some(slot) => *slot = value.clone(),
                    None => params[&pointer[1..]] = value.clone(),
                }
                let mut emulator = Emulator::new(DEFAULT_START);
                let request = json!({"method": doc.name, "params": params, "id": 1});
                let reply = call(&mut emulator, request);
                let has_result = reply.get("result").is_some();
                let what = format!("{} {pointer}={value}: {reply}", doc.name);
                assert_ne!(has_result, reply.get("error").is_some(), "{what}");
                if let Some(field) = doc.params.iter().find(|f| pointer[1..] == *f.name) {
                    let unused = reply.get("unusedParameters").and_then(|u| u.get(field.name));
                    assert!(
                        unused.is_none(),
                        "{} documents {} but ignores it",
                        doc.name,
                        field.name
                    );
                }

                // Whatever it did, the cluster still answers and its jobs still run out.
                emulator.advance_to(Timestamp::MAX);
                assert!(call(&mut emulator, json!({"method": "ListVolumes"}))["result"].is_object());
            }
        }
    }
}

#[test]
fn the_clock_runs_out_at_the_last_instant_iso_8601_can_show() {
    let mut emulator = Emulator::new(DEFAULT_START);
    result(&mut emulator, "CloneVolume", json!({"volumeID": 1, "name": "c"}));
    emulator.advance_to(Timestamp::from_millis(i64::MAX));
    assert_eq!(emulator.now(), Timestamp::MAX);
    let job = result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": 2}));
    assert_eq!(job["status"], "complete");
    assert_eq!(job["createTime"], "2026-01-01T00:00:00Z");
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

#[test]
fn copy_volume_overwrites_an_existing_volume_as_a_clone_job() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let copy = result(&mut emulator, "CopyVolume", json!({"volumeID": 2, "dstVolumeID": 5}));
    assert_eq!(copy.as_object().unwrap().len(), 2, "asyncHandle and cloneID only: {copy}");
    let volumes = result(&mut emulator, "ListVolumes", json!({}));
    assert_eq!(status_of(&volumes, "volumes", "volumeID", 5), "active");
    assert_eq!(volumes["volumes"].as_array().unwrap().len(), 5, "a copy creates no volume");

    let table = [
        (json!({"volumeID": 1, "dstVolumeID": 5}), "xInvalidParameter"),
        (json!({"volumeID": 5, "dstVolumeID": 5}), "xInvalidParameter"),
        (json!({"volumeID": 2, "dstVolumeID": 99}), "xVolumeIDDoesNotExist"),
        (json!({"volumeID": 2, "dstVolumeID": 5, "snapshotID": 3}), "xSnapshotIDDoesNotExist"),
        (json!({"volumeID": 2}), "xMissingParameter"),
    ];
    for (params, expected) in table {
        assert_eq!(error_name(&mut emulator, "CopyVolume", params.clone()), expected, "{params}");
    }
    // The running copy counts against the source's two clones.
    result(&mut emulator, "CloneVolume", json!({"volumeID": 2, "name": "second"}));
    let third = error_name(&mut emulator, "CopyVolume", json!({"volumeID": 2, "dstVolumeID": 5}));
    assert_eq!(third, "xMaxClonesPerVolumeExceeded");

    advance(&mut emulator, 7);
    let done = result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": copy["asyncHandle"]}));
    assert_eq!(done["resultType"], "Clone");
    assert_eq!(
        done["result"],
        json!({"cloneID": copy["cloneID"], "message": "Clone complete.", "volumeID": 5})
    );
}

#[test]
fn cancelling_a_clone_removes_its_handle_and_its_new_volume() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let clone = result(&mut emulator, "CloneVolume", json!({"volumeID": 1, "name": "doomed"}));
    let copy = result(&mut emulator, "CopyVolume", json!({"volumeID": 2, "dstVolumeID": 5}));
    advance(&mut emulator, 4);

    assert_eq!(
        result(&mut emulator, "CancelClone", json!({"cloneID": clone["cloneID"]})),
        json!({})
    );
    assert_eq!(
        result(&mut emulator, "CancelClone", json!({"cloneID": copy["cloneID"]})),
        json!({})
    );
    let handle = json!({"asyncHandle": clone["asyncHandle"]});
    assert_eq!(error_name(&mut emulator, "GetAsyncResult", handle), "xAsyncHandleDoesNotExist");
    let again = error_name(&mut emulator, "CancelClone", json!({"cloneID": clone["cloneID"]}));
    assert_eq!(again, "xCloneIDDoesNotExist");

    let volumes = result(&mut emulator, "ListVolumes", json!({}));
    let ids: Vec<i64> = volumes["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["volumeID"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5], "the clone's volume is gone, the copy's destination stays");
    let listed = result(&mut emulator, "ListAsyncResults", json!({"asyncResultTypes": ["Clone"]}));
    assert_eq!(listed["asyncHandles"], json!([]));
    assert_eq!(result(&mut emulator, "ListSyncJobs", json!({})), json!({"syncJobs": []}));
    check_timeline(
        &emulator,
        expect![[r##"
            #1 DriveAdd Succeeded -3600s..-3510s 100% "AddDrives": cluster setup: add drives 1-16
            #2 Clone Cancelled 0s..4s 36% "CloneVolume" purged: clone volume 1 → 6
            #3 Clone Cancelled 0s..4s 65% "CopyVolume" purged: copy volume 2 → 5
        "##]],
    );
}

#[test]
fn cancelling_a_group_clone_removes_every_new_volume() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let group = json!({"volumes": [{"volumeID": 1}, {"volumeID": 2}]});
    let group = result(&mut emulator, "CloneMultipleVolumes", group);
    let wrong = error_name(&mut emulator, "CancelGroupClone", json!({"groupCloneID": 42}));
    assert_eq!(wrong, "xGroupCloneIDDoesNotExist");
    let cancel = json!({"groupCloneID": group["groupCloneID"]});
    assert_eq!(result(&mut emulator, "CancelGroupClone", cancel), json!({}));

    let volumes = result(&mut emulator, "ListVolumes", json!({}));
    assert_eq!(volumes["volumes"].as_array().unwrap().len(), 5);
    let handle = json!({"asyncHandle": group["asyncHandle"]});
    assert_eq!(error_name(&mut emulator, "GetAsyncResult", handle), "xAsyncHandleDoesNotExist");
}

/// ListSyncJobs, ListBulkVolumeJobs, GetAsyncResult's `details` and the
/// timeline report one percentage for each job at every instant.
#[test]
fn progress_channels_agree_at_every_instant() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let clone = result(&mut emulator, "CloneVolume", json!({"volumeID": 4, "name": "big"}));
    let bulk =
        result(&mut emulator, "StartBulkVolumeRead", json!({"volumeID": 3, "format": "native"}));

    for second in [0, 1, 7, 13, 29, 44, 59] {
        emulator.advance_to(DEFAULT_START.plus_millis(second * 1000));
        let views = emulator.jobs();
        let timeline = |handle: &Value| {
            let view = views.iter().find(|view| Some(view.handle) == handle.as_u64()).unwrap();
            (view.progress * 100.0).floor() as i64
        };
        let (clone_percent, bulk_percent) =
            (timeline(&clone["asyncHandle"]), timeline(&bulk["asyncHandle"]));
        let mut details = |handle: &Value| {
            let job = result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": handle}));
            job["details"]["percentComplete"].as_i64().unwrap()
        };
        assert_eq!(details(&clone["asyncHandle"]), clone_percent, "at {second}s");
        assert_eq!(details(&bulk["asyncHandle"]), bulk_percent, "at {second}s");

        let sync = result(&mut emulator, "ListSyncJobs", json!({}));
        let [sync] = sync["syncJobs"].as_array().unwrap().as_slice() else { panic!("{sync}") };
        assert_eq!(sync["percentComplete"].as_f64(), Some(clone_percent as f64), "at {second}s");
        let total = sync["totalBytes"].as_i64().unwrap();
        assert_eq!(sync["currentBytes"].as_i64(), Some(total / 100 * clone_percent));

        let bulks = result(&mut emulator, "ListBulkVolumeJobs", json!({}));
        let [listed] = bulks["bulkVolumeJobs"].as_array().unwrap().as_slice() else {
            panic!("{bulks}")
        };
        assert_eq!(listed["percentComplete"].as_i64(), Some(bulk_percent), "at {second}s");
        assert_eq!(listed["attributes"]["percentComplete"].as_i64(), Some(bulk_percent));
        assert_eq!(listed["elapsedTime"], second);
    }

    advance(&mut emulator, 60);
    assert_eq!(result(&mut emulator, "ListSyncJobs", json!({})), json!({"syncJobs": []}));
    let bulks = result(&mut emulator, "ListBulkVolumeJobs", json!({}));
    assert_eq!(bulks, json!({"bulkVolumeJobs": []}));
}

#[test]
fn bulk_volume_jobs_per_volume_are_limited() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let read = json!({"volumeID": 1, "format": "native"});
    result(&mut emulator, "StartBulkVolumeRead", read.clone());
    result(&mut emulator, "StartBulkVolumeWrite", read.clone());
    let third = error_name(&mut emulator, "StartBulkVolumeRead", read.clone());
    assert_eq!(third, "xMaxBulkVolumeJobsPerVolumeExceeded");
    result(&mut emulator, "StartBulkVolumeRead", json!({"volumeID": 2, "format": "native"}));

    advance(&mut emulator, 3600);
    result(&mut emulator, "StartBulkVolumeRead", read);
}

#[test]
fn injected_call_faults_fail_that_many_calls_in_order() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let fault = |name: &str| JobError { name: name.into(), message: format!("{name} injected") };
    emulator.fail_next_calls("GetLimits", 1, fault("xDBVersionMismatch"));
    emulator.fail_next_calls("GetLimits", 2, fault("xNotReadyForIO"));
    emulator.fail_next_calls("ListVolumes", 0, fault("xNotReadyForIO"));
    assert_eq!(emulator.call_faults().len(), 2, "a fault for zero calls is not queued");

    let names: Vec<String> =
        (0..3).map(|_| error_name(&mut emulator, "GetLimits", json!({}))).collect();
    assert_eq!(names, ["xDBVersionMismatch", "xNotReadyForIO", "xNotReadyForIO"]);
    assert!(emulator.call_faults().is_empty());
    result(&mut emulator, "GetLimits", json!({}));
    result(&mut emulator, "ListVolumes", json!({}));

    // Cleared faults never fire, call faults and job failures alike.
    emulator.fail_next_calls("GetLimits", 3, fault("xDBVersionMismatch"));
    emulator.fail_next(ResultType::Clone, fault("xSliceNotRegistered"));
    assert_eq!((emulator.call_faults().len(), emulator.job_faults().len()), (1, 1));
    emulator.clear_faults();
    result(&mut emulator, "GetLimits", json!({}));
    let handle = result(&mut emulator, "CloneVolume", json!({"volumeID": 1, "name": "c"}));
    advance(&mut emulator, 900);
    let job =
        result(&mut emulator, "GetAsyncResult", json!({"asyncHandle": handle["asyncHandle"]}));
    assert!(job.get("result").is_some(), "{job}");
}

/// The SDK's PendingNode model requires `role` and `customProtectionDomainName`;
/// without them it quietly fills in None (found by sdk-test/, the SDK's own run).
#[test]
fn pending_nodes_carry_role_and_custom_protection_domain_name() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let pending = result(&mut emulator, "ListPendingNodes", json!({}))["pendingNodes"].clone();
    let all = result(&mut emulator, "ListAllNodes", json!({}))["pendingNodes"].clone();

    for node in pending.as_array().unwrap().iter().chain(all.as_array().unwrap()) {
        assert_eq!(node["role"], "Storage", "{node}");
        assert_eq!(node["customProtectionDomainName"], "", "{node}");
    }
    assert_eq!(pending.as_array().unwrap().len(), 2);
}

/// How parameters are read, as a live cluster reads them (notes, section 2.3).
#[test]
fn parameters_are_read_as_a_live_cluster_reads_them() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let reply =
        call(&mut emulator, json!({"method": "CloneVolume", "params": {"volumeID": 1}, "id": 1}));
    assert_eq!(reply["error"]["message"], "Missing member=[name]");

    // Numeric strings are integers; 0, "" and null mean "not given" for optional members.
    let lenient = json!({"volumeID": "1", "name": "from-strings", "snapshotID": 0, "access": "",
                         "attributes": null, "newSize": 0, "newAccountID": null});
    let clone = result(&mut emulator, "CloneVolume", lenient);
    assert_eq!(clone["volume"]["accountID"], 1);
    assert_eq!(clone["volume"]["totalSize"], 100 * GIB);

    let long_name = "n".repeat(65);
    let limits = [
        ("CloneVolume", json!({"volumeID": 1, "name": long_name}), "xExceededLimit"),
        (
            "CreateVolume",
            json!({"name": long_name, "accountID": 1, "totalSize": GIB}),
            "xExceededLimit",
        ),
        (
            "CreateVolume",
            json!({"name": "huge", "accountID": 1, "totalSize": 17_592_186_044_416_i64 + 1}),
            "xInvalidParameter",
        ),
        (
            "CreateVolume",
            json!({"name": "tiny", "accountID": 1, "totalSize": 999_999_999}),
            "xInvalidParameter",
        ),
        ("AddAccount", json!({"username": long_name}), "xExceededLimit"),
        ("GetLimits", json!({"volumeID": true}), ""),
    ];
    for (method, params, expected) in limits {
        let reply = call(&mut emulator, json!({"method": method, "params": params, "id": 1}));
        let name = reply["error"]["name"].as_str().unwrap_or_default();
        assert_eq!(name, expected, "{method} {params}: {reply}");
    }
    let unused = call(&mut emulator, json!({"method": "GetLimits", "params": {"volumeID": true}}));
    assert_eq!(unused["unusedParameters"], json!({"volumeID": true}));
}

/// The endpoint version in the URL decides what a client sees (notes, section 2.1).
#[test]
fn endpoint_versions_behave_as_a_live_cluster() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let post = |emulator: &mut Emulator, path: &str, body: &str| {
        let response = emulator.post(DEFAULT_START, path, body);
        (response.status, response.body)
    };

    let (status, body) = post(&mut emulator, "/json-rpc/12.0/", r#"{"method":"GetLimits","id":1}"#);
    assert_eq!(status, 200);
    assert!(body.contains("\"volumeSizeMin\":1000000000"), "{body}");

    let (_, body) = post(&mut emulator, "/json-rpc/7.0", r#"{"method":"GetAPI","id":0}"#);
    let reply: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(reply["id"], 0);
    let at_7 = reply["result"]["7.0"].as_array().unwrap();
    assert!(at_7.contains(&json!("CloneVolume")) && !at_7.contains(&json!("CopyVolume")));
    assert!(reply["result"].get("12.0").is_none(), "GetAPI lists the endpoint's version only");

    for (path, method) in
        [("/json-rpc/8.0", "CopyVolume"), ("/json-rpc/5.0", "StartBulkVolumeRead")]
    {
        let (_, body) = post(&mut emulator, path, &format!(r#"{{"method":"{method}","id":2}}"#));
        let reply: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(reply["error"]["name"], "xUnknownAPIMethod", "{method} at {path}");
        assert_eq!(reply["error"]["message"], format!("Unknown method: method={method}"));
    }

    let (status, body) = post(&mut emulator, "/json-rpc/6.5", r#"{"method":"GetAPI","id":0}"#);
    assert_eq!(status, 404);
    assert!(serde_json::from_str::<Value>(&body).is_err(), "a 404 page is not JSON: {body}");

    // A query string plays no part in routing.
    let (status, _) = post(&mut emulator, "/json-rpc/12.0?trace=1", r#"{"method":"GetLimits"}"#);
    assert_eq!(status, 200);
}

#[test]
fn volume_and_account_counts_are_limited() {
    // Account 1 may own 2000 volumes (volumesPerAccountCountMax): fill it up.
    let mut emulator = Emulator::new(DEFAULT_START);
    let mut index = 0;
    while created_volume(&mut emulator, index) {
        index += 1;
    }
    let listed = result(&mut emulator, "ListVolumes", json!({"accounts": [1]}));
    assert_eq!(listed["volumes"].as_array().map(Vec::len), Some(2000));

    let clone = json!({"volumeID": 1, "name": "clone"});
    assert_eq!(error_name(&mut emulator, "CloneVolume", clone), "xExceededLimit");
    let elsewhere = json!({"volumeID": 1, "name": "clone", "newAccountID": 2});
    assert!(result(&mut emulator, "CloneVolume", elsewhere)["volumeID"].is_i64());

    // Accounts stop at accountCountMax, 5000; the default cluster has two.
    for index in 0..4998 {
        result(&mut emulator, "AddAccount", json!({"username": format!("user-{index}")}));
    }
    let one_more = json!({"username": "one-too-many"});
    assert_eq!(error_name(&mut emulator, "AddAccount", one_more), "xExceededLimit");
}

/// Creates a volume for account 1; false once the cluster refuses it, which
/// it may only do for the volume limits.
fn created_volume(emulator: &mut Emulator, index: usize) -> bool {
    let params = json!({"name": format!("fill-{index}"), "accountID": 1, "totalSize": GIB});
    let reply = call(emulator, json!({"method": "CreateVolume", "params": params}));
    match reply.get("error") {
        None => true,
        Some(error) => {
            assert_eq!(error["name"], "xExceededLimit", "{reply}");
            false
        }
    }
}

/// What the vendor's CloneVolume, CloneMultipleVolumes, CreateVolume and
/// ListVolumes pages say, and the volume identifiers their examples show.
#[test]
fn volumes_follow_the_vendor_pages() {
    let mut emulator = Emulator::new(DEFAULT_START);

    // newSize "might be greater or less than" the source's size.
    let small = json!({"volumeID": 1, "name": "small", "newSize": 50 * GIB});
    let small = result(&mut emulator, "CloneVolume", small);
    assert_eq!(small["volume"]["totalSize"], 50 * GIB);
    assert_eq!(small["volume"]["sliceCount"], 0, "a clone in init has no slice yet");

    // Members not given inherit the source's, the name included.
    let group = json!({"volumes": [{"volumeID": 2}, {"volumeID": 3, "name": "named"}]});
    let group = result(&mut emulator, "CloneMultipleVolumes", group);
    let names: Vec<String> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|member| {
            let id = member["volumeID"].as_i64().unwrap();
            let listed = result(&mut emulator, "ListVolumes", json!({"volumeIDs": [id]}));
            listed["volumes"][0]["name"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(names, ["db-logs", "named"]);

    // CreateVolume keeps the layout it is given; access may only be snapMirrorTarget.
    let params = json!({
        "name": "Test_Vol 1", "accountID": 1, "totalSize": GIB, "protectionScheme": "tripleHelix",
        "fifoSize": 8, "minFifoSize": 2, "enableSnapMirrorReplication": true,
    });
    let created = call(&mut emulator, json!({"method": "CreateVolume", "params": params}));
    assert!(created.get("unusedParameters").is_none(), "{created}");
    let volume = &created["result"]["volume"];
    let layout = ["currentProtectionScheme", "fifoSize", "minFifoSize"].map(|key| &volume[key]);
    assert_eq!(layout, [&json!("tripleHelix"), &json!(8), &json!(2)]);
    assert_eq!(volume["enableSnapMirrorReplication"], true);
    let id = volume["volumeID"].as_i64().unwrap();
    assert_eq!(volume["iqn"], format!("iqn.2010-01.com.solidfire:mkt4.test-vol-1.{id}"));
    assert_eq!(volume["scsiEUIDeviceID"], format!("6d6b7434{id:08x}f47acc0100000000"));

    let refused = [
        (json!({"access": "readWrite"}), "xUnrecognizedEnumString"),
        (json!({"qosPolicyID": 7}), "xQoSPolicyDoesNotExist"),
        (json!({"protectionScheme": "quadHelix"}), "xUnrecognizedEnumString"),
        (json!({"fifoSize": 33}), "xInvalidParameter"),
    ];
    for (extra, expected) in refused {
        let mut params = json!({"name": "v", "accountID": 1, "totalSize": GIB});
        params.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        assert_eq!(error_name(&mut emulator, "CreateVolume", params.clone()), expected, "{params}");
    }

    // ListVolumes: volumeIDs goes with no paging or account filter; schemes filter.
    let triple = json!({"protectionSchemes": ["tripleHelix"]});
    let triple = result(&mut emulator, "ListVolumes", triple)["volumes"].as_array().unwrap().len();
    assert_eq!(triple, 1);
    for extra in [json!({"limit": 5}), json!({"startVolumeID": 2}), json!({"accounts": [1]})] {
        let mut params = json!({"volumeIDs": [1]});
        params.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        assert_eq!(error_name(&mut emulator, "ListVolumes", params), "xInvalidParameter");
    }

    // A group member's clone is cancelled with its group, not alone.
    let member_clone = group["groupCloneID"].clone();
    let reply =
        call(&mut emulator, json!({"method": "CancelClone", "params": {"cloneID": member_clone}}));
    assert!(reply["error"]["message"].as_str().unwrap().contains("CancelGroupClone"), "{reply}");
}

#[test]
fn enum_errors_name_the_value_and_nodes_being_added_carry_both_ids() {
    let mut emulator = Emulator::new(DEFAULT_START);
    let bad_type = json!({"drives": [{"driveID": 19, "type": "bogus"}]});
    let reply = call(&mut emulator, json!({"method": "AddDrives", "params": bad_type}));
    assert_eq!(reply["error"]["message"], "bogus", "{reply}");

    result(&mut emulator, "AddNodes", json!({"pendingNodes": [1]}));
    let installing = &result(&mut emulator, "ListAllNodes", json!({}))["pendingActiveNodes"][0];
    assert_eq!(
        (&installing["pendingNodeID"], &installing["pendingActiveNodeID"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(installing["role"], "Storage");
}
