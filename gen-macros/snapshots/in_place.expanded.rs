fn histogram(
    values: Vec<usize>,
    log: Log,
) -> impl Generator<Yield = u32, Return = [u32; 4]> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete as __complete,
    };
    #[derive(Clone)]
    #[repr(usize)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1, __T2, __T3, __T4, __T5, __T6, __T7> {
        Start((__T0, __T1)),
        S0((__T7, __T6, __T5, __T4, __T3, __T2)),
        Poisoned,
        Done,
    }
    impl<
        __T0,
        __T1,
        __T2,
        __T3,
        __T4,
        __T5,
        __T6,
        __T7,
    > ::gen_core::__private::StateMachine
    for __State<__T0, __T1, __T2, __T3, __T4, __T5, __T6, __T7> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = true;
        const GUARDED: bool = true;
    }
    let __generator = ::gen_core::__private::generated(
        __State::Start((values, log)),
        move |
            __state: &mut __State<_, _, _, _, _, _, _, _>,
            __resume: ::gen_core::__private::Option<()>,
        | -> ::gen_core::__private::GeneratorState<u32, [u32; 4]> {
            match __state {
                __State::Start(..) => {
                    let __State::Start((__arg0, __arg1)) = ::gen_core::__private::replace(
                        __state,
                        __State::Poisoned,
                    ) else { ::core::unreachable!() };
                    ::gen_core::__private::start_arg(__resume);
                    let values: Vec<usize> = __arg0;
                    let log: Log = __arg1;
                    let _first = Noisy("first", log.clone());
                    #[allow(unused_mut)]
                    let mut counts = [0u32; 4];
                    let _last = Noisy("last", log.clone());
                    {
                        #[allow(unused_mut)]
                        let mut __iter0 = (&&::gen_core::__private::WalkProbe::new(
                            &values,
                        ))
                            .walker(&values);
                        #[allow(unused_labels)]
                        '__loop2: loop {
                            match ::gen_core::__private::Walk::next_in(
                                &mut __iter0,
                                &values,
                            ) {
                                ::gen_core::__private::Some(&v) => {
                                    if v >= 4 {
                                        return __complete(__state, [9; 4]);
                                    }
                                    counts[v] += 1;
                                    {
                                        let __yielded: u32 = counts[v];
                                        #[allow(clippy::used_underscore_binding)]
                                        {
                                            *__state = __State::S0((
                                                __iter0,
                                                _last,
                                                counts,
                                                _first,
                                                log,
                                                values,
                                            ));
                                        }
                                        return ::gen_core::__private::GeneratorState::Yielded(
                                            __yielded,
                                        );
                                    }
                                }
                                ::gen_core::__private::None => {
                                    break '__loop2;
                                }
                            };
                        };
                    };
                    log.borrow_mut().push("loop done".into());
                    return __complete(__state, counts);
                }
                __State::S0(
                    (
                        __in_place7,
                        __in_place6,
                        __in_place5,
                        __in_place4,
                        __in_place3,
                        __in_place2,
                    ),
                ) => {
                    #[allow(unused_mut, unused_variables)]
                    let values: Vec<usize>;
                    #[allow(unused_mut, unused_variables)]
                    let log: Log;
                    #[allow(unused_mut, unused_variables)]
                    let _first;
                    #[allow(unused_mut, unused_variables)]
                    let mut counts;
                    #[allow(unused_mut, unused_variables)]
                    let _last;
                    {
                        #[allow(unused_mut, unused_variables)]
                        let mut __iter0;
                        {
                            {
                                ::gen_core::__private::resume_arg(__resume);
                            };
                        }
                        #[allow(unused_labels)]
                        '__loop2: loop {
                            match ::gen_core::__private::Walk::next_in(
                                &mut (*__in_place7),
                                &(*__in_place2),
                            ) {
                                ::gen_core::__private::Some(&v) => {
                                    if v >= 4 {
                                        return __complete(__state, [9; 4]);
                                    }
                                    (*__in_place5)[v] += 1;
                                    {
                                        let __yielded: u32 = (*__in_place5)[v];
                                        return ::gen_core::__private::GeneratorState::Yielded(
                                            __yielded,
                                        );
                                    }
                                }
                                ::gen_core::__private::None => {
                                    break '__loop2;
                                }
                            };
                        };
                        let __State::S0(
                            (
                                __stored7,
                                __stored6,
                                __stored5,
                                __stored4,
                                __stored3,
                                __stored2,
                            ),
                        ) = ::gen_core::__private::replace(__state, __State::Poisoned)
                        else { ::core::unreachable!() };
                        #[allow(unused_assignments)]
                        {
                            values = __stored2;
                        }
                        #[allow(unused_assignments)]
                        {
                            log = __stored3;
                        }
                        #[allow(unused_assignments)]
                        {
                            _first = __stored4;
                        }
                        #[allow(unused_assignments)]
                        {
                            counts = __stored5;
                        }
                        #[allow(unused_assignments)]
                        {
                            _last = __stored6;
                        }
                        #[allow(unused_assignments)]
                        {
                            __iter0 = __stored7;
                        }
                    };
                    log.borrow_mut().push("loop done".into());
                    return __complete(__state, counts);
                }
                __end @ (__State::Poisoned | __State::Done) => {
                    ::gen_core::__private::resumed_after_end(
                        ::core::matches!(__end, __State::Done),
                    )
                }
            }
        },
    );
    __generator
}
