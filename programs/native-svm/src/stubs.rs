//! Syscalls of host-compiled programs, routed into the SVM's invoke context.
//!
//! Off-chain, the Solana crates send every syscall to a global `SyscallStubs` object (the default
//! one does nothing). [`install`] replaces it with [`SvmSyscalls`], which executes each call
//! against the instruction currently running in the SVM, as the real syscalls do on-chain.

use solana_account_info::AccountInfo;
use solana_instruction::Instruction;
use solana_instruction::error::{InstructionError, UNSUPPORTED_SYSVAR};
use solana_program_entrypoint::SUCCESS;
use solana_program_error::{ProgramError, ProgramResult};
use solana_program_runtime::invoke_context::InvokeContext;
use solana_program_runtime::stable_log;
use solana_pubkey::Pubkey;
use solana_svm_log_collector::ic_msg;
use solana_sysvar::program_stubs::{SyscallStubs, set_syscall_stubs};

use crate::context::with_current;

/// Installs [`SvmSyscalls`] as the process-wide syscall handler.
pub(crate) fn install() {
    set_syscall_stubs(Box::new(SvmSyscalls));
}

/// Executes syscalls against the current instruction of the SVM on this thread.
struct SvmSyscalls;

// The trait fixes these signatures: raw pointers in safe methods, as the syscall ABI has them.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
impl SyscallStubs for SvmSyscalls {
    fn sol_log(&self, message: &str) {
        with_current(|ic| {
            ic_msg!(ic, "Program log: {}", message);
        });
    }

    fn sol_log_data(&self, fields: &[&[u8]]) {
        with_current(|ic| stable_log::program_data(&ic.get_log_collector(), fields));
    }

    fn sol_invoke_signed(
        &self,
        instruction: &Instruction,
        account_infos: &[AccountInfo],
        signers_seeds: &[&[&[u8]]],
    ) -> ProgramResult {
        with_current(|ic| invoke_signed(ic, instruction, account_infos, signers_seeds))
    }

    fn sol_get_sysvar(&self, id: *const u8, var_addr: *mut u8, offset: u64, length: u64) -> u64 {
        with_current(|ic| {
            // SAFETY: the caller passes the address of a 32-byte sysvar id.
            let id = unsafe { &*id.cast::<Pubkey>() };
            let Some(bytes) = ic.get_sysvar_cache().sysvar_id_to_buffer(id) else {
                return UNSUPPORTED_SYSVAR;
            };
            let (Ok(start), Ok(length)) = (usize::try_from(offset), usize::try_from(length)) else {
                return OFFSET_OUT_OF_RANGE;
            };
            let Some(slice) = start
                .checked_add(length)
                .and_then(|end| bytes.get(start..end))
            else {
                return OFFSET_OUT_OF_RANGE;
            };
            // SAFETY: the caller passes a destination of at least `length` bytes.
            unsafe { std::ptr::copy_nonoverlapping(slice.as_ptr(), var_addr, slice.len()) };
            SUCCESS
        })
    }

    fn sol_get_clock_sysvar(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_clock(), var_addr))
    }

    fn sol_get_epoch_schedule_sysvar(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_epoch_schedule(), var_addr))
    }

    fn sol_get_epoch_rewards_sysvar(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_epoch_rewards(), var_addr))
    }

    #[allow(deprecated)]
    fn sol_get_fees_sysvar(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_fees(), var_addr))
    }

    fn sol_get_rent_sysvar(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_rent(), var_addr))
    }

    fn sol_get_last_restart_slot(&self, var_addr: *mut u8) -> u64 {
        with_current(|ic| copy_sysvar(ic.get_sysvar_cache().get_last_restart_slot(), var_addr))
    }

    fn sol_get_return_data(&self) -> Option<(Pubkey, Vec<u8>)> {
        with_current(|ic| {
            let (program_id, data) = ic.transaction_context.get_return_data();
            Some((*program_id, data.to_vec()))
        })
    }

    fn sol_set_return_data(&self, data: &[u8]) {
        with_current(|ic| {
            let caller = ic
                .transaction_context
                .get_current_instruction_context()
                .and_then(|instruction| instruction.get_program_key().copied());
            if let Ok(caller) = caller {
                // Only fails above 1 KiB, which the program-side wrapper already rejects.
                let _ = ic
                    .transaction_context
                    .set_return_data(caller, data.to_vec());
            }
        });
    }

    fn sol_get_stack_height(&self) -> u64 {
        with_current(|ic| ic.get_stack_height() as u64)
    }
}

/// Error code of `sol_get_sysvar` for a range outside the sysvar (as the real syscall).
const OFFSET_OUT_OF_RANGE: u64 = 1;

