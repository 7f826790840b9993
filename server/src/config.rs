//! Command-line and environment settings of passerelle-server.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Usage text printed by `--help` and on a bad command line.
pub const USAGE: &str = "usage: passerelle-server [--addr 127.0.0.1:8080] [--db data/passerelle.sqlite | --db :memory:] \
[--dist dist] [--no-seed] [--frame-ancestors \"'self'\"] [--secure-cookies]
  [--upstream sandbox|production|<https URL>] [--upstream-token-url URL] [--upstream-timeout 30] [--secrets-file path]
environment: PASSERELLE_ADDR, PASSERELLE_DB, PASSERELLE_DIST, PASSERELLE_FRAME_ANCESTORS,
  PASSERELLE_UPSTREAM, PASSERELLE_UPSTREAM_TOKEN_URL, PASSERELLE_UPSTREAM_TIMEOUT, PASSERELLE_SECRETS_FILE (flags win)
gateway secrets (environment or secrets file, KEY=value lines; the file wins): PASSERELLE_PISTE_CLIENT_ID,
  PASSERELLE_PISTE_CLIENT_SECRET, PASSERELLE_CPRO_LOGIN, PASSERELLE_CPRO_PASSWORD";

/// Variable (or secrets-file key) of the PISTE application's client id.
pub const VAR_CLIENT_ID: &str = "PASSERELLE_PISTE_CLIENT_ID";
/// Variable (or secrets-file key) of the PISTE application's client secret.
pub const VAR_CLIENT_SECRET: &str = "PASSERELLE_PISTE_CLIENT_SECRET";
/// Variable (or secrets-file key) of the Chorus Pro technical account's login.
pub const VAR_CPRO_LOGIN: &str = "PASSERELLE_CPRO_LOGIN";
/// Variable (or secrets-file key) of the Chorus Pro technical account's password.
pub const VAR_CPRO_PASSWORD: &str = "PASSERELLE_CPRO_PASSWORD";

/// PISTE sandbox (Chorus Pro "qualification") API base (api-reference §1.4).
pub const PISTE_SANDBOX_API: &str = "https://sandbox-api.piste.gouv.fr";
/// PISTE sandbox token URL (api-reference §1.4).
pub const PISTE_SANDBOX_TOKEN_URL: &str = "https://sandbox-oauth.piste.gouv.fr/api/oauth/token";
/// PISTE production API base (api-reference §1.4).
pub const PISTE_PRODUCTION_API: &str = "https://api.piste.gouv.fr";
/// PISTE production token URL (api-reference §1.4).
pub const PISTE_PRODUCTION_TOKEN_URL: &str = "https://oauth.piste.gouv.fr/api/oauth/token";
/// Default time allowed for one upstream call.
pub const DELAI_AMONT_DEFAUT: Duration = Duration::from_secs(30);

/// A secret value: its `Debug` and `Display` print `***`, so that it never lands in a log or an error.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that must send it.
    pub fn exposer(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// What the gateway needs to call PISTE: the PISTE application and the Chorus Pro technical account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifiantsPiste {
    /// OAuth2 client id of the PISTE application.
    pub client_id: String,
    /// OAuth2 client secret of the PISTE application.
    pub client_secret: Secret,
    /// Login of the Chorus Pro technical account (`TECH_1_…@cpro.fr`).
    pub cpro_login: String,
    /// Password of the Chorus Pro technical account.
    pub cpro_password: Secret,
}

/// Gateway mode: where PISTE is and how to authenticate there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewaySettings {
    /// API base without a trailing slash (`https://sandbox-api.piste.gouv.fr`); paths `/cpro/...` are appended.
    pub api_base: String,
    /// OAuth2 token endpoint.
    pub token_url: String,
    /// Time allowed for one upstream call (token or API).
    pub timeout: Duration,
    /// Credentials, held server-side only.
    pub identifiants: IdentifiantsPiste,
}

/// Where the SQLite database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbLocation {
    /// A private in-memory database (tests, kiosks); lost at exit.
    Memory,
    /// A database file, created with its parent folder when missing.
    File(PathBuf),
}

impl DbLocation {
    /// Parses `:memory:` or a file path.
    pub fn parse(value: &str) -> DbLocation {
        if value == ":memory:" {
            DbLocation::Memory
        } else {
            DbLocation::File(PathBuf::from(value))
        }
    }
}

