//! The authority's and the guardian's instructions: two-step roles and the payment pause,
//! through the shared rules of `io_harness::admin_suite`; while payments are paused, sessions
//! still settle, close and refund.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use inference::error::InferenceError;
use inference::events::{PauseChanged, RoleAccepted, RoleProposed};
use inference::{Currency, Pause, Role};
use io_client::inference as client;
use io_harness::{IOSD, Signer, TestContext};

use crate::fixture::*;

pub struct InferenceAdmin;

fn config(ctx: &TestContext) -> client::Config {
    client::fetch_config(ctx).expect("config")
}

impl io_harness::admin_suite::RoleSpec for InferenceAdmin {
    fn deployment() -> TestContext {
        TestContext::builder().with_configs().build()
    }
    fn config_address() -> Pubkey {
        client::config_address()
    }
    fn roles(ctx: &TestContext) -> [Pubkey; 4] {
        let c = config(ctx);
        [
            c.authority,
            c.pending_authority,
            c.guardian,
            c.pending_guardian,
        ]
    }
    fn role_propose(authority: Pubkey, role: Role, pending: Pubkey) -> Instruction {
        client::role_propose(authority, role, pending)
    }
    fn role_accept(pending: Pubkey, role: Role) -> Instruction {
        client::role_accept(pending, role)
    }
    fn authority_only(_ctx: &TestContext, authority: Pubkey) -> Instruction {
        client::pause_set(authority, 0)
    }
    const NOT_AUTHORITY: u32 = InferenceError::NotAuthority as u32 + 6_000;
    const NOT_PENDING_ROLE: u32 = InferenceError::NotPendingRole as u32 + 6_000;
}

impl io_harness::admin_suite::PauseSpec for InferenceAdmin {
    fn guardian_pause(guardian: Pubkey, hours: u32) -> Instruction {
        client::guardian_pause(guardian, hours)
    }
    fn pause_set(authority: Pubkey, paused_until: i64) -> Instruction {
        client::pause_set(authority, paused_until)
    }
    fn pause(ctx: &TestContext) -> Pause {
        config(ctx).payment_pause
    }
    fn paused_class_action(ctx: &mut TestContext) -> io_harness::Outcome {
        let owner = ctx.funded_keypair();
        let payer = ctx.payer.pubkey();
        let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, terms(Currency::Io));
        ctx.send(&[ix], &[&owner]).expect("model");
        let user = ctx.funded_keypair();
        let mint = ctx.io_mint;
        let user_io = ctx.token_account(&mint, &user.pubkey());
        ctx.mint_io(&user_io, 100 * io_harness::IO);
        let provider_io = ctx.token_account(&mint, &owner.pubkey());
        ctx.send(&[io_client::iosd::holder_open(payer, user.pubkey())], &[])
            .expect("holder");
        let payment = client::Payment {
            model: client::model_address(&owner.pubkey(), &MODEL_ID),
            currency: Currency::Io,
            io_mint: mint,
            provider_payout: provider_io,
        };
        let ix = client::inference_pay(user.pubkey(), payment, 1, 0, u64::MAX);
        ctx.send(&[ix], &[&user])
    }
    const MAX_HOURS: u32 = io_common::MAX_GUARDIAN_PAUSE_HOURS;
    const NOT_GUARDIAN: u32 = InferenceError::NotGuardian as u32 + 6_000;
    const PAUSE_TOO_LONG: u32 = InferenceError::PauseTooLong as u32 + 6_000;
    const PAUSE_ACTIVE: u32 = InferenceError::PauseActive as u32 + 6_000;
    const COOLING_DOWN: u32 = InferenceError::GuardianCoolingDown as u32 + 6_000;
    const PAUSED: u32 = InferenceError::Paused as u32 + 6_000;
}

io_harness::role_tests!(InferenceAdmin);
io_harness::pause_tests!(InferenceAdmin);

/// While payments are paused, a session still settles, closes and refunds; opens and top-ups are
/// refused by name; the events report each change.
#[test]
fn a_payment_pause_stops_new_money_only() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(5 * IOSD);
    let guardian = s.ctx.guardian.insecure_clone();
    let paused: PauseChanged = s
        .ctx
        .send(
            &[client::guardian_pause(guardian.pubkey(), 24)],
            &[&guardian],
        )
        .expect("pause")
        .event(&client::ID);
    let now = s.ctx.now();
    assert_eq!(
        (
            paused.pause.paused_until,
            paused.pause.guardian_ready_at,
            paused.by
        ),
        (now + 24 * 3_600, now + 48 * 3_600, guardian.pubkey())
    );
    io_harness::expect_error(s.top_up(session, IOSD), InferenceError::Paused);
    let ix = s.open_ix(IOSD);
    let user = s.user.insecure_clone();
    io_harness::expect_error(s.ctx.send(&[ix], &[&user]), InferenceError::Paused);
    s.settle(session, 2 * IOSD, 1)
        .expect("settlement is never paused");
    s.close_request(session).expect("close");
    s.ctx.warp_by(86_400);
    let ix = s.finalize_ix(session);
    s.ctx.send(&[ix], &[]).expect("refund");

    let authority = s.ctx.authority.insecure_clone();
    let next = s.ctx.funded_keypair();
    let proposed: RoleProposed = s
        .ctx
        .send(
            &[client::role_propose(
                authority.pubkey(),
                Role::Authority,
                next.pubkey(),
            )],
            &[&authority],
        )
        .expect("propose")
        .event(&client::ID);
    assert_eq!(
        (proposed.current, proposed.pending),
        (authority.pubkey(), next.pubkey())
    );
    let accepted: RoleAccepted = s
        .ctx
        .send(
            &[client::role_accept(next.pubkey(), Role::Authority)],
            &[&next],
        )
        .expect("accept")
        .event(&client::ID);
    assert_eq!(
        (accepted.previous, accepted.current),
        (authority.pubkey(), next.pubkey())
    );
}
