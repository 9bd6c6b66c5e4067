//! Governance on the local network. Every config's authority is the governance PDA, as on a
//! real deployment; the council is a key whose voting position clears the local profile's
//! quorum alone, so [`Council::pass`] takes a set of instructions through the whole life of a
//! proposal (create, draft, sign off, vote, finalise, execute), moving the chain's clock through
//! the vote and the hold-up instead of waiting for them.

use anchor_lang::AccountDeserialize as _;
use io_client::governance;
use sha2::Digest as _;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer as _;

use crate::LocalnetError;
use crate::bootstrap::send;

/// The council's voting position id (its first).
pub const COUNCIL_POSITION_ID: u64 = 0;

/// IO the council locks: ten times the local quorum.
pub const COUNCIL_LOCKED_IO_BASE: u64 = 10_000 * io_client::defaults::IO_BASE_PER_IO;

/// How long the council's IO stays locked: a year, well past any proposal's hold-up.
pub const COUNCIL_LOCKUP_SECS: i64 = 365 * 86_400;

/// The key that passes proposals on the local network.
pub struct Council {
    pub key: Keypair,
}

impl Council {
    /// Opens the council's position: locks [`COUNCIL_LOCKED_IO_BASE`] from `council_io` for
    /// [`COUNCIL_LOCKUP_SECS`] from `now`.
    pub(crate) fn open_position(
        &self,
        rpc: &RpcClient,
        council_io: Pubkey,
        now: i64,
    ) -> Result<(), LocalnetError> {
        let lockup_end = now.saturating_add(COUNCIL_LOCKUP_SECS);
        let ix = governance::position_open(
            self.key.pubkey(),
            council_io,
            COUNCIL_POSITION_ID,
            COUNCIL_LOCKED_IO_BASE,
            lockup_end,
        );
        send(
            rpc,
            &[ix],
            &[&self.key],
            "opening the council's voting position",
        )?;
        Ok(())
    }

    /// Passes a proposal of `instructions` (each may name the governance PDA as a signer) and
    /// executes them in order; `description` is hashed into the proposal. Moves the chain's
    /// clock past the vote and past the hold-up. Returns the proposal's address.
    pub fn pass(
        &self,
        rpc: &RpcClient,
        instructions: &[Instruction],
        description: &str,
    ) -> Result<Pubkey, LocalnetError> {
        let failed = |reason: String| LocalnetError::Proposal {
            description: description.to_string(),
            reason,
        };
        let data = rpc
            .get_account_data(&governance::config_address())
            .map_err(|error| failed(error.to_string()))?;
        let config = governance::Config::try_deserialize(&mut data.as_slice())
            .map_err(|error| failed(error.to_string()))?;
        let council = self.key.pubkey();
        let index = config.proposals_created;
        let proposal = governance::proposal_address(index);
        let hash: [u8; 32] = sha2::Sha256::digest(description.as_bytes()).into();
        let mut draft = vec![governance::proposal_create(
            council,
            COUNCIL_POSITION_ID,
            index,
            hash,
        )];
        for (n, ix) in instructions.iter().enumerate() {
            let n = u8::try_from(n).map_err(|_| failed("too many instructions".into()))?;
            draft.push(governance::proposal_add_instruction(
                council,
                proposal,
                n,
                governance::store(ix),
            ));
        }
        draft.push(governance::proposal_sign_off(council, proposal));
        draft.push(governance::vote_cast(
            council,
            COUNCIL_POSITION_ID,
            proposal,
            governance::VoteChoice::Yes,
        ));
        // One transaction per step keeps each within the size limit whatever the instructions.
        for ix in draft {
            send(rpc, &[ix], &[&self.key], description)?;
        }
        let params = config.params;
        crate::clock::travel(rpc, i64::from(params.voting_period_secs) + 1).map_err(failed)?;
        send(
            rpc,
            &[governance::proposal_finalize(council, proposal)],
            &[&self.key],
            description,
        )?;
        crate::clock::travel(rpc, i64::from(params.hold_up_secs) + 1).map_err(failed)?;
        for (n, ix) in instructions.iter().enumerate() {
            let n = u8::try_from(n).map_err(|_| failed("too many instructions".into()))?;
            let execute =
                governance::proposal_execute(council, proposal, n, &governance::store(ix));
            send(rpc, &[execute], &[&self.key], description)?;
        }
        Ok(proposal)
    }
}
