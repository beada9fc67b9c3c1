//! Which bindings each suspension point keeps.
//!
//! A control-flow graph is built over the IR and, inside plain statements, over the user's
//! expressions in evaluation order, recording where each binding is read (`Use`) and wholly
//! assigned (`Def`). On it run four classic analyses: liveness, "mentioned later",
//! "maybe initialized" and "initialized and untouched since". A suspension point keeps a binding
//! that is in scope and
//!
//! - live (read later before being reassigned) and possibly initialized; or
//! - initialized, not mentioned since (so certainly not moved out), and either mentioned later
//!   (reassigning it must drop the old value then, as in Rust) or named `_name` (a guard
//!   held for its `Drop`).
//!
//! Everything else in scope is dropped at the suspension point.
//!
//! Code written after a `return`, `break` or `continue` never runs, but it is emitted, since
//! rustc type-checks it (and infers types from it). So before the analyses run, it is attached
//! to the graph as if it ran right after that jump; its fall-through into code that runs is
//! cut, its own jumps are kept. A suspension point in it keeps nothing (it gets no arm), and
//! [`Analysis::reaches`] tells emission which arm's code reaches it.

use std::collections::BTreeSet;

use crate::errors::Errors;
use crate::ir::{BindingId, Block, Body, Stmt, StmtId, StmtKind, SuspendId};
use crate::names;

/// The result of the analysis.
pub struct Analysis {
    /// Per suspension point, the bindings it saves, in declaration order.
    pub saved: Vec<Vec<BindingId>>,
    /// Per suspension point, whether control can reach it (it may be written after a
    /// `return`, `break` or `continue`).
    pub runs: Vec<bool>,
    /// Bindings in scope at some suspension point: their code is split between arms.
    pub crossing: BTreeSet<BindingId>,
    /// Per suspension point, the bindings in scope there, in declaration order.
    pub in_scope: Vec<Vec<BindingId>>,
    /// Per statement, the IR bindings it mentions itself (in its condition, scrutinee, guard,
    /// value or plain code), not counting the statements nested in it.
    pub mentions: Vec<BTreeSet<BindingId>>,
    /// The graph with code that never runs attached after the jumps before it.
    graph: Graph,
    /// Per statement, where it starts: node and place in program order.
    stmt_entry: Vec<(usize, usize)>,
    /// Per suspension point, its node and place in program order.
    suspension_at: Vec<(usize, usize)>,
    /// Per node, the places of the suspension points in it that run.
    running_in: Vec<Vec<usize>>,
    /// Per loop statement, its nodes.
    loops: Vec<Option<LoopNodes>>,
}

/// A loop's nodes: `head..=last` except `exit`.
#[derive(Clone, Copy)]
struct LoopNodes {
    head: usize,
    exit: usize,
    last: usize,
}

impl LoopNodes {
    fn contains(self, node: usize) -> bool {
        (self.head..=self.last).contains(&node) && node != self.exit
    }
}

/// Where emitted code starts: after a suspension point, or at a statement.
#[derive(Clone, Copy)]
pub enum Origin {
    Suspension(SuspendId),
    Stmt(StmtId),
}

impl Analysis {
    /// Whether code emitted from `from` reaches code starting with `stmt` that is written
    /// after a jump and never runs. Such code is emitted where it is reached, so that rustc
    /// type-checks it with the bindings this analysis keeps for it.
    pub fn reaches(&self, from: Origin, stmt: StmtId) -> bool {
        self.reaches_node(from, self.stmt_entry[stmt].0, &|_| true)
    }

    /// Whether the arm of suspension point `k` goes round loop `stmt` (which contains it)
    /// again, so that the loop is emitted whole after the rest of the iteration.
    pub fn repeats(&self, k: SuspendId, stmt: StmtId) -> bool {
        let nodes = self.loops[stmt].expect("a loop statement");
        self.reaches_node(Origin::Suspension(k), nodes.head, &|node| {
            nodes.contains(node)
        })
    }

