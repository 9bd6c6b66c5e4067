//! Accounts and events decoded from the committed IDLs (`programs/idl/*.json`).
//!
//! The IDLs are generated from the program crates' own types and CI refuses a stale one, so
//! decoding by them reads every field the programs write, a new one included, with no list of
//! fields kept by hand. The JSON follows one convention for every type: addresses in base58,
//! integers up to 64 bits as numbers (exact in `jsonb`), 128-bit integers as decimal strings,
//! byte arrays as hex, unit enum variants by name, other variants as `{"Variant": {..}}`,
//! `Option` as the value or `null`.

use std::collections::HashMap;
use std::sync::OnceLock;

use anchor_lang::prelude::Pubkey;
use anchor_lang_idl_spec::{
    Idl, IdlArrayLen, IdlDefinedFields, IdlField, IdlSerialization, IdlType, IdlTypeDef,
    IdlTypeDefTy,
};
use serde_json::{Map, Value};

/// The committed IDLs, one per program.
const IDLS: [(&str, &str); 5] = [
    ("iosd", include_str!("../../../programs/idl/iosd.json")),
    ("market", include_str!("../../../programs/idl/market.json")),
    (
        "inference",
        include_str!("../../../programs/idl/inference.json"),
    ),
    (
        "rewards",
        include_str!("../../../programs/idl/rewards.json"),
    ),
    (
        "governance",
        include_str!("../../../programs/idl/governance.json"),
    ),
];

/// Length of an account's or event's discriminator.
pub const DISCRIMINATOR_LEN: usize = 8;

/// Why bytes did not decode.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SchemaError {
    #[error("{0} is not one of the IO programs")]
    UnknownProgram(Pubkey),
    #[error("{what} of {program} is shorter than its 8-byte discriminator ({len} bytes)")]
    NoDiscriminator {
        program: &'static str,
        what: &'static str,
        len: usize,
    },
    #[error("{program} has no {what} with discriminator {discriminator:02x?}")]
    UnknownDiscriminator {
        program: &'static str,
        what: &'static str,
        discriminator: [u8; DISCRIMINATOR_LEN],
    },
    #[error("{name} of {program}: {needed} bytes needed at offset {offset}, {len} in all")]
    Truncated {
        program: &'static str,
        name: &'static str,
        offset: usize,
        needed: usize,
        len: usize,
    },
    #[error("{name} of {program}: byte {byte} at offset {offset} is not a {what}")]
    Invalid {
        program: &'static str,
        name: &'static str,
        offset: usize,
        byte: u8,
        what: &'static str,
    },
    #[error("{name} of {program}: {extra} bytes left after its last field")]
    TrailingBytes {
        program: &'static str,
        name: &'static str,
        extra: usize,
    },
    #[error("{name} of {program}: the IDL cannot describe it ({reason})")]
    Unsupported {
        program: &'static str,
        name: &'static str,
        reason: String,
    },
}

/// An account or event decoded by its program's IDL.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The program's name (`market`).
    pub program: &'static str,
    /// The account or event type's name (`Lease`, `LeaseSettled`).
    pub name: &'static str,
    /// The fields as JSON.
    pub value: Value,
    /// Bytes read, discriminator included; an account may be longer (space kept for growth).
    pub consumed: usize,
}

/// How a top-level field of an account reads as one column: the store's typed tables take their
/// column types from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldShape {
    /// An address (base58 text).
    Address,
    /// An unsigned integer of this many bits (JSON number, or decimal string past 64).
    Unsigned(u32),
    /// A signed integer of this many bits.
    Signed(u32),
    Bool,
    /// An enum without fields: its variant's name.
    Label,
    /// A UTF-8 string.
    Text,
    /// Bytes (a `[u8; N]`, `Vec<u8>` or `bytes`): lowercase hex text.
    Hex,
    /// Anything else (structs, arrays, vectors, options, enums with fields): JSON.
    Json,
}

/// A top-level field of an account type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub shape: FieldShape,
}

/// One program's IDL, indexed for decoding.
struct ProgramSchema {
    id: Pubkey,
    name: &'static str,
    types: HashMap<&'static str, &'static IdlTypeDef>,
    accounts: Vec<([u8; DISCRIMINATOR_LEN], &'static str)>,
    events: Vec<([u8; DISCRIMINATOR_LEN], &'static str)>,
}

/// Every program's schema.
pub struct Schema {
    programs: Vec<ProgramSchema>,
}

/// The schema of the five programs, parsed once.
pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let programs = IDLS
            .iter()
            .map(|(name, text)| {
                // The IDLs are part of this build: one that does not parse is a build defect.
                let idl: &'static Idl = Box::leak(Box::new(
                    serde_json::from_str(text).expect("a committed IDL parses"),
                ));
                ProgramSchema::new(name, idl)
            })
            .collect();
        Schema { programs }
    })
}

