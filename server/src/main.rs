//! passerelle-server binary: reads settings, opens the database, binds, prints the URL, serves until Ctrl-C/SIGTERM.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use passerelle_server::config::{Settings, USAGE};
use passerelle_server::AppState;

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr: stdout carries only the "listening" line that scripts wait for.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .init();
    let settings = match Settings::from_args_and_env(std::env::args().skip(1), |key| {
        std::env::var(key).ok()
    }) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("passerelle-server: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if settings.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("passerelle-server: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(settings: Settings) -> anyhow::Result<()> {
    let addr = settings.addr.clone();
    let state = AppState::open(settings)
        .await
        .context("opening the database")?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let local = listener.local_addr().context("reading the bound address")?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "Passerelle listening on http://{local}").context("writing to stdout")?;
    stdout.flush().context("flushing stdout")?;
    drop(stdout);
    passerelle_server::serve(listener, state, shutdown_signal())
        .await
        .context("serving")?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