    /// Whether a path through nodes `inside` leads from `from` to `target` without passing a
    /// suspension point that runs (where emitted code ends), jumps falling through to the
    /// code written after them, or going round a loop around `target` (the next round is
    /// emitted as a loop of its own).
    fn reaches_node(&self, from: Origin, target: usize, inside: &dyn Fn(usize) -> bool) -> bool {
        let round: Vec<usize> = self
            .loops
            .iter()
            .flatten()
            .filter(|l| l.contains(target) && l.head != target)
            .map(|l| l.head)
            .collect();
        let inside = |node: usize| inside(node) && !round.contains(&node);
        let (first, after) = match from {
            Origin::Suspension(k) => self.suspension_at[k],
            Origin::Stmt(s) => self.stmt_entry[s],
        };
        let ends = |node: usize, after: usize| self.running_in[node].iter().any(|&p| p > after);
        if ends(first, after) {
            return false;
        }
        let mut seen = vec![false; self.graph.nodes.len()];
        let mut work = self.graph.nodes[first].succ.clone();
        while let Some(i) = work.pop() {
            if i == target {
                return true;
            }
            if inside(i) && !std::mem::replace(&mut seen[i], true) && !ends(i, 0) {
                work.extend(&self.graph.nodes[i].succ);
            }
        }
        false
    }
}

/// Runs the analysis. A saved binding that a later one of the same name hides at the
/// suspension point cannot be named there: that is reported as an error.
pub fn analyze(body: &Body, errors: &mut Errors) -> Analysis {
    let mut b = Builder::new(body);
    let entry = b.cur;
    for &param in &body.params {
        b.scopes[0].push((body.bindings[param].ident.to_string(), param));
        b.event(Ev::Def(param));
    }
    b.ir_block(&body.root);
    b.edge(b.cur, b.exit);
    let width = b.next_id;
    let mut graph = b.graph;
    let runs_at = graph.attach_dead_code(entry);
    let facts = Facts::solve(&graph, entry, width);

    let mut saved = vec![Vec::new(); body.suspends.len()];
    let mut runs = vec![false; body.suspends.len()];
    for point in &b.suspensions {
        // One that never runs keeps nothing: the emitted code only type-checks its operand.
        runs[point.suspend] = runs_at[point.block];
        if !runs_at[point.block] {
            continue;
        }
        let state = facts.at(&graph, point.block, point.index);
        let keep: Vec<BindingId> = point
            .in_scope
            .iter()
            .copied()
            .filter(|&id| {
                let live = state.live.contains(id) && state.maybe_init.contains(id);
                let untouched = state.untouched.contains(id);
                let later = state.mentioned.contains(id) || body.bindings[id].is_guard();
                live || (untouched && later)
            })
            .collect();
        for &id in &keep {
            let name = body.bindings[id].ident.to_string();
            let hidden_by = point
                .in_scope
                .iter()
                .copied()
                .rfind(|&other| other > id && body.bindings[other].ident == name);
            if let Some(other) = hidden_by {
                errors.push(
                    body.bindings[other].ident.span(),
                    format!(
                        "this `{name}` hides an earlier `{name}` that is still needed after a \
                         suspension point in this scope: the generator cannot name the earlier \
                         one there to save it. Rename one of the two bindings"
                    ),
                );
            }
        }
        let mut keep = keep;
        keep.sort_unstable();
        saved[point.suspend] = keep;
    }
    let crossing = b
        .suspensions
        .iter()
        .flat_map(|p| p.in_scope.iter().copied())
        .collect();
    let mut in_scope = vec![Vec::new(); body.suspends.len()];
    for point in &b.suspensions {
        in_scope[point.suspend] = point.in_scope.clone();
    }
    let mut suspension_at = vec![(0, 0); body.suspends.len()];
    let mut running_in = vec![Vec::new(); graph.nodes.len()];
    for point in &b.suspensions {
        suspension_at[point.suspend] = (point.block, point.place);
        if runs[point.suspend] {
            running_in[point.block].push(point.place);
        }
    }
    Analysis {
        saved,
        runs,
        crossing,
        in_scope,
        mentions: b.mentions,
        graph,
        stmt_entry: b.stmt_entry,
        suspension_at,
        running_in,
        loops: b.loops,
    }
}

#[derive(Clone, Copy, Debug)]
enum Ev {
    Use(usize),
    Def(usize),
    /// `let x;`: a fresh binding, not initialized. In a loop, the value a previous round
    /// assigned is not this round's.
    Uninit(usize),
}

#[derive(Default)]
struct Node {
    events: Vec<Ev>,
    succ: Vec<usize>,
}

struct Graph {
    nodes: Vec<Node>,
    /// Edges of `break`, `continue`, `return`, `?` and the like: the code emitted for them
    /// jumps even where it never runs.
    jumps: BTreeSet<(usize, usize)>,
    /// From the node where control leaves (a jump, the end of a loop's body) to the node of
    /// the code written next, which may never run.
    written_after: Vec<(usize, usize)>,
}