/// Runtime settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Address to bind, `host:port` (port 0 picks a free port).
    pub addr: String,
    /// Database location.
    pub db: DbLocation,
    /// Folder of the built SPA.
    pub dist: PathBuf,
    /// Seed demo data into a new database.
    pub seed: bool,
    /// CSP `frame-ancestors` sources (who may embed the SPA in a frame).
    pub frame_ancestors: String,
    /// Mark the session cookie `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// `--help` was asked.
    pub help: bool,
    /// Gateway mode (`--upstream`): the Chorus Pro API is forwarded to PISTE instead of answered by the sandbox.
    pub gateway: Option<GatewaySettings>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: "127.0.0.1:8080".to_owned(),
            db: DbLocation::File(PathBuf::from("data/passerelle.sqlite")),
            dist: PathBuf::from("dist"),
            seed: true,
            frame_ancestors: "'self'".to_owned(),
            secure_cookies: false,
            help: false,
            gateway: None,
        }
    }
}

/// A command line that cannot be understood.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// Occurs when a flag that needs a value is last.
    #[error("flag {0} needs a value")]
    MissingValue(String),
    /// Occurs on a flag this program does not know.
    #[error("unknown argument {0}")]
    UnknownArgument(String),
    /// Occurs when a value is empty or contains characters that would break a header.
    #[error("invalid value for {flag}: {value:?}")]
    InvalidValue {
        /// The flag or variable.
        flag: String,
        /// The rejected value.
        value: String,
    },
    /// Occurs in gateway mode when a secret is in neither the environment nor the secrets file.
    #[error("missing secret {0}: set the environment variable or put {0}=… in the --secrets-file")]
    MissingSecret(&'static str),
    /// Occurs when the secrets file cannot be read or has a line that is not `KEY=value`.
    #[error("secrets file {path}: {reason}")]
    SecretsFile {
        /// The file.
        path: String,
        /// What is wrong (never a value from the file).
        reason: String,
    },
    /// Occurs when `--upstream` is a URL and no `--upstream-token-url` says where tokens come from.
    #[error("--upstream {0} needs --upstream-token-url")]
    MissingTokenUrl(String),
}

impl Settings {
    /// Builds settings from defaults, then environment variables, then flags (flags win).
    pub fn from_args_and_env(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, ConfigError> {
        let mut settings = Settings::default();
        if let Some(addr) = env("PASSERELLE_ADDR") {
            settings.addr = addr;
        }
        if let Some(db) = env("PASSERELLE_DB") {
            settings.db = DbLocation::parse(&db);
        }
        if let Some(dist) = env("PASSERELLE_DIST") {
            settings.dist = PathBuf::from(dist);
        }
        if let Some(frame_ancestors) = env("PASSERELLE_FRAME_ANCESTORS") {
            settings.frame_ancestors = frame_ancestors;
        }
        let mut amont = AmontBrut {
            upstream: env("PASSERELLE_UPSTREAM"),
            token_url: env("PASSERELLE_UPSTREAM_TOKEN_URL"),
            timeout: env("PASSERELLE_UPSTREAM_TIMEOUT"),
            secrets_file: env("PASSERELLE_SECRETS_FILE"),
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline_value) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = || {
                inline_value
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| ConfigError::MissingValue(flag.clone()))
            };
            match flag.as_str() {
                "--addr" => settings.addr = value()?,
                "--db" => settings.db = DbLocation::parse(&value()?),
                "--dist" => settings.dist = PathBuf::from(value()?),
                "--frame-ancestors" => settings.frame_ancestors = value()?,
                "--no-seed" => settings.seed = false,
                "--secure-cookies" => settings.secure_cookies = true,
                "--upstream" => amont.upstream = Some(value()?),
                "--upstream-token-url" => amont.token_url = Some(value()?),
                "--upstream-timeout" => amont.timeout = Some(value()?),
                "--secrets-file" => amont.secrets_file = Some(value()?),
                "--help" | "-h" => settings.help = true,
                _ => return Err(ConfigError::UnknownArgument(arg)),
            }
        }
        check_value("addr", &settings.addr)?;
        check_value("frame-ancestors", &settings.frame_ancestors)?;
        if !settings.help {
            settings.gateway = amont.resoudre(&env)?;
        }
        Ok(settings)
    }
}

/// Gateway settings as given, before checking.
#[derive(Debug, Default)]
struct AmontBrut {
    upstream: Option<String>,
    token_url: Option<String>,
    timeout: Option<String>,
    secrets_file: Option<String>,
}