fn discriminator(bytes: &[u8]) -> [u8; DISCRIMINATOR_LEN] {
    let mut out = [0; DISCRIMINATOR_LEN];
    for (slot, byte) in out.iter_mut().zip(bytes) {
        *slot = *byte;
    }
    out
}

impl ProgramSchema {
    fn new(name: &'static str, idl: &'static Idl) -> Self {
        Self {
            id: idl
                .address
                .parse()
                .expect("a committed IDL's address parses"),
            name,
            types: idl.types.iter().map(|t| (t.name.as_str(), t)).collect(),
            accounts: idl
                .accounts
                .iter()
                .map(|a| (discriminator(&a.discriminator), a.name.as_str()))
                .collect(),
            events: idl
                .events
                .iter()
                .map(|e| (discriminator(&e.discriminator), e.name.as_str()))
                .collect(),
        }
    }

    fn shape(&self, ty: &IdlType) -> FieldShape {
        match ty {
            IdlType::Pubkey => FieldShape::Address,
            IdlType::U8 => FieldShape::Unsigned(8),
            IdlType::U16 => FieldShape::Unsigned(16),
            IdlType::U32 => FieldShape::Unsigned(32),
            IdlType::U64 => FieldShape::Unsigned(64),
            IdlType::U128 => FieldShape::Unsigned(128),
            IdlType::I8 => FieldShape::Signed(8),
            IdlType::I16 => FieldShape::Signed(16),
            IdlType::I32 => FieldShape::Signed(32),
            IdlType::I64 => FieldShape::Signed(64),
            IdlType::I128 => FieldShape::Signed(128),
            IdlType::Bool => FieldShape::Bool,
            IdlType::String => FieldShape::Text,
            IdlType::Bytes => FieldShape::Hex,
            IdlType::Vec(inner) | IdlType::Array(inner, _) if matches!(**inner, IdlType::U8) => {
                FieldShape::Hex
            }
            IdlType::Defined { name, generics } if generics.is_empty() => {
                match self.types.get(name.as_str()).map(|def| &def.ty) {
                    Some(IdlTypeDefTy::Enum { variants })
                        if variants.iter().all(|v| v.fields.is_none()) =>
                    {
                        FieldShape::Label
                    }
                    Some(IdlTypeDefTy::Type { alias }) => self.shape(alias),
                    _ => FieldShape::Json,
                }
            }
            _ => FieldShape::Json,
        }
    }

