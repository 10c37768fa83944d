//! The values of one step of a column program over a batch, typed where they can be:
//! integers or floats in a slice beside a mask of the non-null ones, booleans as bits,
//! and tagged cells ([`Cell`]) for anything else.
//!
//! A 16-byte cell per element made every step a branch on the tag and a store of a
//! tagged value; over a slice of `i64` or `f64` a comparison is a loop the compiler
//! unrolls into bits, and `AND`/`OR`/`XOR`/`NOT` are a few word operations per 64
//! elements. A step whose operands are not both typed as it needs (a string, integers
//! beside floats in a comparison, an overflow somewhere in the block) is done cell by
//! cell by `cell.rs`, whose answers are the interpreter's, so typing changes no value.

use super::{cell, Cell};
use crate::store::NumberBlock;
use crate::syntax::ast::BinaryOp;

/// A bit per element (element `i` is bit `i % 64` of word `i / 64`); bits past the
/// batch's end are zero.
pub(crate) type Mask = Vec<u64>;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// Integers; `valid` marks the non-null ones (a null's slot holds anything).
    Ints {
        values: Vec<i64>,
        valid: Mask,
    },
    Floats {
        values: Vec<f64>,
        valid: Mask,
    },
    /// Booleans; `valid` marks the non-null ones, and a null's bit in `values` is zero.
    Bools {
        values: Mask,
        valid: Mask,
    },
    Cells(Vec<Cell>),
}

/// Whether element `i` is set in `mask`.
#[inline]
pub(crate) fn bit(mask: &[u64], i: usize) -> bool {
    (mask[i / 64] >> (i % 64)) & 1 == 1
}

/// Every one of `len` elements set.
pub(crate) fn full(len: usize) -> Mask {
    let mut mask = vec![u64::MAX; len / 64];
    if !len.is_multiple_of(64) {
        mask.push((1u64 << (len % 64)) - 1);
    }
    mask
}

fn empty(len: usize) -> Mask {
    vec![0; len.div_ceil(64)]
}

fn and(a: &[u64], b: &[u64]) -> Mask {
    a.iter().zip(b).map(|(x, y)| x & y).collect()
}

impl Block {
    /// A property's numbers as the store read them.
    pub(crate) fn of_numbers(numbers: NumberBlock, held: Mask) -> Block {
        match numbers {
            NumberBlock::Ints(values) => Block::Ints { values, valid: held },
            NumberBlock::Floats(values) => Block::Floats { values, valid: held },
        }
    }

    /// `c` for each of `len` elements.
    pub(crate) fn constant(c: Cell, len: usize) -> Block {
        match c {
            Cell::Int(i) => Block::Ints { values: vec![i; len], valid: full(len) },
            Cell::Float(f) => Block::Floats { values: vec![f; len], valid: full(len) },
            Cell::Bool(b) => Block::Bools { values: if b { full(len) } else { empty(len) }, valid: full(len) },
            Cell::Null => Block::Bools { values: empty(len), valid: empty(len) },
            Cell::Defer => Block::Cells(vec![Cell::Defer; len]),
        }
    }

    /// The cell of each of the `len` elements.
    pub(crate) fn into_cells(self, len: usize) -> Vec<Cell> {
        let or_null = |valid: &[u64], i: usize, c: Cell| if bit(valid, i) { c } else { Cell::Null };
        match self {
            Block::Cells(cells) => cells,
            Block::Ints { values, valid } => (0..len).map(|i| or_null(&valid, i, Cell::Int(values[i]))).collect(),
            Block::Floats { values, valid } => (0..len).map(|i| or_null(&valid, i, Cell::Float(values[i]))).collect(),
            Block::Bools { values, valid } => {
                (0..len).map(|i| or_null(&valid, i, cell::boolean(bit(&values, i)))).collect()
            }
        }
    }
}

/// Each element's two cells through `f`: the step done cell by cell.
fn by_cells(l: Block, r: Block, len: usize, f: impl Fn(Cell, Cell) -> Cell) -> Block {
    let mut left = l.into_cells(len);
    for (a, b) in left.iter_mut().zip(r.into_cells(len)) {
        *a = f(*a, b);
    }
    Block::Cells(left)
}

fn map_cells(block: Block, len: usize, f: impl Fn(Cell) -> Cell) -> Block {
    let mut cells = block.into_cells(len);
    for c in &mut cells {
        *c = f(*c);
    }
    Block::Cells(cells)
}

