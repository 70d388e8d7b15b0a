package io.github.spencerpark.ijava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * IJava's entry point for notebooks, as far as public IJava notebooks use it: d2l-java's {@code utils/plot-utils}
 * registers a renderer with {@code IJava.getKernelInstance().getRenderer().createRegistration(...)}. These
 * {@code io.github.spencerpark} classes are a facade over jjava's, so such cells run unchanged; they are not IJava.
 */
public final class IJava {

    private IJava() {}

    /** The running kernel, seen through IJava's API. */
    public static JavaKernel getKernelInstance() {
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel == null) {
            throw new IllegalStateException("no kernel is running");
        }
        return new JavaKernel(kernel);
    }
}
