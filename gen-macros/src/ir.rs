//! The intermediate representation between the user's syntax and the emitted state machine.
//!
//! Lowering turns the function body into a tree of [`Block`]s. Code that contains no
//! suspension point stays a [`StmtKind::Plain`] syn statement and is emitted as written. Every
//! construct that contains a suspension point becomes an IR node ([`StmtKind::If`],
//! [`StmtKind::Loop`], ...), and every suspension point is a [`StmtKind::Yield`] statement: by
//! the time the IR exists, yields inside expressions have been hoisted into statements, with
//! the operands evaluated before them saved in temporaries (A-normal form).

use proc_macro2::Span;

/// Index into [`Body::bindings`].
pub type BindingId = usize;
/// Index into [`Body::suspends`]: suspension point `k` becomes state variant `S{k}`.
pub type SuspendId = usize;
/// Index of a statement, unique within a [`Body`].
pub type StmtId = usize;

/// A lowered generator body.
pub struct Body {
    /// Every binding the IR declares: arguments, `let`s, pattern bindings, temporaries.
    pub bindings: Vec<Binding>,
    /// Bindings in scope before the body runs (the stored arguments), in declaration order.
    pub params: Vec<BindingId>,
    /// The function body.
    pub root: Block,
    /// The suspension points, in source order.
    pub suspends: Vec<Suspend>,
    /// Number of statements (ids are `0..stmt_count`).
    pub stmt_count: usize,
}

/// A variable of the user's code, or one the lowering introduced.
#[derive(Clone)]
pub struct Binding {
    /// The name code refers to it by (user spans for user bindings, mixed-site for ours).
    pub ident: syn::Ident,
    /// Declared `mut` (or assigned later, for temporaries).
    pub mutable: bool,
    /// A type written on the binding itself (`let x: u8 = ..`), kept when it is redeclared.
    pub ty: Option<syn::Type>,
    /// What introduced it.
    pub kind: BindingKind,
    /// Its initializer, for a `let name = init;` (used to explain borrow errors).
    pub init: Option<syn::Expr>,
}

/// What introduced a binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingKind {
    /// A stored function argument (`__arg0`, `__self`).
    Param,
    /// A binding the user wrote.
    User,
    /// A temporary of the lowering (hoisted operand, result of a construct, resume value).
    Temp,
}

impl Binding {
    /// The guard convention: a binding named `_name` is kept alive to the end of its scope
    /// even when nothing reads it (a lock guard, a timer).
    pub fn is_guard(&self) -> bool {
        let name = self.ident.to_string();
        self.kind == BindingKind::User && name.len() > 1 && name.starts_with('_')
    }
}

/// A suspension point.
pub struct Suspend {
    /// The `r#yield!` it came from, for diagnostics.
    pub span: Span,
    /// For the suspension point of a `yield_from!`: the binding that holds the delegate (a
    /// `Delegate` slot). Its resume value is the step's raw `Entry`.
    pub delegate: Option<BindingId>,
}

/// A sequence of statements with its own scope.
#[derive(Default)]
pub struct Block {
    /// Bindings in scope from the start of the block (pattern bindings of the enclosing
    /// `match` arm or `if let`), in declaration order.
    pub entry_bindings: Vec<BindingId>,
    /// The statements.
    pub stmts: Vec<Stmt>,
}

/// A statement.
pub struct Stmt {
    /// Unique id.
    pub id: StmtId,
    /// What it does.
    pub kind: StmtKind,
    /// Control never continues past it to the next statement of its block, by rustc's rules
    /// (`return`/`break`/`continue`, a panicking macro, a `loop` no `break` leaves, an `if` or
    /// `match` all of whose branches diverge). A suspension point does not diverge: the arm
    /// that resumes from it continues. (Emission has its own notion: the code an arm emits
    /// ends at a suspension point.)
    pub diverges: bool,
}

/// What a statement does.
pub enum StmtKind {
    /// Code without a suspension point, emitted as written; `declares` lists the bindings a
    /// `let` introduces into the enclosing block, in declaration order.
    Plain {
        /// The statement.
        stmt: syn::Stmt,
        /// Bindings a `let` declares.
        declares: Vec<BindingId>,
    },
    /// Suspend with `value`; on resume, bind the resume value to `resume` (or drop it).
    Yield {
        /// Which suspension point.
        id: SuspendId,
        /// The yielded value; has no suspension point.
        value: syn::Expr,
        /// The binding that receives the resume value.
        resume: Option<BindingId>,
    },
    /// `if cond { then } else { els }`; `cond` (possibly a `let` chain) has no suspension
    /// point, and its bindings are `then.entry_bindings`.
    If {
        /// The condition.
        cond: syn::Expr,
        /// Taken when the condition holds.
        then: Block,
        /// Taken otherwise.
        els: Option<Block>,
    },
    /// `match scrutinee { arms }`.
    Match {
        /// Has no suspension point.
        scrutinee: syn::Expr,
        /// The arms, in order.
        arms: Vec<Arm>,
    },
    /// `'label: loop { body }`; `while` and `for` are lowered to this.
    Loop {
        /// The label, if the source had one.
        label: Option<syn::Lifetime>,
        /// The body.
        body: Block,
    },
    /// `'label: { body }`.
    Labeled {
        /// The label.
        label: syn::Lifetime,
        /// The body.
        body: Block,
    },
    /// `{ body }`.
    Block(Block),
}

/// One arm of a [`StmtKind::Match`].
pub struct Arm {
    /// Attributes of the arm.
    pub attrs: Vec<syn::Attribute>,
    /// The pattern; its bindings are `body.entry_bindings`.
    pub pat: syn::Pat,
    /// The guard; has no suspension point.
    pub guard: Option<syn::Expr>,
    /// The arm's code.
    pub body: Block,
}

impl Stmt {
    /// The blocks nested directly in this statement.
    pub fn children(&self) -> Vec<&Block> {
        match &self.kind {
            StmtKind::Plain { .. } | StmtKind::Yield { .. } => Vec::new(),
            StmtKind::If { then, els, .. } => std::iter::once(then).chain(els).collect(),
            StmtKind::Match { arms, .. } => arms.iter().map(|arm| &arm.body).collect(),
            StmtKind::Loop { body, .. }
            | StmtKind::Labeled { body, .. }
            | StmtKind::Block(body) => vec![body],
        }
    }

    /// Whether it is or contains a suspension point.
    pub fn suspends(&self) -> bool {
        matches!(self.kind, StmtKind::Yield { .. })
            || self
                .children()
                .iter()
                .any(|block| block.stmts.iter().any(Stmt::suspends))
    }
}
