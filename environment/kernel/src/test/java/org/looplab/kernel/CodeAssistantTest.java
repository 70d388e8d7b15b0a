package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class CodeAssistantTest {

    private final TestKernel kernel = TestKernel.shared();

    @Test
    void completesAMethodName() {
        ReplacementOptions options = kernel.complete("Math.ab", 7);
        assertTrue(
                options.getReplacements().contains("abs("),
                options.getReplacements().toString());
        assertEquals(5, options.getSourceStart());
        assertEquals(7, options.getSourceEnd());
    }

    @Test
    void completesInsideTheSnippetUnderTheCursor() {
        kernel.evalRaw("String caText = \"x\";"); // completion sees only what has been run
        String code = "int caCount = 1;\ncaText.len";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(
                options.getReplacements().contains("length()"),
                options.getReplacements().toString());
        assertEquals(code.length() - 3, options.getSourceStart());
    }

    @Test
    void tellsCompleteFromUnfinishedAndInvalid() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("int x = 1;\nx + 1"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(BaseKernel.IS_COMPLETE_BAD, kernel.isComplete("int x = ;"));
    }

    @Test
    void inspectShowsTheSignatures() {
        DisplayData doc = kernel.inspect("Math.abs(-1)", 6, false);
        String text = doc.getData(MIMEType.TEXT_PLAIN).toString();
        assertTrue(text.contains("int Math.abs(int a)"), text);
    }
}
