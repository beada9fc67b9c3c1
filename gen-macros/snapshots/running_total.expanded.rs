fn running_total() -> impl Generator<u64, Yield = u64, Return = ()> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete as __complete,
    };
    #[derive(Clone)]
    #[repr(usize)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0> {
        Start(()),
        S0(__T0),
        Poisoned,
        Done,
    }
    impl<__T0> ::gen_core::__private::StateMachine for __State<__T0> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = false;
        const GUARDED: bool = false;
    }
    let __generator = ::gen_core::__private::generated(
        __State::Start(()),
        move |
            __state: &mut __State<_>,
            __resume: ::gen_core::__private::Option<u64>,
        | -> ::gen_core::__private::GeneratorState<u64, ()> {
            ::gen_core::__private::poison_on_panic(
                __state,
                #[cfg_attr(not(debug_assertions), inline(always))]
                move |__state| -> ::gen_core::__private::GeneratorState<u64, ()> {
                    match ::gen_core::__private::replace(__state, __State::Poisoned) {
                        __State::Start(()) => {
                            ::gen_core::__private::start_arg(__resume);
                            #[allow(unused_mut)]
                            let mut total = 0;
                            #[allow(unused_labels)]
                            '__loop2: loop {
                                {
                                    let __yielded: u64 = total;
                                    #[allow(clippy::used_underscore_binding)]
                                    {
                                        *__state = __State::S0(total);
                                    }
                                    return ::gen_core::__private::GeneratorState::Yielded(
                                        __yielded,
                                    );
                                }
                            };
                        }
                        __State::S0(__stored0) => {
                            #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                            let mut total = __stored0;
                            {
                                let __resume2 = ::gen_core::__private::resume_arg(__resume);
                                total += __resume2;
                            }
                            #[allow(unused_labels)]
                            '__loop2: loop {
                                {
                                    let __yielded: u64 = total;
                                    #[allow(clippy::used_underscore_binding)]
                                    {
                                        *__state = __State::S0(total);
                                    }
                                    return ::gen_core::__private::GeneratorState::Yielded(
                                        __yielded,
                                    );
                                }
                            };
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
