//! Runtime settings read from `config.json` next to `index.html`, so one build serves every deployment.

use serde::Deserialize;

/// The runtime settings. Every field has a default, so a partial file is fine.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// Base URL of the Chorus Pro-compatible backend; empty means the page's own origin.
    pub api_base_url: String,
    /// Interface language by default (`fr` or `en`); the user's choice overrides it.
    pub locale: String,
    /// Kiosk terminal options.
    pub kiosk: KioskConfig,
    /// Options for embedding in an intranet page (iframe).
    pub embed: EmbedConfig,
    /// In-app notifications of status changes.
    pub notifications: NotificationsConfig,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base_url: String::new(),
            locale: "fr".to_string(),
            kiosk: KioskConfig::default(),
            embed: EmbedConfig::default(),
            notifications: NotificationsConfig::default(),
        }
    }
}

/// Kiosk terminal options.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct KioskConfig {
    /// Kiosk mode on.
    pub enabled: bool,
    /// Inactivity before the session ends, in seconds.
    pub inactivity_seconds: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            enabled: false,
            inactivity_seconds: 300,
        }
    }
}

/// Options for embedding in an iframe.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EmbedConfig {
    /// Parent origins allowed to embed the application and exchange messages with it.
    pub allowed_parent_origins: Vec<String>,
}

/// Where the settings file is, relative to the site root.
/// `notifications`: how often the invoices' statuses are looked at while signed in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NotificationsConfig {
    /// Seconds between two looks (also done when the tab comes back to the front).
    pub poll_seconds: u32,
}

impl Default for NotificationsConfig {
    fn default() -> Self {
        NotificationsConfig { poll_seconds: 120 }
    }
}

pub const CONFIG_URL: &str = "/config.json";
