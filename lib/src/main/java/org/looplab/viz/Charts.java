package org.looplab.viz;

import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts as images. A notebook ends a cell with {@code render(img)} or calls {@code display(img)}; the
 * kernel sends PNG bytes, which live in the .ipynb, render offline and can be asserted on in tests.
 */
public final class Charts {
    private Charts() {}

    public static BufferedImage png(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
