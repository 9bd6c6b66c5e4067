//! The authority's and the guardian's instructions: two-step roles and the block-reward claim
//! pause, through the shared rules of `io_harness::admin_suite`; season claims are never
//! paused.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::rewards as client;
use io_harness::{IO, Signer, TestContext};
use rewards::error::RewardsError;
use rewards::events::{PauseChanged, RoleAccepted, RoleProposed};
use rewards::{Pause, Role};

use crate::block_rewards::block;
use crate::fixture::*;

pub struct RewardsAdmin;

fn config(ctx: &TestContext) -> client::Config {
    client::fetch_config(ctx).expect("config")
}

impl io_harness::admin_suite::RoleSpec for RewardsAdmin {
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
    const NOT_AUTHORITY: u32 = RewardsError::NotAuthority as u32 + 6_000;
    const NOT_PENDING_ROLE: u32 = RewardsError::NotPendingRole as u32 + 6_000;
}

impl io_harness::admin_suite::PauseSpec for RewardsAdmin {
    fn guardian_pause(guardian: Pubkey, hours: u32) -> Instruction {
        client::guardian_pause(guardian, hours)
    }
    fn pause_set(authority: Pubkey, paused_until: i64) -> Instruction {
        client::pause_set(authority, paused_until)
    }
    fn pause(ctx: &TestContext) -> Pause {
        config(ctx).claim_pause
    }
    fn paused_class_action(ctx: &mut TestContext) -> io_harness::Outcome {
        // A claim naming no device: paused, it is refused for the pause; otherwise for its shape.
        let ix = client::rewards_claim(ctx.payer.pubkey(), &[]);
        ctx.send(&[ix], &[])
    }
    const MAX_HOURS: u32 = io_common::MAX_GUARDIAN_PAUSE_HOURS;
    const NOT_GUARDIAN: u32 = RewardsError::NotGuardian as u32 + 6_000;
    const PAUSE_TOO_LONG: u32 = RewardsError::PauseTooLong as u32 + 6_000;
    const PAUSE_ACTIVE: u32 = RewardsError::PauseActive as u32 + 6_000;
    const COOLING_DOWN: u32 = RewardsError::GuardianCoolingDown as u32 + 6_000;
    const PAUSED: u32 = RewardsError::Paused as u32 + 6_000;
}

io_harness::role_tests!(RewardsAdmin);
io_harness::pause_tests!(RewardsAdmin);

/// While block-reward claims are paused, a genuine claim waits and a season claim goes
/// through; once lifted, the claim pays. The events report each change.
#[test]
fn a_claim_pause_holds_block_rewards_only() {
    let mut b = block(&[("H100-80GB-SXM", 8)]);
    b.s.ctx.warp_by(100 * 3_600);
    let guardian = b.s.ctx.guardian.insecure_clone();
    let paused: PauseChanged =
        b.s.ctx
            .send(
                &[client::guardian_pause(guardian.pubkey(), 12)],
                &[&guardian],
            )
            .expect("pause")
            .event(&client::ID);
    let now = b.s.ctx.now();
    assert_eq!(
        (paused.pause.paused_until, paused.pause.guardian_ready_at),
        (now + 12 * 3_600, now + 24 * 3_600)
    );
    let signed = [b.sign(0, 0, 10 * IO), b.sign(1, 0, 10 * IO)];
    let ixs = b.claim_ixs(&signed, &[0]);
    b.refused(&ixs, RewardsError::Paused);

    let authority = b.s.ctx.authority.insecure_clone();
    let lifted: PauseChanged =
        b.s.ctx
            .send(&[client::pause_set(authority.pubkey(), 0)], &[&authority])
            .expect("lift")
            .event(&client::ID);
    assert_eq!(
        (lifted.pause.paused_until, lifted.by),
        (0, authority.pubkey())
    );
    b.claim(&signed, &[0]).expect("the claim pays once lifted");
    assert_eq!(b.s.payout_balance(0), 10 * IO);

    let next = b.s.ctx.funded_keypair();
    let proposed: RoleProposed =
        b.s.ctx
            .send(
                &[client::role_propose(
                    authority.pubkey(),
                    Role::Guardian,
                    next.pubkey(),
                )],
                &[&authority],
            )
            .expect("propose")
            .event(&client::ID);
    assert_eq!(
        (proposed.current, proposed.pending),
        (guardian.pubkey(), next.pubkey())
    );
    let accepted: RoleAccepted =
        b.s.ctx
            .send(
                &[client::role_accept(next.pubkey(), Role::Guardian)],
                &[&next],
            )
            .expect("accept")
            .event(&client::ID);
    assert_eq!(
        (accepted.previous, accepted.current),
        (guardian.pubkey(), next.pubkey())
    );
}

/// Season claims are never paused.
#[test]
fn season_claims_go_through_a_claim_pause() {
    let mut s = scene(POOL, &[("H100-80GB-SXM", 8)]);
    s.at(DAY);
    s.post(1, &[(0, inputs(10, 20, 2))]).expect("post");
    s.at(11 * DAY);
    s.finalize().expect("finalise");
    let guardian = s.ctx.guardian.insecure_clone();
    s.ctx
        .send(
            &[client::guardian_pause(guardian.pubkey(), 72)],
            &[&guardian],
        )
        .expect("pause");
    s.at(41 * DAY - 1);
    s.ctx
        .send(
            &[client::guardian_pause(guardian.pubkey(), 72)],
            &[&guardian],
        )
        .expect("a pause again after the cooldown");
    s.at(41 * DAY);
    s.claim(&[0]).expect("the season claim");
    assert_eq!(s.payout_balance(0), POOL);
}
