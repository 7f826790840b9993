//! Liveness endpoints: ours (`/health`) and Chorus Pro's (`GET /cpro/transverses/v1/health-check`).

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use crate::AppState;

/// `GET /health` → `{"status":"ok","version":…,"mode":"sandbox"}`, or in gateway mode
/// `"mode":"gateway","upstream":"<PISTE API base>"` (no secret, no upstream call).
pub async fn health(State(state): State<AppState>) -> Json<Value> {
    let mut body = json!({"status": "ok", "version": env!("CARGO_PKG_VERSION"), "mode": "sandbox"});
    if let Some(gateway) = state.gateway.as_deref() {
        body["mode"] = json!("gateway");
        body["upstream"] = json!(gateway.api_base());
    }
    Json(body)
}

/// `GET /cpro/transverses/v1/health-check`: Spring-style body as modelled by go-choruspro (api-reference §2.3).
pub async fn health_check() -> Json<Value> {
    Json(json!({"headers": {}, "body": "OK", "statusCode": "OK", "statusCodeValue": 200}))
}
