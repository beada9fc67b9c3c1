fn delegate(
    items: Vec<&'static str>,
) -> impl Generator<Yield = u32, Return = Result<u32, std::num::ParseIntError>> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete_stepped as __complete, yielded as __yield,
    };
    #[derive(Clone)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1, __T2, __T3, __T7> {
        Start(__T0),
        S0(__T7, (__T3, __T2, __T1)),
        Poisoned,
        Done,
    }
    impl<__T0, __T1, __T2, __T3, __T7> ::gen_core::__private::StateMachine
    for __State<__T0, __T1, __T2, __T3, __T7> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = false;
        const GUARDED: bool = true;
        #[inline(always)]
        fn set_done(&mut self) {
            *self = __State::Done;
        }
        #[inline(always)]
        fn set_poisoned(&mut self) {
            *self = __State::Poisoned;
        }
    }
    let __generator = ::gen_core::__private::delegating(
        __State::Start(items),
        move |
            __erased_state: ::gen_core::__private::StateRef<'_>,
            __resume: ::gen_core::__private::Entry<()>,
            __relocate: &mut bool,
        | -> ::gen_core::__private::Stepped<
            __State<_, _, _, _, _>,
            u32,
            Result<u32, std::num::ParseIntError>,
        > {
            let __state: &mut __State<_, _, _, _, _> = match ::gen_core::__private::StateRef::get(
                __erased_state,
            ) {
                ::gen_core::__private::Ok(__state) => __state,
                ::gen_core::__private::Err(__wrong) => return __wrong.report(),
            };
            match __state {
                __State::Start(..) => {
                    let __State::Start(__arg0) = ::gen_core::__private::replace(
                        __state,
                        __State::Poisoned,
                    ) else { ::core::unreachable!() };
                    ::gen_core::__private::start_arg(__resume);
                    let items: Vec<&'static str> = __arg0;
                    #[allow(unused_mut)]
                    let mut sum = 0;
                    {
                        #[allow(unused_mut)]
                        let mut __iter0 = (&&::gen_core::__private::WalkProbe::new(
                            &items,
                        ))
                            .walker(&items);
                        #[allow(unused_labels)]
                        '__loop2: loop {
                            match ::gen_core::__private::Walk::next_in(
                                &mut __iter0,
                                &items,
                            ) {
                                ::gen_core::__private::Some(s) => {
                                    let n: u32 = match ::gen_core::__private::Branch::branch(
                                        s.parse(),
                                    ) {
                                        ::gen_core::__private::ControlFlow::Continue(__value) => {
                                            __value
                                        }
                                        ::gen_core::__private::ControlFlow::Break(__residual) => {
                                            return __complete(
                                                __state,
                                                ::gen_core::__private::FromResidual::from_residual(
                                                    __residual,
                                                ),
                                            );
                                        }
                                    };
                                    let __t3;
                                    {
                                        #[allow(unused_mut)]
                                        let mut __delegate2 = ::gen_core::__private::Delegate::new::<
                                            (),
                                        >(
                                            (&&::gen_core::__private::Operand::<_, ()>::new(counter(n)))
                                                .yield_from_delegate(),
                                        );
                                        #[allow(unused_mut)]
                                        let mut __step2 = ::gen_core::__private::Delegate::start::<
                                            (),
                                        >({ &mut __delegate2 }, &mut *__relocate);
                                        #[allow(unused_labels)]
                                        '__loop5: loop {
                                            match __step2 {
                                                ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded2,
                                                ) => {
                                                    let __yielded: u32 = __yielded2;
                                                    #[allow(clippy::used_underscore_binding)]
                                                    {
                                                        *__state = __State::S0(__delegate2, (__iter0, sum, items));
                                                    }
                                                    return __yield(__state, __yielded);
                                                }
                                                ::gen_core::__private::GeneratorState::Complete(
                                                    __returned2,
                                                ) => {
                                                    {
                                                        __t3 = __returned2;
                                                        break '__loop5;
                                                    };
                                                }
                                            };
                                        };
                                    };
                                    sum += __t3;
                                }
                                ::gen_core::__private::None => {
                                    break '__loop2;
                                }
                            };
                        };
                    };
                    return __complete(__state, Ok(sum));
                }
                __State::S0(__in_place7, (__in_place3, __in_place2, __in_place1)) => {
                    #[allow(unused_mut, unused_variables)]
                    let items: Vec<&'static str>;
                    #[allow(unused_mut, unused_variables)]
                    let mut sum;
                    {
                        #[allow(unused_mut, unused_variables)]
                        let mut __iter0;
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let __t3;
                                {
                                    #[allow(unused_mut, unused_variables)]
                                    let mut __delegate2;
                                    #[allow(unused_mut, unused_variables)]
                                    let mut __step2;
                                    {
                                        {
                                            let __resume5 = __resume;
                                            let __entry2 = __resume5;
                                            __step2 = ::gen_core::__private::Delegate::resume_entry::<
                                                (),
                                            >({ &mut (*__in_place7) }, __entry2, &mut *__relocate);
                                        };
                                    }
                                    #[allow(unused_labels)]
                                    '__loop5: loop {
                                        match __step2 {
                                            ::gen_core::__private::GeneratorState::Yielded(
                                                __yielded2,
                                            ) => {
                                                let __yielded: u32 = __yielded2;
                                                return __yield(__state, __yielded);
                                            }
                                            ::gen_core::__private::GeneratorState::Complete(
                                                __returned2,
                                            ) => {
                                                {
                                                    __t3 = __returned2;
                                                    break '__loop5;
                                                };
                                            }
                                        };
                                    };
                                    let __State::S0(
                                        __stored7,
                                        (__stored3, __stored2, __stored1),
                                    ) = ::gen_core::__private::replace(
                                        __state,
                                        __State::Poisoned,
                                    ) else { ::core::unreachable!() };
                                    #[allow(unused_assignments)]
                                    {
                                        items = __stored1;
                                    }
                                    #[allow(unused_assignments)]
                                    {
                                        sum = __stored2;
                                    }
                                    #[allow(unused_assignments)]
                                    {
                                        __iter0 = __stored3;
                                    }
                                    #[allow(unused_assignments)]
                                    {
                                        __delegate2 = __stored7;
                                    }
                                };
                                sum += __t3;
                            };
                        }
                        #[allow(unused_labels)]
                        '__loop2: loop {
                            match ::gen_core::__private::Walk::next_in(
                                &mut __iter0,
                                &items,
                            ) {
                                ::gen_core::__private::Some(s) => {
                                    let n: u32 = match ::gen_core::__private::Branch::branch(
                                        s.parse(),
                                    ) {
                                        ::gen_core::__private::ControlFlow::Continue(__value) => {
                                            __value
                                        }
                                        ::gen_core::__private::ControlFlow::Break(__residual) => {
                                            return __complete(
                                                __state,
                                                ::gen_core::__private::FromResidual::from_residual(
                                                    __residual,
                                                ),
                                            );
                                        }
                                    };
                                    let __t3;
                                    {
                                        #[allow(unused_mut)]
                                        let mut __delegate2 = ::gen_core::__private::Delegate::new::<
                                            (),
                                        >(
                                            (&&::gen_core::__private::Operand::<_, ()>::new(counter(n)))
                                                .yield_from_delegate(),
                                        );
                                        #[allow(unused_mut)]
                                        let mut __step2 = ::gen_core::__private::Delegate::start::<
                                            (),
                                        >({ &mut __delegate2 }, &mut *__relocate);
                                        #[allow(unused_labels)]
                                        '__loop5: loop {
                                            match __step2 {
                                                ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded2,
                                                ) => {
                                                    let __yielded: u32 = __yielded2;
                                                    #[allow(clippy::used_underscore_binding)]
                                                    {
                                                        *__state = __State::S0(__delegate2, (__iter0, sum, items));
                                                    }
                                                    return __yield(__state, __yielded);
                                                }
                                                ::gen_core::__private::GeneratorState::Complete(
                                                    __returned2,
                                                ) => {
                                                    {
                                                        __t3 = __returned2;
                                                        break '__loop5;
                                                    };
                                                }
                                            };
                                        };
                                    };
                                    sum += __t3;
                                }
                                ::gen_core::__private::None => {
                                    break '__loop2;
                                }
                            };
                        };
                    };
                    return __complete(__state, Ok(sum));
                }
                __end @ (__State::Poisoned | __State::Done) => {
                    ::gen_core::__private::resumed_after_end(
                        ::core::matches!(__end, __State::Done),
                    )
                }
            }
        },
        |
            __state: &mut __State<_, _, _, _, _>,
        | -> ::gen_core::__private::Option<::gen_core::__private::Leaf<(), u32>> {
            match __state {
                #[allow(unused_braces)]
                __State::S0(__slot, (_, _, _)) => {
                    let __leaf: ::gen_core::__private::Option<
                        ::gen_core::__private::Leaf<(), u32>,
                    > = ::gen_core::__private::Delegate::leaf::<()>({ __slot });
                    __leaf
                }
                _ => ::gen_core::__private::None,
            }
        },
    );
    __generator
}
