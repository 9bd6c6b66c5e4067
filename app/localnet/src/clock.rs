//! The chain's clock: read from the Clock sysvar, moved with surfpool's `surfnet_timeTravel`.

use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::request::RpcRequest;

/// The chain's unix time and slot, from the Clock sysvar (slot first, unix time fifth).
pub fn now(rpc: &RpcClient) -> Result<(i64, u64), String> {
    let data = rpc
        .get_account_data(&solana_sdk_ids::sysvar::clock::ID)
        .map_err(|error| format!("reading the clock: {error}"))?;
    let field = |range: std::ops::Range<usize>| {
        data.get(range)
            .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
            .ok_or_else(|| "the clock sysvar is too short".to_string())
    };
    Ok((
        i64::from_le_bytes(field(32..40)?),
        u64::from_le_bytes(field(0..8)?),
    ))
}

/// Moves the chain's clock `secs` seconds forward; returns the new unix time. The price keeper
/// republishes right after: wait for it ([`crate::PriceKeeper::wait_published_since`], or poll
/// the price account) before a priced transaction.
pub fn travel(rpc: &RpcClient, secs: i64) -> Result<i64, String> {
    let target = now(rpc)?
        .0
        .checked_add(secs)
        .ok_or("the target time overflows")?;
    let target_ms = target
        .checked_mul(1_000)
        .ok_or("the target time overflows")?;
    rpc.send::<serde_json::Value>(
        RpcRequest::Custom {
            method: "surfnet_timeTravel",
        },
        serde_json::json!([{ "absoluteTimestamp": target_ms }]),
    )
    .map_err(|error| format!("moving time (surfnet_timeTravel): {error}"))?;
    Ok(target)
}
