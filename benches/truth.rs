//! `cargo bench --bench truth`: the Flight benchmark of the best-supported
//! reading (docs/truth.md). Prints the score table, every time format of
//! dirty.csv read or unreadable, the facts missed, and the ablation: the
//! score with each part of the method switched off in turn.

use crosscheck::truth::{bench, Params};

fn main() {
    let dir = bench::flights_dir(env!("CARGO_MANIFEST_DIR"));
    let started = std::time::Instant::now();
    let base = Params::default();
    let variants: Vec<(&str, Params)> = vec![
        ("the method (defaults)", base.clone()),
        ("copy detection from the first round", Params { independent_first: false, ..base.clone() }),
        ("discount by P(this copied that), as in the paper", Params { directional_discount: true, ..base.clone() }),
        ("accuracy per source and property", Params { per_property: true, ..base.clone() }),
        ("soft copy evidence (q·Pt + (1−q)·Pf)", Params { soft_copy_evidence: true, ..base.clone() }),
        ("no copy detection (α = 0)", Params { prior_dependence: 0.0, ..base.clone() }),
        ("no implication (ρ = 0)", Params { similar_support: 0.0, ..base.clone() }),
        ("copy rate c per pair, estimated (Dong et al. 2010)", Params { per_pair_copy_rate: true, ..base.clone() }),
    ];
    let params: Vec<Params> = variants.iter().map(|(_, p)| p.clone()).collect();
    match bench::run_with(&dir, &params) {
        Ok(runs) => {
            print!("{}", bench::render(&runs[0].0, true));
            println!("\nAblation (one change from the defaults at a time):");
            println!("| variant | exact | within 10 min |\n|---|---|---|");
            for ((name, _), (r, _)) in variants.iter().zip(&runs) {
                println!("| {name} | {:.3} | {:.3} |", r.ours.exact_share(), r.ours.within_share());
            }
            println!("\n(import, check and {} runs of truth discovery in {:.2?})", runs.len(), started.elapsed());
        }
        Err(e) => {
            eprintln!("cannot run the Flight benchmark from {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
}
