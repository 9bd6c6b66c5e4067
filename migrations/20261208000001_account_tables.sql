-- Generated from the committed IDLs (programs/idl) by io-store's accounts.rs: a table per
-- account type of the five programs, a column per top-level field. Do not edit: change the
-- programs, regenerate the IDLs, then run
--   IO_BLESS=1 cargo test -p io-store --test store account_tables
-- Addresses are base58 text, amounts numeric, bytes hex text, enums without fields their
-- variant's name, nested values jsonb. `slot` is the slot the row was read at; `closed`
-- marks an account that no longer exists (its last values are kept).

-- IosdConfig of iosd
create table iosd_config (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "iosd_mint_bump" integer not null,
    "io_vault_bump" integer not null,
    "revision" numeric(20) not null,
    "authority" text not null,
    "pending_authority" text not null,
    "guardian" text not null,
    "pending_guardian" text not null,
    "rent_payer" text not null,
    "io_mint" text not null,
    "iosd_mint" text not null,
    "io_vault" text not null,
    "feed_id" text not null,
    "oracle" jsonb not null,
    "breaker" jsonb not null,
    "breaker_level_micros" numeric(20) not null,
    "breaker_updated_at" bigint not null,
    "spenders" jsonb not null,
    "spender_count" integer not null,
    "totals" jsonb not null,
    "solvency" jsonb not null,
    "mint_pause" jsonb not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Device of market
create table market_device (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "provider" text not null,
    "index" bigint not null,
    "gpu_class" text not null,
    "gpu_count" integer not null,
    "bandwidth_tier" integer not null,
    "region" integer not null,
    "device_key" text not null,
    "available" boolean not null,
    "gpus_leased" integer not null,
    "open_leases" bigint not null,
    "stake" jsonb not null,
    "slash_open" boolean not null,
    "slash_nonce" numeric(20) not null,
    "leases_created" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- GpuClass of market
create table market_gpu_class (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "name" text not null,
    "terms" jsonb not null,
    "retired" boolean not null,
    "device_count" bigint not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Lease of market
create table market_lease (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "renter" text not null,
    "device" text not null,
    "provider" text not null,
    "nonce" numeric(20) not null,
    "currency" text not null,
    "quote_pico_usd_per_io" numeric(20) not null,
    "gpu_count" integer not null,
    "rate_usd_per_gpu_hour_micros" numeric(20) not null,
    "provider_fee_bps" integer not null,
    "burn_share_bps" integer not null,
    "opened_at" bigint not null,
    "paused_at" bigint not null,
    "paused_secs" numeric(20) not null,
    "close_requested_at" bigint not null,
    "deposited" numeric(20) not null,
    "reservation_fee" numeric(20) not null,
    "settled_gpu_secs" numeric(20) not null,
    "paid" numeric(20) not null,
    "provider_paid" numeric(20) not null,
    "fees" numeric(20) not null,
    "burned" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- MarketConfig of market
create table market_config (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "stake_vault_bump" integer not null,
    "slash_escrow_bump" integer not null,
    "lease_vault_bump" integer not null,
    "revision" numeric(20) not null,
    "authority" text not null,
    "pending_authority" text not null,
    "guardian" text not null,
    "pending_guardian" text not null,
    "rent_payer" text not null,
    "settlers" jsonb not null,
    "settler_count" integer not null,
    "slashers" jsonb not null,
    "slasher_count" integer not null,
    "io_mint" text not null,
    "iosd_mint" text not null,
    "token_program" text not null,
    "treasury" text not null,
    "stake_vault" text not null,
    "slash_escrow" text not null,
    "lease_vault" text not null,
    "iosd_spender" jsonb not null,
    "params" jsonb not null,
    "pauses" jsonb not null,
    "stake" jsonb not null,
    "provider_count" bigint not null,
    "device_count" bigint not null,
    "devices_registered" bigint not null,
    "open_leases" bigint not null,
    "payout_bucket_usd_micros" numeric(20) not null,
    "payout_bucket_updated_at" bigint not null,
    "escrowed" jsonb not null,
    "fees" jsonb not null,
    "fees_swept" jsonb not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Provider of market
create table market_provider (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "owner" text not null,
    "io_payout" text not null,
    "iosd_payout_owner" text not null,
    "earned_iosd_micros" numeric(20) not null,
    "claimed_iosd_micros" numeric(20) not null,
    "earned_io_base" numeric(20) not null,
    "claimed_io_base" numeric(20) not null,
    "device_count" bigint not null,
    "devices_created" bigint not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Slash of market
create table market_slash (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "device" text not null,
    "nonce" numeric(20) not null,
    "amount_io_base" numeric(20) not null,
    "evidence_hash" text not null,
    "slasher" text not null,
    "opened_at" bigint not null,
    "deadline" bigint not null,
    "rent_payer" text not null,
    updated_at timestamptz not null default now()
);

-- InferenceConfig of inference
create table inference_config (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "io_vault_bump" integer not null,
    "revision" numeric(20) not null,
    "authority" text not null,
    "pending_authority" text not null,
    "guardian" text not null,
    "pending_guardian" text not null,
    "rent_payer" text not null,
    "session_close_timeout_secs" bigint not null,
    "max_direct_batch" integer not null,
    "session_idle_secs" bigint not null,
    "sessions_opened" numeric(20) not null,
    "payment_pause" jsonb not null,
    "genesis_hash" text not null,
    "io_mint" text not null,
    "iosd_mint" text not null,
    "io_vault" text not null,
    "iosd_spender" jsonb not null,
    "escrowed" jsonb not null,
    "burn_accrued" jsonb not null,
    "burned" jsonb not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Model of inference
create table inference_model (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "owner" text not null,
    "model_id" text not null,
    "content_hash" text not null,
    "terms" jsonb not null,
    "paused" boolean not null,
    "retired" boolean not null,
    "open_sessions" bigint not null,
    "sessions_created" numeric(20) not null,
    "earned_iosd_micros" numeric(20) not null,
    "earned_io_base" numeric(20) not null,
    "claimed_iosd_micros" numeric(20) not null,
    "claimed_io_base" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Session of inference
create table inference_session (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "user" text not null,
    "model" text not null,
    "nonce" numeric(20) not null,
    "session_key" text not null,
    "provider_payout" text not null,
    "terms" jsonb not null,
    "funded" numeric(20) not null,
    "owed" numeric(20) not null,
    "sequence" numeric(20) not null,
    "settled" numeric(20) not null,
    "to_provider" numeric(20) not null,
    "burned" numeric(20) not null,
    "to_owner" numeric(20) not null,
    "opened_at" bigint not null,
    "last_receipt_at" bigint not null,
    "last_active_at" bigint not null,
    "close_requested_at" bigint not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- DeviceRewards of rewards
create table rewards_device_rewards (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "device" text not null,
    "claimed_io_base" numeric(20) not null,
    "agreed_total_io_base" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- RewardsConfig of rewards
create table rewards_config (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "authority" text not null,
    "pending_authority" text not null,
    "guardian" text not null,
    "pending_guardian" text not null,
    "rent_payer" text not null,
    "enterprise_pool_bps" integer not null,
    "emission_start_ts" bigint not null,
    "claim_window_secs" bigint not null,
    "claim_window_cap_io_base" numeric(20) not null,
    "genesis_hash" text not null,
    "io_mint" text not null,
    "seasons_created" bigint not null,
    "reward_vault" text not null,
    "reward_vault_bump" integer not null,
    "oracles" jsonb not null,
    "oracle_count" integer not null,
    "oracle_version" bigint not null,
    "claimed_enterprise_io_base" numeric(20) not null,
    "claimed_community_io_base" numeric(20) not null,
    "claim_bucket_io_base" numeric(20) not null,
    "claim_bucket_updated_at" bigint not null,
    "claim_pause" jsonb not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Season of rewards
create table rewards_season (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "vault_bump" integer not null,
    "revision" numeric(20) not null,
    "index" bigint not null,
    "start_ts" bigint not null,
    "end_ts" bigint not null,
    "epoch_secs" bigint not null,
    "posting_grace_secs" bigint not null,
    "formula" jsonb not null,
    "classes" jsonb not null,
    "class_count" integer not null,
    "vesting_start_ts" bigint not null,
    "vesting_end_ts" bigint not null,
    "clawback_ts" bigint not null,
    "oracles" jsonb not null,
    "oracle_count" integer not null,
    "vault" text not null,
    "state" text not null,
    "total_points" numeric(20) not null,
    "records_open" bigint not null,
    "pool_io_base" numeric(20) not null,
    "claimed_io_base" numeric(20) not null,
    "swept_io_base" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- SeasonDevice of rewards
create table rewards_season_device (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "season" text not null,
    "device" text not null,
    "provider" text not null,
    "gpu_model_bps" bigint not null,
    "gpu_count" integer not null,
    "last_epoch" bigint not null,
    "job_secs" numeric(20) not null,
    "uptime_secs" numeric(20) not null,
    "points" numeric(20) not null,
    "remainder" numeric(20) not null,
    "inputs_hash" text not null,
    "claimed_io_base" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- GovernanceConfig of governance
create table governance_config (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "vault_bump" integer not null,
    "governance_bump" integer not null,
    "revision" numeric(20) not null,
    "authority" text not null,
    "pending_authority" text not null,
    "guardian" text not null,
    "pending_guardian" text not null,
    "pending_guardian_ready_at" bigint not null,
    "rent_payer" text not null,
    "io_mint" text not null,
    "vault" text not null,
    "params" jsonb not null,
    "locked_total" numeric(20) not null,
    "positions_open" numeric(20) not null,
    "proposals_created" numeric(20) not null,
    "veto_bucket" numeric(20) not null,
    "veto_bucket_updated_at" bigint not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Position of governance
create table governance_position (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "owner" text not null,
    "id" numeric(20) not null,
    "amount" numeric(20) not null,
    "lockup_end" bigint not null,
    "active_votes" bigint not null,
    "created_at" bigint not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- Proposal of governance
create table governance_proposal (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "revision" numeric(20) not null,
    "index" numeric(20) not null,
    "creator" text not null,
    "description_hash" text not null,
    "state" text not null,
    "instruction_count" integer not null,
    "executed_count" integer not null,
    "created_at" bigint not null,
    "voting_ends_at" bigint not null,
    "executable_at" bigint not null,
    "quorum_power" numeric(20) not null,
    "approval_threshold_bps" integer not null,
    "hold_up_secs" bigint not null,
    "yes_power" numeric(20) not null,
    "no_power" numeric(20) not null,
    "abstain_power" numeric(20) not null,
    "voters" bigint not null,
    "deposit_lamports" numeric(20) not null,
    "rent_payer" text not null,
    "reserved" text not null,
    updated_at timestamptz not null default now()
);

-- ProposalInstruction of governance
create table governance_proposal_instruction (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "proposal" text not null,
    "index" integer not null,
    "instruction" jsonb not null,
    "executed" boolean not null,
    "executed_at" bigint not null,
    "rent_payer" text not null,
    updated_at timestamptz not null default now()
);

-- VoteMarker of governance
create table governance_vote_marker (
    address text primary key,
    slot numeric(20) not null,
    closed boolean not null default false,
    "version" integer not null,
    "bump" integer not null,
    "proposal" text not null,
    "position" text not null,
    "voter" text not null,
    "choice" text not null,
    "weight" numeric(20) not null,
    "rent_payer" text not null,
    updated_at timestamptz not null default now()
);
