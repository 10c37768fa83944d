use super::cell::{self, Cell};
use crate::exec::expr::apply_binary;
use crate::span::Span;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

const CELLS: [Cell; 13] = [
    Cell::Null,
    Cell::Bool(true),
    Cell::Bool(false),
    Cell::Int(0),
    Cell::Int(3),
    Cell::Int(-7),
    Cell::Int(-1),
    Cell::Int(i64::MAX),
    Cell::Int(i64::MIN),
    Cell::Float(0.0),
    Cell::Float(-2.5),
    Cell::Float(f64::NAN),
    Cell::Float(3.0),
];

/// The same value, floats by their bits (NaN equal to NaN).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Every binary operator on every pair of cells gives the interpreter's value, or
/// `Defer` exactly where the interpreter raises an error (never where it answers with a
/// value the cell could hold, except the logic operators' short cut, checked apart).
#[test]
fn binary_operators_are_the_interpreters() {
    use BinaryOp::*;
    let ops = [Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, And, Or, Xor];
    for op in ops {
        for l in CELLS {
            for r in CELLS {
                let ours = match op {
                    Eq | Ne | Lt | Le | Gt | Ge => cell::compare(op, l, r),
                    And | Or | Xor => cell::logic(op, l, r),
                    _ => cell::arithmetic(op, l, r),
                };
                let theirs = apply_binary(op, l.value().unwrap(), r.value().unwrap(), Span::default());
                // The interpreter's AND/OR never looks right of a deciding left side.
                let decided = matches!((op, l), (And, Cell::Bool(false)) | (Or, Cell::Bool(true)));
                match (ours.value(), theirs) {
                    (Some(v), Ok(w)) => assert!(same(&v, &w), "{l:?} {op:?} {r:?}: {v:?} against {w:?}"),
                    (None, Err(_)) => {}
                    (Some(v), Err(e)) => assert!(decided, "{l:?} {op:?} {r:?}: {v:?} against {e:?}"),
                    (None, Ok(w)) => panic!("{l:?} {op:?} {r:?} deferred, the interpreter gives {w:?}"),
                }
            }
        }
    }
}

#[test]
fn in_and_case_equality_are_the_interpreters() {
    let items = [Cell::Int(1), Cell::Float(2.0), Cell::Null];
    let list = Value::list(items.iter().map(|c| c.value().unwrap()).collect());
    for c in CELLS {
        let theirs = apply_binary(BinaryOp::In, c.value().unwrap(), list.clone(), Span::default()).unwrap();
        assert!(same(&cell::in_items(c, &items).value().unwrap(), &theirs), "{c:?}");
        assert_eq!(cell::in_items(c, &[]), Cell::Bool(false));
        for w in CELLS {
            let hit = c.value().unwrap().cypher_eq(&w.value().unwrap()) == Some(true);
            assert_eq!(cell::case_hit(Some(c), w), Ok(hit), "{c:?} WHEN {w:?}");
        }
    }
    assert_eq!(cell::case_hit(None, Cell::Int(1)), Ok(false));
    assert_eq!(cell::case_hit(None, Cell::Defer), Err(()));
    assert_eq!(cell::in_items(Cell::Defer, &items), Cell::Defer);
}

/// The cells as a typed block where they are all of one kind (and nulls), else as cells.
fn block_of(cells: &[Cell]) -> super::Block {
    use super::block::{full, Block};
    let len = cells.len();
    let mut valid = vec![0u64; len.div_ceil(64)];
    for (i, c) in cells.iter().enumerate() {
        if *c != Cell::Null {
            valid[i / 64] |= 1 << (i % 64);
        }
    }
    let all = |f: fn(&Cell) -> bool| cells.iter().all(|c| *c == Cell::Null || f(c));
    if all(|c| matches!(c, Cell::Int(_))) {
        let values = cells.iter().map(|c| if let Cell::Int(i) = c { *i } else { 0 }).collect();
        Block::Ints { values, valid }
    } else if all(|c| matches!(c, Cell::Float(_))) {
        let values = cells.iter().map(|c| if let Cell::Float(f) = c { *f } else { 0.0 }).collect();
        Block::Floats { values, valid }
    } else if all(|c| matches!(c, Cell::Bool(_))) {
        let mut values = vec![0u64; len.div_ceil(64)];
        for (i, c) in cells.iter().enumerate() {
            if *c == Cell::Bool(true) {
                values[i / 64] |= 1 << (i % 64);
            }
        }
        assert!(valid.len() <= full(len).len());
        Block::Bools { values, valid }
    } else {
        Block::Cells(cells.to_vec())
    }
}

