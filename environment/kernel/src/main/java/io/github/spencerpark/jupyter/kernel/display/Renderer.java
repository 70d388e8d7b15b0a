package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Arrays;

/** IJava's renderer registry, as notebooks use it: registering a renderer for a type (a facade over jjava's). */
public final class Renderer {

    private final org.dflib.jjava.jupyter.kernel.display.Renderer renderer;

    public Renderer(org.dflib.jjava.jupyter.kernel.display.Renderer renderer) {
        this.renderer = renderer;
    }

    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(renderer.createRegistration(type));
    }

    /** IJava's fluent registration: the MIME types a renderer supports and prefers, then the function. */
    public static final class RenderRegistration<T> {

        private final org.dflib.jjava.jupyter.kernel.display.Renderer.RenderRegistration<T> registration;

        RenderRegistration(org.dflib.jjava.jupyter.kernel.display.Renderer.RenderRegistration<T> registration) {
            this.registration = registration;
        }

        public RenderRegistration<T> preferring(MIMEType... types) {
            registration.preferring(Arrays.stream(types)
                    .map(MIMEType::jjava)
                    .toArray(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType[]::new));
            return this;
        }

        public RenderRegistration<T> supporting(MIMEType... types) {
            registration.supporting(Arrays.stream(types)
                    .map(MIMEType::jjava)
                    .toArray(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType[]::new));
            return this;
        }

        public RenderRegistration<T> preferring(String... types) {
            registration.preferring(types);
            return this;
        }

        public RenderRegistration<T> supporting(String... types) {
            registration.supporting(types);
            return this;
        }

        public RenderRegistration<T> onType(Class<? extends T> type) {
            registration.onType(type);
            return this;
        }

        public void register(RenderFunction<T> function) {
            registration.register((data, context) -> function.render(data, new RenderContext(context)));
        }
    }
}