impl Graph {
    /// Which nodes run: those reachable from `entry`.
    fn reachable(&self, entry: usize) -> Vec<bool> {
        let mut seen = vec![false; self.nodes.len()];
        let mut work = vec![entry];
        while let Some(i) = work.pop() {
            if !std::mem::replace(&mut seen[i], true) {
                work.extend(&self.nodes[i].succ);
            }
        }
        seen
    }

    /// Code written after a jump never runs, but it is emitted (rustc type-checks it and
    /// infers types from it), so the bindings it mentions must reach it: they are kept as if
    /// it ran right after the jump. Where it ends by falling into running code (the end of a
    /// branch, of a loop's body) the emitted code stops, so that edge is cut; where it jumps,
    /// the emitted code jumps too. Returns which nodes run.
    fn attach_dead_code(&mut self, entry: usize) -> Vec<bool> {
        let runs = self.reachable(entry);
        for (i, node) in self.nodes.iter_mut().enumerate() {
            if !runs[i] {
                node.succ
                    .retain(|&s| !runs[s] || self.jumps.contains(&(i, s)));
            }
        }
        for &(from, to) in &self.written_after {
            if !runs[to] && !self.nodes[from].succ.contains(&to) {
                self.nodes[from].succ.push(to);
            }
        }
        runs
    }
}

/// A suspension point's place in the graph.
struct SuspensionPoint {
    suspend: SuspendId,
    block: usize,
    /// Number of events of `block` before it.
    index: usize,
    /// Its place among statement starts and suspension points, in program order.
    place: usize,
    /// IR bindings in scope there, in declaration order.
    in_scope: Vec<BindingId>,
}

/// A `break`/`continue` destination.
struct Target {
    label: Option<String>,
    is_loop: bool,
    brk: usize,
    cont: usize,
}

struct Builder<'a> {
    body: &'a Body,
    graph: Graph,
    cur: usize,
    exit: usize,
    /// Name → binding id; ids below `body.bindings.len()` are IR bindings, the others are
    /// locals of plain code.
    scopes: Vec<Vec<(String, usize)>>,
    next_id: usize,
    targets: Vec<Target>,
    /// Inside a closure, an async block or a macro's tokens: everything mentioned is a use at
    /// the point of creation, and control flow inside does not affect the body's.
    flat: usize,
    stmt_stack: Vec<StmtId>,
    mentions: Vec<BTreeSet<BindingId>>,
    suspensions: Vec<SuspensionPoint>,
    /// Per IR statement, where it starts: node and place.
    stmt_entry: Vec<(usize, usize)>,
    /// Counts statement starts and suspension points, in program order (from 1).
    places: usize,
    /// Per IR loop statement, its nodes.
    loops: Vec<Option<LoopNodes>>,
}

impl<'a> Builder<'a> {
    fn new(body: &'a Body) -> Self {
        let mut graph = Graph {
            nodes: Vec::new(),
            jumps: BTreeSet::new(),
            written_after: Vec::new(),
        };
        graph.nodes.push(Node::default());
        graph.nodes.push(Node::default());
        Builder {
            body,
            graph,
            cur: 0,
            exit: 1,
            scopes: vec![Vec::new()],
            next_id: body.bindings.len(),
            targets: Vec::new(),
            flat: 0,
            stmt_stack: Vec::new(),
            mentions: vec![BTreeSet::new(); body.stmt_count],
            suspensions: Vec::new(),
            stmt_entry: vec![(0, 0); body.stmt_count],
            places: 0,
            loops: vec![None; body.stmt_count],
        }
    }

    // ----- graph construction -----

    fn new_node(&mut self) -> usize {
        if self.flat > 0 {
            return self.cur;
        }
        self.graph.nodes.push(Node::default());
        self.graph.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize) {
        if self.flat == 0 && !self.graph.nodes[from].succ.contains(&to) {
            self.graph.nodes[from].succ.push(to);
        }
    }

    /// Ends the current node with a conditional branch to `otherwise`; what follows runs in a
    /// new node (a node's events all happen before its edges are taken).
    fn branch(&mut self, otherwise: usize) {
        if self.flat > 0 {
            return;
        }
        self.edge(self.cur, otherwise);
        self.graph.jumps.insert((self.cur, otherwise));
        let next = self.new_node();
        self.edge(self.cur, next);
        self.cur = next;
    }

