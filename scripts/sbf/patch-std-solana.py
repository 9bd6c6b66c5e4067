#!/usr/bin/env python3
"""Teach Rust's std (rust-src 1.97.x) about target_os = "solana" (single-threaded, no OS).

Each change adds "solana" next to an existing OS that has the same needs, so the
diff stays tiny. Usage: patch-std-solana.py <path to rust-src library/>"""
import pathlib, sys

lib = pathlib.Path(sys.argv[1])

def edit(rel, old, new, count=1):
    p = lib / rel
    s = p.read_text()
    if new in s:
        return  # already patched
    assert s.count(old) == count, (rel, old, s.count(old))
    p.write_text(s.replace(old, new))

# 1. thread_local!: no threads on Solana -> plain statics (the no_threads backend), and no
#    thread-exit hook (guard::enable is a no-op).
edit("std/src/sys/thread_local/mod.rs",
     '        target_os = "trusty",\n        target_os = "vexos",\n    ) => {\n        mod no_threads;',
     '        target_os = "trusty",\n        target_os = "vexos",\n        target_os = "solana",\n    ) => {\n        mod no_threads;')
edit("std/src/sys/thread_local/mod.rs",
     '            target_os = "trusty",\n            target_os = "vexos",\n        ) => {\n            pub(crate) fn enable() {',
     '            target_os = "trusty",\n            target_os = "vexos",\n            target_os = "solana",\n        ) => {\n            pub(crate) fn enable() {')
# 2. io::Error: no errno; use the generic (OS-less) implementation.
edit("std/src/sys/io/error/mod.rs",
     '        target_os = "trusty",\n    ) => {\n        mod generic;',
     '        target_os = "trusty",\n        target_os = "solana",\n    ) => {\n        mod generic;')
# 3. std::random / HashMap keys: no entropy source on Solana -> "unsupported" backend.
edit("std/src/sys/random/mod.rs",
     '        target_os = "xous",\n        target_os = "vexos",\n    ) => {\n        // FIXME: finally remove std support for wasm32-unknown-unknown',
     '        target_os = "xous",\n        target_os = "vexos",\n        target_os = "solana",\n    ) => {\n        // FIXME: finally remove std support for wasm32-unknown-unknown')
# 4. System allocator: Solana programs install their own #[global_allocator] (the bump
#    allocator of solana-program-entrypoint on the 32 KiB heap), so `System` is never used;
#    give it a null implementation. MIN_ALIGN (only used by other platforms' fast paths):
#    8 for bpf.
edit("std/src/sys/alloc/mod.rs",
     '    target_arch = "xtensa",\n)) {\n    8',
     '    target_arch = "xtensa",\n    target_arch = "bpf",\n)) {\n    8')
edit("std/src/sys/alloc/mod.rs",
     '    target_os = "zkvm" => {\n        mod zkvm;\n    }\n}',
     '    target_os = "zkvm" => {\n        mod zkvm;\n    }\n    target_os = "solana" => {\n        mod solana;\n    }\n}')
(lib / "std/src/sys/alloc/solana.rs").write_text('''\
//! Solana: programs bring their own `#[global_allocator]`; `System` is a null allocator.
use crate::alloc::{GlobalAlloc, Layout, System};

#[stable(feature = "alloc_system_type", since = "1.28.0")]
unsafe impl GlobalAlloc for System {
    #[inline]
    unsafe fn alloc(&self, _layout: Layout) -> *mut u8 {
        crate::ptr::null_mut()
    }

    #[inline]
    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}
''')
# 5. RandomState::new: the per-thread KEYS cell would become a writable static (.bss), which
#    an SBPF program cannot have (sbpf-linker: "relocation target is not rodata or text").
#    There is no entropy anyway: use fixed keys.
edit("std/src/hash/random.rs",
     '        thread_local!(static KEYS: Cell<(u64, u64)> = {',
     '        #[cfg(target_os = "solana")]\n        return RandomState { k0: 0, k1: 0 };\n        #[cfg(not(target_os = "solana"))]\n        thread_local!(static KEYS: Cell<(u64, u64)> = {')
edit("std/src/hash/random.rs",
     '        KEYS.with(|keys| {\n            let (k0, k1) = keys.get();',
     '        #[cfg(not(target_os = "solana"))]\n        KEYS.with(|keys| {\n            let (k0, k1) = keys.get();')
edit("std/src/sys/random/mod.rs",
     '    target_os = "xous",\n    target_os = "vexos",\n)))]\npub fn hashmap_random_keys()',
     '    target_os = "xous",\n    target_os = "vexos",\n    target_os = "solana",\n)))]\npub fn hashmap_random_keys()')
print("patched", lib)
