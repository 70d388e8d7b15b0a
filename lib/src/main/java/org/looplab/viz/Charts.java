package org.looplab.viz;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.BufferedImage;

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
