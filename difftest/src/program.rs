//! Random programs: the AST, a seeded generator of it, and its rendering as Rust.
//!
//! This file has no dependencies: `build.rs` includes it with `#[path]` to render the programs
//! that the test compiles, and the library uses it to re-generate the same ASTs for the
//! interpreter.

use std::fmt::Write as _;

/// A small, seeded pseudo-random generator (SplitMix64): reproducible everywhere.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// `true` with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seed of program `index` of a run seeded with `seed`.
pub fn program_seed(seed: u64, index: usize) -> u64 {
    mix(seed ^ mix(index as u64 + 1))
}

/// The value the driver resumes with at the `k`-th suspension (1-based) of program `pseed`.
pub fn resume_value(pseed: u64, k: usize) -> i64 {
    (mix(pseed ^ (k as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)) % 13) as i64 - 4
}

/// After this many yields the driver drops the generator while it is suspended.
pub fn max_yields(pseed: u64) -> usize {
    // Most programs run to completion; a third are cut short (if they yield that often) to test
    // dropping a suspended one.
    if pseed.is_multiple_of(3) {
        1 + (pseed >> 8) as usize % 6
    } else {
        200
    }
}

/// What a generator function returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RetKind {
    /// `i64`.
    Plain,
    /// `Option<i64>`: `?` on `some_if(..)`.
    Opt,
    /// `Result<i64, i64>`: `?` on `ok_if(..)`.
    Res,
}

/// A program: generator functions `f0` (the entry point) .. `fN`; `fi` may delegate to `fj`
/// only for `j > i`.
pub struct Program {
    /// The resume type is `()` (and `yield_from!` on iterables is allowed), else `i64`.
    pub unit: bool,
    /// The functions.
    pub funcs: Vec<Func>,
    /// The argument `n` given to `f0`.
    pub arg: i64,
}

/// One generator function `fn fI(t: Tr, n: i64)`.
pub struct Func {
    /// Its return type.
    pub ret: RetKind,
    /// Its body.
    pub body: Block,
    /// The value of the body, wrapped per `ret`.
    pub tail: Expr,
}

/// `{ stmts }`.
pub struct Block {
    /// The statements.
    pub stmts: Vec<Stmt>,
}

/// A statement. Every name `n` renders as `v{n}`; labels as `'l{n}`; guards as `_g{n}`.
pub enum Stmt {
    /// `let [mut] v = init;`
    Let {
        name: u32,
        mutable: bool,
        init: Expr,
    },
    /// `v = value;`
    Assign { name: u32, value: Expr },
    /// `v ^= value;`
    XorAssign { name: u32, value: Expr },
    /// `let _gN = G::new(&t, N);` — logs `Drop(N)` when dropped.
    Guard(u32),
    /// `drop(_gN);` (only for a guard of the current scope, unconditionally).
    DropGuard(u32),
    /// `r#yield!(e);`
    Yield(Expr),
    /// `yield_from!(iterable);` (resume type `()` only).
    YieldFromIter(IterSrc),
    /// `yield_from!(fJ(t.clone(), arg));`: the delegate's return value is dropped.
    Delegate { func: usize, arg: Expr },
    /// `log(&t, e);`
    Log(Expr),
    /// `if c { .. } else { .. }`
    If {
        cond: Cond,
        then: Block,
        els: Option<Block>,
    },
    /// `if let Some(v) = some_if(scrut) [&& chain] { .. } else { .. }`
    IfLet {
        name: u32,
        scrut: Expr,
        chain: Option<Cond>,
        then: Block,
        els: Option<Block>,
    },
    /// `let Some(v) = some_if(scrut) else { ..diverges };`
    LetElse { name: u32, scrut: Expr, els: Block },
    /// `match scrut { arms }` (the last arm is irrefutable).
    Match { scrut: Expr, arms: Vec<Arm> },
    /// `'l: for v in 0..bnd(bound) { body }`
    For {
        label: u32,
        name: u32,
        bound: Expr,
        body: Block,
    },
    /// `let mut c = 0; 'l: while c < bnd(bound) [&& extra] { c += 1; body }`
    While {
        label: u32,
        counter: u32,
        bound: Expr,
        extra: Option<Cond>,
        body: Block,
    },
    /// `let mut s = vec![items]; 'l: while let Some(v) = s.pop() { body }`
    WhileLet {
        label: u32,
        stack: u32,
        items: Vec<Expr>,
        name: u32,
        body: Block,
    },
    /// `let mut c = 0; let v = 'l: loop { if c >= limit { break 'l exit; } c += 1; body };`
    Loop {
        label: u32,
        name: u32,
        counter: u32,
        limit: i64,
        exit: Expr,
        body: Block,
    },
    /// `break ['l] [value];`
    Break {
        label: u32,
        use_label: bool,
        value: Option<Expr>,
    },
    /// `continue ['l];`
    Continue { label: u32, use_label: bool },
    /// `return wrap(e);`
    Return(Expr),
    /// `{ .. }`
    Block(Block),
    /// `let v = 'l: { body; tail };` (`break 'l value` leaves it early).
    Labeled {
        label: u32,
        name: u32,
        body: Block,
        tail: Expr,
    },
}

/// What `yield_from!` iterates over when the resume type is `()`.
pub enum IterSrc {
    /// `vec![items]`
    Vec(Vec<Expr>),
    /// `0..bnd(e)`
    Range(Expr),
}

/// A `match` arm.
pub struct Arm {
    /// The pattern.
    pub pat: Pat,
    /// `if guard`.
    pub guard: Option<Cond>,
    /// `=> { body }`.
    pub body: Block,
}

/// A pattern on an `i64`.
pub enum Pat {
    /// `3`
    Lit(i64),
    /// `1 | 2`
    Or(Vec<i64>),
    /// `a..=b`
    Range(i64, i64),
    /// `vN` (binds)
    Bind(u32),
    /// `_`
    Wild,
}

