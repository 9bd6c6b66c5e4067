-- Every emit_cpi! event of the IO programs, from successful transactions only, keyed by where it
-- was emitted: writing the same transaction again adds nothing.
create table program_event (
    signature text not null,
    -- the top-level instruction that emitted the event
    instruction_index integer not null,
    -- the event's position among that instruction's inner instructions
    inner_index integer not null,
    slot numeric(20) not null,
    program_id text not null,
    -- the event type (`ConfigInitialized`), or `unknown` for one the indexer could not decode
    event_name text not null,
    -- the fields, pubkeys in base58
    payload jsonb not null,
    -- the event as emitted: discriminator and borsh fields, so nothing is lost
    data bytea not null,
    created_at timestamptz not null default now(),
    primary key (signature, instruction_index, inner_index)
);

create index program_event_by_program on program_event (program_id, event_name, slot);

-- How far the indexer has read each program's signatures, written in the same transaction as
-- the events it covers.
create table indexer_cursor (
    program_id text primary key,
    last_signature text not null,
    last_slot numeric(20) not null,
    updated_at timestamptz not null default now()
);
