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
    #[msg("the model id must not be empty")]
    ModelIdEmpty,
    #[msg("the model's content hash must not be empty")]
    ContentHashUnset,
    #[msg("a model needs a price per request or per 1k tokens")]
    ModelPriceZero,
    #[msg("the revenue split (model owner, provider, burn) must add up to 10_000 bps")]
    SplitNotWhole,
    #[msg("only the model's owner may do this")]
    NotModelOwner,
    #[msg("the model is retired")]
    ModelRetired,
    #[msg("the model must be retired and have no open session to close")]
    ModelInUse,
    #[msg("an amount computation overflowed")]
    MathOverflow,
    #[msg("the model is paused: no new sessions or direct payments")]
    ModelPaused,
    #[msg("the model has unclaimed earnings: claim them before closing")]
    ModelHasEarnings,
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    #[msg("the IOSD mint must be the iosd program's mint")]
    IosdMintMismatch,
    #[msg("the account is not the configured IO vault")]
    ConfigAccountMismatch,
    #[msg("a direct payment covers 1 to the configured maximum of requests")]
    DirectCountOutOfRange,
    #[msg("the price is above the most the user agreed to pay")]
    PriceAboveLimit,
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    #[msg("the token account is not of the model's currency")]
    CurrencyMismatch,
    #[msg("the payout account does not belong to the expected owner")]
    PayoutOwnerMismatch,
    #[msg("an IOSD payout account must be an iosd holder (frozen IOSD account)")]
    PayoutNotHolder,
    #[msg("the session key must be a real key, not the default address")]
    SessionKeyUnset,
    #[msg("only the session's user may do this")]
    NotSessionUser,
    #[msg("the session's close was requested: no more top-ups")]
    SessionClosing,
    #[msg("the session cannot be finalised yet: close not requested or timeout not over")]
    CloseTooEarly,
    #[msg("an account does not belong to this session")]
    SessionMismatch,
    #[msg("the account passed as the instructions sysvar is not the instructions sysvar")]
    NotInstructionsSysvar,
    #[msg("no instruction precedes this one: the receipt's ed25519 instruction must")]
    Ed25519InstructionMissing,
    #[msg("the preceding instruction is not the ed25519 program's")]
    NotEd25519Instruction,
    #[msg("the ed25519 instruction is truncated, or an offset runs past its data")]
    Ed25519Malformed,
    #[msg("the ed25519 instruction must verify exactly one signature")]
    Ed25519NotOneSignature,
    #[msg("the ed25519 instruction's offsets point into another instruction")]
    Ed25519OffsetsOutside,
    #[msg("the receipt is not signed by the session key")]
    ReceiptWrongSigner,
    #[msg("the signed message is not a receipt of this program on this cluster")]
    ReceiptMalformed,
    #[msg("the receipt is for another session")]
    ReceiptWrongSession,
    #[msg("the receipt adds nothing: its cumulative amount is the one already accepted")]
    ReceiptNotNewer,
    #[msg("the receipt's cumulative amount is below one already accepted")]
    ReceiptAmountWentBackwards,
    #[msg("nothing has been earned to claim")]
    NothingToClaim,
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
