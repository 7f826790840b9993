//! Over a real socket: the server on 127.0.0.1:0 with a plain hyper client, and the binary's CLI contract.

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt as _;
use hyper_util::rt::TokioIo;
use passerelle_server::seed::{DEMO_EMAIL, DEMO_MOT_DE_PASSE};
use passerelle_server::{serve, test_state};
use serde_json::{json, Value};

/// One HTTP/1.1 request on a fresh connection.
async fn requete(
    addr: std::net::SocketAddr,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(stream) => stream,
        Err(error) => panic!("connect {addr}: {error}"),
    };
    let (mut sender, connection) =
        match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
            Ok(pair) => pair,
            Err(error) => panic!("handshake: {error}"),
        };
    tokio::spawn(connection);
    let response = match sender.send_request(request).await {
        Ok(response) => response,
        Err(error) => panic!("request: {error}"),
    };
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    (
        status,
        headers,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn login_then_session_over_loopback() {
    let state = match test_state().await {
        Ok(state) => state,
        Err(error) => panic!("state: {error}"),
    };
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(listener) => listener,
        Err(error) => panic!("bind: {error}"),
    };
    let addr = listener
        .local_addr()
        .unwrap_or_else(|error| panic!("local addr: {error}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, state, async move {
        let _ = stopped.await;
    }));

    let (status, _, body) = requete(
        addr,
        Request::get("/health")
            .header(header::HOST, "localhost")
            .body(Body::empty())
            .unwrap_or_default(),
    )
    .await;
    assert_eq!(
        (status, body["status"].clone()),
        (StatusCode::OK, json!("ok"))
    );

    let login = json!({"email": DEMO_EMAIL, "motDePasse": DEMO_MOT_DE_PASSE}).to_string();
    let request = Request::post("/portail/v1/session/connexion")
        .header(header::HOST, "localhost")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(login))
        .unwrap_or_default();
    let (status, headers, _) = requete(addr, request).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .to_owned();
    let request = Request::get("/portail/v1/session")
        .header(header::HOST, "localhost")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap_or_default();
    let (status, _, body) = requete(addr, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["utilisateur"]["email"], DEMO_EMAIL);

    let _ = stop.send(());
    let outcome = server.await;
    assert!(matches!(outcome, Ok(Ok(()))), "graceful shutdown");
}

#[test]
fn binary_prints_the_bound_address_and_exits_0_on_sigterm() {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_passerelle-server"))
        .args([
            "--addr",
            "127.0.0.1:0",
            "--db",
            ":memory:",
            "--no-seed",
            "--dist",
            "/nonexistent",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => panic!("spawn: {error}"),
    };
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    let port = line
        .trim()
        .strip_prefix("Passerelle listening on http://127.0.0.1:")
        .and_then(|p| p.parse::<u16>().ok());
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait();
    assert!(port.is_some_and(|p| p != 0), "first stdout line: {line:?}");
    assert!(killed.is_ok_and(|s| s.success()));
    assert!(
        status.is_ok_and(|s| s.success()),
        "exit status after SIGTERM"
    );
}

#[test]
fn bad_flag_exits_2_with_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_passerelle-server"))
        .arg("--port")
        .output();
    let Ok(output) = output else {
        panic!("spawn failed")
    };
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: passerelle-server"));
}

#[test]
fn file_database_is_created_with_its_folder_and_seeded() {
    let folder = std::env::temp_dir().join(format!("passerelle-db-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let db = folder.join("sub").join("p.sqlite");
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => panic!("runtime: {error}"),
    };
    let settings = passerelle_server::config::Settings {
        db: passerelle_server::config::DbLocation::File(db.clone()),
        ..Default::default()
    };
    // Opening twice proves the seed is idempotent (a second seed would hit unique keys).
    let first = runtime.block_on(passerelle_server::AppState::open(settings.clone()));
    assert!(first.is_ok(), "{:?}", first.err());
    drop(first);
    let second = runtime.block_on(passerelle_server::AppState::open(settings));
    assert!(second.is_ok(), "{:?}", second.err());
    let found = second
        .ok()
        .map(|state| runtime.block_on(state.db.utilisateur_par_email(DEMO_EMAIL)));
    assert!(matches!(found, Some(Ok(Some(_)))));
    assert!(db.is_file());
    let _ = std::fs::remove_dir_all(&folder);
}