/// The binary helper functions (wrapping arithmetic, never panicking).
#[derive(Clone, Copy)]
pub enum Op {
    /// `add(a, b)`
    Add,
    /// `sub(a, b)`
    Sub,
    /// `mul(a, b)`
    Mul,
    /// `rem(a, b)`
    Rem,
}

/// How a delegate's return value becomes an `i64`.
pub enum Conv {
    /// `?` (same return kind as the caller, not `Plain`).
    Try,
    /// `.unwrap_or(c)` (for `Opt` and `Res`), nothing for `Plain`.
    UnwrapOr(i64),
}

/// An `i64` expression.
pub enum Expr {
    /// `3i64`
    Lit(i64),
    /// `vN`
    Var(u32),
    /// `n`, the parameter.
    Param,
    /// `op(a, b)`
    Call(Op, Box<Expr>, Box<Expr>),
    /// `(a ^ b)`
    Xor(Box<Expr>, Box<Expr>),
    /// `(a).wrapping_sub(b)`
    Method(Box<Expr>, Box<Expr>),
    /// `r#yield!(e)`; with resume type `()`: `{ r#yield!(e); 0i64 }`
    Yield(Box<Expr>),
    /// `yield_from!(fJ(t.clone(), arg))` converted by `conv`.
    YieldFrom {
        func: usize,
        arg: Box<Expr>,
        conv: Conv,
    },
    /// `some_if(e)?` or `ok_if(e)?` per the function's return kind.
    Try(Box<Expr>),
    /// `(if c { a } else { b })`
    If(Box<Cond>, Box<Expr>, Box<Expr>),
    /// `{ stmts; tail }`
    Block(Block, Box<Expr>),
    /// `[a, b, c][pick(i)]` (the elements, then the index).
    Index(Vec<Expr>, Box<Expr>),
    /// `(a, b).1`
    Second(Box<Expr>, Box<Expr>),
    /// `(match scrut { pat [if guard] => value, .. })` (the last arm is irrefutable).
    Match(Box<Expr>, Vec<ExprArm>),
}

/// An arm of a `match` expression.
pub struct ExprArm {
    /// The pattern.
    pub pat: Pat,
    /// `if guard` (never suspends).
    pub guard: Option<Cond>,
    /// `=> value`.
    pub value: Expr,
}

/// A `bool` expression.
pub enum Cond {
    /// `(a < b)`
    Lt(Expr, Expr),
    /// `(a == b)`
    Eq(Expr, Expr),
    /// `(a && b)`
    And(Box<Cond>, Box<Cond>),
    /// `(a || b)`
    Or(Box<Cond>, Box<Cond>),
    /// `!(a)`
    Not(Box<Cond>),
}

// ---------------------------------------------------------------------------------------------
// Generation

/// Constructs that hit known, reported bugs of the macro (difftest/pending_regressions.md).
/// The generator steers clear of those set to `true` so that runs keep finding new bugs; set one
/// to `false` once the bug is fixed on main (those at `false` are fixed and kept as switches).
pub mod avoid {
    /// Code after a statement that always diverges. Fixed in 5e7ef10, e62f489, for arguments
    /// since, and for bindings mentioned only there with finding 19 (pending_regressions.md).
    pub const UNREACHABLE: bool = false;
    /// A suspension point inside `yield_from!`'s argument: `yield_from_delegate` not found.
    pub const SUSPEND_IN_YIELD_FROM_ARG: bool = false;
    /// A suspension point in the right operand of `&&` in a `while` condition: E0695.
    pub const SUSPEND_IN_WHILE_AND_RHS: bool = false;
    /// A suspension point in the value of `break` out of a `loop`: mismatched types.
    pub const SUSPEND_IN_BREAK_VALUE: bool = false;
    /// `let v = loop { if c >= 1 { .. } ..; r#yield!(..); break 7; }` with `c: i64`: the
    /// macro loses `c`'s type (E0283); the generator writes `let mut c: i64 = 0;` instead.
    pub const UNTYPED_LOOP_COUNTER: bool = false;
    /// A suspension point in the initializer of a shadowing `let` (`let v = add(v, r#yield!(..))`),
    /// with the new binding used after a later suspension point: wrongly rejected as hiding a
    /// binding still needed.
    pub const SUSPEND_IN_SHADOWING_INIT: bool = false;
    /// `break value` out of a `loop` from a `let .. else` block that suspends: E0282.
    pub const VALUED_BREAK_IN_LET_ELSE: bool = false;
    /// A suspension point in the right operand of `&&` in an `if` condition whose then-branch
    /// suspends: after the then-branch, the else-branch runs too (wrong trace).
    pub const SUSPEND_IN_AND_RHS: bool = false;
}

fn diverges(s: &Stmt) -> bool {
    match s {
        Stmt::Break { .. } | Stmt::Continue { .. } | Stmt::Return(_) => true,
        Stmt::Block(b) => block_diverges(b),
        Stmt::If {
            then, els: Some(e), ..
        } => block_diverges(then) && block_diverges(e),
        Stmt::IfLet {
            then, els: Some(e), ..
        } => block_diverges(then) && block_diverges(e),
        Stmt::Match { arms, .. } => arms.iter().all(|a| block_diverges(&a.body)),
        // Over-approximated (a `break` to the block itself does not diverge): only costs code.
        Stmt::Labeled { body, .. } => block_diverges(body),
        _ => false,
    }
}

fn block_diverges(b: &Block) -> bool {
    b.stmts.iter().any(diverges)
}

struct VarInfo {
    name: u32,
    mutable: bool,
}

#[derive(Default)]
struct ScopeInfo {
    vars: Vec<VarInfo>,
    /// Guards declared here and not yet dropped.
    guards: Vec<u32>,
}

struct LoopInfo {
    label: u32,
    /// A `loop` whose breaks carry a value.
    valued: bool,
    /// A labelled block (`'l: { .. }`): only `break 'l value` targets it.
    block: bool,
}

