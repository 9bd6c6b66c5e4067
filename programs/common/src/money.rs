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
}
