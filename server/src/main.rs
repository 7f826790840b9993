//! passerelle-server binary: reads settings, opens the database, binds, prints the URL, serves until Ctrl-C/SIGTERM.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use passerelle_server::config::{Settings, USAGE};
use passerelle_server::{seed_volume, AppState};

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr: stdout carries only the "listening" line that scripts wait for.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .init();
    // `--seed-factures N` (volume data for demos and measurements) is read here, apart from `Settings`.
    let (args, factures_volume) = match seed_volume::extraire_option(std::env::args().skip(1)) {
        Ok(lu) => lu,
        Err(error) => {
            eprintln!("passerelle-server: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let settings = match Settings::from_args_and_env(args, |key| std::env::var(key).ok()) {
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
    match run(settings, factures_volume).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("passerelle-server: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(settings: Settings, factures_volume: Option<u64>) -> anyhow::Result<()> {
    let addr = settings.addr.clone();
    let state = AppState::open(settings)
        .await
        .context("opening the database or setting up the gateway")?;
    if let Some(n) = factures_volume {
        let debut = std::time::Instant::now();
        let ajoutees =
            seed_volume::seed_factures(&state.db, n, state.clock.maintenant().naive_utc())
                .await
                .context("adding the volume invoices")?;
        tracing::info!(
            ajoutees,
            ms = debut.elapsed().as_millis() as u64,
            "--seed-factures"
        );
    }
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let local = listener.local_addr().context("reading the bound address")?;
    annoncer_le_mode(&state).await;
    let shutdown = shutdown_signal()?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "Passerelle listening on http://{local}").context("writing to stdout")?;
    stdout.flush().context("flushing stdout")?;
    drop(stdout);
    // The simulated recipient routes deposited invoices on real time too, not only when tests advance the clock.
    let simulation = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
        loop {
            tick.tick().await;
            if let Err(error) =
                passerelle_server::portail::simulation::traitements_automatiques(&simulation).await
            {
                tracing::warn!(%error, "simulation step failed");
            }
        }
    });
    passerelle_server::serve(listener, state, shutdown)
        .await
        .context("serving")?;
    tracing::info!("stopped");
    Ok(())
}

/// Logs the mode; in gateway mode, warns when the demo account (public password) can sign in, since every
/// signed-in user sends through the technical account.
async fn annoncer_le_mode(state: &AppState) {
    let Some(gateway) = state.gateway.as_deref() else {
        tracing::info!("sandbox mode: the Chorus Pro API is answered locally");
        return;
    };
    tracing::info!(
        upstream = gateway.api_base(),
        "gateway mode: the Chorus Pro API is forwarded to PISTE"
    );
    let email = passerelle_server::seed::DEMO_EMAIL;
    if let Ok(Some(_)) = state.db.utilisateur_par_email(email).await {
        tracing::warn!(
            account = email,
            "gateway mode with the demo account: anyone who knows its public password can send invoices \
             through the technical account; do not expose this server"
        );
    }
}

/// Registers SIGINT/SIGTERM handlers now (before the "listening" line is printed, so a signal sent
/// right after it is never fatal) and returns the future that completes on the first one.
#[cfg(unix)]
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).context("listening for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        tracing::info!("shutting down");
    })
}

#[cfg(not(unix))]
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down");
    })
}