    /// Ends the current node with a jump to `to`; what follows is unreachable.
    fn jump(&mut self, to: usize) {
        if self.flat > 0 {
            return;
        }
        self.edge(self.cur, to);
        self.graph.jumps.insert((self.cur, to));
        let next = self.new_node();
        self.graph.written_after.push((self.cur, next));
        self.cur = next;
    }

    fn event(&mut self, ev: Ev) {
        let ev = match ev {
            Ev::Def(id) if self.flat > 0 => Ev::Use(id),
            ev => ev,
        };
        let (Ev::Use(id) | Ev::Def(id)) = ev else {
            // A declaration alone mentions nothing.
            self.graph.nodes[self.cur].events.push(ev);
            return;
        };
        if id < self.body.bindings.len()
            && let Some(&stmt) = self.stmt_stack.last()
        {
            self.mentions[stmt].insert(id);
        }
        self.graph.nodes[self.cur].events.push(ev);
    }

    // ----- names -----

    fn resolve(&self, name: &str) -> Option<usize> {
        self.scopes
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|&(_, id)| id)
    }

    fn mention(&mut self, ident: &syn::Ident) {
        if let Some(id) = self.resolve(&ident.to_string()) {
            self.event(Ev::Use(id));
        }
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        self.scopes.push(Vec::new());
        f(self);
        self.scopes.pop();
    }

    /// Declares the bindings of `pat` (with the given IR ids, or fresh local ids) and defines
    /// them at the current point.
    fn bind_pattern(&mut self, pat: &syn::Pat, ids: Option<&[BindingId]>) {
        let bindings = names::pat_bindings(pat);
        for (i, b) in bindings.iter().enumerate() {
            let id = match ids.and_then(|ids| ids.get(i)) {
                Some(&id) => id,
                None => {
                    self.next_id += 1;
                    self.next_id - 1
                }
            };
            self.scopes
                .last_mut()
                .expect("a scope is open")
                .push((b.ident.to_string(), id));
            self.event(Ev::Def(id));
        }
        // Constants and paths in patterns may name locals only through guards and bindings;
        // nothing to record here.
    }

    fn declare_ids(&mut self, ids: &[BindingId]) {
        for &id in ids {
            let name = self.body.bindings[id].ident.to_string();
            self.scopes
                .last_mut()
                .expect("a scope is open")
                .push((name, id));
            self.event(Ev::Def(id));
        }
    }

    // ----- the IR -----

    fn ir_block(&mut self, block: &Block) {
        self.scoped(|b| {
            b.declare_ids(&block.entry_bindings);
            for stmt in &block.stmts {
                b.ir_stmt(stmt);
            }
        });
    }

    fn ir_stmt(&mut self, stmt: &Stmt) {
        self.places += 1;
        self.stmt_entry[stmt.id] = (self.cur, self.places);
        self.stmt_stack.push(stmt.id);
        match &stmt.kind {
            StmtKind::Plain { stmt, declares } => self.syn_stmt(stmt, Some(declares)),
            StmtKind::Yield { id, value, resume } => {
                self.expr(value);
                let in_scope = self
                    .scopes
                    .iter()
                    .flatten()
                    .map(|&(_, id)| id)
                    .filter(|&id| id < self.body.bindings.len())
                    .collect();
                self.places += 1;
                self.suspensions.push(SuspensionPoint {
                    suspend: *id,
                    block: self.cur,
                    index: self.graph.nodes[self.cur].events.len(),
                    place: self.places,
                    in_scope,
                });
                if let Some(resume) = resume {
                    self.declare_ids(&[*resume]);
                }
            }
            StmtKind::If { cond, then, els } => {
                let join = self.new_node();
                let else_node = self.new_node();
                self.scopes.push(Vec::new());
                let mut ids = then.entry_bindings.iter().copied();
                self.condition(cond, else_node, &mut ids);
                for stmt in &then.stmts {
                    self.ir_stmt(stmt);
                }
                self.scopes.pop();
                self.edge(self.cur, join);
                self.cur = else_node;
                if let Some(els) = els {
                    self.ir_block(els);
                }
                self.edge(self.cur, join);
                self.cur = join;
            }
            StmtKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                let test = self.cur;
                let join = self.new_node();
                let entries: Vec<usize> = arms.iter().map(|_| self.new_node()).collect();
                for (i, arm) in arms.iter().enumerate() {
                    self.edge(test, entries[i]);
                    self.cur = entries[i];
                    self.scoped(|b| {
                        b.declare_ids(&arm.body.entry_bindings);
                        if let Some(guard) = &arm.guard {
                            b.expr(guard);
                            // A failing guard goes on to the next arms.
                            if let Some(&next) = entries.get(i + 1) {
                                b.branch(next);
                            }
                        }
                        for stmt in &arm.body.stmts {
                            b.ir_stmt(stmt);
                        }
                    });
                    self.edge(self.cur, join);
                }
                self.cur = join;
            }
            StmtKind::Loop { label, body, .. } => {
                let nodes = self.loop_(label.as_ref().map(|l| l.ident.to_string()), |b| {
                    b.ir_block(body)
                });
                self.loops[stmt.id] = Some(nodes);
            }
            StmtKind::Labeled { label, body, .. } => {
                let exit = self.new_node();
                self.targets.push(Target {
                    label: Some(label.ident.to_string()),
                    is_loop: false,
                    brk: exit,
                    cont: exit,
                });
                self.ir_block(body);
                self.targets.pop();
                self.edge(self.cur, exit);
                self.cur = exit;
            }
            StmtKind::Block(block) => self.ir_block(block),
        }
        self.stmt_stack.pop();
    }

    /// Returns the loop's nodes.
    fn loop_(&mut self, label: Option<String>, body: impl FnOnce(&mut Self)) -> LoopNodes {
        let head = self.new_node();
        let exit = self.new_node();
        self.edge(self.cur, head);
        self.cur = head;
        self.targets.push(Target {
            label,
            is_loop: true,
            brk: exit,
            cont: head,
        });
        body(self);
        self.targets.pop();
        self.edge(self.cur, head);
        if self.flat == 0 {
            self.graph.written_after.push((self.cur, exit));
        }
        self.cur = exit;
        LoopNodes {
            head,
            exit,
            last: self.graph.nodes.len() - 1,
        }
    }

    /// A condition (possibly a `let` chain): falls through when it holds, jumps to `otherwise`
    /// when it does not. `let` bindings go into the current scope, with `ids` if given.
    fn condition(
        &mut self,
        cond: &syn::Expr,
        otherwise: usize,
        ids: &mut dyn Iterator<Item = BindingId>,
    ) {
        match cond {
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.condition(&b.left, otherwise, ids);
                self.condition(&b.right, otherwise, ids);
            }
            syn::Expr::Let(l) => {
                self.expr(&l.expr);
                self.branch(otherwise);
                let count = names::pat_bindings(&l.pat).len();
                let given: Vec<BindingId> = ids.take(count).collect();
                let given = (given.len() == count).then_some(given);
                self.bind_pattern(&l.pat, given.as_deref());
            }
            other => {
                self.expr(other);
                self.branch(otherwise);
            }
        }
    }

    // ----- user code -----

    fn syn_stmt(&mut self, stmt: &syn::Stmt, declares: Option<&Vec<BindingId>>) {
        match stmt {
            syn::Stmt::Local(local) => {
                if let Some(init) = &local.init {
                    self.expr(&init.expr);
                    if let Some((_, diverge)) = &init.diverge {
                        // The else block branches off here; what follows the `let` runs in a
                        // node of its own.
                        let els = self.new_node();
                        self.branch(els);
                        let fallthrough = self.cur;
                        self.cur = els;
                        self.expr(diverge);
                        self.cur = fallthrough;
                    }
                }
                let ids = declares.filter(|d| !d.is_empty()).map(Vec::as_slice);
                if local.init.is_some() {
                    self.bind_pattern(&local.pat, ids);
                } else {
                    // `let x;` declares without initializing.
                    self.declare_uninit(&local.pat, ids);
                }
            }
            syn::Stmt::Item(_) => {}
            syn::Stmt::Expr(expr, _) => self.expr(expr),
            syn::Stmt::Macro(m) => self.macro_(&m.mac),
        }
    }

    fn declare_uninit(&mut self, pat: &syn::Pat, ids: Option<&[BindingId]>) {
        for (i, b) in names::pat_bindings(pat).iter().enumerate() {
            let id = match ids.and_then(|ids| ids.get(i)) {
                Some(&id) => id,
                None => {
                    self.next_id += 1;
                    self.next_id - 1
                }
            };
            self.scopes
                .last_mut()
                .expect("a scope is open")
                .push((b.ident.to_string(), id));
            if self.flat == 0 {
                self.event(Ev::Uninit(id));
            }
        }
    }

    fn block(&mut self, block: &syn::Block) {
        self.scoped(|b| {
            for stmt in &block.stmts {
                b.syn_stmt(stmt, None);
            }
        });
    }

    fn macro_(&mut self, mac: &syn::Macro) {
        let mut mentioned = Vec::new();
        names::macro_mentions(&mac.tokens, &mut mentioned);
        for ident in &mentioned {
            self.mention(ident);
        }
        let diverging = mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        });
        if diverging {
            self.jump(self.exit);
        }
    }

    /// A body that runs later or elsewhere (closure, async block): what it mentions is used
    /// now.
    fn capture(&mut self, f: impl FnOnce(&mut Self)) {
        self.flat += 1;
        let targets = std::mem::take(&mut self.targets);
        self.scoped(f);
        self.targets = targets;
        self.flat -= 1;
    }

    fn target(&self, label: Option<&syn::Lifetime>) -> Option<&Target> {
        self.targets.iter().rev().find(|t| match label {
            Some(l) => t.label.as_deref() == Some(&l.ident.to_string()),
            None => t.is_loop,
        })
    }

    fn expr(&mut self, expr: &syn::Expr) {
        match expr {
            syn::Expr::Path(p) => {
                if p.qself.is_none()
                    && let Some(ident) = p.path.get_ident()
                {
                    self.mention(ident);
                }
            }
            syn::Expr::Assign(a) => {
                self.expr(&a.right);
                match whole_binding(&a.left).and_then(|i| self.resolve(&i.to_string())) {
                    Some(id) => self.event(Ev::Def(id)),
                    None => self.expr(&a.left),
                }
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.expr(&b.left);
                let skip = self.cur;
                let right = self.new_node();
                self.edge(skip, right);
                self.cur = right;
                self.expr(&b.right);
                let join = self.new_node();
                self.edge(self.cur, join);
                self.edge(skip, join);
                self.cur = join;
            }
            syn::Expr::If(i) => {
                let join = self.new_node();
                let else_node = self.new_node();
                self.scoped(|b| {
                    b.condition(&i.cond, else_node, &mut std::iter::empty());
                    b.block(&i.then_branch);
                });
                self.edge(self.cur, join);
                self.cur = else_node;
                if let Some((_, els)) = &i.else_branch {
                    self.expr(els);
                }
                self.edge(self.cur, join);
                self.cur = join;
            }
            syn::Expr::Match(m) => {
                self.expr(&m.expr);
                let test = self.cur;
                let join = self.new_node();
                let entries: Vec<usize> = m.arms.iter().map(|_| self.new_node()).collect();
                for (i, arm) in m.arms.iter().enumerate() {
                    self.edge(test, entries[i]);
                    self.cur = entries[i];
                    self.scoped(|b| {
                        b.bind_pattern(&arm.pat, None);
                        if let Some((_, guard)) = &arm.guard {
                            b.expr(guard);
                            // A failing guard goes on to the next arms.
                            if let Some(&next) = entries.get(i + 1) {
                                b.branch(next);
                            }
                        }
                        b.expr(&arm.body);
                    });
                    self.edge(self.cur, join);
                }
                self.cur = join;
            }
            syn::Expr::Loop(l) => {
                let label = l.label.as_ref().map(|l| l.name.ident.to_string());
                self.loop_(label, |b| b.block(&l.body));
            }
            syn::Expr::While(w) => {
                let label = w.label.as_ref().map(|l| l.name.ident.to_string());
                self.loop_(label, |b| {
                    let exit = b.targets.last().map(|t| t.brk).expect("the loop's target");
                    b.scoped(|b| {
                        b.condition(&w.cond, exit, &mut std::iter::empty());
                        b.block(&w.body);
                    });
                });
            }
            syn::Expr::ForLoop(f) => {
                self.expr(&f.expr);
                let label = f.label.as_ref().map(|l| l.name.ident.to_string());
                self.loop_(label, |b| {
                    let exit = b.targets.last().map(|t| t.brk).expect("the loop's target");
                    b.branch(exit);
                    b.scoped(|b| {
                        b.bind_pattern(&f.pat, None);
                        b.block(&f.body);
                    });
                });
            }
            syn::Expr::Block(b) => match &b.label {
                Some(label) => {
                    let exit = self.new_node();
                    self.targets.push(Target {
                        label: Some(label.name.ident.to_string()),
                        is_loop: false,
                        brk: exit,
                        cont: exit,
                    });
                    self.block(&b.block);
                    self.targets.pop();
                    self.edge(self.cur, exit);
                    self.cur = exit;
                }
                None => self.block(&b.block),
            },
            syn::Expr::Unsafe(u) => self.block(&u.block),
            syn::Expr::TryBlock(t) => self.block(&t.block),
            syn::Expr::Const(_) => {}
            syn::Expr::Closure(c) => self.capture(|b| {
                for input in &c.inputs {
                    b.bind_pattern(input, None);
                }
                b.expr(&c.body);
            }),
            syn::Expr::Async(a) => self.capture(|b| b.block(&a.block)),
            syn::Expr::Macro(m) => self.macro_(&m.mac),
            syn::Expr::Return(r) => {
                if let Some(value) = &r.expr {
                    self.expr(value);
                }
                self.jump(self.exit);
            }
            syn::Expr::Break(b) => {
                if let Some(value) = &b.expr {
                    self.expr(value);
                }
                if let Some(to) = self.target(b.label.as_ref()).map(|t| t.brk) {
                    self.jump(to);
                }
            }
            syn::Expr::Continue(c) => {
                if let Some(to) = self.target(c.label.as_ref()).map(|t| t.cont) {
                    self.jump(to);
                }
            }
            syn::Expr::Try(t) => {
                self.expr(&t.expr);
                self.branch(self.exit);
            }
            syn::Expr::Let(l) => {
                self.expr(&l.expr);
                self.bind_pattern(&l.pat, None);
            }
            _ => {
                let mut children = Vec::new();
                children_in_order(expr, &mut children);
                for child in children {
                    self.expr(child);
                }
            }
        }
    }
}

