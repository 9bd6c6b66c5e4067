//! `inputs_post`: an oracle of the season posts, for one epoch, up to 8 devices' cumulative
//! inputs (GPU-seconds of jobs, seconds of uptime), the bandwidth tier in force that epoch and
//! a hash of the data they come from. Points accrue from the deltas by `io_points`' formula. A
//! device that already has this epoch (or a later one) is skipped with an event and changes
//! nothing; inputs lower than those counted are refused; epochs that have not ended, and posts
//! after the posting grace or the finalisation, are refused. Inputs beyond wall-clock time are
//! refused: job GPU-seconds above the device's GPUs × the seconds from the season's start to the
//! epoch's end, or uptime above those seconds. Within those bounds one season oracle's post is
//! taken as it is (SECURITY.md states that trust). An oracle that skips epochs posts the
//! cumulative inputs at the next one, whose tier then applies to the whole delta: posting every
//! epoch is what keeps the tiers exact.

use anchor_lang::prelude::*;

use crate::constants::MAX_SEASON_BATCH;
use crate::error::RewardsError;
use crate::events::{InputsPosted, InputsSkipped};
use crate::state::{Season, SeasonDevice, SeasonState};

/// One device's inputs for the epoch (remaining accounts name the records in the same order).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostedInputs {
    /// GPU-seconds of jobs done since the season started (cumulative).
    pub job_secs: u64,
    /// Seconds of uptime since the season started (cumulative).
    pub uptime_secs: u64,
    /// Bandwidth tier (0..=4) in force during this epoch.
    pub bandwidth_tier: u8,
    /// Hash of the measurements these inputs were computed from.
    pub inputs_hash: [u8; 32],
}

#[event_cpi]
#[derive(Accounts)]
pub struct InputsPost<'info> {
    pub oracle: Signer<'info>,
    #[account(mut, dup)]
    pub season: Account<'info, Season>,
}

impl<'info> InputsPost<'info> {
    fn check(&self, epoch: u32, entries: usize, remaining: usize, now: i64) -> Result<()> {
        let season = &self.season;
        require!(
            season.is_oracle(&self.oracle.key()),
            RewardsError::NotOracle
        );
        require!(
            season.state == SeasonState::Active,
            RewardsError::SeasonFinalized
        );
        require!(
            now <= season.posting_closes_at()?,
            RewardsError::PostingClosed
        );
        require!(
            epoch >= 1 && epoch <= season.last_postable_epoch(now)?,
            RewardsError::EpochInFuture
        );
        require!(
            (1..=MAX_SEASON_BATCH).contains(&entries) && remaining == entries,
            RewardsError::BatchShape
        );
        Ok(())
    }

    pub fn handle(ctx: Context<'info, Self>, epoch: u32, entries: Vec<PostedInputs>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .check(epoch, entries.len(), ctx.remaining_accounts.len(), now)?;
        let season_key = ctx.accounts.season.key();
        let oracle = ctx.accounts.oracle.key();
        let formula: io_points::Formula = ctx.accounts.season.formula.into();
        for (info, posted) in ctx.remaining_accounts.iter().zip(&entries) {
            let mut record: Account<'info, SeasonDevice> = Account::try_from(info)?;
            require!(info.is_writable, RewardsError::SeasonMismatch);
            require_keys_eq!(record.season, season_key, RewardsError::SeasonMismatch);
            if epoch <= record.last_epoch {
                emit_cpi!(InputsSkipped {
                    season: season_key,
                    device: record.device,
                    epoch,
                    last_epoch: record.last_epoch,
                });
                continue;
            }
            // Cumulative inputs cannot outrun the clock: at most the device's GPUs working
            // every second from the season's start to this epoch's end, and as much uptime.
            let elapsed = u64::try_from(
                ctx.accounts
                    .season
                    .epoch_end(epoch)?
                    .saturating_sub(ctx.accounts.season.start_ts),
            )
            .map_err(|_| RewardsError::MathOverflow)?;
            let gpu_secs = elapsed
                .checked_mul(u64::from(record.gpu_count))
                .ok_or(RewardsError::MathOverflow)?;
            require!(
                posted.job_secs <= gpu_secs && posted.uptime_secs <= elapsed,
                RewardsError::InputsAboveWallClock
            );
            let mut counted = record.counted();
            let added = counted
                .accrue(
                    &formula,
                    record.gpu_model_bps,
                    record.gpu_count,
                    io_points::Inputs {
                        job_secs: posted.job_secs,
                        uptime_secs: posted.uptime_secs,
                        bandwidth_tier: posted.bandwidth_tier,
                    },
                )
                .map_err(RewardsError::from)?;
            record.job_secs = counted.job_secs;
            record.uptime_secs = counted.uptime_secs;
            record.points = counted.points;
            record.remainder = counted.remainder;
            record.last_epoch = epoch;
            record.inputs_hash = posted.inputs_hash;
            record.bump_revision()?;
            record.invariant()?;
            record.exit(&crate::ID)?;
            let season = &mut ctx.accounts.season;
            season.total_points = season
                .total_points
                .checked_add(added)
                .ok_or(RewardsError::MathOverflow)?;
            emit_cpi!(InputsPosted {
                season: season_key,
                device: record.device,
                oracle,
                epoch,
                job_secs: record.job_secs,
                uptime_secs: record.uptime_secs,
                bandwidth_tier: posted.bandwidth_tier,
                inputs_hash: posted.inputs_hash,
                points_added: added,
                points: record.points,
                season_total_points: ctx.accounts.season.total_points,
                revision: record.revision,
            });
        }
        let season = &mut ctx.accounts.season;
        season.bump_revision()?;
        season.invariant()
    }
}
