//! The sandbox clock: real time plus an offset that the simulation endpoints and tests can advance.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Shared clock (cheap to clone; all clones move together).
#[derive(Debug, Clone, Default)]
pub struct Clock {
    decalage: Arc<Mutex<Duration>>,
}

impl Clock {
    /// Current sandbox time.
    pub fn maintenant(&self) -> DateTime<Utc> {
        Utc::now() + self.decalage()
    }

    /// Current sandbox time as stored in the database (`YYYY-MM-DDTHH:MM:SS`, UTC, sorts as text).
    pub fn horodatage(&self) -> String {
        self.maintenant().format("%Y-%m-%dT%H:%M:%S").to_string()
    }

    /// Real time in the database format: sessions and tokens expire on real time, not on the sandbox clock.
    pub fn horodatage_reel(&self) -> String {
        Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string()
    }

    /// Moves the sandbox time forward.
    pub fn avancer(&self, duree: Duration) {
        // A poisoned lock only means another thread panicked mid-update of a plain value: keep going.
        let mut decalage = self
            .decalage
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *decalage += duree;
    }

    fn decalage(&self) -> Duration {
        *self
            .decalage
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_the_clock_moves_every_clone() {
        let clock = Clock::default();
        let other = clock.clone();
        let before = other.maintenant();
        clock.avancer(Duration::days(30));
        assert!(other.maintenant() - before >= Duration::days(30));
    }
}