fn copy_sysvar<T: Clone>(
    sysvar: Result<std::sync::Arc<T>, InstructionError>,
    var_addr: *mut u8,
) -> u64 {
    match sysvar {
        Ok(value) => {
            // SAFETY: `var_addr` points at a `T` the caller owns (the `Sysvar::get` contract).
            unsafe { std::ptr::write(var_addr.cast::<T>(), T::clone(&value)) };
            SUCCESS
        }
        Err(_) => UNSUPPORTED_SYSVAR,
    }
}

/// A cross-program invocation: the caller's account infos are synchronised into the transaction,
/// the callee runs in the SVM (SBF bytecode, a precompile or another native program), and what it
/// changed is copied back into the caller's account infos.
fn invoke_signed(
    ic: &mut InvokeContext,
    instruction: &Instruction,
    account_infos: &[AccountInfo],
    signers_seeds: &[&[&[u8]]],
) -> ProgramResult {
    let caller = ic
        .transaction_context
        .get_current_instruction_context()
        .and_then(|context| context.get_program_key().copied())
        .map_err(to_program_error)?;
    let signers = signers_seeds
        .iter()
        .map(|seeds| Pubkey::create_program_address(seeds, &caller))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| ProgramError::InvalidSeeds)?;
    // Checks privileges (a signer or writable flag the caller does not hold fails here).
    ic.prepare_next_instruction(instruction.clone(), &signers)
        .map_err(to_program_error)?;

    let writable = sync_caller_to_transaction(ic, account_infos).map_err(to_program_error)?;
    let mut compute_units = 0;
    ic.process_instruction(&mut compute_units, &mut Default::default())
        .map_err(to_program_error)?;
    sync_transaction_to_caller(ic, account_infos, &writable)
}

/// Writes the caller's view of every account the callee receives into the transaction, and
/// returns which of them the callee may change (index in the transaction, index in the infos).
fn sync_caller_to_transaction(
    ic: &InvokeContext,
    account_infos: &[AccountInfo],
) -> Result<Vec<(u16, usize)>, InstructionError> {
    let transaction = &ic.transaction_context;
    let caller = transaction.get_current_instruction_context()?;
    let callee = transaction.get_next_instruction_context()?;
    let mut writable = Vec::new();
    for account in callee.instruction_accounts() {
        let key = transaction.get_key_of_account_at_index(account.index_in_transaction)?;
        let info_index = account_infos
            .iter()
            .position(|info| info.key == key)
            .ok_or(InstructionError::MissingAccount)?;
        let info = &account_infos[info_index];
        let index_in_caller =
            caller.get_index_of_account_in_instruction(account.index_in_transaction)?;
        let mut borrowed = caller.try_borrow_instruction_account(index_in_caller)?;
        if borrowed.get_lamports() != info.lamports() {
            borrowed.set_lamports(info.lamports())?;
        }
        let data = info
            .try_borrow_data()
            .map_err(|_| InstructionError::AccountBorrowFailed)?;
        if borrowed.get_data() != &data[..] {
            borrowed.set_data_from_slice(&data)?;
        }
        if borrowed.get_owner() != info.owner {
            borrowed.set_owner(info.owner.as_ref())?;
        }
        if account.is_writable() {
            writable.push((account.index_in_transaction, info_index));
        }
    }
    Ok(writable)
}

/// Copies the callee's changes to writable accounts back into the caller's account infos.
fn sync_transaction_to_caller(
    ic: &InvokeContext,
    account_infos: &[AccountInfo],
    writable: &[(u16, usize)],
) -> ProgramResult {
    let caller = ic
        .transaction_context
        .get_current_instruction_context()
        .map_err(to_program_error)?;
    for &(index_in_transaction, info_index) in writable {
        let index_in_caller = caller
            .get_index_of_account_in_instruction(index_in_transaction)
            .map_err(to_program_error)?;
        let borrowed = caller
            .try_borrow_instruction_account(index_in_caller)
            .map_err(to_program_error)?;
        let info = &account_infos[info_index];
        **info.try_borrow_mut_lamports()? = borrowed.get_lamports();
        if info.owner != borrowed.get_owner() {
            info.assign(borrowed.get_owner());
        }
        let new_data = borrowed.get_data();
        if info.data_len() != new_data.len() {
            info.resize(new_data.len())?;
        }
        info.try_borrow_mut_data()?.copy_from_slice(new_data);
    }
    Ok(())
}

/// Maps a runtime error to the program error the caller sees, as the real CPI syscall does;
/// runtime-only failures (no program error equivalent) abort the caller.
fn to_program_error(error: InstructionError) -> ProgramError {
    ProgramError::try_from(error.clone())
        .unwrap_or_else(|_| panic!("cross-program invocation failed: {error}"))
}