/// `holds(a[i], b[i])` as bits, 64 elements a word.
fn bits_of<T: Copy>(a: &[T], b: &[T], valid: Mask, holds: impl Fn(T, T) -> bool) -> Block {
    let mut values = valid.clone();
    for ((word, a), b) in values.iter_mut().zip(a.chunks(64)).zip(b.chunks(64)) {
        let mut bits = 0u64;
        for (j, (&x, &y)) in a.iter().zip(b).enumerate() {
            bits |= u64::from(holds(x, y)) << j;
        }
        *word &= bits;
    }
    Block::Bools { values, valid }
}

/// The comparison `op` of two slices of one kind (`cell::compare`'s `ordered`: Rust's
/// comparisons are the interpreter's for two integers or two floats, NaN included).
fn compare_slices<T: Copy + PartialOrd>(op: BinaryOp, a: &[T], b: &[T], valid: Mask) -> Block {
    match op {
        BinaryOp::Eq => bits_of(a, b, valid, |x, y| x == y),
        BinaryOp::Ne => bits_of(a, b, valid, |x, y| x != y),
        BinaryOp::Lt => bits_of(a, b, valid, |x, y| x < y),
        BinaryOp::Le => bits_of(a, b, valid, |x, y| x <= y),
        BinaryOp::Gt => bits_of(a, b, valid, |x, y| x > y),
        _ => bits_of(a, b, valid, |x, y| x >= y),
    }
}

/// `l op r` for `=`, `<>`, `<`, `<=`, `>`, `>=`.
pub(crate) fn compare(op: BinaryOp, l: Block, r: Block, len: usize) -> Block {
    match (&l, &r) {
        (Block::Ints { values: a, valid: va }, Block::Ints { values: b, valid: vb }) => {
            compare_slices(op, a, b, and(va, vb))
        }
        (Block::Floats { values: a, valid: va }, Block::Floats { values: b, valid: vb }) => {
            compare_slices(op, a, b, and(va, vb))
        }
        _ => by_cells(l, r, len, |a, b| cell::compare(op, a, b)),
    }
}

/// `a op b` for two integers, and whether the interpreter would fail on it instead
/// (overflow, division by zero: `node_arith::arithmetic`'s cases).
#[inline(always)]
fn int_step(op: BinaryOp, a: i64, b: i64) -> (i64, bool) {
    match op {
        BinaryOp::Add => a.overflowing_add(b),
        BinaryOp::Sub => a.overflowing_sub(b),
        BinaryOp::Mul => a.overflowing_mul(b),
        BinaryOp::Div => a.checked_div(b).map_or((0, true), |q| (q, false)),
        _ if b == 0 => (0, true),
        // i64::MIN % -1 is 0 (Neo4j's answer), not an overflow.
        _ => (a.wrapping_rem(b), false),
    }
}

/// Two integer slices through `op`; `None` when some non-null element fails.
fn int_arithmetic(op: BinaryOp, a: &[i64], b: &[i64], valid: &[u64]) -> Option<Vec<i64>> {
    let mut out = vec![0; a.len()];
    for (((out, a), b), &valid) in out.chunks_mut(64).zip(a.chunks(64)).zip(b.chunks(64)).zip(valid) {
        let mut failed = 0u64;
        for (j, ((o, &x), &y)) in out.iter_mut().zip(a).zip(b).enumerate() {
            let (value, fails) = int_step(op, x, y);
            *o = value;
            failed |= u64::from(fails) << j;
        }
        if failed & valid != 0 {
            return None;
        }
    }
    Some(out)
}

fn float_arithmetic(op: BinaryOp, a: impl Iterator<Item = f64>, b: impl Iterator<Item = f64>) -> Vec<f64> {
    match op {
        BinaryOp::Add => a.zip(b).map(|(x, y)| x + y).collect(),
        BinaryOp::Sub => a.zip(b).map(|(x, y)| x - y).collect(),
        BinaryOp::Mul => a.zip(b).map(|(x, y)| x * y).collect(),
        BinaryOp::Div => a.zip(b).map(|(x, y)| x / y).collect(),
        _ => a.zip(b).map(|(x, y)| x % y).collect(),
    }
}