impl AmontBrut {
    /// `None` without `--upstream`; else the checked settings with their secrets.
    fn resoudre(
        self,
        env: &impl Fn(&str) -> Option<String>,
    ) -> Result<Option<GatewaySettings>, ConfigError> {
        let Some(upstream) = self.upstream.filter(|u| !u.trim().is_empty()) else {
            return Ok(None);
        };
        let (api_base, token_url_par_defaut) = match upstream.trim() {
            "sandbox" => (PISTE_SANDBOX_API.to_owned(), Some(PISTE_SANDBOX_TOKEN_URL)),
            "production" => (
                PISTE_PRODUCTION_API.to_owned(),
                Some(PISTE_PRODUCTION_TOKEN_URL),
            ),
            url => (checked_url("upstream", url)?, None),
        };
        let token_url = match (self.token_url, token_url_par_defaut) {
            (Some(url), _) => checked_url("upstream-token-url", &url)?,
            (None, Some(url)) => url.to_owned(),
            (None, None) => return Err(ConfigError::MissingTokenUrl(api_base)),
        };
        let timeout = match self.timeout {
            None => DELAI_AMONT_DEFAUT,
            Some(seconds) => match seconds.trim().parse::<u64>() {
                Ok(n) if (1..=600).contains(&n) => Duration::from_secs(n),
                _ => {
                    return Err(ConfigError::InvalidValue {
                        flag: "upstream-timeout".into(),
                        value: seconds,
                    })
                }
            },
        };
        let fichier = match &self.secrets_file {
            Some(path) => lire_fichier_secrets(path)?,
            None => Vec::new(),
        };
        let secret = |nom: &'static str| -> Result<String, ConfigError> {
            fichier
                .iter()
                .find(|(cle, _)| cle == nom)
                .map(|(_, valeur)| valeur.clone())
                .or_else(|| env(nom))
                .filter(|valeur| !valeur.is_empty())
                .ok_or(ConfigError::MissingSecret(nom))
        };
        let identifiants = IdentifiantsPiste {
            client_id: secret(VAR_CLIENT_ID)?,
            client_secret: Secret::new(secret(VAR_CLIENT_SECRET)?),
            cpro_login: secret(VAR_CPRO_LOGIN)?,
            cpro_password: Secret::new(secret(VAR_CPRO_PASSWORD)?),
        };
        Ok(Some(GatewaySettings {
            api_base,
            token_url,
            timeout,
            identifiants,
        }))
    }
}

