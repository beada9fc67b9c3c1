fn labels(limit: u32) -> impl Generator<Yield = u32, Return = u32> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete as __complete,
    };
    #[derive(Clone)]
    #[repr(usize)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1, __T3, __T4> {
        Start(__T0),
        S0((__T4, __T3, __T1)),
        Poisoned,
        Done,
    }
    impl<__T0, __T1, __T3, __T4> ::gen_core::__private::StateMachine
    for __State<__T0, __T1, __T3, __T4> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = false;
        const GUARDED: bool = false;
    }
    let __generator = ::gen_core::__private::generated(
        __State::Start(limit),
        move |
            __state: &mut __State<_, _, _, _>,
            __resume: ::gen_core::__private::Option<()>,
        | -> ::gen_core::__private::GeneratorState<u32, u32> {
            ::gen_core::__private::poison_on_panic(
                __state,
                #[cfg_attr(not(debug_assertions), inline(always))]
                move |__state| -> ::gen_core::__private::GeneratorState<u32, u32> {
                    match ::gen_core::__private::replace(__state, __State::Poisoned) {
                        __State::Start(__arg0) => {
                            ::gen_core::__private::start_arg(__resume);
                            let limit: u32 = __arg0;
                            #[allow(unused_labels)]
                            'outer: loop {
                                {
                                    #[allow(unused_mut)]
                                    let mut __iter1 = ::gen_core::__private::IntoIterator::into_iter(
                                        0..limit,
                                    );
                                    #[allow(unused_labels)]
                                    '__loop3: loop {
                                        match ::gen_core::__private::Iterator::next(&mut __iter1) {
                                            ::gen_core::__private::Some(i) => {
                                                let __yielded: u32 = i;
                                                #[allow(clippy::used_underscore_binding)]
                                                {
                                                    *__state = __State::S0((i, __iter1, limit));
                                                }
                                                return ::gen_core::__private::GeneratorState::Yielded(
                                                    __yielded,
                                                );
                                            }
                                            ::gen_core::__private::None => {
                                                break '__loop3;
                                            }
                                        };
                                    };
                                };
                            };
                        }
                        __State::S0((__stored4, __stored3, __stored1)) => {
                            #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                            let limit = __stored1;
                            #[allow(unused_mut, unused_variables)]
                            let __t0;
                            '__exit1: {
                                '__iter2: {
                                    {
                                        #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                                        let mut __iter1 = __stored3;
                                        {
                                            {
                                                #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                                                let i = __stored4;
                                                let __resume3 = ::gen_core::__private::resume_arg(__resume);
                                                if __resume3 == 0 {
                                                    break '__iter2;
                                                }
                                                if i > 3 {
                                                    {
                                                        __t0 = i;
                                                        break '__exit1;
                                                    };
                                                }
                                            };
                                        }
                                        #[allow(unused_labels)]
                                        '__loop3: loop {
                                            match ::gen_core::__private::Iterator::next(&mut __iter1) {
                                                ::gen_core::__private::Some(i) => {
                                                    let __yielded: u32 = i;
                                                    #[allow(clippy::used_underscore_binding)]
                                                    {
                                                        *__state = __State::S0((i, __iter1, limit));
                                                    }
                                                    return ::gen_core::__private::GeneratorState::Yielded(
                                                        __yielded,
                                                    );
                                                }
                                                ::gen_core::__private::None => {
                                                    break '__loop3;
                                                }
                                            };
                                        };
                                    };
                                }
                                #[allow(unused_labels)]
                                'outer: loop {
                                    {
                                        #[allow(unused_mut)]
                                        let mut __iter1 = ::gen_core::__private::IntoIterator::into_iter(
                                            0..limit,
                                        );
                                        #[allow(unused_labels)]
                                        '__loop3: loop {
                                            match ::gen_core::__private::Iterator::next(&mut __iter1) {
                                                ::gen_core::__private::Some(i) => {
                                                    let __yielded: u32 = i;
                                                    #[allow(clippy::used_underscore_binding)]
                                                    {
                                                        *__state = __State::S0((i, __iter1, limit));
                                                    }
                                                    return ::gen_core::__private::GeneratorState::Yielded(
                                                        __yielded,
                                                    );
                                                }
                                                ::gen_core::__private::None => {
                                                    break '__loop3;
                                                }
                                            };
                                        };
                                    };
                                };
                            };
                            let found = __t0;
                            return __complete(__state, found * 2);
                        }
                        __end @ (__State::Poisoned | __State::Done) => {
                            ::gen_core::__private::resumed_after_end(
                                ::core::matches!(__end, __State::Done),
                            )
                        }
                    }
                },
            )
        },
    );
    __generator
}
