//! Generators as methods, taking `self`, `&self` and `&mut self`.

use gen_core::prelude::*;

struct Tree {
    value: u32,
    children: Vec<Tree>,
}

impl Tree {
    #[generator]
    fn values(&self) -> impl Generator<Yield = u32, Return = ()> + '_ {
        r#yield!(self.value);
        for child in &self.children {
            yield_from!(child.values().boxed());
        }
    }

    #[generator]
    fn bump_all(&mut self, by: u32) -> impl Generator<Yield = u32, Return = u32> + '_ {
        self.value += by;
        r#yield!(self.value);
        let mut n = 1;
        for child in self.children.iter_mut() {
            child.value += by;
            r#yield!(child.value);
            n += 1;
        }
        n
    }

    #[generator]
    fn into_values(self) -> impl Generator<Yield = u32, Return = ()> {
        let Tree { value, children } = self;
        r#yield!(value);
        for child in children {
            yield_from!(child.into_values().boxed());
        }
    }
}

fn tree() -> Tree {
    Tree {
        value: 1,
        children: vec![
            Tree {
                value: 2,
                children: vec![Tree {
                    value: 3,
                    children: vec![],
                }],
            },
            Tree {
                value: 4,
                children: vec![],
            },
        ],
    }
}

#[test]
fn ref_self() {
    let t = tree();
    assert_eq!(t.values().iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
}

#[test]
fn mut_self() {
    let mut t = tree();
    let mut it = t.bump_all(10).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [11, 12, 14]);
    assert_eq!(it.into_return(), Some(3));
    assert_eq!(t.values().iter().collect::<Vec<_>>(), [11, 12, 3, 14]);
}

#[test]
fn by_value_self() {
    assert_eq!(
        tree().into_values().iter().collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
}

mod generic {
    use gen_core::prelude::*;

    #[generator]
    pub fn pairs<'a, T: Clone + 'a, I>(
        items: I,
    ) -> impl Generator<Yield = (T, T), Return = usize> + 'a
    where
        I: IntoIterator<Item = &'a T> + 'a,
    {
        let mut previous: Option<T> = None;
        let mut count = 0;
        for item in items {
            if let Some(p) = previous.take() {
                r#yield!((p, item.clone()));
                count += 1;
            }
            previous = Some(item.clone());
        }
        count
    }

    #[generator]
    pub fn destructured((a, b): (u8, u8), mut c: u8) -> impl Iterator<Item = u8> {
        c += 1;
        r#yield!(a);
        r#yield!(b);
        r#yield!(c);
    }
}

#[test]
fn generics_lifetimes_where_clauses_and_patterns() {
    let v = vec!["a".to_string(), "b".into(), "c".into()];
    let mut it = generic::pairs(&v).iter();
    assert_eq!(it.by_ref().count(), 2);
    assert_eq!(it.into_return(), Some(2));
    assert_eq!(
        generic::destructured((1, 2), 3).collect::<Vec<_>>(),
        [1, 2, 4]
    );
}

#[generator]
fn words(text: &str) -> impl Iterator<Item = &str> {
    for word in text.split(' ') {
        if !word.is_empty() {
            r#yield!(word);
        }
    }
}

#[generator]
fn first_chars<'a>(items: &'a [String]) -> impl Generator<Yield = &'a str, Return = usize> + 'a {
    let mut count = 0;
    for s in items {
        r#yield!(&s[..1]);
        count += 1;
    }
    count
}

#[test]
fn elided_and_named_lifetimes_in_the_yield_type() {
    assert_eq!(words("a  bc d").collect::<Vec<_>>(), ["a", "bc", "d"]);
    let items = vec!["xy".to_string(), "z".to_string()];
    let mut it = first_chars(&items).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), ["x", "z"]);
    assert_eq!(it.into_return(), Some(2));
}

#[generator]
fn displayable(n: u32) -> impl Generator<Yield = impl std::fmt::Display, Return = ()> {
    for i in 0..n {
        r#yield!(format!("<{i}>"));
    }
}

#[test]
fn impl_trait_in_the_yield_type() {
    let shown: Vec<String> = displayable(2).iter().map(|d| d.to_string()).collect();
    assert_eq!(shown, ["<0>", "<1>"]);
}

trait Shape {
    fn sides(&self) -> u32;

    /// A default method that is a generator.
    #[generator]
    fn corners(&self) -> impl Generator<Yield = u32, Return = ()> + '_ {
        for i in 0..self.sides() {
            r#yield!(i);
        }
    }

    fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_;
}

struct Triangle;

impl Shape for Triangle {
    fn sides(&self) -> u32 {
        3
    }

    #[generator]
    fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let n = self.sides();
        for i in 0..n {
            r#yield!((i, (i + 1) % n));
        }
    }
}

#[test]
fn generators_in_traits() {
    assert_eq!(Triangle.corners().iter().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(
        Triangle.edges().collect::<Vec<_>>(),
        [(0, 1), (1, 2), (2, 0)]
    );
}
