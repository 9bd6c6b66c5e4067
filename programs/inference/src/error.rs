//! Errors of the inference program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum InferenceError {
    /// 6000
    #[msg("only the deployer fixed at build time may initialise the program")]
    NotDeployer,
    /// 6001
    #[msg("the configuration already exists")]
    AlreadyInitialized,
    /// 6002
    #[msg("the authority must be a real key, not the default address")]
    AuthorityUnset,
    /// 6003
    #[msg("the session close timeout must be at least 24 hours")]
    SessionTimeoutTooShort,
    /// 6004
    #[msg("the direct batch size must be between 1 and 64")]
    DirectBatchOutOfRange,
    /// 6005
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
    /// 6006
    #[msg("the model id must not be empty")]
    ModelIdEmpty,
    /// 6007
    #[msg("the model's content hash must not be empty")]
    ContentHashUnset,
    /// 6008
    #[msg("a model needs a price per request or per 1k tokens")]
    ModelPriceZero,
    /// 6009
    #[msg("the revenue split (model owner, provider, burn) must add up to 10_000 bps")]
    SplitNotWhole,
    /// 6010
    #[msg("only the model's owner may do this")]
    NotModelOwner,
    /// 6011
    #[msg("the model is retired")]
    ModelRetired,
    /// 6012
    #[msg("the model must be retired and have no open session to close")]
    ModelInUse,
    /// 6013
    #[msg("an amount computation overflowed")]
    MathOverflow,
    /// 6014
    #[msg("the model is paused: no new sessions or direct payments")]
    ModelPaused,
    /// 6015
    #[msg("the model has unclaimed earnings: claim them before closing")]
    ModelHasEarnings,
    /// 6016
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    /// 6017
    #[msg("the IOSD mint must be the iosd program's mint")]
    IosdMintMismatch,
    /// 6018
    #[msg("the account is not the configured IO vault")]
    ConfigAccountMismatch,
    /// 6019
    #[msg("a direct payment covers 1 to the configured maximum of requests")]
    DirectCountOutOfRange,
    /// 6020
    #[msg("the price is above the most the user agreed to pay")]
    PriceAboveLimit,
    /// 6021
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    /// 6022
    #[msg("the token account is not of the model's currency")]
    CurrencyMismatch,
    /// 6023
    #[msg("the payout account does not belong to the expected owner")]
    PayoutOwnerMismatch,
    /// 6024
    #[msg("an IOSD payout account must be an iosd holder (frozen IOSD account)")]
    PayoutNotHolder,
    /// 6025
    #[msg("the session key must be a real key, not the default address")]
    SessionKeyUnset,
    /// 6026
    #[msg("only the session's user may do this")]
    NotSessionUser,
    /// 6027
    #[msg("the session's close was requested: no more top-ups")]
    SessionClosing,
    /// 6028
    #[msg("the session cannot be finalised yet: close not requested or timeout not over")]
    CloseTooEarly,
    /// 6029
    #[msg("an account does not belong to this session")]
    SessionMismatch,
    /// 6030
    #[msg("the account passed as the instructions sysvar is not the instructions sysvar")]
    NotInstructionsSysvar,
    /// 6031
    #[msg("no instruction precedes this one: the receipt's ed25519 instruction must")]
    Ed25519InstructionMissing,
    /// 6032
    #[msg("the preceding instruction is not the ed25519 program's")]
    NotEd25519Instruction,
    /// 6033
    #[msg("the ed25519 instruction is truncated, or an offset runs past its data")]
    Ed25519Malformed,
    /// 6034
    #[msg("the ed25519 instruction must verify exactly one signature")]
    Ed25519NotOneSignature,
    /// 6035
    #[msg("the ed25519 instruction's offsets point into another instruction")]
    Ed25519OffsetsOutside,
    /// 6036
    #[msg("the receipt is not signed by the session key")]
    ReceiptWrongSigner,
    /// 6037
    #[msg("the signed message is not a receipt of this program on this cluster")]
    ReceiptMalformed,
    /// 6038
    #[msg("the receipt is for another session")]
    ReceiptWrongSession,
    /// 6039
    #[msg("the receipt adds nothing: its cumulative amount is the one already accepted")]
    ReceiptNotNewer,
    /// 6040
    #[msg("the receipt's cumulative amount is below one already accepted")]
    ReceiptAmountWentBackwards,
    /// 6041
    #[msg("nothing has been earned to claim")]
    NothingToClaim,
    /// 6042
    #[msg(
        "the provider's payout account is one of this program's escrows: name the provider's own account"
    )]
    PayoutIsEscrow,
    /// 6043
    #[msg("the session idle time must be at least 7 days")]
    SessionIdleTooShort,
    /// 6044
    #[msg("only the authority may do this")]
    NotAuthority,
    /// 6045
    #[msg("only the proposed key may accept this role")]
    NotPendingRole,
    /// 6046
    #[msg("only the guardian may do this")]
    NotGuardian,
    /// 6047
    #[msg("a guardian's pause lasts 1 to 72 hours")]
    PauseTooLong,
    /// 6048
    #[msg("payments are paused already: only the authority changes a running pause")]
    PauseActive,
    /// 6049
    #[msg(
        "the guardian paused payments recently: it may pause again once a cooldown as long as that pause has passed"
    )]
    GuardianCoolingDown,
    /// 6050
    #[msg(
        "new payments are paused by the guardian or the authority; settlement, closes and claims still work"
    )]
    Paused,
    /// 6051
    #[msg(
        "only the session's user, the owner of its retired model, or anyone once the session has been idle long enough may request the close"
    )]
    CloseNotAllowed,
    /// 6052
    #[msg("the account named as the program's iosd spender is not its spender PDA")]
    SpenderMismatch,
    /// 6053
    #[msg("nothing is waiting to be burned in this currency")]
    NothingToBurn,
}

impl From<io_receipt::SysvarError> for InferenceError {
    fn from(error: io_receipt::SysvarError) -> Self {
        use io_receipt::SysvarError;
        match error {
            SysvarError::NotInstructionsSysvar => Self::NotInstructionsSysvar,
            SysvarError::InstructionMissing | SysvarError::Unreadable => {
                Self::Ed25519InstructionMissing
            }
            SysvarError::NotEd25519 => Self::NotEd25519Instruction,
        }
    }
}

impl From<io_receipt::PrecompileError> for InferenceError {
    fn from(error: io_receipt::PrecompileError) -> Self {
        use io_receipt::PrecompileError;
        match error {
            PrecompileError::Truncated | PrecompileError::OffsetOutOfBounds => {
                Self::Ed25519Malformed
            }
            PrecompileError::NotOneSignature => Self::Ed25519NotOneSignature,
            PrecompileError::OffsetsOutsideInstruction => Self::Ed25519OffsetsOutside,
        }
    }
}

impl From<io_common::PauseError> for InferenceError {
    fn from(error: io_common::PauseError) -> Self {
        match error {
            io_common::PauseError::HoursOutOfRange => Self::PauseTooLong,
            io_common::PauseError::Active => Self::PauseActive,
            io_common::PauseError::CoolingDown => Self::GuardianCoolingDown,
        }
    }
}

impl From<io_common::MoneyError> for InferenceError {
    fn from(error: io_common::MoneyError) -> Self {
        match error {
            io_common::MoneyError::Overflow => Self::MathOverflow,
            io_common::MoneyError::Underflow => Self::InvariantViolated,
        }
    }
}