    fn decode(
        &self,
        what: &'static str,
        kinds: &[([u8; DISCRIMINATOR_LEN], &'static str)],
        data: &[u8],
    ) -> Result<Decoded, SchemaError> {
        if data.len() < DISCRIMINATOR_LEN {
            return Err(SchemaError::NoDiscriminator {
                program: self.name,
                what,
                len: data.len(),
            });
        }
        let tag = discriminator(data);
        let name = kinds
            .iter()
            .find(|(d, _)| *d == tag)
            .map(|(_, name)| *name)
            .ok_or(SchemaError::UnknownDiscriminator {
                program: self.name,
                what,
                discriminator: tag,
            })?;
        let mut reader = Reader {
            program: self,
            name,
            data,
            offset: DISCRIMINATOR_LEN,
        };
        let value = reader.defined(name)?;
        Ok(Decoded {
            program: self.name,
            name,
            value,
            consumed: reader.offset,
        })
    }
}

impl Schema {
    fn program(&self, id: &Pubkey) -> Result<&ProgramSchema, SchemaError> {
        self.programs
            .iter()
            .find(|p| p.id == *id)
            .ok_or(SchemaError::UnknownProgram(*id))
    }

    /// The program ids, in the IDLs' order.
    pub fn program_ids(&self) -> Vec<Pubkey> {
        self.programs.iter().map(|p| p.id).collect()
    }

    /// The account types of `program` with their discriminators.
    pub fn account_types(
        &self,
        program: &Pubkey,
    ) -> Result<Vec<(&'static str, [u8; DISCRIMINATOR_LEN])>, SchemaError> {
        Ok(named(&self.program(program)?.accounts))
    }

    /// The event types of `program` with their discriminators.
    pub fn event_types(
        &self,
        program: &Pubkey,
    ) -> Result<Vec<(&'static str, [u8; DISCRIMINATOR_LEN])>, SchemaError> {
        Ok(named(&self.program(program)?.events))
    }

    /// An account of type `account` of `program` with every field zero (empty for vectors,
    /// the first variant for enums): a template for tests and benches to fill in.
    pub fn zeroed_account(&self, program: &Pubkey, account: &str) -> Result<Decoded, SchemaError> {
        let schema = self.program(program)?;
        let (discriminator, _) = schema
            .accounts
            .iter()
            .find(|(_, name)| *name == account)
            .ok_or_else(|| SchemaError::Unsupported {
                program: schema.name,
                name: "account",
                reason: format!("no account type named {account}"),
            })?;
        // Zeros decode as any Borsh type; 16 KiB is more than any of the programs' accounts.
        let mut data = discriminator.to_vec();
        data.resize(16 * 1024, 0);
        self.account(program, &data)
    }

    /// The name of `program` (`market`).
    pub fn program_name(&self, program: &Pubkey) -> Result<&'static str, SchemaError> {
        Ok(self.program(program)?.name)
    }

    /// The top-level fields of account type `account` of `program`, in their order.
    pub fn account_fields(
        &self,
        program: &Pubkey,
        account: &str,
    ) -> Result<Vec<Field>, SchemaError> {
        let schema = self.program(program)?;
        let unsupported = |reason: String| SchemaError::Unsupported {
            program: schema.name,
            name: "account",
            reason,
        };
        let def = schema
            .types
            .get(account)
            .ok_or_else(|| unsupported(format!("no type named {account}")))?;
        let IdlTypeDefTy::Struct {
            fields: Some(IdlDefinedFields::Named(fields)),
        } = &def.ty
        else {
            return Err(unsupported(format!(
                "{account} is not a struct of named fields"
            )));
        };
        Ok(fields
            .iter()
            .map(|field| Field {
                name: field.name.as_str(),
                shape: schema.shape(&field.ty),
            })
            .collect())
    }

    /// An account of `program` (its whole data, discriminator first). Bytes after the last
    /// field are allowed: an account may keep space it does not use yet.
    pub fn account(&self, program: &Pubkey, data: &[u8]) -> Result<Decoded, SchemaError> {
        let schema = self.program(program)?;
        schema.decode("account", &schema.accounts, data)
    }

    /// An event of `program` (discriminator and fields, as `emit_cpi!` carries it), read
    /// exactly: a byte left over means the bytes are not this event.
    pub fn event(&self, program: &Pubkey, data: &[u8]) -> Result<Decoded, SchemaError> {
        let schema = self.program(program)?;
        let decoded = schema.decode("event", &schema.events, data)?;
        if decoded.consumed != data.len() {
            return Err(SchemaError::TrailingBytes {
                program: schema.name,
                name: decoded.name,
                extra: data.len() - decoded.consumed,
            });
        }
        Ok(decoded)
    }
}

/// A cursor over one account's or event's bytes.
struct Reader<'a> {
    program: &'a ProgramSchema,
    /// The top-level type, for errors.
    name: &'static str,
    data: &'a [u8],
    offset: usize,
}

