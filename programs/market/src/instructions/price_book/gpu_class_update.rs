//! `gpu_class_update`: the authority changes a class's price, multiplier or pool. Existing
//! leases keep the rate they locked at open.

use anchor_lang::prelude::*;

use super::GpuClassChange;
use crate::error::MarketError;
use crate::events::GpuClassSet;
use crate::state::GpuClassTerms;

pub fn handle(ctx: Context<GpuClassChange>, terms: GpuClassTerms) -> Result<()> {
    terms.check()?;
    let class = &mut ctx.accounts.gpu_class;
    require!(!class.retired, MarketError::GpuClassRetired);
    class.terms = terms;
    class.bump_revision()?;
    class.invariant()?;
    emit_cpi!(GpuClassSet {
        gpu_class: class.key(),
        name: class.name,
        terms,
        created: false,
        revision: class.revision,
    });
    Ok(())
}
