fn delegate(
    items: Vec<&'static str>,
) -> impl Generator<Yield = u32, Return = Result<u32, std::num::ParseIntError>> {
    #[derive(Clone)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1, __T2, __T3, __T7> {
        Start { arg0_0: __T0 },
        S0 { delegate1_7: __T7, iter0_3: __T3, sum_2: __T2, items_1: __T1 },
        Poisoned,
        Done,
    }
    impl<__T0, __T1, __T2, __T3, __T7> ::gen_core::__private::StateMachine
    for __State<__T0, __T1, __T2, __T3, __T7> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
    }
    let __generator = ::gen_core::__private::generated(
        __State::Start { arg0_0: items },
        move |
            __state: &mut __State<_, _, _, _, _>,
            __resume: ::gen_core::__private::Option<()>,
        | -> ::gen_core::__private::GeneratorState<
            u32,
            Result<u32, std::num::ParseIntError>,
        > {
            match __state {
                __State::Start { .. } => {
                    let __State::Start { arg0_0: __arg0 } = ::gen_core::__private::replace(
                        __state,
                        __State::Poisoned,
                    ) else { ::core::unreachable!() };
                    ::gen_core::__private::start_arg(__resume);
                    let items = __arg0;
                    #[allow(unused_mut)]
                    let mut sum = 0;
                    {
                        #[allow(unused_mut)]
                        let mut __iter0 = {
                            #[allow(unused_imports)]
                            use ::gen_core::__private::{ViaIndex as _, ViaIterable as _};
                            (&&::gen_core::__private::WalkProbe::new(&items))
                                .walker(&items)
                        };
                        loop {
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
                                            return ::gen_core::__private::GeneratorState::Complete(
                                                ::gen_core::__private::FromResidual::from_residual(
                                                    __residual,
                                                ),
                                            );
                                        }
                                    };
                                    let __t2;
                                    {
                                        #[allow(unused_mut)]
                                        let mut __delegate1 = {
                                            #[allow(unused_imports)]
                                            use ::gen_core::__private::{
                                                ViaGenerator as _, ViaIterator as _, ViaNeither as _,
                                            };
                                            (&&::gen_core::__private::Operand::<_, ()>::new(counter(n)))
                                                .yield_from_delegate()
                                        };
                                        #[allow(unused_mut)]
                                        let mut __step1 = ::gen_core::__private::Generator::<
                                            (),
                                        >::start(&mut __delegate1);
                                        loop {
                                            match __step1 {
                                                ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded1,
                                                ) => {
                                                    let __yielded: u32 = __yielded1;
                                                    *__state = __State::S0 {
                                                        delegate1_7: __delegate1,
                                                        iter0_3: __iter0,
                                                        sum_2: sum,
                                                        items_1: items,
                                                    };
                                                    return ::gen_core::__private::GeneratorState::Yielded(
                                                        __yielded,
                                                    );
                                                }
                                                ::gen_core::__private::GeneratorState::Complete(
                                                    __returned1,
                                                ) => {
                                                    {
                                                        __t2 = __returned1;
                                                        break;
                                                    };
                                                }
                                            }
                                        }
                                    }
                                    sum += __t2;
                                }
                                ::gen_core::__private::None => {
                                    break;
                                }
                            }
                        }
                    }
                    return ::gen_core::__private::GeneratorState::Complete(Ok(sum));
                }
                __State::S0 {
                    items_1: __in_place1,
                    sum_2: __in_place2,
                    iter0_3: __in_place3,
                    delegate1_7: __in_place7,
                } => {
                    #[allow(unused_mut, unused_variables)]
                    let items;
                    #[allow(unused_mut, unused_variables)]
                    let mut sum;
                    {
                        #[allow(unused_mut, unused_variables)]
                        let mut __iter0;
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let __t2;
                                {
                                    #[allow(unused_mut, unused_variables)]
                                    let mut __delegate1;
                                    #[allow(unused_mut, unused_variables)]
                                    let mut __step1;
                                    {
                                        {
                                            let __resume3 = ::gen_core::__private::resume_arg(__resume);
                                            __step1 = ::gen_core::__private::Generator::<
                                                (),
                                            >::resume(&mut (*__in_place7), __resume3);
                                        }
                                    }
                                    #[allow(unused_labels)]
                                    loop {
                                        match __step1 {
                                            ::gen_core::__private::GeneratorState::Yielded(
                                                __yielded1,
                                            ) => {
                                                let __yielded: u32 = __yielded1;
                                                return ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded,
                                                );
                                            }
                                            ::gen_core::__private::GeneratorState::Complete(
                                                __returned1,
                                            ) => {
                                                {
                                                    __t2 = __returned1;
                                                    break;
                                                };
                                            }
                                        }
                                    }
                                    let __State::S0 {
                                        items_1: __stored1,
                                        sum_2: __stored2,
                                        iter0_3: __stored3,
                                        delegate1_7: __stored7,
                                    } = ::gen_core::__private::replace(
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
                                        __delegate1 = __stored7;
                                    }
                                }
                                sum += __t2;
                            }
                        }
                        #[allow(unused_labels)]
                        loop {
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
                                            return ::gen_core::__private::GeneratorState::Complete(
                                                ::gen_core::__private::FromResidual::from_residual(
                                                    __residual,
                                                ),
                                            );
                                        }
                                    };
                                    let __t2;
                                    {
                                        #[allow(unused_mut)]
                                        let mut __delegate1 = {
                                            #[allow(unused_imports)]
                                            use ::gen_core::__private::{
                                                ViaGenerator as _, ViaIterator as _, ViaNeither as _,
                                            };
                                            (&&::gen_core::__private::Operand::<_, ()>::new(counter(n)))
                                                .yield_from_delegate()
                                        };
                                        #[allow(unused_mut)]
                                        let mut __step1 = ::gen_core::__private::Generator::<
                                            (),
                                        >::start(&mut __delegate1);
                                        loop {
                                            match __step1 {
                                                ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded1,
                                                ) => {
                                                    let __yielded: u32 = __yielded1;
                                                    *__state = __State::S0 {
                                                        delegate1_7: __delegate1,
                                                        iter0_3: __iter0,
                                                        sum_2: sum,
                                                        items_1: items,
                                                    };
                                                    return ::gen_core::__private::GeneratorState::Yielded(
                                                        __yielded,
                                                    );
                                                }
                                                ::gen_core::__private::GeneratorState::Complete(
                                                    __returned1,
                                                ) => {
                                                    {
                                                        __t2 = __returned1;
                                                        break;
                                                    };
                                                }
                                            }
                                        }
                                    }
                                    sum += __t2;
                                }
                                ::gen_core::__private::None => {
                                    break;
                                }
                            }
                        }
                    }
                    return ::gen_core::__private::GeneratorState::Complete(Ok(sum));
                }
                __State::Poisoned => ::gen_core::__private::resumed_after_panic(),
                __State::Done => ::gen_core::__private::resumed_after_completion(),
            }
        },
    );
    __generator
}
