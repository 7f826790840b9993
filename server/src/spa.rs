//! Static hosting of the built SPA: files from `dist/`, client-route fallback to `index.html`,
//! a 503 page when the SPA is not built, and the security headers.

use std::path::Path;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use tower::ServiceExt as _;
use tower_http::services::ServeDir;

use crate::error::ApiError;
use crate::AppState;

/// Path prefixes that belong to the API: never answered with the SPA.
pub const API_PREFIXES: &[&str] = &["/cpro/", "/portail/", "/api/", "/health"];

/// Content-Security-Policy for a Trunk-built Leptos app. `'wasm-unsafe-eval'` lets the page compile
/// its WebAssembly; styles need `'unsafe-inline'` because thaw injects `<style>` elements at runtime.
/// `extra_script_src` carries the hashes of the inline bootstrap scripts Trunk writes into index.html.
pub fn content_security_policy(frame_ancestors: &str, extra_script_src: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for source in extra_script_src {
        script_src.push(' ');
        script_src.push_str(source);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
         font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// `'sha256-…'` sources for every inline `<script>` (one without `src`) of an HTML page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut position = 0;
    while let Some(start) = lower
        .get(position..)
        .and_then(|rest| rest.find("<script"))
        .map(|i| i + position)
    {
        let Some(tag_end) = lower
            .get(start..)
            .and_then(|rest| rest.find('>'))
            .map(|i| i + start)
        else {
            break;
        };
        let Some(close) = lower
            .get(tag_end..)
            .and_then(|rest| rest.find("</script"))
            .map(|i| i + tag_end)
        else {
            break;
        };
        let tag = lower.get(start..tag_end).unwrap_or_default();
        if !tag.contains(" src=") {
            if let Some(content) = html.get(tag_end + 1..close) {
                hashes.push(format!(
                    "'sha256-{}'",
                    STANDARD.encode(Sha256::digest(content.as_bytes()))
                ));
            }
        }
        position = close + "</script".len();
    }
    hashes
}

/// Adds `nosniff` and `Referrer-Policy` to every answer, and the CSP to HTML answers that have none.
pub async fn security_headers(State(state): State<AppState>, mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_html && !headers.contains_key(CONTENT_SECURITY_POLICY) {
        let csp = content_security_policy(&state.settings.frame_ancestors, &[]);
        if let Ok(value) = HeaderValue::from_str(&csp) {
            headers.insert(CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// Fallback of the router: unknown API paths → 404 JSON; other GET/HEAD → a file of `dist/`, else
/// `index.html` so client-side routes work.
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    if API_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix) || path == prefix.trim_end_matches('/'))
    {
        return ApiError::NonTrouve(path).into_response();
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return ApiError::NonTrouve(path).into_response();
    }
    let dist = state.settings.dist.clone();
    if !dist.join("index.html").is_file() {
        return spa_not_built(&dist);
    }
    if path == "/" || path == "/index.html" {
        return index(&dist, &state.settings.frame_ancestors).await;
    }
    // `cargo xtask` writes `<file>.gz` next to the wasm, js and css: sent as they are to clients that
    // accept gzip (the compression layer leaves encoded answers alone), instead of compressing each time.
    let served = ServeDir::new(&dist)
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .oneshot(request)
        .await;
    match served {
        Ok(response) if response.status() != StatusCode::NOT_FOUND => response.map(Body::new),
        // A missing file with an extension (`/app-1234.wasm`) is a real 404; anything else is a client route.
        _ if last_segment_has_extension(&path) => {
            (StatusCode::NOT_FOUND, "Not found").into_response()
        }
        _ => index(&dist, &state.settings.frame_ancestors).await,
    }
}

fn last_segment_has_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|segment| segment.contains('.'))
}

async fn index(dist: &Path, frame_ancestors: &str) -> Response {
    match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(html) => {
            let csp = content_security_policy(frame_ancestors, &inline_script_hashes(&html));
            let mut response = (
                StatusCode::OK,
                [(CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response();
            if let Ok(value) = HeaderValue::from_str(&csp) {
                response
                    .headers_mut()
                    .insert(CONTENT_SECURITY_POLICY, value);
            }
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(_) => spa_not_built(dist),
    }
}

fn spa_not_built(dist: &Path) -> Response {
    let page = format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Passerelle</title></head><body>\
         <h1>L'application n'est pas construite</h1>\
         <p>Le dossier <code>{}</code> ne contient pas <code>index.html</code>. \
         Construisez l'application avec <code>cargo xtask run</code> (ou <code>trunk build --offline</code>), \
         puis rechargez cette page.</p>\
         <p lang=\"en\">The SPA is not built: run <code>cargo xtask run</code>. The API is available.</p></body></html>",
        html_escape(&dist.display().to_string())
    );
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = "<script src=\"/a.js\"></script><SCRIPT type=\"module\">init()</SCRIPT>";
        let expected = format!("'sha256-{}'", STANDARD.encode(Sha256::digest(b"init()")));
        assert_eq!(inline_script_hashes(html), vec![expected]);
    }

    #[test]
    fn unterminated_script_gives_no_hash() {
        assert!(inline_script_hashes("<script>never closed").is_empty());
    }

    #[test]
    fn csp_allows_wasm_and_takes_frame_ancestors_from_settings() {
        let csp = content_security_policy("'none'", &[]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp.contains("style-src 'self' 'unsafe-inline'"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
    }
}
