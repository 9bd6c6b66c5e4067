//! The two currencies the protocol's escrows hold, and the running totals of what a program owes
//! out of them. The market and the inference program both keep an [`EscrowTotals`] in their
//! config: one definition, so the two can never disagree on what a currency is.

use anchor_lang::prelude::*;

/// What an escrowed amount is denominated in.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    /// IOSD micros (6 decimals, 1 IOSD = 1 USD), moved through iosd's spend interface.
    Iosd,
    /// IO base units (8 decimals), moved by SPL Token instructions a program PDA signs.
    Io,
}

/// What a program owes out of its two escrows: open deposits plus unclaimed earnings, per
/// currency. The escrows hold at least this much (anyone may send tokens to them).
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct EscrowTotals {
    pub iosd_micros: u64,
    pub io_base: u64,
}

/// Why a total could not move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// A credit would pass `u64::MAX`.
    Overflow,
    /// A debit would take a total below zero: the books and the escrow disagree.
    Underflow,
}

impl EscrowTotals {
    /// The total of `currency`.
    pub fn of(&self, currency: Currency) -> u64 {
        match currency {
            Currency::Iosd => self.iosd_micros,
            Currency::Io => self.io_base,
        }
    }

    fn of_mut(&mut self, currency: Currency) -> &mut u64 {
        match currency {
            Currency::Iosd => &mut self.iosd_micros,
            Currency::Io => &mut self.io_base,
        }
    }

    /// Adds `amount` to what is owed in `currency`.
    pub fn credit(
        &mut self,
        currency: Currency,
        amount: u64,
    ) -> core::result::Result<(), MoneyError> {
        let total = self.of_mut(currency);
        *total = total.checked_add(amount).ok_or(MoneyError::Overflow)?;
        Ok(())
    }

    /// Takes `amount` off what is owed in `currency`.
    pub fn debit(
        &mut self,
        currency: Currency,
        amount: u64,
    ) -> core::result::Result<(), MoneyError> {
        let total = self.of_mut(currency);
        *total = total.checked_sub(amount).ok_or(MoneyError::Underflow)?;
        Ok(())
    }
}

/// Protocol fees a program has taken but not yet moved: per currency, the share to burn and the
/// share owed to the treasury. Settlements add to it and move no tokens; a sweep burns and pays
/// a currency's whole accrual at once, so fees cost token movements per sweep, not per
/// settlement. The tokens stay in the program's escrows until then, beside what
/// [`EscrowTotals`] owes out of them.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct AccruedFees {
    pub burn: EscrowTotals,
    pub treasury: EscrowTotals,
}

impl AccruedFees {
    /// Adds a fee of `currency`: `burn` to burn, `treasury` for the treasury.
    pub fn accrue(
        &mut self,
        currency: Currency,
        burn: u64,
        treasury: u64,
    ) -> core::result::Result<(), MoneyError> {
        self.burn.credit(currency, burn)?;
        self.treasury.credit(currency, treasury)
    }

    /// Takes `burn` and `treasury` off what `currency` has accrued (a sweep).
    pub fn take(
        &mut self,
        currency: Currency,
        burn: u64,
        treasury: u64,
    ) -> core::result::Result<(), MoneyError> {
        self.burn.debit(currency, burn)?;
        self.treasury.debit(currency, treasury)
    }

    /// What the escrow of `currency` holds for fees: both shares.
    pub fn held(&self, currency: Currency) -> core::result::Result<u64, MoneyError> {
        self.burn
            .of(currency)
            .checked_add(self.treasury.of(currency))
            .ok_or(MoneyError::Overflow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_debits_move_one_currency() {
        let mut totals = EscrowTotals::default();
        totals.credit(Currency::Iosd, 5).unwrap();
        totals.credit(Currency::Io, 7).unwrap();
        totals.debit(Currency::Iosd, 2).unwrap();
        assert_eq!((totals.of(Currency::Iosd), totals.of(Currency::Io)), (3, 7));
        assert_eq!(totals.debit(Currency::Io, 8), Err(MoneyError::Underflow));
        assert_eq!(
            totals.credit(Currency::Io, u64::MAX),
            Err(MoneyError::Overflow)
        );
        assert_eq!(totals.of(Currency::Io), 7);
    }

    #[test]
    fn accrued_fees_add_per_currency_and_share() {
        let mut fees = AccruedFees::default();
        assert_eq!(fees, AccruedFees::default());
        fees.accrue(Currency::Iosd, 2, 3).unwrap();
        fees.accrue(Currency::Iosd, 1, 1).unwrap();
        fees.accrue(Currency::Io, 0, 9).unwrap();
        assert_eq!(fees.held(Currency::Iosd), Ok(7));
        assert_eq!(fees.held(Currency::Io), Ok(9));
        assert_eq!(
            (fees.burn.of(Currency::Iosd), fees.treasury.of(Currency::Io)),
            (3, 9)
        );
        assert_eq!(
            fees.accrue(Currency::Io, 0, u64::MAX),
            Err(MoneyError::Overflow)
        );
        assert_ne!(fees, AccruedFees::default());
        fees.take(Currency::Iosd, 3, 4).unwrap();
        assert_eq!(fees.held(Currency::Iosd), Ok(0));
        assert_eq!(fees.take(Currency::Io, 1, 0), Err(MoneyError::Underflow));
    }
}
