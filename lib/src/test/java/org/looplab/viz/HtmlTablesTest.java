package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTablesTest {

    @Test
    void rendersHeaderRowsAndEscapes() {
        Table t = Table.create(
                "scores",
                StringColumn.create("model", "TRM<att>", "TRM-MLP"),
                DoubleColumn.create("exact", 74.7, 87.4));
        String html = HtmlTables.of(t);
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<caption>scores</caption>"), html);
        assertTrue(html.contains("<th>model</th><th>exact</th>"), html);
        assertTrue(html.contains("<td>TRM&lt;att&gt;</td><td>74.7</td>"), html);
        assertEquals(2, html.split("<tr>").length - 2, "one header row and two body rows");
    }

    @Test
    void doublesShowFourSignificantDigits() {
        Table t = Table.create("n", DoubleColumn.create("x", 0.006692850962281227, 42.29827880859375, 3.0, 87.4));
        String html = HtmlTables.of(t);
        assertTrue(html.contains("<td>0.006693</td>"), html);
        assertTrue(html.contains("<td>42.3</td>"), html);
        assertTrue(html.contains("<td>3</td>"), html);
        assertTrue(html.contains("<td>87.4</td>"), html);
    }

    @Test
    void truncationSaysHowManyRowsAreLeftOut() {
        Table t = Table.create("n", DoubleColumn.create("x", 1, 2, 3, 4, 5));
        assertTrue(HtmlTables.of(t, 2).contains("3 more rows"));
    }

    @Test
    void factsShowNumbersToFourSignificantDigitsAlsoInsideMaps() {
        var facts = new java.util.LinkedHashMap<String, Object>();
        facts.put("exact", 0.9976666666666667);
        facts.put("held-out", new java.util.LinkedHashMap<>(java.util.Map.of("eval_step", 2037.0)));
        facts.put("name", "trm");
        String html = HtmlTables.keyValue("run", facts);
        assertTrue(html.contains("<th>exact</th><td>0.9977</td>"), html);
        assertTrue(html.contains("<th>held-out</th><td>eval_step 2037</td>"), html);
        assertTrue(html.contains("<th>name</th><td>trm</td>"), html);
    }
}