struct Gen<'a> {
    rng: &'a mut Rng,
    unit: bool,
    rets: &'a [RetKind],
    func: usize,
    next_name: u32,
    next_label: u32,
    next_guard: &'a mut u32,
    scopes: Vec<ScopeInfo>,
    loops: Vec<LoopInfo>,
    /// Statements left to generate in this function.
    budget: i32,
    /// Inside a loop header: jumps always name their loop.
    force_label: bool,
    /// Inside an expression: no assignments (whether an operand read before a block that
    /// assigns it sees the old value is a question this test does not ask).
    in_expr: bool,
    /// No suspension points (match guards, and constructs in [`avoid`]).
    no_suspend: bool,
    /// No `break value` (see [`avoid::VALUED_BREAK_IN_LET_ELSE`]).
    no_valued_break: bool,
}

impl Program {
    /// The program generated from `pseed`.
    pub fn generate(pseed: u64) -> Program {
        let mut rng = Rng::new(pseed);
        let unit = rng.chance(25);
        let nfuncs = 1 + rng.below(3) as usize;
        let rets: Vec<RetKind> = (0..nfuncs)
            .map(|_| match rng.below(3) {
                0 => RetKind::Plain,
                1 => RetKind::Opt,
                _ => RetKind::Res,
            })
            .collect();
        let mut next_guard = 0;
        let mut funcs = Vec::new();
        for func in 0..nfuncs {
            let budget = if func == 0 { 22 } else { 10 };
            let mut g = Gen {
                rng: &mut rng,
                unit,
                rets: &rets,
                func,
                next_name: 0,
                next_label: 0,
                next_guard: &mut next_guard,
                scopes: vec![ScopeInfo::default()],
                loops: Vec::new(),
                budget,
                force_label: false,
                in_expr: false,
                no_suspend: false,
                no_valued_break: false,
            };
            let mut stmts = Vec::new();
            while g.budget > 0 {
                if let Some(s) = g.stmt_not_diverging(0) {
                    stmts.push(s);
                }
            }
            let tail = g.expr(1);
            funcs.push(Func {
                ret: rets[func],
                body: Block { stmts },
                tail,
            });
        }
        let arg = rng.range(-3, 9);
        Program { unit, funcs, arg }
    }
}

