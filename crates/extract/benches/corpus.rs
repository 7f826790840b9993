//! Speed of `extract::extract` over the dev corpus (`shared/corpus/dev`, or `PASSERELLE_CORPUS`).
//!
//! Prints first the median time per document (each document run several times, its median taken,
//! then the median over documents), then criterion's figures for the whole corpus with a
//! throughput in documents per second. Run: `cargo bench -p extract --bench corpus`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let defaut = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let dir = std::env::var_os("PASSERELLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or(defaut);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    v.into_iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read(&p).ok()?,
            ))
        })
        .collect()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn par_document(docs: &[(String, Vec<u8>)]) {
    let mut medianes: Vec<(Duration, &str)> = docs
        .iter()
        .map(|(nom, octets)| {
            let mut t: Vec<Duration> = (0..15)
                .map(|_| {
                    let debut = Instant::now();
                    black_box(extract::extract(black_box(octets)));
                    debut.elapsed()
                })
                .collect();
            (median(&mut t), nom.as_str())
        })
        .collect();
    medianes.sort();
    let mut seules: Vec<Duration> = medianes.iter().map(|(d, _)| *d).collect();
    let m = median(&mut seules);
    let (min, max) = (medianes.first(), medianes.last());
    println!(
        "extract per document over {} documents: median {:.2} ms (fastest {:.2} ms {}, slowest {:.2} ms {})",
        docs.len(),
        m.as_secs_f64() * 1e3,
        min.map(|d| d.0.as_secs_f64() * 1e3).unwrap_or(0.0),
        min.map(|d| d.1).unwrap_or(""),
        max.map(|d| d.0.as_secs_f64() * 1e3).unwrap_or(0.0),
        max.map(|d| d.1).unwrap_or(""),
    );
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    if docs.is_empty() {
        eprintln!("no corpus found: set PASSERELLE_CORPUS");
        return;
    }
    par_document(&docs);
    let mut groupe = c.benchmark_group("extract");
    groupe.throughput(Throughput::Elements(docs.len() as u64));
    groupe.sample_size(10);
    groupe.bench_function("corpus", |b| {
        b.iter(|| {
            for (_, octets) in docs.iter() {
                black_box(extract::extract(black_box(octets)));
            }
        })
    });
    groupe.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
