//! Builders of the devices' instructions: register, rotate the key, set availability, close.

use super::*;

/// Registers `owner`'s device number `index` (its provider's `devices_created`).
pub fn device_register(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    spec: DeviceSpec,
) -> Instruction {
    instruction(
        program::accounts::DeviceRegister {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            gpu_class,
            device: device_address(&owner, index),
            system_program: SYSTEM_PROGRAM,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceRegister { spec },
    )
}

fn device_change(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    data: impl InstructionData,
) -> Instruction {
    instruction(
        program::accounts::DeviceChange {
            owner,
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            config: config_address(),
            event_authority: event_authority(),
            program: ID,
        },
        data,
    )
}

pub fn device_rotate_key(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    device_key: Pubkey,
) -> Instruction {
    device_change(
        owner,
        index,
        gpu_class,
        program::instruction::DeviceRotateKey { device_key },
    )
}

pub fn device_set_available(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    available: bool,
) -> Instruction {
    device_change(
        owner,
        index,
        gpu_class,
        program::instruction::DeviceSetAvailable { available },
    )
}

pub fn device_close(
    owner: Pubkey,
    index: u32,
    gpu_class: Pubkey,
    rent_payer: Pubkey,
) -> Instruction {
    instruction(
        program::accounts::DeviceClose {
            owner,
            config: config_address(),
            provider: provider_address(&owner),
            device: device_address(&owner, index),
            gpu_class,
            rent_payer,
            event_authority: event_authority(),
            program: ID,
        },
        program::instruction::DeviceClose {},
    )
}
