//! The checks every program's two-step roles and guardian pause must pass, written once and run
//! by each program's tests through [`role_tests!`](crate::role_tests) and
//! [`pause_tests!`](crate::pause_tests). The roles and the pause share one vocabulary across the
//! programs (`role_propose`, `role_accept`, `guardian_pause`, `pause_set`) and one rule set
//! (`io_common::{RoleSlot, Pause}`); these tests hold each program to it.

use anchor_lang::prelude::Pubkey;
use io_common::{Pause, Role};
use solana_instruction::Instruction;

use crate::{Outcome, Signer, TestContext};

/// A program's role instructions and what they act on.
pub trait RoleSpec {
    /// A deployment with the program's config initialised by `ctx.authority` and
    /// `ctx.guardian`.
    fn deployment() -> TestContext;
    fn config_address() -> Pubkey;
    /// (authority, pending authority, guardian, pending guardian) as stored.
    fn roles(ctx: &TestContext) -> [Pubkey; 4];
    fn role_propose(authority: Pubkey, role: Role, pending: Pubkey) -> Instruction;
    fn role_accept(pending: Pubkey, role: Role) -> Instruction;
    /// Any instruction only the authority may send (to see the old one lose its power).
    fn authority_only(ctx: &TestContext, authority: Pubkey) -> Instruction;
    const NOT_AUTHORITY: u32;
    const NOT_PENDING_ROLE: u32;
}

/// A program's guardian pause of one instruction class.
pub trait PauseSpec: RoleSpec {
    fn guardian_pause(guardian: Pubkey, hours: u32) -> Instruction;
    fn pause_set(authority: Pubkey, paused_until: i64) -> Instruction;
    fn pause(ctx: &TestContext) -> Pause;
    /// Sends an instruction of the paused class: refused with `PAUSED` while paused, and with
    /// anything but `PAUSED` once the pause is lifted (the class's other rules apply again).
    fn paused_class_action(ctx: &mut TestContext) -> Outcome;
    const MAX_HOURS: u32;
    const NOT_GUARDIAN: u32;
    const PAUSE_TOO_LONG: u32;
    const PAUSE_ACTIVE: u32;
    const COOLING_DOWN: u32;
    const PAUSED: u32;
}

fn slot(keys: [Pubkey; 4], role: Role) -> (Pubkey, Pubkey) {
    match role {
        Role::Authority => (keys[0], keys[1]),
        Role::Guardian => (keys[2], keys[3]),
    }
}

/// Given a deployment, when the authority proposes a key for `role` and that key accepts, then
/// the role moves; before that, nobody else can accept, a stranger cannot propose, and a
/// withdrawn proposal cannot be accepted. Each refusal changes nothing.
pub fn a_role_moves_in_two_steps<S: RoleSpec>(role: Role) {
    let mut ctx = S::deployment();
    let config = [S::config_address()];
    let authority = ctx.authority.insecure_clone();
    let next = ctx.funded_keypair();
    let ix = S::role_accept(next.pubkey(), role);
    ctx.assert_refused(ix, &[&next], S::NOT_PENDING_ROLE, &config);
    let stranger = ctx.funded_keypair();
    let ix = S::role_propose(stranger.pubkey(), role, stranger.pubkey());
    ctx.assert_refused(ix, &[&stranger], S::NOT_AUTHORITY, &config);

    // A proposal withdrawn by proposing the default address cannot be accepted.
    let propose = |pending| S::role_propose(authority.pubkey(), role, pending);
    ctx.send(&[propose(next.pubkey())], &[&authority])
        .expect("propose");
    assert_eq!(slot(S::roles(&ctx), role).1, next.pubkey());
    ctx.send(&[propose(Pubkey::default())], &[&authority])
        .expect("withdraw");
    let ix = S::role_accept(next.pubkey(), role);
    ctx.assert_refused(ix, &[&next], S::NOT_PENDING_ROLE, &config);

    ctx.send(&[propose(next.pubkey())], &[&authority])
        .expect("propose again");
    let ix = S::role_accept(stranger.pubkey(), role);
    ctx.assert_refused(ix, &[&stranger], S::NOT_PENDING_ROLE, &config);
    ctx.send(&[S::role_accept(next.pubkey(), role)], &[&next])
        .expect("accept");
    assert_eq!(
        slot(S::roles(&ctx), role),
        (next.pubkey(), Pubkey::default())
    );
    if role == Role::Authority {
        let ix = S::authority_only(&ctx, authority.pubkey());
        ctx.assert_refused(ix, &[&authority], S::NOT_AUTHORITY, &config);
        let ix = S::authority_only(&ctx, next.pubkey());
        ctx.send(&[ix], &[&next]).expect("the new authority acts");
    }
}

