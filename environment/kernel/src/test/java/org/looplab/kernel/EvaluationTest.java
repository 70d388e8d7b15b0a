package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final TestKernel kernel = TestKernel.shared();

    @Test
    void lastExpressionComesBackAsTheLiveObject() {
        Object builder = kernel.evalRaw("new StringBuilder(\"abc\").reverse()");
        assertInstanceOf(StringBuilder.class, builder); // not its toString(), the object
        assertEquals("cba", builder.toString());

        Object point = kernel.evalRaw("record EvalPoint(int x, int y) {}\nnew EvalPoint(3, 4)");
        assertEquals("EvalPoint[x=3, y=4]", point.toString());
    }

    @Test
    void everySnippetOfACellRunsAndTheLastOneGivesTheValue() {
        assertEquals(6, kernel.evalRaw("int evalA = 2;\nint evalB = 3;\nevalA * evalB"));
    }

    @Test
    void declarationsAndStatementsGiveNoValue() {
        assertNull(kernel.evalRaw("int evalAnswer = 42;"));
        assertNull(kernel.evalRaw("System.out.println(\"side effect\")"));
        assertEquals(42, kernel.evalRaw("evalAnswer"));
    }

    @Test
    void lastExpressionRendersAsText() {
        DisplayData out = kernel.eval("1 + 2");
        assertEquals("3", out.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void bufferedImageRendersAsPng() throws Exception {
        DisplayData out =
                kernel.eval("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        BufferedImage png = decodePng(out);
        assertEquals(4, png.getWidth());
        assertEquals(3, png.getHeight());
    }

    @Test
    void trailingSemicolonHidesTheValue() {
        assertNull(kernel.evalRaw("1 + 2;"));
        assertNull(kernel.evalRaw("1 + 2; // a comment after the semicolon"));
        assertEquals(3, kernel.evalRaw("1 + 2 // no semicolon, so shown"));
        assertEquals("a;b", kernel.evalRaw("\"a;b\" // a ; inside a string does not count"));
    }

    @Test
    void displayWithSemicolonShowsTheImageButNoDisplayId() throws Exception {
        int before = kernel.displayed().size();
        assertNull(kernel.evalRaw(
                "display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));"));
        DisplayData shown = kernel.displayed().get(before);
        assertEquals(2, decodePng(shown).getWidth());
        assertTrue(shown.hasDisplayId());
    }

    @Test
    void displayOfAStringAsHtml() {
        int before = kernel.displayed().size();
        kernel.evalRaw("display(\"<b>x</b>\", \"text/html\");");
        assertEquals("<b>x</b>", kernel.displayed().get(before).getData(MIMEType.TEXT_HTML));
    }

    @Test
    void renderIsShownEvenWithASemicolon() {
        DisplayData out = kernel.eval("render(\"# Title\", \"text/markdown\");");
        assertNotNull(out);
        assertEquals("# Title", out.getData(MIMEType.TEXT_MARKDOWN));
    }

    @Test
    void importsAreIJavasListAndNoMore() {
        assertEquals(List.of("a"), kernel.evalRaw("new ArrayList<String>(List.of(\"a\"))")); // java.util
        assertEquals(java.math.BigInteger.TEN, kernel.evalRaw("BigInteger.TEN")); // java.math
        assertThrows(CompilationException.class, () -> kernel.evalRaw("LocalDate.now()")); // no java.time
        assertThrows(CompilationException.class, () -> kernel.evalRaw("Paths.get(\".\")")); // no java.nio.file
        assertNull(kernel.evalRaw("printf(\"%d%n\", 5);"));
    }

    @Test
    void nestedEvalRunsOnTheCurrentWorkerWithoutDeadlock() {
        Object value = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> kernel.evalRaw("eval(\"6 * 7\")"));
        assertEquals(42, value);
    }

    @Test
    void cellsRunOnDaemonThreadsCarryingTheSnippetLoader() {
        assertEquals(true, kernel.evalRaw("Thread.currentThread().isDaemon()"));
        Object contextLoader = kernel.evalRaw("Thread.currentThread().getContextClassLoader()");
        Object snippetLoader = kernel.evalRaw("class EvalProbe {}\nEvalProbe.class.getClassLoader()");
        assertSame(snippetLoader, contextLoader);
        assertSame(ClassLoader.getSystemClassLoader(), ((ClassLoader) snippetLoader).getParent());
    }

    private static BufferedImage decodePng(DisplayData data) throws Exception {
        Object base64 = data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(base64, "no image/png in " + data);
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.toString())));
    }
}