impl Gen<'_> {
    fn fresh(&mut self) -> u32 {
        self.next_name += 1;
        self.next_name
    }

    fn declare(&mut self, name: u32, mutable: bool) {
        self.scopes
            .last_mut()
            .unwrap()
            .vars
            .push(VarInfo { name, mutable });
    }

    fn visible(&self) -> Vec<(u32, bool)> {
        // Innermost binding of each name only (shadowing).
        let mut out: Vec<(u32, bool)> = Vec::new();
        for scope in self.scopes.iter().rev() {
            for v in scope.vars.iter().rev() {
                if !out.iter().any(|(n, _)| *n == v.name) {
                    out.push((v.name, v.mutable));
                }
            }
        }
        out
    }

    fn block(&mut self, depth: u32, max: u32) -> Block {
        self.scopes.push(ScopeInfo::default());
        let b = self.block_in_place(depth, max);
        self.scopes.pop();
        b
    }

    /// Statements in the current scope.
    fn block_in_place(&mut self, depth: u32, max: u32) -> Block {
        let n = 1 + self.rng.below(max as u64);
        let mut stmts = Vec::new();
        for _ in 0..n {
            if self.budget <= 0 {
                break;
            }
            let st = self.stmt(depth);
            let div = diverges(&st);
            stmts.push(st);
            if div && avoid::UNREACHABLE {
                break;
            }
        }
        // Sometimes end the block with a jump.
        let already = stmts.iter().any(diverges);
        if self.rng.chance(30)
            && !(avoid::UNREACHABLE && already)
            && let Some(j) = self.jump(depth)
        {
            stmts.push(j);
        }
        Block { stmts }
    }

    /// A diverging block (for `let .. else`).
    fn diverging_block(&mut self, depth: u32) -> Block {
        let mut b = self.block(depth, 2);
        // Only a jump at the end is certain to diverge (`diverges` over-approximates).
        let ends_in_jump = matches!(
            b.stmts.last(),
            Some(Stmt::Return(_) | Stmt::Break { .. } | Stmt::Continue { .. })
        );
        if !ends_in_jump {
            self.scopes.push(ScopeInfo::default());
            let j = self.jump(depth).unwrap_or(Stmt::Return(Expr::Lit(0)));
            self.scopes.pop();
            b.stmts.push(j);
        }
        b
    }

    fn jump(&mut self, depth: u32) -> Option<Stmt> {
        let r = self.rng.below(10);
        if r < 3 || self.loops.is_empty() {
            if self.rng.chance(50) {
                return None;
            }
            return Some(Stmt::Return(self.expr(depth + 1)));
        }
        let idx = self.rng.below(self.loops.len() as u64) as usize;
        let innermost = idx == self.loops.len() - 1;
        let label = self.loops[idx].label;
        let valued = self.loops[idx].valued;
        let block = self.loops[idx].block;
        // Rust: a jump out of a labelled block (to it or through it) names its target.
        let through_block = self.loops[idx..].iter().any(|l| l.block);
        let use_label = !innermost || self.force_label || through_block || self.rng.chance(50);
        if block && self.no_valued_break {
            return None;
        }
        if (r < 7 || block) && !(valued && self.no_valued_break) {
            let value = if !valued {
                None
            } else if avoid::SUSPEND_IN_BREAK_VALUE {
                Some(self.calm(|g| g.expr(depth + 1)))
            } else {
                Some(self.expr(depth + 1))
            };
            Some(Stmt::Break {
                label,
                use_label,
                value,
            })
        } else {
            Some(Stmt::Continue { label, use_label })
        }
    }

    /// A statement, or nothing if it always diverges and [`avoid::UNREACHABLE`] is on (what
    /// it declared is forgotten).
    fn stmt_not_diverging(&mut self, depth: u32) -> Option<Stmt> {
        let scope = self.scopes.last().unwrap();
        let (vars, guards) = (scope.vars.len(), scope.guards.len());
        let st = self.stmt(depth);
        if avoid::UNREACHABLE && diverges(&st) {
            let scope = self.scopes.last_mut().unwrap();
            scope.vars.truncate(vars);
            scope.guards.truncate(guards);
            return None;
        }
        Some(st)
    }

    fn header<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let old = std::mem::replace(&mut self.force_label, true);
        let out = f(self);
        self.force_label = old;
        out
    }

    fn calm<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let old = std::mem::replace(&mut self.no_suspend, true);
        let out = f(self);
        self.no_suspend = old;
        out
    }

    fn label(&mut self) -> u32 {
        self.next_label += 1;
        self.next_label
    }

    fn stmt(&mut self, depth: u32) -> Stmt {
        self.budget -= 1;
        let nested = depth < 3 && self.budget > 2;
        loop {
            let pick = self.rng.below(if nested { 23 } else { 10 });
            match pick {
                0 | 1 => {
                    let name = self.fresh();
                    let init = self.expr(depth);
                    let mutable = self.rng.chance(60);
                    self.declare(name, mutable);
                    return Stmt::Let {
                        name,
                        mutable,
                        init,
                    };
                }
                2 => {
                    let muts: Vec<u32> = self
                        .visible()
                        .into_iter()
                        .filter(|v| v.1)
                        .map(|v| v.0)
                        .collect();
                    if muts.is_empty() || self.in_expr {
                        continue;
                    }
                    let name = muts[self.rng.below(muts.len() as u64) as usize];
                    let value = self.expr(depth);
                    return if self.rng.chance(50) {
                        Stmt::Assign { name, value }
                    } else {
                        Stmt::XorAssign { name, value }
                    };
                }
                3 => {
                    // Shadow a binding of this very scope: the old one is dead from here on.
                    let here: Vec<u32> = self
                        .scopes
                        .last()
                        .unwrap()
                        .vars
                        .iter()
                        .map(|v| v.name)
                        .collect();
                    if here.is_empty() {
                        continue;
                    }
                    let name = here[self.rng.below(here.len() as u64) as usize];
                    let rhs = if avoid::SUSPEND_IN_SHADOWING_INIT {
                        self.calm(|g| g.expr(depth + 1))
                    } else {
                        self.expr(depth + 1)
                    };
                    let init = Expr::Call(Op::Add, Box::new(Expr::Var(name)), Box::new(rhs));
                    let mutable = self.rng.chance(50);
                    self.declare(name, mutable);
                    return Stmt::Let {
                        name,
                        mutable,
                        init,
                    };
                }
                4 => {
                    *self.next_guard += 1;
                    let id = *self.next_guard;
                    self.scopes.last_mut().unwrap().guards.push(id);
                    return Stmt::Guard(id);
                }
                5 => {
                    let guards = &mut self.scopes.last_mut().unwrap().guards;
                    if guards.is_empty() {
                        continue;
                    }
                    let i = self.rng.below(guards.len() as u64) as usize;
                    return Stmt::DropGuard(guards.remove(i));
                }
                6 | 7 => return Stmt::Yield(self.expr(depth + 1)),
                8 => return Stmt::Log(self.expr(depth)),
                9 if !self.unit || self.rng.chance(50) => {
                    if self.func + 1 >= self.rets.len() {
                        continue;
                    }
                    let func = self.func
                        + 1
                        + self.rng.below((self.rets.len() - self.func - 1) as u64) as usize;
                    let arg = if avoid::SUSPEND_IN_YIELD_FROM_ARG {
                        self.calm(|g| g.expr(depth + 1))
                    } else {
                        self.expr(depth + 1)
                    };
                    return Stmt::Delegate { func, arg };
                }
                9 => {
                    return Stmt::YieldFromIter(if self.rng.chance(50) {
                        let n = self.rng.below(3);
                        let avoid = avoid::SUSPEND_IN_YIELD_FROM_ARG;
                        IterSrc::Vec(
                            (0..n)
                                .map(|_| {
                                    if avoid {
                                        self.calm(|g| g.expr(depth + 1))
                                    } else {
                                        self.expr(depth + 1)
                                    }
                                })
                                .collect(),
                        )
                    } else if avoid::SUSPEND_IN_YIELD_FROM_ARG {
                        IterSrc::Range(self.calm(|g| g.expr(depth + 1)))
                    } else {
                        IterSrc::Range(self.expr(depth + 1))
                    });
                }
                10 | 11 => {
                    let cond = self.cond(depth);
                    let then = self.block(depth + 1, 3);
                    let els = if self.rng.chance(50) {
                        Some(self.block(depth + 1, 3))
                    } else {
                        None
                    };
                    return Stmt::If { cond, then, els };
                }
                12 => {
                    let scrut = self.expr(depth + 1);
                    let name = self.fresh();
                    self.scopes.push(ScopeInfo::default());
                    self.declare(name, false);
                    let chain = if self.rng.chance(40) {
                        Some(if avoid::SUSPEND_IN_AND_RHS {
                            self.calm(|g| g.cond(depth + 1))
                        } else {
                            self.cond(depth + 1)
                        })
                    } else {
                        None
                    };
                    let then = self.block(depth + 1, 3);
                    self.scopes.pop();
                    let els = if self.rng.chance(50) {
                        Some(self.block(depth + 1, 2))
                    } else {
                        None
                    };
                    return Stmt::IfLet {
                        name,
                        scrut,
                        chain,
                        then,
                        els,
                    };
                }
                13 => {
                    let scrut = self.expr(depth + 1);
                    let no = avoid::VALUED_BREAK_IN_LET_ELSE || self.no_valued_break;
                    let old = std::mem::replace(&mut self.no_valued_break, no);
                    let els = self.diverging_block(depth + 1);
                    self.no_valued_break = old;
                    let name = self.fresh();
                    self.declare(name, false);
                    return Stmt::LetElse { name, scrut, els };
                }
                14 | 15 => {
                    let scrut = self.expr(depth + 1);
                    let n = 1 + self.rng.below(3);
                    let mut arms = Vec::new();
                    for i in 0..=n {
                        let last = i == n;
                        let pat = if last {
                            if self.rng.chance(50) {
                                Pat::Wild
                            } else {
                                Pat::Bind(self.fresh())
                            }
                        } else {
                            match self.rng.below(5) {
                                0 => Pat::Lit(self.rng.range(-2, 6)),
                                1 => Pat::Or(vec![self.rng.range(-2, 2), self.rng.range(3, 6)]),
                                2 => {
                                    let lo = self.rng.range(-3, 4);
                                    Pat::Range(lo, lo + self.rng.range(0, 4))
                                }
                                3 => Pat::Bind(self.fresh()),
                                _ => Pat::Wild,
                            }
                        };
                        self.scopes.push(ScopeInfo::default());
                        if let Pat::Bind(name) = pat {
                            self.declare(name, false);
                        }
                        // A catch-all arm before the last one has a guard: arms after an
                        // unguarded one would be unreachable code.
                        let catch_all = matches!(pat, Pat::Bind(_) | Pat::Wild);
                        let guard = if !last && (catch_all || self.rng.chance(50)) {
                            Some(self.calm(|g| g.cond(depth + 1)))
                        } else {
                            None
                        };
                        let body = self.block(depth + 1, 2);
                        self.scopes.pop();
                        arms.push(Arm { pat, guard, body });
                    }
                    return Stmt::Match { scrut, arms };
                }
                16 => {
                    let label = self.label();
                    let bound = self.header(|g| g.expr(depth + 1));
                    let name = self.fresh();
                    self.loops.push(LoopInfo {
                        label,
                        valued: false,
                        block: false,
                    });
                    self.scopes.push(ScopeInfo::default());
                    self.declare(name, false);
                    let body = self.block(depth + 1, 3);
                    self.scopes.pop();
                    self.loops.pop();
                    return Stmt::For {
                        label,
                        name,
                        bound,
                        body,
                    };
                }
                17 => {
                    let label = self.label();
                    let counter = self.fresh();
                    let bound = self.header(|g| g.expr(depth + 1));
                    let extra = if self.rng.chance(30) {
                        Some(if avoid::SUSPEND_IN_WHILE_AND_RHS {
                            self.header(|g| g.calm(|g| g.cond(depth + 1)))
                        } else {
                            self.header(|g| g.cond(depth + 1))
                        })
                    } else {
                        None
                    };
                    self.loops.push(LoopInfo {
                        label,
                        valued: false,
                        block: false,
                    });
                    let body = self.block(depth + 1, 3);
                    self.loops.pop();
                    return Stmt::While {
                        label,
                        counter,
                        bound,
                        extra,
                        body,
                    };
                }
                18 => {
                    let label = self.label();
                    let stack = self.fresh();
                    let n = self.rng.below(4);
                    let items = (0..n).map(|_| self.expr(depth + 1)).collect();
                    let name = self.fresh();
                    self.loops.push(LoopInfo {
                        label,
                        valued: false,
                        block: false,
                    });
                    self.scopes.push(ScopeInfo::default());
                    self.declare(name, false);
                    let body = self.block(depth + 1, 3);
                    self.scopes.pop();
                    self.loops.pop();
                    return Stmt::WhileLet {
                        label,
                        stack,
                        items,
                        name,
                        body,
                    };
                }
                19 => {
                    let label = self.label();
                    let counter = self.fresh();
                    let limit = self.rng.range(0, 3);
                    // Generated outside the loop: a `continue` of this loop there never ends.
                    let exit = if avoid::SUSPEND_IN_BREAK_VALUE {
                        self.header(|g| g.calm(|g| g.expr(depth + 1)))
                    } else {
                        self.header(|g| g.expr(depth + 1))
                    };
                    self.loops.push(LoopInfo {
                        label,
                        valued: true,
                        block: false,
                    });
                    let body = self.block(depth + 1, 3);
                    self.loops.pop();
                    let name = self.fresh();
                    self.declare(name, false);
                    return Stmt::Loop {
                        label,
                        name,
                        counter,
                        limit,
                        exit,
                        body,
                    };
                }
                21 => {
                    let label = self.label();
                    self.loops.push(LoopInfo {
                        label,
                        valued: true,
                        block: true,
                    });
                    self.scopes.push(ScopeInfo::default());
                    let mut body = self.block_in_place(depth + 1, 3);
                    if avoid::UNREACHABLE
                        && let Some(i) = body.stmts.iter().position(diverges)
                    {
                        // The tail would be unreachable: cut the body before the jump.
                        let removed = body.stmts.split_off(i);
                        let scope = self.scopes.last_mut().unwrap();
                        for st in &removed {
                            match st {
                                Stmt::Let { name, .. }
                                | Stmt::LetElse { name, .. }
                                | Stmt::Loop { name, .. }
                                | Stmt::Labeled { name, .. } => {
                                    if let Some(k) =
                                        scope.vars.iter().rposition(|v| v.name == *name)
                                    {
                                        scope.vars.remove(k);
                                    }
                                }
                                Stmt::Guard(id) => scope.guards.retain(|g| g != id),
                                _ => {}
                            }
                        }
                    }
                    let tail = self.expr(depth + 1);
                    self.scopes.pop();
                    self.loops.pop();
                    let name = self.fresh();
                    self.declare(name, false);
                    return Stmt::Labeled {
                        label,
                        name,
                        body,
                        tail,
                    };
                }
                _ => return Stmt::Block(self.block(depth + 1, 3)),
            }
        }
    }

    fn leaf(&mut self) -> Expr {
        let vars = self.visible();
        match self.rng.below(4) {
            0 if !vars.is_empty() => Expr::Var(vars[self.rng.below(vars.len() as u64) as usize].0),
            1 if !vars.is_empty() => Expr::Var(vars[self.rng.below(vars.len() as u64) as usize].0),
            2 => Expr::Param,
            _ => Expr::Lit(self.rng.range(-3, 9)),
        }
    }

    fn expr(&mut self, depth: u32) -> Expr {
        if depth >= 4 || self.rng.chance(25 + 12 * depth as u64) {
            return self.leaf();
        }
        let d = depth + 1;
        let pick = self.rng.below(15);
        if self.no_suspend && matches!(pick, 4..=7 | 10) {
            return self.leaf();
        }
        match pick {
            0 | 1 => {
                let op = match self.rng.below(4) {
                    0 => Op::Add,
                    1 => Op::Sub,
                    2 => Op::Mul,
                    _ => Op::Rem,
                };
                Expr::Call(op, Box::new(self.expr(d)), Box::new(self.expr(d)))
            }
            2 => Expr::Xor(Box::new(self.expr(d)), Box::new(self.expr(d))),
            3 => Expr::Method(Box::new(self.expr(d)), Box::new(self.expr(d))),
            4..=6 => Expr::Yield(Box::new(self.expr(d))),
            7 => {
                if self.func + 1 >= self.rets.len() {
                    return self.leaf();
                }
                let func = self.func
                    + 1
                    + self.rng.below((self.rets.len() - self.func - 1) as u64) as usize;
                let mine = self.rets[self.func];
                let conv =
                    if mine != RetKind::Plain && self.rets[func] == mine && self.rng.chance(60) {
                        Conv::Try
                    } else {
                        Conv::UnwrapOr(self.rng.range(-2, 5))
                    };
                let arg = if avoid::SUSPEND_IN_YIELD_FROM_ARG {
                    self.calm(|g| g.expr(d))
                } else {
                    self.expr(d)
                };
                Expr::YieldFrom {
                    func,
                    arg: Box::new(arg),
                    conv,
                }
            }
            8 => {
                if self.rets[self.func] == RetKind::Plain {
                    return self.leaf();
                }
                Expr::Try(Box::new(self.expr(d)))
            }
            9 => Expr::If(
                Box::new(self.cond(d)),
                Box::new(self.expr(d)),
                Box::new(self.expr(d)),
            ),
            11 if depth < 3 => {
                let scrut = self.expr(d);
                let n = 1 + self.rng.below(2);
                let mut arms = Vec::new();
                for i in 0..=n {
                    let last = i == n;
                    let pat = self.pat(last);
                    self.scopes.push(ScopeInfo::default());
                    if let Pat::Bind(name) = pat {
                        self.declare(name, false);
                    }
                    let catch_all = matches!(pat, Pat::Bind(_) | Pat::Wild);
                    let guard = if !last && (catch_all || self.rng.chance(40)) {
                        Some(self.calm(|g| g.cond(d)))
                    } else {
                        None
                    };
                    let value = self.expr(d);
                    self.scopes.pop();
                    arms.push(ExprArm { pat, guard, value });
                }
                Expr::Match(Box::new(scrut), arms)
            }
            10 if depth < 2 && self.budget > 1 => {
                self.scopes.push(ScopeInfo::default());
                let n = self.rng.below(3);
                let mut stmts = Vec::new();
                let old = std::mem::replace(&mut self.in_expr, true);
                for _ in 0..n {
                    if let Some(st) = self.stmt_not_diverging(depth + 2) {
                        stmts.push(st);
                    }
                }
                self.in_expr = old;
                let tail = self.expr(d);
                self.scopes.pop();
                Expr::Block(Block { stmts }, Box::new(tail))
            }
            13 => Expr::Index(
                vec![self.expr(d), self.expr(d), self.expr(d)],
                Box::new(self.expr(d)),
            ),
            14 => Expr::Second(Box::new(self.expr(d)), Box::new(self.expr(d))),
            _ => self.leaf(),
        }
    }

    fn pat(&mut self, last: bool) -> Pat {
        if last {
            return if self.rng.chance(50) {
                Pat::Wild
            } else {
                Pat::Bind(self.fresh())
            };
        }
        match self.rng.below(5) {
            0 => Pat::Lit(self.rng.range(-2, 6)),
            1 => Pat::Or(vec![self.rng.range(-2, 2), self.rng.range(3, 6)]),
            2 => {
                let lo = self.rng.range(-3, 4);
                Pat::Range(lo, lo + self.rng.range(0, 4))
            }
            3 => Pat::Bind(self.fresh()),
            _ => Pat::Wild,
        }
    }

    fn cond(&mut self, depth: u32) -> Cond {
        let d = depth + 1;
        match self.rng.below(if depth >= 3 { 2 } else { 6 }) {
            0 => Cond::Lt(self.expr(d), self.expr(d)),
            1 => Cond::Eq(self.expr(d), self.expr(d)),
            2 => {
                let a = self.cond(d);
                let b = if avoid::SUSPEND_IN_AND_RHS {
                    self.calm(|g| g.cond(d))
                } else {
                    self.cond(d)
                };
                Cond::And(Box::new(a), Box::new(b))
            }
            3 => Cond::Or(Box::new(self.cond(d)), Box::new(self.cond(d))),
            4 => Cond::Not(Box::new(self.cond(d))),
            _ => Cond::Lt(self.expr(d), self.expr(d)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering

impl Program {
    /// The program as Rust: functions `p{index}_f{i}`.
    pub fn render(&self, index: usize) -> String {
        let mut out = String::new();
        for (i, f) in self.funcs.iter().enumerate() {
            let r = R {
                out: &mut out,
                prog: self,
                func: i,
                index,
                indent: 1,
            };
            r.func(f);
        }
        out
    }
}

struct R<'a> {
    out: &'a mut String,
    prog: &'a Program,
    func: usize,
    index: usize,
    indent: usize,
}

fn ret_ty(k: RetKind) -> &'static str {
    match k {
        RetKind::Plain => "i64",
        RetKind::Opt => "Option<i64>",
        RetKind::Res => "Result<i64, i64>",
    }
}

impl R<'_> {
    fn func(mut self, f: &Func) {
        let resume = if self.prog.unit { "()" } else { "i64" };
        let _ = writeln!(
            self.out,
            "#[generator]\npub fn p{}_f{}(t: Tr, n: i64) -> impl Generator<{resume}, Yield = i64, Return = {}> {{",
            self.index,
            self.func,
            ret_ty(f.ret)
        );
        for s in &f.body.stmts {
            self.stmt(s);
        }
        let tail = self.wrap(&f.tail);
        self.line(&tail);
        self.out.push_str("}\n\n");
    }

    fn wrap(&self, e: &Expr) -> String {
        let e = self.expr(e);
        match self.prog.funcs[self.func].ret {
            RetKind::Plain => e,
            RetKind::Opt => format!("Some({e})"),
            RetKind::Res => format!("Ok({e})"),
        }
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn block_body(&mut self, b: &Block) {
        self.indent += 1;
        for s in &b.stmts {
            self.stmt(s);
        }
        self.indent -= 1;
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Let {
                name,
                mutable,
                init,
            } => {
                let m = if *mutable { "mut " } else { "" };
                let line = format!("let {m}v{name} = {};", self.expr(init));
                self.line(&line);
            }
            Stmt::Assign { name, value } => {
                let line = format!("v{name} = {};", self.expr(value));
                self.line(&line);
            }
            Stmt::XorAssign { name, value } => {
                let line = format!("v{name} ^= {};", self.expr(value));
                self.line(&line);
            }
            Stmt::Guard(id) => self.line(&format!("let _g{id} = G::new(&t, {id});")),
            Stmt::DropGuard(id) => self.line(&format!("drop(_g{id});")),
            Stmt::Yield(e) => {
                let line = format!("r#yield!({});", self.expr(e));
                self.line(&line);
            }
            Stmt::YieldFromIter(src) => {
                let line = match src {
                    IterSrc::Vec(items) => {
                        let items: Vec<String> = items.iter().map(|e| self.expr(e)).collect();
                        format!("yield_from!(vec![{}] as Vec<i64>);", items.join(", "))
                    }
                    IterSrc::Range(e) => format!("yield_from!(0i64..bnd({}));", self.expr(e)),
                };
                self.line(&line);
            }
            Stmt::Delegate { func, arg } => {
                let line = format!(
                    "yield_from!(p{}_f{func}(t.clone(), {}));",
                    self.index,
                    self.expr(arg)
                );
                self.line(&line);
            }
            Stmt::Log(e) => {
                let line = format!("log(&t, {});", self.expr(e));
                self.line(&line);
            }
            Stmt::If { cond, then, els } => {
                let line = format!("if {} {{", self.cond(cond));
                self.line(&line);
                self.block_body(then);
                self.els(els);
            }
            Stmt::IfLet {
                name,
                scrut,
                chain,
                then,
                els,
            } => {
                let chain = chain
                    .as_ref()
                    .map(|c| format!(" && {}", self.cond(c)))
                    .unwrap_or_default();
                let line = format!(
                    "if let Some(v{name}) = some_if({}){chain} {{",
                    self.expr(scrut)
                );
                self.line(&line);
                self.block_body(then);
                self.els(els);
            }
            Stmt::LetElse { name, scrut, els } => {
                let line = format!("let Some(v{name}) = some_if({}) else {{", self.expr(scrut));
                self.line(&line);
                self.block_body(els);
                self.line("};");
            }
            Stmt::Match { scrut, arms } => {
                let line = format!("match {} {{", self.expr(scrut));
                self.line(&line);
                self.indent += 1;
                for arm in arms {
                    let pat = match &arm.pat {
                        Pat::Lit(v) => format!("{v}i64"),
                        Pat::Or(vs) => vs
                            .iter()
                            .map(|v| format!("{v}i64"))
                            .collect::<Vec<_>>()
                            .join(" | "),
                        Pat::Range(a, b) => format!("{a}i64..={b}i64"),
                        Pat::Bind(n) => format!("v{n}"),
                        Pat::Wild => "_".into(),
                    };
                    let guard = arm
                        .guard
                        .as_ref()
                        .map(|c| format!(" if {}", self.cond(c)))
                        .unwrap_or_default();
                    self.line(&format!("{pat}{guard} => {{"));
                    self.block_body(&arm.body);
                    self.line("}");
                }
                self.indent -= 1;
                self.line("}");
            }
            Stmt::For {
                label,
                name,
                bound,
                body,
            } => {
                let line = format!(
                    "'l{label}: for v{name} in 0i64..bnd({}) {{",
                    self.expr(bound)
                );
                self.line(&line);
                self.block_body(body);
                self.line("}");
            }
            Stmt::While {
                label,
                counter,
                bound,
                extra,
                body,
            } => {
                self.line(&counter_decl(*counter));
                let extra = extra
                    .as_ref()
                    .map(|c| format!(" && {}", self.cond(c)))
                    .unwrap_or_default();
                let line = format!(
                    "'l{label}: while v{counter} < bnd({}){extra} {{",
                    self.expr(bound)
                );
                self.line(&line);
                self.line(&format!("    v{counter} += 1;"));
                self.block_body(body);
                self.line("}");
            }
            Stmt::WhileLet {
                label,
                stack,
                items,
                name,
                body,
            } => {
                let items: Vec<String> = items.iter().map(|e| self.expr(e)).collect();
                self.line(&format!(
                    "let mut v{stack}: Vec<i64> = vec![{}];",
                    items.join(", ")
                ));
                self.line(&format!(
                    "'l{label}: while let Some(v{name}) = v{stack}.pop() {{"
                ));
                self.block_body(body);
                self.line("}");
            }
            Stmt::Loop {
                label,
                name,
                counter,
                limit,
                exit,
                body,
            } => {
                self.line(&counter_decl(*counter));
                self.line(&format!("let v{name} = 'l{label}: loop {{"));
                let line = format!(
                    "    if v{counter} >= {limit} {{ break 'l{label} ({}); }}",
                    self.expr(exit)
                );
                self.line(&line);
                self.line(&format!("    v{counter} += 1;"));
                self.block_body(body);
                self.line("};");
            }
            Stmt::Break {
                label,
                use_label,
                value,
            } => {
                let l = if *use_label {
                    format!(" 'l{label}")
                } else {
                    String::new()
                };
                let v = value
                    .as_ref()
                    .map(|e| format!(" ({})", self.expr(e)))
                    .unwrap_or_default();
                self.line(&format!("break{l}{v};"));
            }
            Stmt::Continue { label, use_label } => {
                let l = if *use_label {
                    format!(" 'l{label}")
                } else {
                    String::new()
                };
                self.line(&format!("continue{l};"));
            }
            Stmt::Return(e) => {
                let line = format!("return {};", self.wrap(e));
                self.line(&line);
            }
            Stmt::Block(b) => {
                self.line("{");
                self.block_body(b);
                self.line("}");
            }
            Stmt::Labeled {
                label,
                name,
                body,
                tail,
            } => {
                self.line(&format!("let v{name} = 'l{label}: {{"));
                self.block_body(body);
                let tail = format!("    {}", self.expr(tail));
                self.line(&tail);
                self.line("};");
            }
        }
    }

    fn els(&mut self, els: &Option<Block>) {
        match els {
            // A lone `if` in an else-block is written `else if`.
            Some(Block { stmts }) if matches!(stmts[..], [Stmt::If { .. }]) => {
                let Stmt::If { cond, then, els } = &stmts[0] else {
                    unreachable!()
                };
                let line = format!("}} else if {} {{", self.cond(cond));
                self.line(&line);
                self.block_body(then);
                self.els(els);
            }
            Some(b) => {
                self.line("} else {");
                self.block_body(b);
                self.line("}");
            }
            None => self.line("}"),
        }
    }

    fn expr(&self, e: &Expr) -> String {
        match e {
            Expr::Lit(v) => lit(*v),
            Expr::Var(n) => format!("v{n}"),
            Expr::Param => "n".into(),
            Expr::Call(op, a, b) => {
                let f = match op {
                    Op::Add => "add",
                    Op::Sub => "sub",
                    Op::Mul => "mul",
                    Op::Rem => "rem",
                };
                format!("{f}({}, {})", self.expr(a), self.expr(b))
            }
            Expr::Xor(a, b) => format!("({} ^ {})", self.expr(a), self.expr(b)),
            Expr::Method(a, b) => format!("({}).wrapping_sub({})", self.expr(a), self.expr(b)),
            Expr::Yield(e) => {
                if self.prog.unit {
                    format!("{{ r#yield!({}); 0i64 }}", self.expr(e))
                } else {
                    format!("r#yield!({})", self.expr(e))
                }
            }
            Expr::YieldFrom { func, arg, conv } => {
                let call = format!(
                    "yield_from!(p{}_f{func}(t.clone(), {}))",
                    self.index,
                    self.expr(arg)
                );
                match (conv, self.prog.funcs[*func].ret) {
                    (_, RetKind::Plain) => call,
                    (Conv::Try, _) => format!("{call}?"),
                    (Conv::UnwrapOr(c), _) => format!("{call}.unwrap_or({})", lit(*c)),
                }
            }
            Expr::Try(e) => match self.prog.funcs[self.func].ret {
                RetKind::Opt => format!("some_if({})?", self.expr(e)),
                _ => format!("ok_if({})?", self.expr(e)),
            },
            Expr::If(c, a, b) => {
                format!(
                    "(if {} {{ {} }} else {{ {} }})",
                    self.cond(c),
                    self.expr(a),
                    self.expr(b)
                )
            }
            Expr::Block(b, tail) => {
                let mut inner = String::new();
                let mut r = R {
                    out: &mut inner,
                    prog: self.prog,
                    func: self.func,
                    index: self.index,
                    indent: 0,
                };
                for s in &b.stmts {
                    r.stmt(s);
                }
                let inner = inner.replace('\n', " ");
                format!("{{ {inner}{} }}", self.expr(tail))
            }
            Expr::Index(items, i) => {
                let items: Vec<String> = items.iter().map(|e| self.expr(e)).collect();
                format!("[{}][pick({})]", items.join(", "), self.expr(i))
            }
            Expr::Second(a, b) => format!("({}, {}).1", self.expr(a), self.expr(b)),
            Expr::Match(scrut, arms) => {
                let arms: Vec<String> = arms
                    .iter()
                    .map(|a| {
                        let guard = a
                            .guard
                            .as_ref()
                            .map(|c| format!(" if {}", self.cond(c)))
                            .unwrap_or_default();
                        format!("{}{guard} => {}", Self::pat(&a.pat), self.expr(&a.value))
                    })
                    .collect();
                format!("(match {} {{ {} }})", self.expr(scrut), arms.join(", "))
            }
        }
    }

    fn pat(p: &Pat) -> String {
        match p {
            Pat::Lit(v) => format!("{v}i64"),
            Pat::Or(vs) => vs
                .iter()
                .map(|v| format!("{v}i64"))
                .collect::<Vec<_>>()
                .join(" | "),
            Pat::Range(a, b) => format!("{a}i64..={b}i64"),
            Pat::Bind(n) => format!("v{n}"),
            Pat::Wild => "_".into(),
        }
    }

    fn cond(&self, c: &Cond) -> String {
        match c {
            Cond::Lt(a, b) => format!("({} < {})", self.expr(a), self.expr(b)),
            Cond::Eq(a, b) => format!("({} == {})", self.expr(a), self.expr(b)),
            Cond::And(a, b) => format!("({} && {})", self.cond(a), self.cond(b)),
            Cond::Or(a, b) => format!("({} || {})", self.cond(a), self.cond(b)),
            Cond::Not(a) => format!("!{}", self.cond(a)),
        }
    }
}

fn lit(v: i64) -> String {
    if v < 0 {
        format!("(-{}i64)", -v)
    } else {
        format!("{v}i64")
    }
}

fn counter_decl(counter: u32) -> String {
    if avoid::UNTYPED_LOOP_COUNTER {
        format!("let mut v{counter}: i64 = 0;")
    } else {
        format!("let mut v{counter} = 0i64;")
    }
}
