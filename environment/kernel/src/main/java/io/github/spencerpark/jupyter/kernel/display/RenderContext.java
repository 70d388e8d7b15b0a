package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.function.Function;
import java.util.function.Supplier;

/** IJava's render context, as renderers registered from notebooks use it (a facade over jjava's). */
public final class RenderContext {

    private final org.dflib.jjava.jupyter.kernel.display.RenderContext context;

    RenderContext(org.dflib.jjava.jupyter.kernel.display.RenderContext context) {
        this.context = context;
    }

    public boolean wantsDataRenderedAs(MIMEType type) {
        return context.wantsDataRenderedAs(type.jjava());
    }

    public boolean renderIfRequested(MIMEType type, Supplier<Object> data) {
        return context.renderIfRequested(type.jjava(), data);
    }

    public boolean renderIfRequested(MIMEType type, Function<MIMEType, Object> data) {
        return context.renderIfRequested(type.jjava(), (Supplier<Object>) () -> data.apply(type));
    }
}
