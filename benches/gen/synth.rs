//! The synthetic knowledge graph of the benchmark, written in the neo4j-admin CSV layout
//! that `steppe import` and Kuzu's `COPY FROM` both read.
//!
//! Everything derives from one seed through splitmix64, and numbers are written as
//! integers (weights as fixed four-digit decimals), so the same seed and scale give
//! byte-identical files on every machine. Degrees are skewed: an endpoint's rank is
//! `n * u^k` for a uniform `u`, which gives rank `r` a share proportional to
//! `r^(1/k - 1)` (a power law), and a per-label permutation spreads the hubs over the ids.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// How many nodes and relationships to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub name: &'static str,
    pub nodes: u64,
    pub relationships: u64,
}

/// The scales of issue 6, and a tiny one for smoke runs and tests.
pub const SCALES: [Scale; 3] = [
    Scale { name: "XS", nodes: 1_000, relationships: 10_000 },
    Scale { name: "S", nodes: 100_000, relationships: 1_000_000 },
    Scale { name: "M", nodes: 1_000_000, relationships: 10_000_000 },
];

pub fn scale_named(name: &str) -> Option<Scale> {
    SCALES.iter().copied().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Node labels with their share of the nodes, in per mille; ids are given in this order.
pub const LABELS: [(&str, u64); 6] =
    [("Person", 600), ("Organization", 80), ("Country", 2), ("Unit", 50), ("Deployment", 18), ("Article", 250)];

/// Relationship files: type, start label, end label, share of the relationships in per mille.
pub const REL_FILES: [(&str, &str, &str, u64); 8] = [
    ("KNOWS", "Person", "Person", 450),
    ("MEMBER_OF", "Person", "Organization", 150),
    ("MENTIONS", "Article", "Person", 200),
    ("MENTIONS", "Article", "Organization", 50),
    ("MENTIONS", "Article", "Country", 50),
    ("SENT", "Country", "Deployment", 20),
    ("SENT", "Organization", "Deployment", 30),
    ("PART_OF", "Unit", "Deployment", 50),
];

/// Skew exponents: ends are more skewed than starts (many mention few).
const START_SKEW: f64 = 2.0;
const END_SKEW: f64 = 3.0;

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and fixed forever, unlike a
/// library's default generator.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The ids of one label: a contiguous range, visited through a permutation so that the
/// hubs (low ranks) land on scattered ids.
#[derive(Debug, Clone, Copy)]
pub struct IdRange {
    pub first: u64,
    pub count: u64,
    stride: u64,
    offset: u64,
}

impl IdRange {
    fn new(first: u64, count: u64, rng: &mut SplitMix64) -> IdRange {
        let count = count.max(1);
        let mut stride = rng.below(count) | 1;
        while gcd(stride, count) != 1 {
            stride += 1;
        }
        IdRange { first, count, stride, offset: rng.below(count) }
    }

    /// The id of the node at `rank` (0 is the biggest hub).
    pub fn id_at_rank(&self, rank: u64) -> u64 {
        let rank = rank % self.count;
        self.first + ((rank as u128 * self.stride as u128 + self.offset as u128) % self.count as u128) as u64
    }

    fn skewed(&self, rng: &mut SplitMix64, k: f64) -> u64 {
        let rank = ((self.count as f64) * rng.next_f64().powf(k)) as u64;
        self.id_at_rank(rank.min(self.count - 1))
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// What was written, for the bench and the Kuzu script (`manifest.json`).
pub struct Manifest {
    pub ranges: Vec<(&'static str, IdRange)>,
    pub rel_counts: Vec<u64>,
    pub params: Vec<(&'static str, i64)>,
}

/// Writes schema.cypher, nodes-<Label>.csv, rels-<TYPE>-<From>-<To>.csv and
/// manifest.json into `dir`.
pub fn generate(scale: Scale, seed: u64, dir: &Path) -> io::Result<Manifest> {
    fs::create_dir_all(dir)?;
    fs::write(dir.join(SCHEMA_FILE), schema_ddl())?;
    let mut rng = SplitMix64::new(seed);
    let mut ranges = Vec::new();
    let mut first = 0;
    for (label, share) in LABELS {
        let range = IdRange::new(first, scale.nodes * share / 1000, &mut rng);
        first += range.count;
        write_nodes(dir, label, range, &mut rng)?;
        ranges.push((label, range));
    }
    let range_of = |label: &str| ranges.iter().find(|(l, _)| *l == label).map(|(_, r)| *r);
    let mut rel_counts = Vec::new();
    for (rel_type, from, to, share) in REL_FILES {
        let (Some(from_ids), Some(to_ids)) = (range_of(from), range_of(to)) else {
            return Err(io::Error::other(format!("{rel_type}: unknown label")));
        };
        let count = scale.relationships * share / 1000;
        let file = dir.join(rel_file_name(rel_type, from, to));
        write_rels(&file, from_ids, to_ids, count, rel_type == "KNOWS", &mut rng)?;
        rel_counts.push(count);
    }
    let params = choose_params(&ranges, &mut rng);
    let manifest = Manifest { ranges, rel_counts, params };
    fs::write(dir.join("manifest.json"), manifest_json(scale, seed, &manifest))?;
    Ok(manifest)
}

/// The schema file beside the CSV files, for `steppe import --schema`.
pub const SCHEMA_FILE: &str = "schema.cypher";

/// The types of the graph as steppe DDL: the same tables benches/kuzu/bench.py declares
/// for Kuzu (`id INT64` as the primary key, `name STRING`, `year INT64`, `weight DOUBLE`;
/// one `FROM a TO b` pair per relationships file), so both engines check the same rows
/// against the same schema and index the same key.
pub fn schema_ddl() -> String {
    let mut ddl = String::from("// The benchmark graph's schema (benches/gen/synth.rs); Kuzu's tables match it.\n");
    for (label, _) in LABELS {
        let _ = writeln!(ddl, "CREATE NODE TYPE {label} (id INTEGER KEY, name STRING, year INTEGER, weight FLOAT);");
    }
    let mut types: Vec<&str> = REL_FILES.iter().map(|(t, ..)| *t).collect();
    types.dedup();
    for rel_type in types {
        let pairs: Vec<String> = REL_FILES
            .iter()
            .filter(|(t, ..)| *t == rel_type)
            .map(|(_, from, to, _)| format!("{from} -> {to}"))
            .collect();
        let _ =
            writeln!(ddl, "CREATE RELATIONSHIP TYPE {rel_type} ({}, year INTEGER, weight FLOAT);", pairs.join(", "));
    }
    ddl
}

pub fn node_file_name(label: &str) -> String {
    format!("nodes-{label}.csv")
}

pub fn rel_file_name(rel_type: &str, from: &str, to: &str) -> String {
    format!("rels-{rel_type}-{from}-{to}.csv")
}

fn write_nodes(dir: &Path, label: &str, range: IdRange, rng: &mut SplitMix64) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(dir.join(node_file_name(label)))?);
    writeln!(out, "id:ID,name:string,year:int,weight:double")?;
    for local in 0..range.count {
        let year = 1900 + rng.below(125);
        let weight = rng.below(10_000);
        writeln!(out, "{},{label} {local},{year},0.{weight:04}", range.first + local)?;
    }
    out.flush()
}

/// `no_loops`: KNOWS never joins a person to themself.
fn write_rels(
    file: &Path,
    from: IdRange,
    to: IdRange,
    count: u64,
    no_loops: bool,
    rng: &mut SplitMix64,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(file)?);
    writeln!(out, ":START_ID,:END_ID,year:int,weight:double")?;
    let mut line = String::with_capacity(64);
    for _ in 0..count {
        let start = from.skewed(rng, START_SKEW);
        let mut end = to.skewed(rng, END_SKEW);
        while no_loops && end == start && to.count > 1 {
            end = to.skewed(rng, END_SKEW);
        }
        let year = 1990 + rng.below(35);
        let weight = rng.below(10_000);
        line.clear();
        let _ = writeln!(line, "{start},{end},{year},0.{weight:04}");
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

/// Query parameters, drawn from the seed: people of middling rank, so that multi-hop
/// queries neither start at the biggest hub nor at an isolated node.
fn choose_params(ranges: &[(&'static str, IdRange)], rng: &mut SplitMix64) -> Vec<(&'static str, i64)> {
    let people = ranges[0].1;
    let middling = |rng: &mut SplitMix64| {
        let low = people.count / 50;
        let rank = low + rng.below((people.count / 10).saturating_sub(low).max(1));
        people.id_at_rank(rank) as i64
    };
    let person = middling(rng);
    let src = middling(rng);
    let dst = middling(rng);
    let year = 2000 + rng.below(20) as i64;
    vec![("person", person), ("src", src), ("dst", dst), ("year", year)]
}

fn manifest_json(scale: Scale, seed: u64, manifest: &Manifest) -> String {
    let nodes: Vec<String> = manifest
        .ranges
        .iter()
        .map(|(label, r)| {
            format!(
                "    {{\"label\": \"{label}\", \"file\": \"{}\", \"first_id\": {}, \"count\": {}}}",
                node_file_name(label),
                r.first,
                r.count
            )
        })
        .collect();
    let rels: Vec<String> = REL_FILES
        .iter()
        .zip(&manifest.rel_counts)
        .map(|((t, from, to, _), count)| {
            format!(
                "    {{\"type\": \"{t}\", \"from\": \"{from}\", \"to\": \"{to}\", \"file\": \"{}\", \"count\": {count}}}",
                rel_file_name(t, from, to)
            )
        })
        .collect();
    let params: Vec<String> = manifest.params.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
    format!(
        "{{\n  \"scale\": \"{}\",\n  \"seed\": {seed},\n  \"schema\": \"{SCHEMA_FILE}\",\n  \"nodes\": [\n{}\n  ],\n  \"relationships\": [\n{}\n  ],\n  \"params\": {{{}}}\n}}\n",
        scale.name,
        nodes.join(",\n"),
        rels.join(",\n"),
        params.join(", ")
    )
}