/// Cells equal, floats by their bits.
fn same_cells(a: &[Cell], b: &[Cell]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Cell::Float(x), Cell::Float(y)) => x.to_bits() == y.to_bits(),
            _ => x == y,
        })
}

/// Columns of one kind each (with nulls), 70 elements so that a mask has two words.
fn typed_columns() -> Vec<Vec<Cell>> {
    let ints = [0, 3, -7, 2, i64::MAX, i64::MIN, 1, -1];
    let floats = [0.0, -0.0, -2.5, f64::NAN, 3.0, 1e308, f64::INFINITY];
    let column = |f: &dyn Fn(usize) -> Cell| (0..70).map(|i| if i % 9 == 4 { Cell::Null } else { f(i) }).collect();
    vec![
        column(&|i| Cell::Int(ints[i % ints.len()])),
        column(&|i| Cell::Int(ints[(i * 3 + 1) % 4])),
        column(&|i| Cell::Int(1 + (i % 3) as i64)),
        column(&|i| Cell::Float(floats[i % floats.len()])),
        column(&|i| Cell::Float(floats[(i * 5 + 2) % floats.len()])),
        column(&|i| Cell::Bool(i % 3 == 0)),
        column(&|i| Cell::Bool(i % 2 == 0)),
        column(&|i| if i % 5 == 0 { Cell::Bool(true) } else { Cell::Int(i as i64) }),
        column(&|i| if i % 7 == 3 { Cell::Defer } else { Cell::Int(i as i64) }),
    ]
}

/// Each typed step over whole blocks gives, element by element, what the cell step gives.
#[test]
fn typed_steps_are_the_cell_steps() {
    use super::block;
    use BinaryOp::*;
    let columns = typed_columns();
    let len = 70;
    for l in &columns {
        for r in &columns {
            for op in [Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, And, Or, Xor] {
                let (ours, by_cell): (_, Vec<Cell>) = match op {
                    Eq | Ne | Lt | Le | Gt | Ge => (
                        block::compare(op, block_of(l), block_of(r), len),
                        l.iter().zip(r).map(|(a, b)| cell::compare(op, *a, *b)).collect(),
                    ),
                    And | Or | Xor => (
                        block::logic(op, block_of(l), block_of(r), len),
                        l.iter().zip(r).map(|(a, b)| cell::logic(op, *a, *b)).collect(),
                    ),
                    _ => (
                        block::arithmetic(op, block_of(l), block_of(r), len),
                        l.iter().zip(r).map(|(a, b)| cell::arithmetic(op, *a, *b)).collect(),
                    ),
                };
                let ours = ours.into_cells(len);
                assert!(same_cells(&ours, &by_cell), "{op:?}\n{l:?}\n{r:?}\n{ours:?}\n{by_cell:?}");
            }
        }
        let unary: [(super::Block, Vec<Cell>); 4] = [
            (block::not(block_of(l), len), l.iter().map(|c| cell::not(*c)).collect()),
            (block::negate(block_of(l), len), l.iter().map(|c| cell::negate(*c)).collect()),
            (block::is_null(block_of(l), false, len), l.iter().map(|c| cell::is_null(*c, false)).collect()),
            (block::is_null(block_of(l), true, len), l.iter().map(|c| cell::is_null(*c, true)).collect()),
        ];
        for (k, (ours, by_cell)) in unary.into_iter().enumerate() {
            let ours = ours.into_cells(len);
            assert!(same_cells(&ours, &by_cell), "unary {k}: {l:?}\n{ours:?}\n{by_cell:?}");
        }
        for items in [vec![Cell::Int(3), Cell::Int(1)], vec![Cell::Int(2), Cell::Null], vec![]] {
            let ours = block::in_items(block_of(l), &items, len).into_cells(len);
            let by_cell: Vec<Cell> = l.iter().map(|c| cell::in_items(*c, &items)).collect();
            assert!(same_cells(&ours, &by_cell), "{l:?} IN {items:?}");
        }
    }
}

