//! Command-line and environment settings of passerelle-server.

use std::path::PathBuf;

/// Usage text printed by `--help` and on a bad command line.
pub const USAGE: &str = "usage: passerelle-server [--addr 127.0.0.1:8080] [--db data/passerelle.sqlite | --db :memory:] \
[--dist dist] [--no-seed] [--frame-ancestors \"'self'\"] [--secure-cookies]
environment: PASSERELLE_ADDR, PASSERELLE_DB, PASSERELLE_DIST, PASSERELLE_FRAME_ANCESTORS (flags win)";

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
                "--help" | "-h" => settings.help = true,
                _ => return Err(ConfigError::UnknownArgument(arg)),
            }
        }
        check_value("addr", &settings.addr)?;
        check_value("frame-ancestors", &settings.frame_ancestors)?;
        Ok(settings)
    }
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

    #[test]
    fn frame_ancestors_with_a_semicolon_is_rejected() {
        assert!(matches!(
            parse(&["--frame-ancestors", "'self'; script-src *"], &[]),
            Err(ConfigError::InvalidValue { .. })
        ));
    }
}
