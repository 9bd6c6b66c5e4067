//! A subscription's filters, as Yellowstone's `SubscribeRequest` defines them: named account,
//! transaction, transaction-status and slot filters, a commitment, and data slices. Each update
//! goes out once, naming every filter it matched. What the local network cannot serve (blocks,
//! block metadata, entries, block footers, replay from a slot, cuckoo filters, token-account
//! expansion) is refused by name rather than ignored.

use std::collections::HashSet;
use std::str::FromStr as _;

use solana_pubkey::Pubkey;
use yellowstone_grpc_proto::geyser::subscribe_request_filter_accounts_filter::Filter as AccountFilterKind;
use yellowstone_grpc_proto::geyser::subscribe_request_filter_accounts_filter_lamports::Cmp;
use yellowstone_grpc_proto::geyser::subscribe_request_filter_accounts_filter_memcmp::Data;
use yellowstone_grpc_proto::geyser::subscribe_update::UpdateOneof;
use yellowstone_grpc_proto::geyser::{
    CommitmentLevel, SlotStatus, SubscribeRequest, SubscribeRequestFilterAccounts,
    SubscribeRequestFilterTransactions, SubscribeUpdate, SubscribeUpdateAccount,
    SubscribeUpdateSlot, SubscribeUpdateTransaction, SubscribeUpdateTransactionStatus,
};

use super::feed::Update;

/// Most filters of one kind, and most keys in one filter, a subscription may name.
const MAX_FILTERS: usize = 64;
const MAX_KEYS: usize = 1_024;

