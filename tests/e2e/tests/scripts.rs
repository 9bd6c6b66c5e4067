//! `scripts/postgres.sh` refuses bad situations in one line and a non-zero exit, starting nothing.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/postgres.sh")
}

fn one_line_failure(output: &std::process::Output) -> String {
    assert!(!output.status.success(), "expected a failure: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr:?}");
    stderr
}

#[test]
fn an_unreachable_database_url_is_one_line_and_non_zero() {
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    drop(holder); // nothing listens there now
    let output = Command::new("bash")
        .arg(script())
        .arg("start")
        .env("DATABASE_URL", format!("postgres://io@127.0.0.1:{port}/io"))
        .output()
        .unwrap();
    let message = one_line_failure(&output);
    assert!(message.contains("does not answer"), "{message}");
}

#[test]
fn a_port_taken_by_something_else_is_one_line_and_non_zero() {
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let output = Command::new("bash")
        .arg(script())
        .arg("start")
        .env_remove("DATABASE_URL")
        .env("IO_PG_PORT", port.to_string())
        .output()
        .unwrap();
    let message = one_line_failure(&output);
    assert!(
        message.contains(&format!("port {port} is taken")),
        "{message}"
    );
}

#[test]
fn an_unknown_command_is_one_line_and_non_zero() {
    let output = Command::new("bash")
        .arg(script())
        .arg("restart")
        .output()
        .unwrap();
    assert!(one_line_failure(&output).contains("usage"));
}

/// Review finding (issue 16, point 7): run from a checkout inside a folder only its owner may
/// enter (root's home is mode 700), the script still starts a private cluster the `postgres`
/// user can reach, at its default place outside the checkout, and stops it.
#[test]
fn starts_from_a_checkout_only_its_owner_can_enter() {
    use std::os::unix::fs::PermissionsExt;
    let home = std::env::temp_dir().join(format!("io-private-home-{}", std::process::id()));
    let checkout = home.join("io");
    std::fs::create_dir_all(checkout.join("scripts")).unwrap();
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::copy(script(), checkout.join("scripts/postgres.sh")).unwrap();
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    drop(holder);
    let run = |command: &str| {
        Command::new("bash")
            .arg(checkout.join("scripts/postgres.sh"))
            .arg(command)
            .env_remove("DATABASE_URL")
            .env_remove("IO_PG_DIR")
            .env("IO_PG_PORT", port.to_string())
            .output()
            .unwrap()
    };
    let started = run("start");
    let status = run("status");
    let stopped = run("stop");
    // `status` names the cluster's folder on stderr: remove it with the fake home.
    let folder = String::from_utf8_lossy(&status.stderr)
        .trim()
        .strip_prefix("postgres: cluster in ")
        .map(PathBuf::from);
    if let Some(folder) = &folder {
        let _ = std::fs::remove_dir_all(folder);
    }
    let _ = std::fs::remove_dir_all(&home);
    assert!(started.status.success(), "{started:?}");
    assert_eq!(
        String::from_utf8_lossy(&started.stdout).trim(),
        format!("postgres://io@127.0.0.1:{port}/io")
    );
    let folder = folder.expect("status names the cluster's folder");
    assert!(
        !folder.starts_with(&home),
        "the cluster must live outside the checkout"
    );
    assert!(stopped.status.success(), "{stopped:?}");
}
