//! Which writable accounts skip Anchor's duplicate check (`dup`), read from the programs' sources.
//!
//! Anchor refuses an account passed twice among an instruction's writable typed accounts by
//! hashing every such key into a `HashSet`: about 490 compute units per account on SBF, in every
//! instruction. A writable account whose type appears once among them cannot be another of them
//! anyway: each typed account is loaded with its owner and discriminator checked, and two
//! different types never accept the same account. So the programs mark exactly those accounts
//! `dup`, and keep Anchor's check wherever two writable accounts share a type (two token
//! accounts, say), where aliasing is possible. This test holds both halves of the rule.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::{Fields, GenericArgument, Item, ItemStruct, PathArguments, Type};

/// A writable typed account of an `Accounts` struct.
struct Writable {
    field: String,
    account_type: String,
    dup: bool,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The leading identifier of each top-level comma-separated item of `#[account(...)]`: `mut`,
/// `dup`, `init`, `address`, ...
fn constraint_words(tokens: TokenStream) -> Vec<String> {
    let mut words = Vec::new();
    let mut at_start = true;
    for tree in tokens {
        match tree {
            TokenTree::Punct(p) if p.as_char() == ',' => at_start = true,
            TokenTree::Ident(ident) if at_start => {
                words.push(ident.to_string());
                at_start = false;
            }
            _ => at_start = false,
        }
    }
    words
}

/// `T` of `Account<'info, T>` or `InterfaceAccount<'info, T>`, boxed, optional or neither.
fn account_type(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match last.ident.to_string().as_str() {
        "Box" | "Option" => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(inner) => account_type(inner),
            _ => None,
        }),
        "Account" | "InterfaceAccount" => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(Type::Path(inner)) => {
                Some(inner.path.segments.last()?.ident.to_string())
            }
            _ => None,
        }),
        _ => None,
    }
}

fn derives_accounts(item: &ItemStruct) -> bool {
    item.attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .meta
                .require_list()
                .is_ok_and(|list| list.tokens.to_string().contains("Accounts"))
    })
}

fn writable_accounts(item: &ItemStruct) -> Vec<Writable> {
    let Fields::Named(fields) = &item.fields else {
        return Vec::new();
    };
    fields
        .named
        .iter()
        .filter_map(|field| {
            let words: Vec<String> = field
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("account"))
                .filter_map(|attr| attr.meta.require_list().ok())
                .flat_map(|list| constraint_words(list.tokens.clone()))
                .collect();
            let has = |word: &str| words.iter().any(|w| w == word);
            // Anchor leaves accounts it creates (`init`) out of its check.
            (has("mut") && !has("init")).then_some(())?;
            Some(Writable {
                field: field.ident.as_ref()?.to_string(),
                account_type: account_type(&field.ty)?,
                dup: has("dup"),
            })
        })
        .collect()
}

/// Every `Accounts` struct of the programs with its writable typed accounts.
fn accounts_structs() -> Vec<(String, Vec<Writable>)> {
    let programs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../programs");
    let mut files = Vec::new();
    rust_files(&programs, &mut files);
    files.sort();
    let mut structs = Vec::new();
    for file in files {
        if !file.components().any(|c| c.as_os_str() == "src") {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        let parsed = syn::parse_file(&source).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for item in parsed.items {
            if let Item::Struct(item) = item
                && derives_accounts(&item)
            {
                let relative = file.strip_prefix(&programs).unwrap_or(&file);
                let name = format!("programs/{}: {}", relative.display(), item.ident);
                structs.push((name, writable_accounts(&item)));
            }
        }
    }
    structs
}

#[test]
fn duplicate_checks_are_skipped_exactly_where_types_rule_out_aliasing() {
    let structs = accounts_structs();
    assert!(
        structs.len() > 50,
        "found only {} Accounts structs: the parser missed them",
        structs.len()
    );
    let mut unsafe_dups = Vec::new();
    let mut paid_checks = Vec::new();
    for (name, writable) in &structs {
        let mut census: BTreeMap<&str, usize> = BTreeMap::new();
        for account in writable {
            *census.entry(&account.account_type).or_default() += 1;
        }
        for account in writable {
            let unique = census[account.account_type.as_str()] == 1;
            let line = format!("{name}.{}: {}", account.field, account.account_type);
            match (account.dup, unique) {
                (true, false) => unsafe_dups.push(line),
                (false, true) => paid_checks.push(line),
                _ => {}
            }
        }
    }
    assert!(
        unsafe_dups.is_empty(),
        "`dup` on a writable account that shares its type with another writable account of \
         the instruction (they could be the same account; keep Anchor's check):\n{}",
        unsafe_dups.join("\n")
    );
    assert!(
        paid_checks.is_empty(),
        "writable accounts alone of their type without `dup` (Anchor's check costs about 490 \
         compute units each and cannot fire for them):\n{}",
        paid_checks.join("\n")
    );
}