/// `i64::MIN % -1` is 0 in the interpreter, a cell and a whole block (Neo4j's answer): the
/// remainder fits, only Rust's checked remainder calls it an overflow.
#[test]
fn the_smallest_integer_modulo_minus_one_is_zero() {
    use super::block;
    let (l, r) = (Cell::Int(i64::MIN), Cell::Int(-1));
    assert_eq!(
        apply_binary(BinaryOp::Mod, Value::Int(i64::MIN), Value::Int(-1), Span::default()).ok(),
        Some(Value::Int(0))
    );
    assert_eq!(cell::arithmetic(BinaryOp::Mod, l, r), Cell::Int(0));
    let ours = block::arithmetic(BinaryOp::Mod, block_of(&[l, l]), block_of(&[r, Cell::Int(0)]), 2).into_cells(2);
    assert_eq!(ours, vec![Cell::Int(0), Cell::Defer], "a zero divisor still defers to the interpreter's error");
}

/// A CASE chosen by masks takes, element by element, the branch the cells take.
#[test]
fn typed_case_selects_as_the_cells_do() {
    use super::block;
    let columns = typed_columns();
    let len = 70;
    let (conditions, thens) = (&columns[5], &columns[6]);
    for subject in [None, Some(&columns[1]), Some(&columns[2]), Some(&columns[3])] {
        // Whens of the subject's kind (typed hits); conditions with no subject.
        let whens = match subject {
            None => [&columns[5], &columns[6], &columns[5]],
            Some(s) if matches!(s[0], Cell::Float(_)) => [&columns[4], &columns[3], &columns[4]],
            _ => [&columns[2], &columns[1], &columns[0]],
        };
        let subject_block = subject.map(|s| block_of(s));
        let hits: Option<Vec<_>> =
            whens.iter().map(|w| block::case_hits(subject_block.as_ref(), &block_of(w))).collect();
        let hits = hits.unwrap();
        let branch_blocks = [block_of(thens), block_of(conditions), block_of(thens)];
        let otherwise = block_of(conditions);
        let ours = block::select_bools(&hits, &branch_blocks, &otherwise, len).unwrap();
        let ours = ours.into_cells(len);
        for i in 0..len {
            let mut expected = conditions[i];
            for (k, w) in whens.iter().enumerate() {
                if cell::case_hit(subject.map(|s| s[i]), w[i]) == Ok(true) {
                    expected = [thens, conditions, thens][k][i];
                    break;
                }
            }
            assert_eq!(ours[i], expected, "element {i} subject {subject:?}");
        }
    }
}

/// `toString(x) STARTS WITH 'lit'` and the other string tests give the interpreter's
/// value on the text `toString` makes, or `Defer` (floats, whose text the interpreter
/// writes).
#[test]
fn text_tests_are_the_interpreters() {
    use crate::binder::bound::Function;
    use BinaryOp::*;
    for op in [StartsWith, EndsWith, Contains, Eq, Ne] {
        for text in ["", "3", "-7", "9223", "807", "tr", "false", "0"] {
            let test = super::TextTest::new(op, text.into());
            for c in CELLS {
                let shown =
                    crate::exec::convert::or_null(Function::ToStringOrNull, c.value().unwrap(), Span::default());
                let theirs = apply_binary(op, shown, Value::string(text.to_string()), Span::default()).unwrap();
                match test.test(c).value() {
                    Some(ours) => assert_eq!(ours, theirs, "toString({c:?}) {op:?} '{text}'"),
                    None => assert!(matches!(c, Cell::Float(_)), "{c:?} deferred"),
                }
            }
        }
    }
}

/// Each numeric function a column program computes gives, on every cell, the
/// interpreter's value (`functions::call`), or `Defer` exactly where the interpreter
/// raises an error; over a typed block, element by element what the cells give.
#[test]
fn number_functions_are_the_interpreters() {
    use super::number_function::{apply_block, apply_cell, takes};
    use crate::binder::bound::Function as F;
    let graph = crate::store::Graph::new();
    let functions =
        [F::ToInteger, F::ToFloat, F::Abs, F::Ceil, F::Floor, F::Round, F::Sqrt, F::Sign, F::Exp, F::Log, F::Log10];
    let extra = [Cell::Float(1e19), Cell::Float(-9.3e18), Cell::Float(f64::INFINITY), Cell::Float(-0.5)];
    for function in functions {
        assert!(takes(function, 1) && !takes(function, 2));
        for c in CELLS.into_iter().chain(extra) {
            let theirs = crate::exec::functions::call(function, vec![c.value().unwrap()], &graph, Span::default());
            match (apply_cell(function, c).value(), theirs) {
                (Some(v), Ok(w)) => assert!(same(&v, &w), "{function:?}({c:?}): {v:?} against {w:?}"),
                (None, Err(_)) => {}
                (ours, theirs) => panic!("{function:?}({c:?}): {ours:?} against {theirs:?}"),
            }
        }
        let len = 70;
        for column in typed_columns() {
            let ours = apply_block(function, block_of(&column), len).into_cells(len);
            let by_cell: Vec<Cell> = column.iter().map(|c| apply_cell(function, *c)).collect();
            assert!(same_cells(&ours, &by_cell), "{function:?}\n{column:?}\n{ours:?}\n{by_cell:?}");
        }
    }
    assert!(!takes(F::ToString, 1) && !takes(F::Size, 1));
}