/// `l op r` for `+ - * / %`: integers with integers, floats with floats or integers (an
/// integer taken as a float, as the interpreter does); a block in which some element
/// overflows or divides by zero is done cell by cell, so that element is `Defer`.
pub(crate) fn arithmetic(op: BinaryOp, l: Block, r: Block, len: usize) -> Block {
    let floats = |a: &[f64], va: &[u64], b: &[f64], vb: &[u64]| Block::Floats {
        values: float_arithmetic(op, a.iter().copied(), b.iter().copied()),
        valid: and(va, vb),
    };
    match (&l, &r) {
        (Block::Ints { values: a, valid: va }, Block::Ints { values: b, valid: vb }) => {
            let valid = and(va, vb);
            match int_arithmetic(op, a, b, &valid) {
                Some(values) => Block::Ints { values, valid },
                None => by_cells(l, r, len, |a, b| cell::arithmetic(op, a, b)),
            }
        }
        (Block::Floats { values: a, valid: va }, Block::Floats { values: b, valid: vb }) => floats(a, va, b, vb),
        (Block::Ints { values: a, valid: va }, Block::Floats { values: b, valid: vb }) => Block::Floats {
            values: float_arithmetic(op, a.iter().map(|&x| x as f64), b.iter().copied()),
            valid: and(va, vb),
        },
        (Block::Floats { values: a, valid: va }, Block::Ints { values: b, valid: vb }) => Block::Floats {
            values: float_arithmetic(op, a.iter().copied(), b.iter().map(|&y| y as f64)),
            valid: and(va, vb),
        },
        _ => by_cells(l, r, len, |a, b| cell::arithmetic(op, a, b)),
    }
}

/// Unary minus.
pub(crate) fn negate(block: Block, len: usize) -> Block {
    match block {
        Block::Floats { values, valid } => Block::Floats { values: values.into_iter().map(|f| -f).collect(), valid },
        Block::Ints { values, valid } if (0..len).all(|i| values[i] != i64::MIN || !bit(&valid, i)) => {
            Block::Ints { values: values.into_iter().map(i64::wrapping_neg).collect(), valid }
        }
        other => map_cells(other, len, cell::negate),
    }
}

/// `NOT`.
pub(crate) fn not(block: Block, len: usize) -> Block {
    match block {
        Block::Bools { values, valid } => {
            Block::Bools { values: values.iter().zip(&valid).map(|(v, ok)| !v & ok).collect(), valid }
        }
        other => map_cells(other, len, cell::not),
    }
}

/// `AND`, `OR`, `XOR` with three-valued logic, a word at a time: an element is true or
/// false where the interpreter's table (`three_valued`) makes it so, else null.
pub(crate) fn logic(op: BinaryOp, l: Block, r: Block, len: usize) -> Block {
    let (Block::Bools { values: a, valid: va }, Block::Bools { values: b, valid: vb }) = (&l, &r) else {
        return by_cells(l, r, len, |a, b| cell::logic(op, a, b));
    };
    let words = a.iter().zip(va).zip(b.iter().zip(vb));
    let (values, valid): (Mask, Mask) = match op {
        BinaryOp::And => words
            .map(|((&a, &va), (&b, &vb))| {
                let (yes, no) = (a & b, (va & !a) | (vb & !b));
                (yes, yes | no)
            })
            .unzip(),
        BinaryOp::Or => words
            .map(|((&a, &va), (&b, &vb))| {
                let (yes, no) = (a | b, (va & !a) & (vb & !b));
                (yes, yes | no)
            })
            .unzip(),
        _ => words.map(|((&a, &va), (&b, &vb))| ((a ^ b) & va & vb, va & vb)).unzip(),
    };
    Block::Bools { values, valid }
}

/// `x IS [NOT] NULL`.
pub(crate) fn is_null(block: Block, negated: bool, len: usize) -> Block {
    let valid = match block {
        Block::Ints { valid, .. } | Block::Floats { valid, .. } | Block::Bools { valid, .. } => valid,
        cells => return map_cells(cells, len, |c| cell::is_null(c, negated)),
    };
    let values = if negated { valid } else { valid.iter().zip(full(len)).map(|(v, all)| !v & all).collect() };
    Block::Bools { values, valid: full(len) }
}