impl Reader<'_> {
    fn take(&mut self, needed: usize) -> Result<&[u8], SchemaError> {
        let end = self
            .offset
            .checked_add(needed)
            .filter(|end| *end <= self.data.len())
            .ok_or(SchemaError::Truncated {
                program: self.program.name,
                name: self.name,
                offset: self.offset,
                needed,
                len: self.data.len(),
            })?;
        let bytes = &self.data[self.offset..end];
        self.offset = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], SchemaError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn invalid(&self, offset: usize, byte: u8, what: &'static str) -> SchemaError {
        SchemaError::Invalid {
            program: self.program.name,
            name: self.name,
            offset,
            byte,
            what,
        }
    }

    fn unsupported(&self, reason: String) -> SchemaError {
        SchemaError::Unsupported {
            program: self.program.name,
            name: self.name,
            reason,
        }
    }

    /// A length prefix (`u32`, Borsh) for a `Vec`, `bytes` or `string`.
    fn length(&mut self) -> Result<usize, SchemaError> {
        let len = u32::from_le_bytes(self.array()?);
        usize::try_from(len).map_err(|_| self.unsupported(format!("length {len}")))
    }

    fn value(&mut self, ty: &IdlType) -> Result<Value, SchemaError> {
        Ok(match ty {
            IdlType::Bool => {
                let at = self.offset;
                match self.array::<1>()?[0] {
                    0 => Value::Bool(false),
                    1 => Value::Bool(true),
                    byte => return Err(self.invalid(at, byte, "bool")),
                }
            }
            IdlType::U8 => Value::from(self.array::<1>()?[0]),
            IdlType::I8 => Value::from(i8::from_le_bytes(self.array()?)),
            IdlType::U16 => Value::from(u16::from_le_bytes(self.array()?)),
            IdlType::I16 => Value::from(i16::from_le_bytes(self.array()?)),
            IdlType::U32 => Value::from(u32::from_le_bytes(self.array()?)),
            IdlType::I32 => Value::from(i32::from_le_bytes(self.array()?)),
            IdlType::U64 => Value::from(u64::from_le_bytes(self.array()?)),
            IdlType::I64 => Value::from(i64::from_le_bytes(self.array()?)),
            // JSON numbers lose precision past 2^53 in most readers: decimal strings.
            IdlType::U128 => Value::String(u128::from_le_bytes(self.array()?).to_string()),
            IdlType::I128 => Value::String(i128::from_le_bytes(self.array()?).to_string()),
            IdlType::Pubkey => Value::String(Pubkey::new_from_array(self.array()?).to_string()),
            IdlType::Bytes => {
                let len = self.length()?;
                Value::String(hex(self.take(len)?))
            }
            IdlType::String => {
                let at = self.offset;
                let len = self.length()?;
                let bytes = self.take(len)?.to_vec();
                let text = String::from_utf8(bytes).map_err(|e| {
                    let valid = e.utf8_error().valid_up_to();
                    self.invalid(at + 4 + valid, e.as_bytes()[valid], "UTF-8 string")
                })?;
                Value::String(text)
            }
            IdlType::Option(inner) => {
                let at = self.offset;
                match self.array::<1>()?[0] {
                    0 => Value::Null,
                    1 => self.value(inner)?,
                    byte => return Err(self.invalid(at, byte, "option tag")),
                }
            }
            IdlType::Vec(inner) => {
                let len = self.length()?;
                if matches!(**inner, IdlType::U8) {
                    Value::String(hex(self.take(len)?))
                } else {
                    let mut items = Vec::new();
                    for _ in 0..len {
                        items.push(self.value(inner)?);
                    }
                    Value::Array(items)
                }
            }
            IdlType::Array(inner, IdlArrayLen::Value(len)) => {
                if matches!(**inner, IdlType::U8) {
                    Value::String(hex(self.take(*len)?))
                } else {
                    let mut items = Vec::with_capacity(*len);
                    for _ in 0..*len {
                        items.push(self.value(inner)?);
                    }
                    Value::Array(items)
                }
            }
            IdlType::Defined { name, generics } if generics.is_empty() => self.defined(name)?,
            other => return Err(self.unsupported(format!("type {other:?}"))),
        })
    }

    fn fields(&mut self, fields: &Option<IdlDefinedFields>) -> Result<Value, SchemaError> {
        Ok(match fields {
            None => Value::Null,
            Some(IdlDefinedFields::Named(named)) => Value::Object(self.named(named)?),
            Some(IdlDefinedFields::Tuple(types)) => {
                let mut items = Vec::new();
                for ty in types {
                    items.push(self.value(ty)?);
                }
                Value::Array(items)
            }
        })
    }

    fn named(&mut self, fields: &[IdlField]) -> Result<Map<String, Value>, SchemaError> {
        let mut map = Map::new();
        for field in fields {
            map.insert(field.name.clone(), self.value(&field.ty)?);
        }
        Ok(map)
    }

    fn defined(&mut self, name: &str) -> Result<Value, SchemaError> {
        let def = *self
            .program
            .types
            .get(name)
            .ok_or_else(|| self.unsupported(format!("no type named {name}")))?;
        if !def.generics.is_empty() {
            return Err(self.unsupported(format!("{name} is generic")));
        }
        if def.serialization != IdlSerialization::Borsh {
            return Err(self.unsupported(format!("{name} is not Borsh-serialised")));
        }
        match &def.ty {
            IdlTypeDefTy::Struct { fields } => self.fields(fields),
            IdlTypeDefTy::Enum { variants } => {
                let at = self.offset;
                let index = self.array::<1>()?[0];
                let variant = variants
                    .get(usize::from(index))
                    .ok_or_else(|| self.invalid(at, index, "variant index"))?;
                Ok(match &variant.fields {
                    None => Value::String(variant.name.clone()),
                    fields => {
                        let mut map = Map::new();
                        map.insert(variant.name.clone(), self.fields(fields)?);
                        Value::Object(map)
                    }
                })
            }
            IdlTypeDefTy::Type { alias } => self.value(alias),
        }
    }
}

/// `(discriminator, name)` pairs as `(name, discriminator)`.
fn named(
    kinds: &[([u8; DISCRIMINATOR_LEN], &'static str)],
) -> Vec<(&'static str, [u8; DISCRIMINATOR_LEN])> {
    kinds.iter().map(|(d, n)| (*n, *d)).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
