//! `localnet`: runs the local network until Ctrl-C (or SIGTERM), printing its URLs and what the
//! bootstrap created.
//!
//! ```text
//! cargo run -p io-localnet --bin localnet                   # RPC on 8899, websocket on 8900
//! cargo run -p io-localnet --bin localnet -- --rpc-port 9899 --ws-port 9900
//! ```

use std::process::ExitCode;

use clap::Parser;
use io_localnet::{Localnet, LocalnetConfig};
use solana_signer::Signer;

#[derive(Parser, Debug)]
#[command(about = "Run the IO protocol's local network (surfpool with every program) until Ctrl-C")]
struct Args {
    /// JSON-RPC port on 127.0.0.1.
    #[arg(long, env = "IO_RPC_PORT", default_value_t = LocalnetConfig::fixed().rpc_port)]
    rpc_port: u16,
    /// Websocket port on 127.0.0.1.
    #[arg(long, env = "IO_WS_PORT", default_value_t = LocalnetConfig::fixed().ws_port)]
    ws_port: u16,
    /// Milliseconds per slot.
    #[arg(long, default_value_t = LocalnetConfig::fixed().slot_time_ms)]
    slot_time_ms: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let config = LocalnetConfig {
        rpc_port: args.rpc_port,
        ws_port: args.ws_port,
        slot_time_ms: args.slot_time_ms,
    };
    let localnet = match Localnet::start(config) {
        Ok(localnet) => localnet,
        Err(error) => {
            eprintln!("localnet: {error}");
            return ExitCode::FAILURE;
        }
    };
    let deployment = &localnet.deployment;
    println!("localnet: RPC       {}", localnet.rpc_url);
    println!("localnet: websocket {}", localnet.ws_url);
    println!("localnet: IO mint   {}", deployment.io_mint);
    println!("localnet: IOSD mint {}", deployment.iosd_mint);
    println!("localnet: authority {}", deployment.authority.pubkey());
    for (program, signature) in &deployment.config_signatures {
        println!("localnet: {program:<10} config initialised in {signature}");
    }
    println!("localnet: running; Ctrl-C stops it");

    if let Err(error) = wait_for_stop_signal() {
        eprintln!("localnet: {error}");
    }
    match localnet.stop() {
        Ok(()) => {
            println!("localnet: stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("localnet: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Blocks until Ctrl-C or SIGTERM.
pub fn wait_for_stop_signal() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result,
            _ = terminate.recv() => Ok(()),
        }
    })
}
