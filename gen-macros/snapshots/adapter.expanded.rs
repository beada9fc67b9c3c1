fn plus_one<G: Generator<Yield = u32, Return = ()>>(
    inner: G,
) -> impl Generator<Yield = u32, Return = ()> {
    #[allow(unused_imports)]
    use ::gen_core::__private::{
        ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
        ViaNeither as _, complete as __complete, yielded_plain as __yield,
    };
    #[derive(Clone)]
    #[repr(usize)]
    #[allow(non_snake_case, clippy::large_enum_variant)]
    enum __State<__T0, __T1> {
        Start(__T0),
        S0(__T1),
        Poisoned,
        Done,
    }
    impl<__T0, __T1> ::gen_core::__private::StateMachine for __State<__T0, __T1> {
        const DONE: Self = __State::Done;
        const POISONED: Self = __State::Poisoned;
        const DONE_AFTER_STEP: bool = false;
        const GUARDED: bool = false;
    }
    let __generator = ::gen_core::__private::generated_erased(
        __State::Start(inner),
        move |
            __erased_state: ::gen_core::__private::StateRef<'_>,
            __resume: ::gen_core::__private::Option<()>,
        | -> ::gen_core::__private::Stepped<__State<_, _>, u32, ()> {
            let __state: &mut __State<_, _> = match ::gen_core::__private::StateRef::get(
                __erased_state,
            ) {
                ::gen_core::__private::Ok(__state) => __state,
                ::gen_core::__private::Err(__wrong) => return __wrong.report(),
            };
            ::gen_core::__private::Stepped::new(
                ::gen_core::__private::poison_on_panic(
                    __state,
                    #[cfg_attr(not(debug_assertions), inline(always))]
                    move |__state| -> ::gen_core::__private::GeneratorState<u32, ()> {
                        match ::gen_core::__private::replace(
                            __state,
                            __State::Poisoned,
                        ) {
                            __State::Start(__arg0) => {
                                ::gen_core::__private::start_arg(__resume);
                                #[allow(unused_mut)]
                                let mut inner: G = __arg0;
                                #[allow(unused_mut)]
                                let mut step = inner.start();
                                #[allow(unused_labels)]
                                '__loop1: loop {
                                    if let GeneratorState::Yielded(value) = step {
                                        {
                                            let __yielded: u32 = value + 1;
                                            #[allow(clippy::used_underscore_binding)]
                                            {
                                                *__state = __State::S0(inner);
                                            }
                                            return __yield(__state, __yielded);
                                        }
                                    } else {
                                        break '__loop1;
                                    };
                                };
                                return __complete(__state, ());
                            }
                            __State::S0(__stored1) => {
                                #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                                let mut inner = __stored1;
                                #[allow(unused_mut, unused_variables)]
                                let mut step;
                                {
                                    {
                                        ::gen_core::__private::resume_arg(__resume);
                                        step = inner.resume(());
                                    };
                                }
                                #[allow(unused_labels)]
                                '__loop1: loop {
                                    if let GeneratorState::Yielded(value) = step {
                                        {
                                            let __yielded: u32 = value + 1;
                                            #[allow(clippy::used_underscore_binding)]
                                            {
                                                *__state = __State::S0(inner);
                                            }
                                            return __yield(__state, __yielded);
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
                ),
            )
        },
    );
    __generator
}