/// `x IN [items]`: integers against a list of integers as bits, anything else cell by cell.
pub(crate) fn in_items(block: Block, items: &[Cell], len: usize) -> Block {
    let ints: Option<Vec<i64>> = items.iter().map(|c| if let Cell::Int(i) = c { Some(*i) } else { None }).collect();
    match (block, ints) {
        // Nothing is in an empty list, not even null.
        (block, _) if items.is_empty() && !matches!(block, Block::Cells(_)) => {
            Block::Bools { values: empty(len), valid: full(len) }
        }
        (Block::Ints { values, valid }, Some(ints)) => {
            let found = vec![i64::MIN; values.len()];
            bits_of(&values, &found, valid, |x, _| ints.contains(&x))
        }
        (block, _) => map_cells(block, len, |c| cell::in_items(c, items)),
    }
}

/// Which elements take a `CASE` branch, as bits (`cell::case_hit`): the subject equal
/// to the `WHEN` value (two integers or two floats), or with no subject the `WHEN`
/// condition true; `None` when the step must be done cell by cell.
pub(crate) fn case_hits(subject: Option<&Block>, when: &Block) -> Option<Mask> {
    match (subject, when) {
        (None, Block::Bools { values, .. }) => Some(values.clone()),
        (Some(Block::Ints { values: a, valid: va }), Block::Ints { values: b, valid: vb }) => {
            bits_to_mask(compare_slices(BinaryOp::Eq, a, b, and(va, vb)))
        }
        (Some(Block::Floats { values: a, valid: va }), Block::Floats { values: b, valid: vb }) => {
            bits_to_mask(compare_slices(BinaryOp::Eq, a, b, and(va, vb)))
        }
        _ => None,
    }
}

fn bits_to_mask(block: Block) -> Option<Mask> {
    match block {
        Block::Bools { values, .. } => Some(values),
        _ => None,
    }
}

/// A `CASE` whose branches are all booleans: each element takes the branch of the first
/// hit in `hits`, else `otherwise` (`None` when some branch is not typed as booleans).
pub(crate) fn select_bools(hits: &[Mask], thens: &[Block], otherwise: &Block, len: usize) -> Option<Block> {
    let (mut values, mut valid, mut open) = (empty(len), empty(len), full(len));
    for (hit, then) in hits.iter().zip(thens) {
        let Block::Bools { values: tv, valid: tk } = then else { return None };
        for w in 0..open.len() {
            let taken = hit[w] & open[w];
            values[w] |= taken & tv[w];
            valid[w] |= taken & tk[w];
            open[w] &= !taken;
        }
    }
    let Block::Bools { values: ov, valid: ok } = otherwise else { return None };
    for w in 0..open.len() {
        values[w] |= open[w] & ov[w];
        valid[w] |= open[w] & ok[w];
    }
    Some(Block::Bools { values, valid })
}

/// A `CASE` over blocks: each element takes the `THEN` of the first `WHEN` that hits
/// (`cell::case_hit`), else `otherwise` (null without one). Every branch was computed for
/// every element, which is safe since a cell raises nothing: a `Defer` in a branch an
/// element does not take never shows. By masks when the hits and the branches are typed
/// as booleans, else cell by cell.
pub(crate) fn case(subject: Option<Block>, whens: Vec<(Block, Block)>, otherwise: Option<Block>, len: usize) -> Block {
    let otherwise = otherwise.unwrap_or_else(|| Block::constant(Cell::Null, len));
    let hits: Option<Vec<Mask>> = whens.iter().map(|(w, _)| case_hits(subject.as_ref(), w)).collect();
    if let Some(hits) = hits {
        let thens: Vec<Block> = whens.iter().map(|(_, t)| t.clone()).collect();
        if let Some(selected) = select_bools(&hits, &thens, &otherwise, len) {
            return selected;
        }
    }
    let subject = subject.map(|s| s.into_cells(len));
    let whens: Vec<(Vec<Cell>, Vec<Cell>)> =
        whens.into_iter().map(|(w, t)| (w.into_cells(len), t.into_cells(len))).collect();
    let mut out = otherwise.into_cells(len);
    for (i, value) in out.iter_mut().enumerate() {
        let subject = subject.as_ref().map(|s| s[i]);
        for (when, then) in &whens {
            match cell::case_hit(subject, when[i]) {
                Err(()) => *value = Cell::Defer,
                Ok(true) => *value = then[i],
                Ok(false) => continue,
            }
            break;
        }
    }
    Block::Cells(out)
}
