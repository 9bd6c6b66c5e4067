//! The guardian's pause, bounded so that it can stop an instruction class in an emergency but
//! never keep it stopped: a pause lasts at most the configured hours, cannot be extended by the
//! guardian, and is followed by a cooldown as long as itself during which the guardian cannot
//! pause that class again. Over any span the class is open at least half the time, whatever the
//! guardian does; refunds, withdrawals and claims waiting behind a pause always get through.
//! The authority (governance, with its own hold-up) may set any end, lift a pause, or pause
//! for longer.

use anchor_lang::prelude::*;

/// Seconds per hour, the unit of pause lengths.
const SECS_PER_HOUR: i64 = 3_600;

/// One pausable instruction class, as stored in a config.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Pause {
    /// Unix time until which the class is paused (0: never paused).
    pub paused_until: i64,
    /// Unix time from which the guardian may pause the class again.
    pub guardian_ready_at: i64,
}

/// Why the guardian's pause was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseError {
    /// `hours` is 0 or above the configured maximum.
    HoursOutOfRange,
    /// The class is paused already: only the authority changes a running pause.
    Active,
    /// The guardian paused this class recently and must wait for the cooldown.
    CoolingDown,
}

impl Pause {
    /// Whether the class is paused at `now`.
    pub fn is_paused(&self, now: i64) -> bool {
        self.paused_until > now
    }

    /// The guardian pauses for `hours` (1..=`max_hours`) from `now`; returns the pause's end.
    pub fn guardian_pause(
        &mut self,
        hours: u32,
        max_hours: u32,
        now: i64,
    ) -> core::result::Result<i64, PauseError> {
        if hours == 0 || hours > max_hours {
            return Err(PauseError::HoursOutOfRange);
        }
        if self.is_paused(now) {
            return Err(PauseError::Active);
        }
        if now < self.guardian_ready_at {
            return Err(PauseError::CoolingDown);
        }
        // hours ≤ max_hours ≤ u32::MAX: the products fit i64 with room to spare.
        let length = i64::from(hours).saturating_mul(SECS_PER_HOUR);
        self.paused_until = now.saturating_add(length);
        self.guardian_ready_at = self.paused_until.saturating_add(length);
        Ok(self.paused_until)
    }

    /// The authority sets the end (0 or a past time lifts the pause). The guardian's cooldown
    /// is kept: lifting a pause early does not give the guardian a new one sooner.
    pub fn authority_set(&mut self, paused_until: i64) {
        self.paused_until = paused_until;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guardian_pauses_within_bounds_then_waits_as_long_as_it_paused() {
        let mut pause = Pause::default();
        assert_eq!(
            pause.guardian_pause(0, 72, 100),
            Err(PauseError::HoursOutOfRange)
        );
        assert_eq!(
            pause.guardian_pause(73, 72, 100),
            Err(PauseError::HoursOutOfRange)
        );
        assert_eq!(pause.guardian_pause(2, 72, 100), Ok(100 + 7_200));
        assert!(pause.is_paused(100) && !pause.is_paused(7_300));
        assert_eq!(pause.guardian_pause(1, 72, 200), Err(PauseError::Active));
        assert_eq!(
            pause.guardian_pause(1, 72, 7_300),
            Err(PauseError::CoolingDown)
        );
        assert_eq!(pause.guardian_pause(1, 72, 14_500), Ok(14_500 + 3_600));
        pause.authority_set(0);
        assert!(!pause.is_paused(14_600));
        assert_eq!(
            pause.guardian_pause(1, 72, 14_600),
            Err(PauseError::CoolingDown)
        );
    }

    /// A guardian that pauses as often as it may leaves the class open at least half the time.
    #[test]
    fn a_guardian_pausing_whenever_it_may_leaves_half_the_time_open() {
        let mut pause = Pause::default();
        let (mut open, mut now) = (0i64, 0i64);
        while now < 100 * 86_400 {
            if pause.guardian_pause(72, 72, now).is_err() && !pause.is_paused(now) {
                open += 60;
            }
            now += 60;
        }
        assert!(open * 2 >= now - 72 * 3_600, "open {open} of {now}");
    }
}
