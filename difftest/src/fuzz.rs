//! The expander fuzz harness (feature `expander-fuzz`): token trees derived from generated
//! programs, mutated, and arbitrary token soup, fed to the `#[generator]` expansion, which must
//! never panic (only return code or a spanned `compile_error!`).
//!
//! The expander lives in a proc-macro crate, whose functions cannot be called from outside:
//! [`run`] takes the expander as an argument and drives a local copy of gen-macros built as a
//! plain library (see the README). The expander fuzz test that runs in CI is gen-macros' own
//! `expansion_never_panics_on_mutated_input`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::program::{Program, Rng, program_seed};

/// What a fuzz run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Inputs expanded.
    pub inputs: usize,
    /// Of those, how many were generated programs mutated (the rest: token soup).
    pub mutated_programs: usize,
    /// Expansions that contained `compile_error`.
    pub errors: usize,
    /// Panics: the input and the panic message.
    pub panics: Vec<(String, String)>,
}

/// Feeds `iterations` inputs derived from `seed` to `expand`.
pub fn run(
    seed: u64,
    iterations: usize,
    expand: &dyn Fn(TokenStream, TokenStream) -> TokenStream,
) -> Report {
    let mut rng = Rng::new(seed);
    let mut report = Report::default();
    for i in 0..iterations {
        let (attr, item) = input(&mut rng, seed, i, &mut report);
        let shown = format!("#[generator({attr})] {item}");
        let loud = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let out = catch_unwind(AssertUnwindSafe(|| expand(attr, item)));
        std::panic::set_hook(loud);
        report.inputs += 1;
        match out {
            Ok(ts) => {
                if ts.to_string().contains("compile_error") {
                    report.errors += 1;
                }
            }
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                report.panics.push((shown, msg));
            }
        }
    }
    report
}

fn input(rng: &mut Rng, seed: u64, i: usize, report: &mut Report) -> (TokenStream, TokenStream) {
    let attr = match rng.below(10) {
        0 => soup(rng, 3, 1),
        1 => "crate = gen_core".parse().unwrap(),
        _ => TokenStream::new(),
    };
    if rng.chance(85) {
        report.mutated_programs += 1;
        let prog = Program::generate(program_seed(seed, i));
        let src = prog.render(i);
        // One function of the program, without its attribute.
        let funcs: Vec<&str> = src
            .split("#[generator]")
            .filter(|s| !s.trim().is_empty())
            .collect();
        let f = funcs[rng.below(funcs.len() as u64) as usize];
        let mut ts: TokenStream = f.parse().expect("rendered programs tokenize");
        for _ in 0..rng.below(3) {
            ts = mutate(ts, rng);
        }
        (attr, ts)
    } else {
        let mut ts: TokenStream = "fn g() -> impl Generator<Yield = i64, Return = ()>"
            .parse()
            .unwrap();
        ts.extend([TokenTree::Group(Group::new(
            Delimiter::Brace,
            soup(rng, 30, 3),
        ))]);
        (attr, ts)
    }
}

const WORDS: &[&str] = &[
    "let",
    "mut",
    "if",
    "else",
    "match",
    "loop",
    "while",
    "for",
    "in",
    "break",
    "continue",
    "return",
    "async",
    "await",
    "move",
    "fn",
    "impl",
    "self",
    "Self",
    "_",
    "ref",
    "as",
    "unsafe",
    "const",
    "static",
    "struct",
    "yield",
    "dyn",
    "where",
    "x",
    "v1",
    "_g1",
    "X",
    "n",
    "t",
    "r#yield",
    "yield_from",
    "Some",
    "None",
    "Ok",
    "Err",
    "drop",
    "vec",
    "Generator",
];

const PUNCT: &[&str] = &[
    "=", ";", ",", ".", "?", "!", "&&", "||", "+", "-", "*", "&", "|", "=>", "<", ">", "::", ":",
    "..", "..=", "^=", "+=", "#", "'l1", "'l2", "'a",
];

fn leaf(rng: &mut Rng) -> TokenStream {
    match rng.below(5) {
        0 | 1 => {
            let w = WORDS[rng.below(WORDS.len() as u64) as usize];
            w.parse().unwrap()
        }
        2 => {
            let p = PUNCT[rng.below(PUNCT.len() as u64) as usize];
            p.parse().unwrap()
        }
        3 => TokenTree::Literal(Literal::i64_suffixed(rng.range(-3, 9))).into(),
        _ => match rng.below(4) {
            0 => "r#yield!(1)".parse().unwrap(),
            1 => "yield_from!(g())".parse().unwrap(),
            2 => "break 'l1 3".parse().unwrap(),
            _ => "'l1: loop {}".parse().unwrap(),
        },
    }
}

/// Random tokens with nested groups.
fn soup(rng: &mut Rng, len: u64, depth: u32) -> TokenStream {
    let mut out = TokenStream::new();
    for _ in 0..rng.below(len + 1) {
        if depth > 0 && rng.chance(15) {
            out.extend([TokenTree::Group(Group::new(
                delim(rng),
                soup(rng, len / 2, depth - 1),
            ))]);
        } else {
            out.extend(leaf(rng));
        }
    }
    out
}

fn delim(rng: &mut Rng) -> Delimiter {
    match rng.below(4) {
        0 => Delimiter::Parenthesis,
        1 => Delimiter::Bracket,
        2 => Delimiter::Brace,
        _ => Delimiter::None,
    }
}

/// One mutation somewhere in the tree (descending into groups at random).
pub fn mutate(ts: TokenStream, rng: &mut Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = ts.into_iter().collect();
    if trees.is_empty() {
        return leaf(rng);
    }
    let i = rng.below(trees.len() as u64) as usize;
    if let TokenTree::Group(g) = &trees[i]
        && rng.chance(70)
    {
        let inner = mutate(g.stream(), rng);
        let mut ng = Group::new(g.delimiter(), inner);
        ng.set_span(g.span());
        trees[i] = TokenTree::Group(ng);
        return trees.into_iter().collect();
    }
    match rng.below(8) {
        0 => {
            trees.remove(i);
        }
        1 => {
            let t = trees[i].clone();
            trees.insert(i, t);
        }
        2 => {
            let j = rng.below(trees.len() as u64) as usize;
            trees.swap(i, j);
        }
        3 => {
            let new: Vec<TokenTree> = leaf(rng).into_iter().collect();
            trees.splice(i..i, new);
        }
        4 => {
            if let TokenTree::Group(g) = &trees[i] {
                trees[i] = TokenTree::Group(Group::new(delim(rng), g.stream()));
            } else {
                trees[i] = TokenTree::Ident(Ident::new_raw("yield", Span::call_site()));
            }
        }
        5 => trees.truncate(i + 1),
        6 => {
            trees[i] = TokenTree::Punct(Punct::new('?', Spacing::Alone));
        }
        _ => {
            // Replace with another tree of the same stream.
            let j = rng.below(trees.len() as u64) as usize;
            trees[i] = trees[j].clone();
        }
    }
    trees.into_iter().collect()
}
