package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** A renderer registered the way d2l-java's utils/plot-utils notebook does it, through IJava's own API. */
class IJavaFacadeTest {

    private static final TestKernel kernel = TestKernel.shared();

    @Test
    void aRendererRegisteredThroughIJavasApiRendersTheCellsValue() {
        kernel.evalRaw("""
                class FacadePoint { int x = 3; }
                import io.github.spencerpark.ijava.IJava;
                IJava.getKernelInstance().getRenderer()
                    .createRegistration(FacadePoint.class)
                    .preferring(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)
                    .register((point, ctx) -> {
                        ctx.renderIfRequested(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML, () -> {
                            return "<b>" + point.x + "</b>";
                        });
                    });
                """);
        DisplayData shown = kernel.eval("new FacadePoint()");
        assertEquals("<b>3</b>", shown.getData(MIMEType.TEXT_HTML));
    }
}
