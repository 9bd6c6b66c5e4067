//! Builders of the GPU price book's instructions (the authority's).

use super::*;

pub fn gpu_class_create(
    authority: Pubkey,
    payer: Pubkey,
    name: [u8; 32],
    terms: GpuClassTerms,
) -> Instruction {
    instruction(
        program::accounts::GpuClassCreate {
            authority,
            payer,
            config: config_address(),
            gpu_class: gpu_class_address(&name),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GpuClassCreate { name, terms },
    )
}

fn gpu_class_change(authority: Pubkey, name: &[u8; 32], data: impl InstructionData) -> Instruction {
    instruction(
        program::accounts::GpuClassChange {
            authority,
            config: config_address(),
            gpu_class: gpu_class_address(name),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn gpu_class_update(authority: Pubkey, name: &[u8; 32], terms: GpuClassTerms) -> Instruction {
    gpu_class_change(
        authority,
        name,
        program::instruction::GpuClassUpdate { terms },
    )
}

pub fn gpu_class_retire(authority: Pubkey, name: &[u8; 32]) -> Instruction {
    gpu_class_change(authority, name, program::instruction::GpuClassRetire {})
}

pub fn gpu_class_close(authority: Pubkey, name: &[u8; 32], rent_payer: Pubkey) -> Instruction {
    instruction(
        program::accounts::GpuClassClose {
            authority,
            config: config_address(),
            gpu_class: gpu_class_address(name),
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::GpuClassClose {},
    )
}
