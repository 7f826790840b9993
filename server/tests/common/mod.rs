//! Helpers shared by the integration tests: one-shot requests on `app(test_state())`.
#![allow(dead_code)]

pub mod portail;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt as _;
use passerelle_server::{app, test_state};
use serde_json::Value;
use tower::ServiceExt as _;

/// The answer of one request, body read.
pub struct Reponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Reponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn texte(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, nom: &str) -> Option<String> {
        self.headers
            .get(nom)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    pub fn code_retour(&self) -> Option<i64> {
        self.json().get("codeRetour").and_then(Value::as_i64)
    }

    /// The session cookie `name=value` set by this answer.
    pub fn cookie(&self) -> Option<String> {
        self.header("set-cookie")
            .and_then(|c| c.split(';').next().map(str::to_owned))
    }
}

pub async fn routeur() -> Router {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    match test_state().await {
        Ok(state) => app(state),
        Err(error) => panic!("test state: {error}"),
    }
}

pub async fn envoyer(router: &Router, request: Request<Body>) -> Reponse {
    let response = match router.clone().oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    Reponse {
        status,
        headers,
        body,
    }
}

pub fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::get(uri);
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::empty()).unwrap_or_default()
}

pub fn post_json(uri: &str, cookie: Option<&str>, body: &str) -> Request<Body> {
    let mut builder = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder
        .body(Body::from(body.to_owned()))
        .unwrap_or_default()
}

/// Logs the demo account in and returns its cookie `passerelle_session=…`.
pub async fn connecter(router: &Router, email: &str) -> String {
    let body = serde_json::json!({"email": email, "motDePasse": passerelle_server::seed::DEMO_MOT_DE_PASSE});
    let reponse = envoyer(
        router,
        post_json("/portail/v1/session/connexion", None, &body.to_string()),
    )
    .await;
    assert_eq!(
        reponse.status,
        StatusCode::OK,
        "login of {email}: {}",
        reponse.texte()
    );
    reponse.cookie().unwrap_or_default()
}