/// The binding an assignment overwrites as a whole (`x = ..`), if that is what it does.
fn whole_binding(place: &syn::Expr) -> Option<&syn::Ident> {
    match place {
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident(),
        syn::Expr::Paren(p) => whole_binding(&p.expr),
        _ => None,
    }
}

/// The sub-expressions of an expression without control flow of its own, in evaluation order.
fn children_in_order<'e>(expr: &'e syn::Expr, out: &mut Vec<&'e syn::Expr>) {
    match expr {
        syn::Expr::Array(a) => out.extend(&a.elems),
        syn::Expr::Tuple(t) => out.extend(&t.elems),
        syn::Expr::Await(a) => out.push(&a.base),
        syn::Expr::Binary(b) => out.extend([&*b.left, &*b.right]),
        syn::Expr::Call(c) => {
            out.push(&c.func);
            out.extend(&c.args);
        }
        syn::Expr::MethodCall(m) => {
            out.push(&m.receiver);
            out.extend(&m.args);
        }
        syn::Expr::Cast(c) => out.push(&c.expr),
        syn::Expr::Field(f) => out.push(&f.base),
        syn::Expr::Group(g) => out.push(&g.expr),
        syn::Expr::Paren(p) => out.push(&p.expr),
        syn::Expr::Index(i) => out.extend([&*i.expr, &*i.index]),
        syn::Expr::Range(r) => {
            out.extend(r.start.as_deref());
            out.extend(r.end.as_deref());
        }
        syn::Expr::RawAddr(r) => out.push(&r.expr),
        syn::Expr::Reference(r) => out.push(&r.expr),
        syn::Expr::Repeat(r) => out.push(&r.expr),
        syn::Expr::Struct(s) => {
            out.extend(s.fields.iter().map(|f| &f.expr));
            out.extend(s.rest.as_deref());
        }
        syn::Expr::Unary(u) => out.push(&u.expr),
        _ => {}
    }
}

