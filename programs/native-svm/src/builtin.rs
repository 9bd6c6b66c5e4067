//! The one builtin through which the SVM calls every host-compiled program.
//!
//! A builtin receives only the invoke context, so the program to run is looked up by the id of
//! the instruction being executed in a registry filled by [`register_native`].

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Once, OnceLock, RwLock};

use solana_account_info::AccountInfo;
use solana_instruction::error::InstructionError;
use solana_program_error::ProgramResult;
use solana_program_runtime::invoke_context::{BuiltinFunctionWithContext, InvokeContext};
use solana_program_runtime::serialization::serialize_parameters;
use solana_pubkey::Pubkey;

use crate::context::ContextGuard;

/// The shape of an Anchor program's `entry`, whose arguments all share one lifetime.
pub type NativeEntry =
    for<'info> fn(&'info Pubkey, &'info [AccountInfo<'info>], &'info [u8]) -> ProgramResult;

fn registry() -> &'static RwLock<HashMap<Pubkey, NativeEntry>> {
    static REGISTRY: OnceLock<RwLock<HashMap<Pubkey, NativeEntry>>> = OnceLock::new();
    REGISTRY.get_or_init(Default::default)
}

/// Associates `program_id` with its host-compiled entrypoint and returns the builtin to give the
/// SVM (`LiteSVM::add_builtin`). Registering the same id again replaces the entrypoint.
pub fn register_native(program_id: Pubkey, entry: NativeEntry) -> BuiltinFunctionWithContext {
    static STUBS: Once = Once::new();
    STUBS.call_once(crate::stubs::install);
    registry()
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(program_id, entry);
    NativeProgram::vm
}

fn lookup(program_id: &Pubkey) -> Option<NativeEntry> {
    registry()
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(program_id)
        .copied()
}

solana_program_runtime::declare_process_instruction!(NativeProgram, 1, |invoke_context| {
    execute(invoke_context)
});

/// Runs the current instruction's program natively, as the SBF loader would run its bytecode.
fn execute(invoke_context: &mut InvokeContext) -> Result<(), InstructionError> {
    let (program_id, mut parameters) = {
        let instruction_context = invoke_context
            .transaction_context
            .get_current_instruction_context()?;
        let program_id = *instruction_context.get_program_key()?;
        // The same byte layout an SBF program receives, so the entrypoint's own deserialiser
        // runs unchanged (duplicate accounts, the 10 KiB realloc padding, alignment).
        let mask_out_rent_epoch = invoke_context
            .get_feature_set()
            .mask_out_rent_epoch_in_vm_serialization;
        let (parameters, _regions, _metadata, _data_offset) =
            serialize_parameters(&instruction_context, false, false, mask_out_rent_epoch)?;
        (program_id, parameters)
    };
    // The runtime logs the invoke, success and failure lines around every builtin.
    let entry = lookup(&program_id).ok_or(InstructionError::UnsupportedProgramId)?;

    // SAFETY: `parameters` is a buffer serialised by `serialize_parameters` above in the layout
    // `deserialize` expects; the account infos borrow it and are dropped before it is.
    let (_, accounts, data) =
        unsafe { solana_program_entrypoint::deserialize(parameters.as_slice_mut().as_mut_ptr()) };
    {
        let _current = ContextGuard::enter(invoke_context);
        call_entry(entry, &program_id, &accounts, data)?;
    }
    write_back(invoke_context, &accounts)
}

/// Calls the entrypoint, turning its error or panic into the instruction error the SBF loader
/// would report.
fn call_entry(
    entry: NativeEntry,
    program_id: &Pubkey,
    accounts: &[AccountInfo],
    data: &[u8],
) -> Result<(), InstructionError> {
    // SAFETY: only lifetimes change. `deserialize` gives each account info the lifetime of the
    // parameter buffer while Anchor's `entry` wants the slice and its elements to share one
    // lifetime; the buffer outlives this call and the program keeps no reference past it.
    let accounts: &[AccountInfo] = unsafe { std::mem::transmute(accounts) };
    match catch_unwind(AssertUnwindSafe(|| entry(program_id, accounts, data))) {
        Ok(result) => result.map_err(|error| InstructionError::from(u64::from(error))),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("native program {program_id} panicked: {message}");
            Err(InstructionError::ProgramFailedToComplete)
        }
    }
}

/// Copies what the program changed in its account infos back into the transaction's accounts.
fn write_back(
    invoke_context: &mut InvokeContext,
    accounts: &[AccountInfo],
) -> Result<(), InstructionError> {
    let instruction_context = invoke_context
        .transaction_context
        .get_current_instruction_context()?;
    let by_key: HashMap<&Pubkey, &AccountInfo> =
        accounts.iter().map(|info| (info.key, info)).collect();
    let unique: HashSet<_> =
        (0..instruction_context.get_number_of_instruction_accounts()).collect();
    for index in unique {
        let mut account = instruction_context.try_borrow_instruction_account(index)?;
        let Some(info) = by_key.get(account.get_key()) else {
            continue;
        };
        if !account.is_writable() {
            // What the runtime would refuse after an SBF program, refused here too, so a native
            // test cannot pass with a write the chain rejects.
            refuse_readonly_changes(&account, info)?;
            continue;
        }
        if account.get_lamports() != info.lamports() {
            account.set_lamports(info.lamports())?;
        }
        let data = info
            .try_borrow_data()
            .map_err(|_| InstructionError::AccountBorrowFailed)?;
        if account.get_data() != &data[..] {
            account.set_data_from_slice(&data)?;
        }
        // The owner changes last: a new owner may no longer let this program touch the data.
        if account.get_owner() != info.owner {
            account.set_owner(info.owner.as_ref())?;
        }
    }
    Ok(())
}

fn refuse_readonly_changes(
    account: &solana_transaction_context::BorrowedInstructionAccount,
    info: &AccountInfo,
) -> Result<(), InstructionError> {
    if account.get_lamports() != info.lamports() {
        return Err(InstructionError::ReadonlyLamportChange);
    }
    let data = info
        .try_borrow_data()
        .map_err(|_| InstructionError::AccountBorrowFailed)?;
    if account.get_data() != &data[..] {
        return Err(InstructionError::ReadonlyDataModified);
    }
    if account.get_owner() != info.owner {
        return Err(InstructionError::ModifiedProgramId);
    }
    Ok(())
}
