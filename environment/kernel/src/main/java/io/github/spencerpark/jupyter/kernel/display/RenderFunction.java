package io.github.spencerpark.jupyter.kernel.display;

/** IJava's renderer callback (a facade; see {@code io.github.spencerpark.ijava.IJava}). */
@FunctionalInterface
public interface RenderFunction<T> {
    void render(T data, RenderContext context);
}