/// The guardian pauses within its bounds, the paused class is refused by name, the guardian
/// cannot extend or renew its pause at once, and the authority lifts it.
pub fn the_guardian_pauses_within_bounds<S: PauseSpec>() {
    let mut ctx = S::deployment();
    let config = [S::config_address()];
    let guardian = ctx.guardian.insecure_clone();
    let pause = |hours| S::guardian_pause(guardian.pubkey(), hours);
    for hours in [0, S::MAX_HOURS + 1] {
        ctx.assert_refused(pause(hours), &[&guardian], S::PAUSE_TOO_LONG, &config);
    }
    let stranger = ctx.funded_keypair();
    let ix = S::guardian_pause(stranger.pubkey(), 1);
    ctx.assert_refused(ix, &[&stranger], S::NOT_GUARDIAN, &config);

    ctx.send(&[pause(S::MAX_HOURS)], &[&guardian])
        .expect("pause");
    let hours = i64::from(S::MAX_HOURS) * 3_600;
    let start = ctx.now();
    assert_eq!(
        S::pause(&ctx),
        Pause {
            paused_until: start + hours,
            guardian_ready_at: start + 2 * hours,
        }
    );
    crate::expect_error(S::paused_class_action(&mut ctx), S::PAUSED);
    ctx.assert_refused(pause(1), &[&guardian], S::PAUSE_ACTIVE, &config);
    ctx.warp_by(hours);
    ctx.assert_refused(pause(1), &[&guardian], S::COOLING_DOWN, &config);
    ctx.warp_by(hours);
    ctx.send(&[pause(1)], &[&guardian])
        .expect("a pause after the cooldown");

    let authority = ctx.authority.insecure_clone();
    let ix = S::pause_set(stranger.pubkey(), 0);
    ctx.assert_refused(ix, &[&stranger], S::NOT_AUTHORITY, &config);
    ctx.send(&[S::pause_set(authority.pubkey(), 0)], &[&authority])
        .expect("the authority lifts the pause");
    if let Err(failed) = S::paused_class_action(&mut ctx) {
        assert_ne!(
            failed.err,
            solana_transaction_error::TransactionError::InstructionError(
                0,
                solana_instruction::error::InstructionError::Custom(S::PAUSED),
            ),
            "the class is still paused"
        );
    }
}

/// The shared role tests for the [`RoleSpec`] `$spec`, one `#[test]` each.
#[macro_export]
macro_rules! role_tests {
    ($spec:ty) => {
        #[test]
        fn the_authority_moves_in_two_steps() {
            $crate::admin_suite::a_role_moves_in_two_steps::<$spec>(io_common::Role::Authority);
        }
        #[test]
        fn the_guardian_moves_in_two_steps() {
            $crate::admin_suite::a_role_moves_in_two_steps::<$spec>(io_common::Role::Guardian);
        }
    };
}

/// The shared pause test for the [`PauseSpec`] `$spec`.
#[macro_export]
macro_rules! pause_tests {
    ($spec:ty) => {
        #[test]
        fn the_guardian_pauses_within_bounds() {
            $crate::admin_suite::the_guardian_pauses_within_bounds::<$spec>();
        }
    };
}
