package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** IJava's kernel type, as notebooks use it: its renderer (a facade; see {@link IJava}). */
public final class JavaKernel {

    private final BaseKernel kernel;

    JavaKernel(BaseKernel kernel) {
        this.kernel = kernel;
    }

    public Renderer getRenderer() {
        return new Renderer(kernel.getRenderer());
    }
}
