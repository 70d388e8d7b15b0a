package org.looplab.viz;

import org.looplab.provenance.Figures;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as HTML for {@code display(HtmlTables.of(t), "text/html")}. Tablesaw renders nothing itself
 * server-side, and an HTML table survives nbconvert, GitHub's viewer and an offline browser alike.
 */
public final class HtmlTables {
    private HtmlTables() {}

    /** The whole table (with its name as caption when it has one). */
    public static String of(Table table) {
        return of(table, Integer.MAX_VALUE);
    }

    /** At most {@code maxRows} rows; a last line says how many were left out. */
    public static String of(Table table, int maxRows) {
        StringBuilder html = new StringBuilder("<table class=\"looplab\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> c : table.columns())
            html.append("<th>").append(escape(c.name())).append("</th>");
        html.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (Column<?> c : table.columns()) {
                html.append("<td>").append(escape(cell(c, r))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (rows < table.rowCount()) {
            html.append("<p>… ").append(table.rowCount() - rows).append(" more rows</p>");
        }
        return html.toString();
    }

    /** A two-column table of named facts (versions, devices, settings). */
    public static String keyValue(String caption, java.util.Map<String, ?> facts) {
        StringBuilder html = new StringBuilder("<table class=\"looplab\"><caption>")
                .append(escape(caption))
                .append("</caption><tbody>");
        facts.forEach((k, v) -> html.append("<tr><th>")
                .append(escape(k))
                .append("</th><td>")
                .append(escape(value(v)))
                .append("</td></tr>"));
        return html.append("</tbody></table>").toString();
    }

    /** Doubles to 4 significant digits (a table is for reading; the CSV and JSON keep full precision). */
    static String cell(Column<?> c, int row) {
        if (c.isMissing(row) || !(c.get(row) instanceof Double || c.get(row) instanceof Float)) return c.getString(row);
        return Figures.significant(((Number) c.get(row)).doubleValue(), 4);
    }

    /** A fact's value: doubles to 4 significant digits, also inside a map or list of them; anything else as is. */
    static String value(Object v) {
        if (v instanceof Double || v instanceof Float) return Figures.significant(((Number) v).doubleValue(), 4);
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder s = new StringBuilder();
            m.forEach((k, x) ->
                    s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(value(x)));
            return s.toString();
        }
        if (v instanceof java.util.Collection<?> c)
            return String.join(", ", c.stream().map(HtmlTables::value).toList());
        return String.valueOf(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
