//! The events the decoder knows: for each program, each event type with its fields.
//!
//! Adding an event to a program means adding one line here; the decoder test fails for any
//! event emitted in the program tests that is missing (it would decode as `unknown`).

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator};
use serde_json::{Map, Value};

use crate::UNKNOWN_EVENT;
use crate::json::JsonField;

/// Our programs, whose inner instructions are inspected.
pub const PROGRAMS: [Pubkey; 5] = [
    iosd::ID,
    market::ID,
    inference::ID,
    rewards::ID,
    governance::ID,
];

/// One event type of one program.
#[derive(Clone, Copy)]
pub struct EventKind {
    pub program_id: Pubkey,
    pub name: &'static str,
    pub discriminator: &'static [u8],
    /// Decodes the fields (after the discriminator) exactly, as JSON.
    pub decode: fn(&[u8]) -> Option<Value>,
}

macro_rules! event_kind {
    ($program:ident :: $event:ident { $($field:ident),* $(,)? }) => {
        EventKind {
            program_id: $program::ID,
            name: stringify!($event),
            discriminator: <$program::events::$event as Discriminator>::DISCRIMINATOR,
            decode: |bytes| {
                let event = <$program::events::$event as AnchorDeserialize>::try_from_slice(bytes).ok()?;
                let mut fields = Map::new();
                $(fields.insert(stringify!($field).to_string(), JsonField::json(&event.$field));)*
                Some(Value::Object(fields))
            },
        }
    };
}

