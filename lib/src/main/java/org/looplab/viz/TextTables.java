package org.looplab.viz;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.looplab.provenance.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw tables as terminal text, with every floating-point column written to at most 4 significant digits
 * ({@code 2.0790273556231003} → {@code 2.079}), the same rule as {@link HtmlTables}. A table is for reading: the CSV
 * and JSON files written beside it keep full precision, which is why this formats a copy and never the table itself.
 */
public final class TextTables {
    private TextTables() {}

    /** Every row, as {@link Table#printAll()} lays it out. */
    public static String of(Table table) {
        Table copy = table.copy();
        for (Column<?> c : copy.columns()) {
            if (c instanceof DoubleColumn d) d.setPrintFormatter(significantDigits());
            if (c instanceof FloatColumn f) f.setPrintFormatter(significantDigits());
        }
        return copy.printAll();
    }

    /** At most 4 significant digits, by {@link Figures#significant}: the rule HTML tables and fact tables use. */
    private static NumberColumnFormatter significantDigits() {
        return new NumberColumnFormatter(new SignificantDigits(), "");
    }

    /** {@link NumberFormat} is how Tablesaw takes a column's print rule; only formatting is ever asked of it. */
    private static final class SignificantDigits extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(Figures.significant(number, 4));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("TextTables formats for reading only");
        }
    }
}