/// Why a subscription request was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum FilterError {
    #[error("`{0}` is not served by the local network")]
    Unsupported(&'static str),
    #[error("`{value}` in `{field}` is not a base58 address")]
    BadAddress { field: &'static str, value: String },
    #[error("`{field}` holds more than {max} entries")]
    TooMany { field: &'static str, max: usize },
    #[error("unknown commitment level {0}")]
    Commitment(i32),
    #[error("a memcmp filter's `{0}` data does not decode")]
    Memcmp(&'static str),
}

/// One account filter: addresses, owners and data conditions, all of which must hold.
#[derive(Debug)]
struct AccountFilter {
    accounts: HashSet<Pubkey>,
    owners: HashSet<Pubkey>,
    conditions: Vec<Condition>,
    nonempty_txn_signature: Option<bool>,
}

#[derive(Debug)]
enum Condition {
    Memcmp { offset: usize, bytes: Vec<u8> },
    DataSize(u64),
    TokenAccount,
    Lamports(Cmp),
}

/// One transaction filter.
#[derive(Debug)]
struct TransactionFilter {
    vote: Option<bool>,
    failed: Option<bool>,
    signature: Option<Vec<u8>>,
    include: HashSet<Pubkey>,
    exclude: HashSet<Pubkey>,
    required: HashSet<Pubkey>,
}

/// A subscription's filters.
#[derive(Debug)]
pub(crate) struct Filters {
    accounts: Vec<(String, AccountFilter)>,
    transactions: Vec<(String, TransactionFilter)>,
    transaction_statuses: Vec<(String, TransactionFilter)>,
    /// (name, only the subscription's commitment)
    slots: Vec<(String, bool)>,
    pub(crate) commitment: CommitmentLevel,
    slices: Vec<(usize, usize)>,
}

impl Filters {
    /// The filters of `request`, checked.
    pub(crate) fn new(request: &SubscribeRequest) -> Result<Self, FilterError> {
        refuse_unsupported(request)?;
        let commitment = match request.commitment {
            None => CommitmentLevel::Processed,
            Some(level) => {
                CommitmentLevel::try_from(level).map_err(|_| FilterError::Commitment(level))?
            }
        };
        limit("accounts", request.accounts.len())?;
        limit("transactions", request.transactions.len())?;
        limit("transactions_status", request.transactions_status.len())?;
        limit("slots", request.slots.len())?;
        let accounts = request
            .accounts
            .iter()
            .map(|(name, filter)| Ok((name.clone(), AccountFilter::new(filter)?)))
            .collect::<Result<_, FilterError>>()?;
        let transactions = request
            .transactions
            .iter()
            .map(|(name, filter)| Ok((name.clone(), TransactionFilter::new(filter)?)))
            .collect::<Result<_, FilterError>>()?;
        let transaction_statuses = request
            .transactions_status
            .iter()
            .map(|(name, filter)| Ok((name.clone(), TransactionFilter::new(filter)?)))
            .collect::<Result<_, FilterError>>()?;
        let slots = request
            .slots
            .iter()
            .map(|(name, filter)| (name.clone(), filter.filter_by_commitment.unwrap_or(false)))
            .collect();
        let slices = request
            .accounts_data_slice
            .iter()
            .map(|slice| {
                let offset = usize::try_from(slice.offset).unwrap_or(usize::MAX);
                let length = usize::try_from(slice.length).unwrap_or(usize::MAX);
                (offset, length)
            })
            .collect();
        Ok(Self {
            accounts,
            transactions,
            transaction_statuses,
            slots,
            commitment,
            slices,
        })
    }

    /// What `update` becomes for this subscription: one message per kind it matches, each
    /// naming the filters that matched.
    pub(crate) fn apply(&self, update: &Update) -> Vec<SubscribeUpdate> {
        let message = |filters: Vec<String>, update: UpdateOneof| SubscribeUpdate {
            filters,
            created_at: Some(std::time::SystemTime::now().into()),
            update_oneof: Some(update),
        };
        let mut out = Vec::new();
        match update {
            Update::Account {
                slot,
                pubkey,
                owner,
                info,
            } => {
                let names = matching(&self.accounts, |filter| filter.matches(pubkey, owner, info));
                if !names.is_empty() {
                    let mut info = info.clone();
                    if !self.slices.is_empty() {
                        info.data = self
                            .slices
                            .iter()
                            .flat_map(|&(offset, length)| {
                                let end = offset.saturating_add(length).min(info.data.len());
                                info.data
                                    .get(offset.min(end)..end)
                                    .unwrap_or_default()
                                    .to_vec()
                            })
                            .collect();
                    }
                    out.push(message(
                        names,
                        UpdateOneof::Account(SubscribeUpdateAccount {
                            account: Some(info),
                            slot: *slot,
                            is_startup: false,
                            bank_id: None,
                        }),
                    ));
                }
            }
            Update::Transaction {
                slot,
                failed,
                accounts,
                info,
            } => {
                let test = |filter: &TransactionFilter| {
                    filter.matches(info.is_vote, *failed, &info.signature, accounts)
                };
                let names = matching(&self.transactions, test);
                if !names.is_empty() {
                    out.push(message(
                        names,
                        UpdateOneof::Transaction(SubscribeUpdateTransaction {
                            transaction: Some(info.as_ref().clone()),
                            slot: *slot,
                            bank_id: 0,
                        }),
                    ));
                }
                let names = matching(&self.transaction_statuses, test);
                if !names.is_empty() {
                    out.push(message(
                        names,
                        UpdateOneof::TransactionStatus(SubscribeUpdateTransactionStatus {
                            slot: *slot,
                            signature: info.signature.clone(),
                            is_vote: info.is_vote,
                            index: info.index,
                            err: info.meta.as_ref().and_then(|meta| meta.err.clone()),
                            bank_id: 0,
                        }),
                    ));
                }
            }
            Update::Slot {
                slot,
                parent,
                status,
            } => {
                let names: Vec<String> = self
                    .slots
                    .iter()
                    .filter(|(_, by_commitment)| {
                        !by_commitment || slot_level(*status) == Some(self.commitment)
                    })
                    .map(|(name, _)| name.clone())
                    .collect();
                if !names.is_empty() {
                    out.push(message(
                        names,
                        UpdateOneof::Slot(SubscribeUpdateSlot {
                            slot: *slot,
                            parent: *parent,
                            status: *status as i32,
                            dead_error: None,
                            bank_id: None,
                        }),
                    ));
                }
            }
        }
        out
    }
}

/// The commitment a slot status reaches.
pub(crate) fn slot_level(status: SlotStatus) -> Option<CommitmentLevel> {
    match status {
        SlotStatus::SlotProcessed => Some(CommitmentLevel::Processed),
        SlotStatus::SlotConfirmed => Some(CommitmentLevel::Confirmed),
        SlotStatus::SlotFinalized => Some(CommitmentLevel::Finalized),
        _ => None,
    }
}

fn matching<F>(filters: &[(String, F)], test: impl Fn(&F) -> bool) -> Vec<String> {
    filters
        .iter()
        .filter(|(_, filter)| test(filter))
        .map(|(name, _)| name.clone())
        .collect()
}

fn refuse_unsupported(request: &SubscribeRequest) -> Result<(), FilterError> {
    let refused = [
        (!request.blocks.is_empty(), "blocks"),
        (!request.blocks_meta.is_empty(), "blocks_meta"),
        (!request.entry.is_empty(), "entry"),
        (!request.block_footer.is_empty(), "block_footer"),
        (request.from_slot.is_some(), "from_slot"),
        (
            request
                .accounts
                .values()
                .any(|f| f.cuckoo_accounts_filter.is_some()),
            "cuckoo_accounts_filter",
        ),
        (
            request
                .transactions
                .values()
                .chain(request.transactions_status.values())
                .any(|f| f.cuckoo_account_include.is_some()),
            "cuckoo_account_include",
        ),
        (
            request
                .transactions
                .values()
                .chain(request.transactions_status.values())
                .any(|f| f.token_accounts.is_some()),
            "token_accounts",
        ),
    ];
    match refused.iter().find(|(asked, _)| *asked) {
        Some((_, field)) => Err(FilterError::Unsupported(field)),
        None => Ok(()),
    }
}

fn limit(field: &'static str, count: usize) -> Result<(), FilterError> {
    if count > MAX_FILTERS {
        return Err(FilterError::TooMany {
            field,
            max: MAX_FILTERS,
        });
    }
    Ok(())
}

fn addresses(field: &'static str, values: &[String]) -> Result<HashSet<Pubkey>, FilterError> {
    if values.len() > MAX_KEYS {
        return Err(FilterError::TooMany {
            field,
            max: MAX_KEYS,
        });
    }
    values
        .iter()
        .map(|value| {
            Pubkey::from_str(value).map_err(|_| FilterError::BadAddress {
                field,
                value: value.clone(),
            })
        })
        .collect()
}

impl AccountFilter {
    fn new(filter: &SubscribeRequestFilterAccounts) -> Result<Self, FilterError> {
        let conditions = filter
            .filters
            .iter()
            .filter_map(|condition| condition.filter.as_ref())
            .map(|kind| {
                Ok(match kind {
                    AccountFilterKind::Memcmp(memcmp) => Condition::Memcmp {
                        offset: usize::try_from(memcmp.offset).unwrap_or(usize::MAX),
                        bytes: match &memcmp.data {
                            Some(Data::Bytes(bytes)) => bytes.clone(),
                            Some(Data::Base58(text)) => bs58::decode(text)
                                .into_vec()
                                .map_err(|_| FilterError::Memcmp("base58"))?,
                            Some(Data::Base64(text)) => {
                                use base64::Engine as _;
                                base64::engine::general_purpose::STANDARD
                                    .decode(text)
                                    .map_err(|_| FilterError::Memcmp("base64"))?
                            }
                            None => Vec::new(),
                        },
                    },
                    AccountFilterKind::Datasize(size) => Condition::DataSize(*size),
                    AccountFilterKind::TokenAccountState(true) => Condition::TokenAccount,
                    AccountFilterKind::TokenAccountState(false) => {
                        return Err(FilterError::Unsupported("token_account_state = false"));
                    }
                    AccountFilterKind::Lamports(lamports) => match lamports.cmp {
                        Some(cmp) => Condition::Lamports(cmp),
                        None => return Err(FilterError::Unsupported("lamports without cmp")),
                    },
                })
            })
            .collect::<Result<_, FilterError>>()?;
        Ok(Self {
            accounts: addresses("account", &filter.account)?,
            owners: addresses("owner", &filter.owner)?,
            conditions,
            nonempty_txn_signature: filter.nonempty_txn_signature,
        })
    }

    fn matches(
        &self,
        pubkey: &Pubkey,
        owner: &Pubkey,
        info: &yellowstone_grpc_proto::geyser::SubscribeUpdateAccountInfo,
    ) -> bool {
        (self.accounts.is_empty() || self.accounts.contains(pubkey))
            && (self.owners.is_empty() || self.owners.contains(owner))
            && self
                .nonempty_txn_signature
                .is_none_or(|wanted| wanted == info.txn_signature.is_some())
            && self.conditions.iter().all(|condition| match condition {
                Condition::Memcmp { offset, bytes } => info
                    .data
                    .get(*offset..)
                    .is_some_and(|data| data.starts_with(bytes)),
                Condition::DataSize(size) => info.data.len() as u64 == *size,
                // An initialised SPL token account: 165 bytes, state byte (108) not 0.
                Condition::TokenAccount => {
                    info.data.len() == 165 && info.data.get(108).is_some_and(|state| *state != 0)
                }
                Condition::Lamports(cmp) => match *cmp {
                    Cmp::Eq(value) => info.lamports == value,
                    Cmp::Ne(value) => info.lamports != value,
                    Cmp::Lt(value) => info.lamports < value,
                    Cmp::Gt(value) => info.lamports > value,
                },
            })
    }
}

impl TransactionFilter {
    fn new(filter: &SubscribeRequestFilterTransactions) -> Result<Self, FilterError> {
        let signature = match &filter.signature {
            None => None,
            Some(text) => Some(
                bs58::decode(text)
                    .into_vec()
                    .ok()
                    .filter(|bytes| bytes.len() == 64)
                    .ok_or(FilterError::BadAddress {
                        field: "signature",
                        value: text.clone(),
                    })?,
            ),
        };
        Ok(Self {
            vote: filter.vote,
            failed: filter.failed,
            signature,
            include: addresses("account_include", &filter.account_include)?,
            exclude: addresses("account_exclude", &filter.account_exclude)?,
            required: addresses("account_required", &filter.account_required)?,
        })
    }

    fn matches(
        &self,
        is_vote: bool,
        failed: bool,
        signature: &[u8],
        accounts: &HashSet<Pubkey>,
    ) -> bool {
        self.vote.is_none_or(|vote| vote == is_vote)
            && self.failed.is_none_or(|wanted| wanted == failed)
            && self
                .signature
                .as_ref()
                .is_none_or(|wanted| wanted.as_slice() == signature)
            && (self.include.is_empty() || self.include.iter().any(|key| accounts.contains(key)))
            && !self.exclude.iter().any(|key| accounts.contains(key))
            && self.required.iter().all(|key| accounts.contains(key))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use yellowstone_grpc_proto::geyser::{
        SubscribeRequestFilterAccountsFilter, SubscribeRequestFilterAccountsFilterMemcmp,
        SubscribeRequestFilterBlocksMeta, SubscribeUpdateAccountInfo,
    };

    use super::*;

    fn account(pubkey: Pubkey, owner: Pubkey, data: Vec<u8>) -> Update {
        Update::Account {
            slot: 7,
            pubkey,
            owner,
            info: SubscribeUpdateAccountInfo {
                pubkey: pubkey.to_bytes().to_vec(),
                lamports: 1_000,
                owner: owner.to_bytes().to_vec(),
                executable: false,
                rent_epoch: 0,
                data,
                write_version: 1,
                txn_signature: Some(vec![1; 64]),
            },
        }
    }

    #[test]
    fn account_filters_match_by_address_owner_and_data_and_name_each_match() {
        let (key, owner, other) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let request = SubscribeRequest {
            accounts: HashMap::from([
                (
                    "by-owner".to_string(),
                    SubscribeRequestFilterAccounts {
                        owner: vec![owner.to_string()],
                        filters: vec![SubscribeRequestFilterAccountsFilter {
                            filter: Some(AccountFilterKind::Memcmp(
                                SubscribeRequestFilterAccountsFilterMemcmp {
                                    offset: 1,
                                    data: Some(Data::Bytes(vec![2, 3])),
                                },
                            )),
                        }],
                        ..Default::default()
                    },
                ),
                (
                    "by-key".to_string(),
                    SubscribeRequestFilterAccounts {
                        account: vec![key.to_string()],
                        ..Default::default()
                    },
                ),
            ]),
            accounts_data_slice: vec![
                yellowstone_grpc_proto::geyser::SubscribeRequestAccountsDataSlice {
                    offset: 1,
                    length: 2,
                },
            ],
            ..Default::default()
        };
        let filters = Filters::new(&request).unwrap();

        let out = filters.apply(&account(key, owner, vec![1, 2, 3, 4]));
        assert_eq!(out.len(), 1);
        let mut names = out[0].filters.clone();
        names.sort();
        assert_eq!(names, ["by-key", "by-owner"]);
        let Some(UpdateOneof::Account(update)) = &out[0].update_oneof else {
            panic!("an account update");
        };
        assert_eq!(update.account.as_ref().unwrap().data, [2, 3]);

        // The data condition fails: only the address filter matches.
        let out = filters.apply(&account(key, owner, vec![1, 9, 9]));
        assert_eq!(out[0].filters, ["by-key"]);
        // Neither the address nor the owner.
        assert!(
            filters
                .apply(&account(other, other, vec![1, 2, 3]))
                .is_empty()
        );
    }

    #[test]
    fn transaction_filters_follow_include_exclude_required_and_failed() {
        let (a, b, c) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let filter = TransactionFilter::new(&SubscribeRequestFilterTransactions {
            failed: Some(false),
            account_include: vec![a.to_string(), b.to_string()],
            account_exclude: vec![c.to_string()],
            account_required: vec![a.to_string()],
            ..Default::default()
        })
        .unwrap();
        let set = |keys: &[Pubkey]| keys.iter().copied().collect::<HashSet<_>>();
        assert!(filter.matches(false, false, &[0; 64], &set(&[a])));
        assert!(!filter.matches(false, true, &[0; 64], &set(&[a])), "failed");
        assert!(
            !filter.matches(false, false, &[0; 64], &set(&[b])),
            "a required"
        );
        assert!(
            !filter.matches(false, false, &[0; 64], &set(&[a, c])),
            "c excluded"
        );
    }

    #[test]
    fn what_the_local_network_cannot_serve_is_refused_by_name() {
        let mut request = SubscribeRequest::default();
        request
            .blocks_meta
            .insert("meta".into(), SubscribeRequestFilterBlocksMeta {});
        assert_eq!(
            Filters::new(&request).unwrap_err(),
            FilterError::Unsupported("blocks_meta")
        );
        let mut request = SubscribeRequest::default();
        request.accounts.insert(
            "bad".into(),
            SubscribeRequestFilterAccounts {
                owner: vec!["not-an-address".into()],
                ..Default::default()
            },
        );
        assert_eq!(
            Filters::new(&request).unwrap_err().to_string(),
            "`not-an-address` in `owner` is not a base58 address"
        );
        let request = SubscribeRequest {
            commitment: Some(7),
            ..Default::default()
        };
        assert_eq!(
            Filters::new(&request).unwrap_err(),
            FilterError::Commitment(7)
        );
    }
}