/// An upstream URL: `https://…`, or `http://` on the loopback interface only (a local fake PISTE);
/// without a trailing slash, query or fragment.
fn checked_url(flag: &str, value: &str) -> Result<String, ConfigError> {
    let invalide = || ConfigError::InvalidValue {
        flag: flag.to_owned(),
        value: value.to_owned(),
    };
    let url = reqwest::Url::parse(value.trim()).map_err(|_| invalide())?;
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    let schema_accepte = url.scheme() == "https" || (url.scheme() == "http" && loopback);
    if !schema_accepte
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(invalide());
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// `KEY=value` lines of a secrets file; blank lines and `#` comments are skipped. Errors name the line
/// number, never its content.
fn lire_fichier_secrets(path: &str) -> Result<Vec<(String, String)>, ConfigError> {
    let erreur = |reason: String| ConfigError::SecretsFile {
        path: path.to_owned(),
        reason,
    };
    let texte = std::fs::read_to_string(path).map_err(|e| erreur(e.kind().to_string()))?;
    let mut paires = Vec::new();
    for (index, ligne) in texte.lines().enumerate() {
        let ligne = ligne.trim();
        if ligne.is_empty() || ligne.starts_with('#') {
            continue;
        }
        let (cle, valeur) = ligne
            .split_once('=')
            .ok_or_else(|| erreur(format!("line {} is not KEY=value", index + 1)))?;
        paires.push((cle.trim().to_owned(), valeur.trim().to_owned()));
    }
    Ok(paires)
}

fn check_value(flag: &str, value: &str) -> Result<(), ConfigError> {
    // The frame-ancestors value goes into a header: control characters would break it.
    if value.trim().is_empty()
        || value
            .chars()
            .any(|c| c.is_control() || c == ';' || c == ',')
    {
        return Err(ConfigError::InvalidValue {
            flag: flag.to_owned(),
            value: value.to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_args_and_env(args.iter().map(|a| a.to_string()), |key| {
            env.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn no_arguments_give_the_defaults() {
        assert_eq!(parse(&[], &[]), Ok(Settings::default()));
    }

    #[test]
    fn environment_overrides_defaults_and_flags_override_environment() {
        let settings = parse(
            &["--addr", "127.0.0.1:0", "--db=:memory:"],
            &[
                ("PASSERELLE_ADDR", "0.0.0.0:9000"),
                ("PASSERELLE_DB", "x.sqlite"),
                ("PASSERELLE_DIST", "web"),
            ],
        );
        let settings = settings.ok();
        assert_eq!(
            settings.as_ref().map(|s| s.addr.as_str()),
            Some("127.0.0.1:0")
        );
        assert_eq!(
            settings.as_ref().map(|s| s.db.clone()),
            Some(DbLocation::Memory)
        );
        assert_eq!(
            settings.as_ref().map(|s| s.dist.clone()),
            Some(PathBuf::from("web"))
        );
    }

    #[test]
    fn no_seed_flag_disables_seeding() {
        assert_eq!(parse(&["--no-seed"], &[]).map(|s| s.seed), Ok(false));
    }

    #[test]
    fn flag_without_value_is_rejected() {
        assert_eq!(
            parse(&["--db"], &[]),
            Err(ConfigError::MissingValue("--db".into()))
        );
    }

    #[test]
    fn unknown_flag_is_rejected() {
        assert_eq!(
            parse(&["--port", "1"], &[]),
            Err(ConfigError::UnknownArgument("--port".into()))
        );
    }

    const SECRETS: [(&str, &str); 4] = [
        (VAR_CLIENT_ID, "app-id"),
        (VAR_CLIENT_SECRET, "s3cr3t-app"),
        (VAR_CPRO_LOGIN, "TECH_1_00000000000000@cpro.fr"),
        (VAR_CPRO_PASSWORD, "m0t-de-passe"),
    ];

    #[test]
    fn upstream_sandbox_uses_the_piste_sandbox_hosts_and_environment_secrets() {
        let gateway = parse(&["--upstream", "sandbox"], &SECRETS).map(|s| s.gateway);
        let Ok(Some(gateway)) = gateway else {
            panic!("expected gateway settings, got {gateway:?}");
        };
        assert_eq!(gateway.api_base, "https://sandbox-api.piste.gouv.fr");
        assert_eq!(
            gateway.token_url,
            "https://sandbox-oauth.piste.gouv.fr/api/oauth/token"
        );
        assert_eq!(gateway.timeout, Duration::from_secs(30));
        assert_eq!(gateway.identifiants.client_id, "app-id");
        assert_eq!(gateway.identifiants.client_secret.exposer(), "s3cr3t-app");
        assert_eq!(
            gateway.identifiants.cpro_login,
            "TECH_1_00000000000000@cpro.fr"
        );
        assert_eq!(gateway.identifiants.cpro_password.exposer(), "m0t-de-passe");
    }

    #[test]
    fn upstream_production_from_the_environment_uses_the_production_hosts() {
        let mut env = SECRETS.to_vec();
        env.push(("PASSERELLE_UPSTREAM", "production"));
        env.push(("PASSERELLE_UPSTREAM_TIMEOUT", "12"));
        let gateway = parse(&[], &env).ok().and_then(|s| s.gateway);
        assert_eq!(
            gateway
                .as_ref()
                .map(|g| (g.api_base.as_str(), g.token_url.as_str())),
            Some((
                "https://api.piste.gouv.fr",
                "https://oauth.piste.gouv.fr/api/oauth/token"
            ))
        );
        assert_eq!(gateway.map(|g| g.timeout), Some(Duration::from_secs(12)));
    }

    #[test]
    fn without_upstream_there_is_no_gateway_even_with_secrets() {
        assert_eq!(parse(&[], &SECRETS).map(|s| s.gateway), Ok(None));
    }

    #[test]
    fn a_missing_secret_is_named_and_no_value_is_shown() {
        let error = parse(&["--upstream", "sandbox"], &SECRETS[..3]);
        assert_eq!(error, Err(ConfigError::MissingSecret(VAR_CPRO_PASSWORD)));
        let message = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("PASSERELLE_CPRO_PASSWORD"), "{message}");
        assert!(!message.contains("s3cr3t-app") && !message.contains("app-id"));
        let empty = [(VAR_CLIENT_ID, "")];
        assert_eq!(
            parse(&["--upstream", "sandbox"], &empty),
            Err(ConfigError::MissingSecret(VAR_CLIENT_ID))
        );
    }

    #[test]
    fn secrets_debug_and_display_print_stars() {
        let settings = parse(&["--upstream", "sandbox"], &SECRETS);
        let debug = format!("{settings:?}");
        assert!(debug.contains("***"), "{debug}");
        assert!(!debug.contains("s3cr3t-app"), "{debug}");
        assert!(!debug.contains("m0t-de-passe"), "{debug}");
        assert_eq!(Secret::new("x").to_string(), "***");
    }

    #[test]
    fn the_secrets_file_is_read_and_wins_over_the_environment() {
        let path = std::env::temp_dir().join(format!("passerelle-secrets-{}", std::process::id()));
        let contenu = "# PISTE\n\nPASSERELLE_PISTE_CLIENT_SECRET = depuis-le-fichier\nPASSERELLE_CPRO_PASSWORD=a=b\n";
        assert!(std::fs::write(&path, contenu).is_ok());
        let path_text = path.to_string_lossy().into_owned();
        let settings = parse(
            &["--upstream", "sandbox", "--secrets-file", &path_text],
            &SECRETS,
        );
        let _ = std::fs::remove_file(&path);
        let identifiants = settings
            .ok()
            .and_then(|s| s.gateway)
            .map(|g| g.identifiants);
        assert_eq!(
            identifiants.as_ref().map(|i| i.client_secret.exposer()),
            Some("depuis-le-fichier")
        );
        assert_eq!(
            identifiants.as_ref().map(|i| i.cpro_password.exposer()),
            Some("a=b")
        );
        assert_eq!(identifiants.map(|i| i.client_id), Some("app-id".to_owned()));
    }

    #[test]
    fn a_bad_secrets_file_line_is_reported_by_number_without_its_content() {
        let path = std::env::temp_dir().join(format!("passerelle-bad-{}", std::process::id()));
        assert!(std::fs::write(&path, "PASSERELLE_CPRO_LOGIN=x\nhunter2\n").is_ok());
        let path_text = path.to_string_lossy().into_owned();
        let error = parse(
            &["--upstream=sandbox", "--secrets-file", &path_text],
            &SECRETS,
        );
        let _ = std::fs::remove_file(&path);
        let message = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("line 2"), "{message}");
        assert!(!message.contains("hunter2"), "{message}");
        assert!(matches!(
            parse(
                &["--upstream", "sandbox", "--secrets-file", "/nonexistent/s"],
                &SECRETS
            ),
            Err(ConfigError::SecretsFile { .. })
        ));
    }

    #[test]
    fn an_upstream_url_needs_a_token_url_and_https_unless_on_loopback() {
        assert_eq!(
            parse(&["--upstream", "https://piste.example.org/"], &SECRETS),
            Err(ConfigError::MissingTokenUrl(
                "https://piste.example.org".into()
            ))
        );
        let local = parse(
            &[
                "--upstream",
                "http://127.0.0.1:9000/",
                "--upstream-token-url",
                "http://127.0.0.1:9000/api/oauth/token",
            ],
            &SECRETS,
        );
        assert_eq!(
            local
                .ok()
                .and_then(|s| s.gateway)
                .map(|g| (g.api_base, g.token_url)),
            Some((
                "http://127.0.0.1:9000".to_owned(),
                "http://127.0.0.1:9000/api/oauth/token".to_owned()
            ))
        );
        for mauvais in [
            "http://piste.example.org",
            "ftp://127.0.0.1",
            "https://h/?a=1",
            "pas une url",
        ] {
            assert!(
                matches!(
                    parse(
                        &["--upstream", mauvais, "--upstream-token-url", "https://t/x"],
                        &SECRETS
                    ),
                    Err(ConfigError::InvalidValue { .. })
                ),
                "{mauvais}"
            );
        }
        assert!(matches!(
            parse(
                &["--upstream", "sandbox", "--upstream-timeout", "0"],
                &SECRETS
            ),
            Err(ConfigError::InvalidValue { .. })
        ));
    }

    #[test]
    fn frame_ancestors_with_a_semicolon_is_rejected() {
        assert!(matches!(
            parse(&["--frame-ancestors", "'self'; script-src *"], &[]),
            Err(ConfigError::InvalidValue { .. })
        ));
    }
}
