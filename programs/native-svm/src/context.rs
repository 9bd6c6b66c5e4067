//! The invoke context of the instruction a native program is executing, for the syscall stubs.
//!
//! Syscalls reach [`crate::stubs`] through a global trait object that carries no context, so the
//! builtin records where the current `InvokeContext` lives before it calls a program and restores
//! the previous one afterwards (a CPI into another native program nests). The record is
//! per-thread: each test thread drives its own SVM.

use std::cell::Cell;
use std::ptr::NonNull;

use solana_program_runtime::invoke_context::InvokeContext;

type Erased = InvokeContext<'static, 'static>;

thread_local! {
    static CURRENT: Cell<Option<NonNull<Erased>>> = const { Cell::new(None) };
}

/// Makes `invoke_context` the current one until the guard drops, then restores the previous one.
pub(crate) struct ContextGuard {
    previous: Option<NonNull<Erased>>,
}

impl ContextGuard {
    pub(crate) fn enter(invoke_context: &mut InvokeContext) -> Self {
        // The lifetimes are erased only for storage; `with_current` hands the pointer out again
        // solely while the builtin that set it is still on the stack.
        let pointer = NonNull::from(invoke_context).cast::<Erased>();
        let previous = CURRENT.with(|current| current.replace(Some(pointer)));
        Self { previous }
    }
}

impl Drop for ContextGuard {
    fn drop(&mut self) {
        CURRENT.with(|current| current.set(self.previous));
    }
}

/// Runs `f` with the invoke context of the instruction being executed on this thread.
///
/// # Panics
/// When no native program is executing on this thread: a syscall outside a program call is a
/// bug in the caller, and the builtin turns the panic into `ProgramFailedToComplete`.
pub(crate) fn with_current<R>(f: impl FnOnce(&mut Erased) -> R) -> R {
    let pointer = CURRENT
        .with(Cell::get)
        .expect("a syscall was made outside a native program invocation");
    // SAFETY: the pointer was taken from a live `&mut InvokeContext` by `ContextGuard::enter` in
    // the builtin frame that is still executing below us (the guard clears it on return), and the
    // program holds no other reference to the context while it makes a syscall.
    let invoke_context = unsafe { &mut *pointer.as_ptr() };
    f(invoke_context)
}
