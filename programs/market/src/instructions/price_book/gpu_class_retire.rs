//! `gpu_class_retire`: the authority retires a class: no new devices; existing ones keep working.

use anchor_lang::prelude::*;

use super::GpuClassChange;
use crate::error::MarketError;
use crate::events::GpuClassRetired;

pub fn handle(ctx: Context<GpuClassChange>) -> Result<()> {
    let class = &mut ctx.accounts.gpu_class;
    require!(!class.retired, MarketError::GpuClassRetired);
    class.retired = true;
    class.bump_revision()?;
    class.invariant()?;
    emit_cpi!(GpuClassRetired {
        gpu_class: class.key(),
        device_count: class.device_count,
        revision: class.revision,
    });
    Ok(())
}
