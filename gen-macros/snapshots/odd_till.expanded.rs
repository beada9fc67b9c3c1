fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete as __complete,
    };
    #[derive(Clone)]
    #[repr(usize)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1, __T2> {
        Start(__T0),
        S0((__T2, __T1)),
        Poisoned,
        Done,
    }
    impl<__T0, __T1, __T2> ::gen_core::__private::StateMachine
    for __State<__T0, __T1, __T2> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = false;
        const GUARDED: bool = false;
    }
    let __generator = ::gen_core::__private::generated(
        __State::Start(number),
        move |
            __state: &mut __State<_, _, _>,
            __resume: ::gen_core::__private::Option<()>,
        | -> ::gen_core::__private::GeneratorState<u32, ()> {
            ::gen_core::__private::poison_on_panic(
                __state,
                #[cfg_attr(not(debug_assertions), inline(always))]
                move |__state| -> ::gen_core::__private::GeneratorState<u32, ()> {
                    match ::gen_core::__private::replace(__state, __State::Poisoned) {
                        __State::Start(__arg0) => {
                            ::gen_core::__private::start_arg(__resume);
                            let number: u32 = __arg0;
                            #[allow(unused_mut)]
                            let mut n = 1;
                            #[allow(unused_labels)]
                            '__loop1: loop {
                                if n < number {
                                    {
                                        let __yielded: u32 = n;
                                        #[allow(clippy::used_underscore_binding)]
                                        {
                                            *__state = __State::S0((n, number));
                                        }
                                        return ::gen_core::__private::GeneratorState::Yielded(
                                            __yielded,
                                        );
                                    }
                                } else {
                                    break '__loop1;
                                };
                            };
                            return __complete(__state, ());
                        }
                        __State::S0((__stored2, __stored1)) => {
                            #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                            let number = __stored1;
                            #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                            let mut n = __stored2;
                            {
                                {
                                    ::gen_core::__private::resume_arg(__resume);
                                    n += 2;
                                };
                            }
                            #[allow(unused_labels)]
                            '__loop1: loop {
                                if n < number {
                                    {
                                        let __yielded: u32 = n;
                                        #[allow(clippy::used_underscore_binding)]
                                        {
                                            *__state = __State::S0((n, number));
                                        }
                                        return ::gen_core::__private::GeneratorState::Yielded(
                                            __yielded,
                                        );
                                    }
                                } else {
                                    break '__loop1;
                                };
                            };
                            return __complete(__state, ());
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
