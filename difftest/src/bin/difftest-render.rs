//! Prints the generated program(s) of a run: `difftest-render SEED INDEX [COUNT]`.

use difftest::program::{Program, program_seed};

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let (seed, first) = match args[..] {
        [seed, first, ..] => (seed, first as usize),
        _ => {
            eprintln!("usage: difftest-render SEED INDEX [COUNT]");
            std::process::exit(2);
        }
    };
    let count = args.get(2).copied().unwrap_or(1) as usize;
    for index in first..first + count {
        let pseed = program_seed(seed, index);
        let prog = Program::generate(pseed);
        println!(
            "// seed {seed}, program {index} (program seed {pseed}), driven with n = {}",
            prog.arg
        );
        print!("{}", prog.render(index));
    }
}