/// `x IS [NOT] :: TYPE` over cells and typed blocks is the type's own test, never null.
#[test]
fn type_tests_are_the_interpreters() {
    use super::number_function::{type_test_block, type_test_cell};
    use crate::value::types::{BaseType, CypherType, TypeMember};
    let member = |base, not_null| TypeMember { base, not_null };
    let types = [
        CypherType { members: vec![member(BaseType::Int, false)] },
        CypherType { members: vec![member(BaseType::Int, true)] },
        CypherType { members: vec![member(BaseType::Float, true), member(BaseType::Bool, false)] },
    ];
    let len = 70;
    for ty in &types {
        for negated in [false, true] {
            for c in CELLS {
                let theirs = ty.holds(&c.value().unwrap()) != negated;
                assert_eq!(type_test_cell(ty, negated, c), Cell::Bool(theirs), "{c:?} {ty:?} {negated}");
            }
            assert_eq!(type_test_cell(ty, negated, Cell::Defer), Cell::Defer);
            for column in typed_columns() {
                let ours = type_test_block(ty, negated, block_of(&column), len).into_cells(len);
                let by_cell: Vec<Cell> = column.iter().map(|c| type_test_cell(ty, negated, *c)).collect();
                assert!(same_cells(&ours, &by_cell), "{ty:?} {negated}\n{column:?}\n{ours:?}");
            }
        }
    }
}