// ----- dataflow -----

/// A set of binding ids.
#[derive(Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(width: usize) -> Self {
        Bits(vec![0; width.div_ceil(64)])
    }

    fn full(width: usize) -> Self {
        Bits(vec![u64::MAX; width.div_ceil(64)])
    }

    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    fn union(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn intersect(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// The facts at one point.
struct State {
    live: Bits,
    mentioned: Bits,
    maybe_init: Bits,
    untouched: Bits,
}

/// Fixed points of the four analyses, at node boundaries.
struct Facts {
    /// Backward facts at each node's exit.
    live_out: Vec<Bits>,
    mentioned_out: Vec<Bits>,
    /// Forward facts at each node's entry.
    maybe_in: Vec<Bits>,
    untouched_in: Vec<Bits>,
}

impl Facts {
    fn solve(graph: &Graph, entry: usize, width: usize) -> Facts {
        let n = graph.nodes.len();
        let mut preds = vec![Vec::new(); n];
        for (i, node) in graph.nodes.iter().enumerate() {
            for &s in &node.succ {
                preds[s].push(i);
            }
        }

        // Backward: live (uses before defs) and mentioned (any event).
        let mut live_in = vec![Bits::empty(width); n];
        let mut mentioned_in = vec![Bits::empty(width); n];
        let mut live_out = vec![Bits::empty(width); n];
        let mut mentioned_out = vec![Bits::empty(width); n];
        let mut changed = true;
        while changed {
            changed = false;
            for i in (0..n).rev() {
                let mut live = Bits::empty(width);
                let mut mentioned = Bits::empty(width);
                for &s in &graph.nodes[i].succ {
                    live.union(&live_in[s]);
                    mentioned.union(&mentioned_in[s]);
                }
                live_out[i] = live.clone();
                mentioned_out[i] = mentioned.clone();
                for ev in graph.nodes[i].events.iter().rev() {
                    backward(ev, &mut live, &mut mentioned);
                }
                if live != live_in[i] || mentioned != mentioned_in[i] {
                    live_in[i] = live;
                    mentioned_in[i] = mentioned;
                    changed = true;
                }
            }
        }

        // Forward: maybe initialized (may), initialized and untouched since (must).
        let mut maybe_in = vec![Bits::empty(width); n];
        let mut maybe_out = vec![Bits::empty(width); n];
        let mut untouched_in = vec![Bits::full(width); n];
        let mut untouched_out = vec![Bits::full(width); n];
        untouched_in[entry] = Bits::empty(width);
        let mut changed = true;
        while changed {
            changed = false;
            for i in 0..n {
                let mut maybe = Bits::empty(width);
                let mut untouched = if i == entry {
                    Bits::empty(width)
                } else {
                    Bits::full(width)
                };
                for &p in &preds[i] {
                    maybe.union(&maybe_out[p]);
                    untouched.intersect(&untouched_out[p]);
                }
                maybe_in[i] = maybe.clone();
                untouched_in[i] = untouched.clone();
                for ev in &graph.nodes[i].events {
                    forward(ev, &mut maybe, &mut untouched);
                }
                if maybe != maybe_out[i] || untouched != untouched_out[i] {
                    maybe_out[i] = maybe;
                    untouched_out[i] = untouched;
                    changed = true;
                }
            }
        }
        Facts {
            live_out,
            mentioned_out,
            maybe_in,
            untouched_in,
        }
    }

    /// The facts between event `index - 1` and event `index` of `node`.
    fn at(&self, graph: &Graph, node: usize, index: usize) -> State {
        let events = &graph.nodes[node].events;
        let mut live = self.live_out[node].clone();
        let mut mentioned = self.mentioned_out[node].clone();
        for ev in events[index..].iter().rev() {
            backward(ev, &mut live, &mut mentioned);
        }
        let mut maybe_init = self.maybe_in[node].clone();
        let mut untouched = self.untouched_in[node].clone();
        for ev in &events[..index] {
            forward(ev, &mut maybe_init, &mut untouched);
        }
        State {
            live,
            mentioned,
            maybe_init,
            untouched,
        }
    }
}

fn backward(ev: &Ev, live: &mut Bits, mentioned: &mut Bits) {
    match *ev {
        Ev::Use(id) => {
            live.insert(id);
            mentioned.insert(id);
        }
        Ev::Def(id) => {
            live.remove(id);
            mentioned.insert(id);
        }
        // No earlier value reaches a use after it.
        Ev::Uninit(id) => live.remove(id),
    }
}

fn forward(ev: &Ev, maybe: &mut Bits, untouched: &mut Bits) {
    match *ev {
        Ev::Use(id) => untouched.remove(id),
        Ev::Def(id) => {
            maybe.insert(id);
            untouched.insert(id);
        }
        Ev::Uninit(id) => {
            maybe.remove(id);
            untouched.remove(id);
        }
    }
}
