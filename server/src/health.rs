//! Liveness endpoints: ours (`/health`) and Chorus Pro's (`GET /cpro/transverses/v1/health-check`).

use axum::Json;
use serde_json::{json, Value};

/// `GET /health` → `{"status":"ok","version":…}`.
pub async fn health() -> Json<Value> {
    Json(json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

/// `GET /cpro/transverses/v1/health-check`: Spring-style body as modelled by go-choruspro (api-reference §2.3).
pub async fn health_check() -> Json<Value> {
    Json(json!({"headers": {}, "body": "OK", "statusCode": "OK", "statusCodeValue": 200}))
}
