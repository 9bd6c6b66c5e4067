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
