//! The native / ELF switch of the loader.

use std::path::PathBuf;

use native_svm::{DeployError, ProgramSource, deploy};

use crate::support::PROBE;

#[test]
fn missing_elf_is_a_named_deploy_error() {
    let mut svm = litesvm::LiteSVM::new();
    let path = PathBuf::from("/nonexistent/probe.so");
    let error = deploy(&mut svm, &PROBE, &ProgramSource::Elf(path.clone())).unwrap_err();
    let DeployError::Elf {
        name,
        path: reported,
        ..
    } = &error;
    assert_eq!((*name, reported), ("probe", &path));
    assert!(
        error.to_string().contains("/nonexistent/probe.so"),
        "{error}"
    );
}

#[test]
fn native_is_the_default_source() {
    // CI and developers run natively unless they point IO_SBF_DIR at a folder of ELFs.
    if std::env::var_os(native_svm::loader::SBF_DIR_VAR).is_none() {
        assert!(matches!(PROBE.source_from_env(), ProgramSource::Native(_)));
    }
}
