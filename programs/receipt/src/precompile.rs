//! Reading an ed25519 precompile instruction from a program.
//!
//! The runtime verified every signature of a transaction's ed25519 instruction before any
//! program ran; what a program must still check is *which* key signed *which* message. The
//! offsets of an ed25519 instruction may point into other instructions, so a forger could make
//! the verified bytes differ from the bytes the program reads. We therefore accept only the
//! simplest shape: one signature, with key, signature and message all inside the instruction
//! itself (instruction index `u16::MAX`), and return slices of that instruction's own data.

/// "This instruction", in an offsets record.
pub const THIS_INSTRUCTION: u16 = u16::MAX;
/// Size of the header (count + padding) and of one offsets record.
const HEADER_LEN: usize = 2;
const OFFSETS_LEN: usize = 14;

/// Why an ed25519 instruction was not accepted as carrying one signed message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrecompileError {
    /// The data is shorter than a header and one offsets record.
    Truncated,
    /// It verifies zero or several signatures; exactly one is accepted.
    NotOneSignature,
    /// An offset points into another instruction.
    OffsetsOutsideInstruction,
    /// An offset or size runs past the end of the data.
    OffsetOutOfBounds,
}

/// The key, signature and message one ed25519 instruction verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifiedSignature<'a> {
    pub public_key: &'a [u8; 32],
    pub signature: &'a [u8; 64],
    pub message: &'a [u8],
}

/// Parses the data of an ed25519 precompile instruction (the caller has checked its program id
/// is the ed25519 program, through the instructions sysvar).
pub fn verified_signature(data: &[u8]) -> Result<VerifiedSignature<'_>, PrecompileError> {
    let header_and_offsets = HEADER_LEN.saturating_add(OFFSETS_LEN);
    if data.len() < header_and_offsets {
        return Err(PrecompileError::Truncated);
    }
    if data[0] != 1 {
        return Err(PrecompileError::NotOneSignature);
    }
    let field = |index: usize| {
        let at = HEADER_LEN.saturating_add(index.saturating_mul(2));
        u16::from_le_bytes([data[at], data[at.saturating_add(1)]])
    };
    let (signature_offset, signature_ix) = (field(0), field(1));
    let (public_key_offset, public_key_ix) = (field(2), field(3));
    let (message_offset, message_size, message_ix) = (field(4), field(5), field(6));
    if [signature_ix, public_key_ix, message_ix]
        .iter()
        .any(|&ix| ix != THIS_INSTRUCTION)
    {
        return Err(PrecompileError::OffsetsOutsideInstruction);
    }
    let slice = |offset: u16, len: usize| {
        let start = usize::from(offset);
        data.get(start..start.checked_add(len)?)
    };
    let public_key = slice(public_key_offset, 32).ok_or(PrecompileError::OffsetOutOfBounds)?;
    let signature = slice(signature_offset, 64).ok_or(PrecompileError::OffsetOutOfBounds)?;
    let message = slice(message_offset, usize::from(message_size))
        .ok_or(PrecompileError::OffsetOutOfBounds)?;
    Ok(VerifiedSignature {
        public_key: public_key
            .try_into()
            .map_err(|_| PrecompileError::OffsetOutOfBounds)?,
        signature: signature
            .try_into()
            .map_err(|_| PrecompileError::OffsetOutOfBounds)?,
        message,
    })
}