/// Every event the decoder knows.
pub fn event_kinds() -> &'static [EventKind] {
    static KINDS: std::sync::OnceLock<Vec<EventKind>> = std::sync::OnceLock::new();
    KINDS.get_or_init(|| {
        vec![
            event_kind!(iosd::ConfigInitialized {
                config,
                authority,
                guardian,
                io_mint,
                iosd_mint,
                io_vault,
                feed_id,
                oracle,
                breaker,
                revision,
            }),
            event_kind!(iosd::HolderOpened {
                holder,
                owner,
                payer
            }),
            event_kind!(iosd::IosdMinted {
                user,
                holder,
                io_in_base,
                iosd_out_micros,
                price_pico_usd,
                holder_balance_micros,
                supply_micros,
                vault_io_base,
                ratio_bps,
                state,
                breaker_level_micros,
                revision,
            }),
            event_kind!(iosd::IosdRedeemed {
                owner,
                holder,
                destination,
                iosd_in_micros,
                io_out_base,
                in_kind,
                price_pico_usd,
                holder_balance_micros,
                supply_micros,
                vault_io_base,
                ratio_bps,
                state,
                revision,
            }),
            event_kind!(iosd::IosdSpent {
                spender_program,
                source,
                escrow,
                amount_micros,
                source_balance_micros,
                escrow_balance_micros,
            }),
            event_kind!(iosd::IosdPaidOut {
                spender_program,
                escrow,
                destination,
                amount_micros,
                escrow_balance_micros,
                destination_balance_micros,
            }),
            event_kind!(iosd::IosdEscrowBurned {
                spender_program,
                escrow,
                amount_micros,
                escrow_balance_micros,
                supply_micros,
                burned_total_micros,
                revision,
            }),
            event_kind!(iosd::SolvencyRefreshed {
                state,
                ratio_bps,
                ema_pico_usd,
                last_price_publish_time,
                supply_micros,
                vault_io_base,
                revision,
            }),
            event_kind!(iosd::OracleParamsUpdated { oracle, revision }),
            event_kind!(iosd::BreakerUpdated { breaker, revision }),
            event_kind!(iosd::SpenderAllowed {
                program,
                signer,
                spender_count,
                revision,
            }),
            event_kind!(iosd::SpenderRevoked {
                program,
                spender_count,
                revision,
            }),
            event_kind!(iosd::AuthorityProposed {
                authority,
                pending_authority,
                revision,
            }),
            event_kind!(iosd::AuthorityAccepted {
                previous_authority,
                authority,
                revision,
            }),
            event_kind!(market::ConfigInitialized {
                config,
                authority,
                guardian,
                io_mint,
                iosd_mint,
                treasury,
                stake_vault,
                slash_escrow,
                lease_vault,
                params,
                revision,
            }),
            event_kind!(market::ParamsUpdated { params, revision }),
            event_kind!(market::RoleProposed {
                role,
                current,
                pending,
                revision,
            }),
            event_kind!(market::RoleAccepted {
                role,
                previous,
                current,
                revision,
            }),
            event_kind!(market::KeySetChanged {
                set,
                key,
                added,
                count,
                revision,
            }),
            event_kind!(market::PauseChanged {
                class,
                paused_until,
                by,
                revision,
            }),
            event_kind!(market::GpuClassSet {
                gpu_class,
                name,
                terms,
                created,
                revision,
            }),
            event_kind!(market::GpuClassRetired {
                gpu_class,
                device_count,
                revision,
            }),
            event_kind!(market::GpuClassClosed {
                gpu_class,
                rent_payer
            }),
            event_kind!(market::ProviderSet {
                provider,
                owner,
                io_payout,
                iosd_payout_owner,
                created,
                provider_count,
                revision,
            }),
            event_kind!(market::ProviderClosed {
                provider,
                provider_count
            }),
            event_kind!(market::DeviceRegistered {
                device,
                provider,
                index,
                gpu_class,
                gpu_count,
                bandwidth_tier,
                region,
                device_key,
                required_stake_io_base,
                device_count,
            }),
            event_kind!(market::DeviceUpdated {
                device,
                device_key,
                available,
                revision,
            }),
            event_kind!(market::DeviceClosed {
                device,
                provider,
                device_count
            }),
            event_kind!(market::StakeChanged {
                device,
                deposited_io_base,
                requested_io_base,
                withdrawn_io_base,
                stake,
                required_stake_io_base,
                totals,
                revision,
            }),
            event_kind!(market::SlashOpened {
                slash,
                device,
                slasher,
                amount_io_base,
                evidence_hash,
                deadline,
                stake,
                totals,
            }),
            event_kind!(market::LeaseOpened {
                lease,
                renter,
                device,
                currency,
                quote_pico_usd_per_io,
                gpu_count,
                rate_usd_per_gpu_hour_micros,
                deposited,
                reservation_fee,
                burned,
                runway_secs,
                gpus_leased,
                open_leases,
                escrowed,
            }),
            event_kind!(market::LeaseToppedUp {
                lease,
                amount,
                deposited,
                remaining,
                paused,
                escrowed,
                revision,
            }),
            event_kind!(market::LeaseSettled {
                lease,
                settler,
                currency,
                cumulative_gpu_secs,
                paid,
                to_provider,
                fee,
                burned,
                total_paid,
                remaining,
                paused,
                window_used_usd_micros,
                revision,
            }),
            event_kind!(market::LeaseCloseRequested {
                lease,
                requester,
                close_requested_at,
                revision,
            }),
            event_kind!(market::LeaseFinalized {
                lease,
                currency,
                refund,
                total_paid,
                provider_paid,
                fees,
                timed_out,
                gpus_leased,
                open_leases,
                escrowed,
            }),
            event_kind!(market::LeaseSettlementSkipped {
                lease,
                cumulative_gpu_secs,
                reason,
            }),
            event_kind!(market::ProviderClaimed {
                provider,
                destination,
                amount_micros,
                io_out_base,
                claimed_total_micros,
                escrowed,
                revision,
            }),
            event_kind!(market::ProviderClaimedIo {
                provider,
                destination,
                amount_io_base,
                claimed_total_io_base,
                escrowed,
                revision,
            }),
            event_kind!(market::SlashDecided {
                slash,
                device,
                amount_io_base,
                upheld,
                by_default,
                stake,
                totals,
            }),
            event_kind!(inference::ConfigInitialized {
                config,
                authority,
                guardian,
                session_close_timeout_secs,
                max_direct_batch,
                genesis_hash,
                io_mint,
                iosd_mint,
                io_vault,
                revision,
            }),
            event_kind!(inference::ModelRegistered {
                model,
                owner,
                model_id,
                content_hash,
                terms,
            }),
            event_kind!(inference::ModelUpdated {
                model,
                terms,
                paused,
                retired,
                revision,
            }),
            event_kind!(inference::ModelClosed { model, rent_payer }),
            event_kind!(inference::ModelClaimed {
                model,
                currency,
                destination,
                amount,
                claimed_total,
                escrowed,
                revision,
            }),
            event_kind!(inference::InferencePaid {
                model,
                user,
                provider_payout,
                currency,
                requests,
                tokens,
                amount,
                to_provider,
                burned,
                to_owner,
                owner_earned,
                escrowed,
            }),
            event_kind!(inference::SessionOpened {
                session,
                user,
                model,
                nonce,
                session_key,
                provider_payout,
                terms,
                funded,
                open_sessions,
                escrowed,
            }),
            event_kind!(inference::SessionToppedUp {
                session,
                amount,
                funded,
                settled,
                escrowed,
                revision,
            }),
            event_kind!(inference::SessionSettled {
                session,
                currency,
                sequence,
                owed,
                paid,
                to_provider,
                burned,
                to_owner,
                settled,
                funded,
                owner_earned,
                escrowed,
                revision,
            }),
            event_kind!(inference::SessionCloseRequested {
                session,
                close_requested_at,
                revision,
            }),
            event_kind!(inference::SessionFinalized {
                session,
                currency,
                refund,
                settled,
                owed,
                open_sessions,
                escrowed,
            }),
            event_kind!(rewards::ConfigInitialized {
                config,
                authority,
                guardian,
                enterprise_pool_bps,
                emission_start_ts,
                claim_window_secs,
                claim_window_cap_io_base,
                revision,
            }),
            event_kind!(governance::ConfigInitialized {
                config,
                authority,
                guardian,
                governance,
                io_mint,
                vault,
                params,
                revision,
            }),
            event_kind!(governance::ParamsUpdated { params, revision }),
            event_kind!(governance::PositionChanged {
                position,
                owner,
                amount,
                lockup_end,
                active_votes,
                power,
                closed,
                locked_total,
                revision,
            }),
            event_kind!(governance::ProposalChanged {
                proposal,
                index,
                creator,
                description_hash,
                state,
                instruction_count,
                executed_count,
                voting_ends_at,
                executable_at,
                yes_power,
                no_power,
                abstain_power,
                voters,
                revision,
            }),
            event_kind!(governance::VoteCast {
                proposal,
                position,
                voter,
                choice,
                weight,
                yes_power,
                no_power,
                abstain_power,
                voters,
            }),
            event_kind!(governance::VoteRelinquished {
                proposal,
                position,
                active_votes,
            }),
            event_kind!(governance::InstructionExecuted {
                proposal,
                index,
                program_id,
                executed_count,
                state,
            }),
            event_kind!(governance::ProposalClosed {
                proposal,
                state,
                refunded_lamports,
            }),
        ]
    })
}

/// The name and fields of the event `payload` (discriminator and fields) of `program_id`.
pub(crate) fn decode(program_id: &Pubkey, payload: &[u8]) -> (&'static str, Value) {
    for kind in event_kinds()
        .iter()
        .filter(|kind| kind.program_id == *program_id)
    {
        if let Some(fields) = payload.strip_prefix(kind.discriminator)
            && let Some(value) = (kind.decode)(fields)
        {
            return (kind.name, value);
        }
    }
    (UNKNOWN_EVENT, Value::Null)
}