/// Random programs over two variables (arithmetic, comparisons, logic, both CASEs, IS
/// NULL, IN, numeric functions, type tests, `toString(…) STARTS WITH`) computed over
/// blocks (`fold_block.rs`) give, element by element, what the cell path gives
/// (`FoldProgram::eval_cells`), over typed columns, mixed ones and deferred cells.
#[test]
fn block_programs_are_the_cell_programs() {
    use super::{Block, BlockInputs, FoldProgram};
    use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot, Type};
    use crate::syntax::ast::UnaryOp;

    struct Columns<'a>(&'a [Cell], &'a [Cell]);
    impl BlockInputs for Columns<'_> {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn property(&self, _: Slot, _: &PropKeyRef) -> Block {
            Block::constant(Cell::Defer, self.0.len())
        }
        fn var(&self, slot: Slot) -> Block {
            block_of(if slot == Slot(0) { self.0 } else { self.1 })
        }
    }
    let e = |kind: ExprKind| Expr { kind, ty: Type::Any, span: Span::default() };
    // A small generator of expressions over x (slot 0) and y (slot 1), seeded.
    fn number(seed: &mut u64, depth: u32, e: &dyn Fn(ExprKind) -> Expr) -> Expr {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let pick = (*seed >> 33) % 9;
        if depth == 0 || pick < 3 {
            return e(match pick % 3 {
                0 => ExprKind::Slot(Slot(0)),
                1 => ExprKind::Slot(Slot(1)),
                _ => ExprKind::Literal(
                    [Value::Int(2), Value::Float(0.5), Value::Null][(*seed >> 40) as usize % 3].clone(),
                ),
            });
        }
        let (l, r) = (number(seed, depth - 1, e), number(seed, depth - 1, e));
        match pick {
            3 => e(ExprKind::Unary(UnaryOp::Neg, Box::new(l))),
            4 => e(ExprKind::Call(
                [Function::Abs, Function::ToInteger, Function::Sqrt][(*seed >> 45) as usize % 3],
                vec![l],
            )),
            _ => e(ExprKind::Binary(
                [BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::Mod][(pick - 4) as usize % 5],
                Box::new(l),
                Box::new(r),
            )),
        }
    }
    fn condition(seed: &mut u64, depth: u32, e: &dyn Fn(ExprKind) -> Expr) -> Expr {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let pick = (*seed >> 33) % 9;
        let cmp = [BinaryOp::Lt, BinaryOp::Eq, BinaryOp::Ge][(*seed >> 40) as usize % 3];
        if depth == 0 {
            return e(ExprKind::Binary(cmp, Box::new(number(seed, 1, e)), Box::new(number(seed, 1, e))));
        }
        let d = depth - 1;
        match pick {
            0 => e(ExprKind::Unary(UnaryOp::Not, Box::new(condition(seed, d, e)))),
            1 | 2 => e(ExprKind::Binary(
                [BinaryOp::And, BinaryOp::Or][pick as usize - 1],
                Box::new(condition(seed, d, e)),
                Box::new(condition(seed, d, e)),
            )),
            3 => e(ExprKind::IsNull { expr: Box::new(number(seed, d, e)), negated: false }),
            4 => e(ExprKind::Case {
                subject: None,
                whens: vec![(condition(seed, d, e), condition(seed, d, e))],
                otherwise: Some(Box::new(condition(seed, d, e))),
            }),
            5 => e(ExprKind::Case {
                subject: Some(Box::new(number(seed, d, e))),
                whens: vec![
                    (number(seed, d, e), condition(seed, d, e)),
                    (e(ExprKind::Literal(Value::Int(3))), condition(seed, d, e)),
                ],
                otherwise: None,
            }),
            6 => e(ExprKind::Binary(
                BinaryOp::StartsWith,
                Box::new(e(ExprKind::Call(Function::ToString, vec![number(seed, d, e)]))),
                Box::new(e(ExprKind::Literal(Value::string("1".to_string())))),
            )),
            7 => e(ExprKind::Binary(
                BinaryOp::In,
                Box::new(number(seed, d, e)),
                Box::new(e(ExprKind::Literal(Value::List(vec![Value::Int(3), Value::Null].into())))),
            )),
            _ => e(ExprKind::Binary(cmp, Box::new(number(seed, d, e)), Box::new(number(seed, d, e)))),
        }
    }
    let columns = typed_columns();
    let graph = crate::store::Graph::new();
    let (x, y) = (Slot(0), Slot(1));
    let mut seed = 7_u64;
    let mut compiled = 0;
    for _ in 0..300 {
        let expr = condition(&mut seed, 3, &e);
        let Some(program) = FoldProgram::compile_over_cells(&expr, &[x, y]) else { continue };
        assert!(program.has_block_form(), "{expr:?}");
        compiled += 1;
        for (a, b) in [(0, 3), (1, 2), (3, 4), (5, 7), (8, 0), (2, 6)] {
            let (l, r) = (&columns[a], &columns[b]);
            let ours = program.eval_block(&Columns(l, r)).into_cells(l.len());
            for i in 0..l.len() {
                let super::Out::Cell(theirs) = program.eval_cells(&graph, &[(x, l[i]), (y, r[i])]) else {
                    panic!("a condition gives a cell")
                };
                assert!(same_cells(&ours[i..=i], &[theirs]), "{expr:?} at {i}: {:?} against {theirs:?}", ours[i]);
            }
        }
    }
    assert!(compiled > 200, "only {compiled} compiled");
}

/// A program reads ahead the properties it reads more than once (`FoldProgram::reads`),
/// and only those: a `CASE` testing one property twice reads it once per evaluation.
#[test]
fn repeated_reads_are_read_ahead() {
    use super::FoldProgram;
    use crate::binder::bound::{Expr, ExprKind, NameRef, Slot, Type};
    let e = |kind: ExprKind| Expr { kind, ty: Type::Any, span: Span::default() };
    let prop = |slot: u32, name: &str| {
        let key = NameRef { name: name.into(), id: None };
        e(ExprKind::Property(Box::new(e(ExprKind::Slot(Slot(slot)))), key))
    };
    let lit = |v: Value| e(ExprKind::Literal(v));
    let less = |l: Expr, r: Expr| e(ExprKind::Binary(BinaryOp::Lt, Box::new(l), Box::new(r)));
    let case = e(ExprKind::Case {
        subject: None,
        whens: vec![
            (less(prop(0, "w"), lit(Value::Float(0.25))), lit(Value::string("weak".to_string()))),
            (less(prop(0, "w"), lit(Value::Float(0.75))), lit(Value::string("medium".to_string()))),
        ],
        otherwise: Some(Box::new(prop(1, "a"))),
    });
    let program = FoldProgram::compile(&case, &[Slot(0), Slot(1)]).expect("a CASE of properties compiles");
    assert_eq!(program.read_ahead(), 1);
    let sum = e(ExprKind::Binary(BinaryOp::Add, Box::new(prop(0, "w")), Box::new(prop(1, "w"))));
    let program = FoldProgram::compile(&sum, &[Slot(0), Slot(1)]).expect("a sum of properties compiles");
    assert_eq!(program.read_ahead(), 0, "the same key of two entities is two reads");
}
