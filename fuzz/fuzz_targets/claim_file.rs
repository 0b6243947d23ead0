//! The claim-file loader over arbitrary text: the YAML reader, the schema,
//! date and enum checks, and the registry reader on the same bytes. It must
//! never panic; whatever it returns must be consistent (a claim points at the
//! one source, every diagnostic names the file).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = Path::new("claims/fuzz.yaml");
    let read = crosscheck::load::parse_claim_text(text, file, Path::new("articles"));
    assert!(read.claims.is_empty() || read.source.is_some(), "claims without their source");
    assert!(read.claims.iter().all(|c| c.source == 0));
    for d in &read.diagnostics {
        assert_eq!(d.loc.as_ref().map(|l| &*l.file), Some(file), "{d}");
        let _ = d.to_string();
    }
    let (entities, diags) = crosscheck::load::parse_registry_text(text, Path::new("claims/entities.yaml"));
    let (_registry, more) = crosscheck::resolve::Registry::build(entities);
    for d in diags.iter().chain(&more) {
        let _ = d.to_string();
    }
});
