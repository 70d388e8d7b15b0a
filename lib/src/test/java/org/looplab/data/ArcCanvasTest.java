package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArcCanvasTest {

    /** A 3×4 grid with every colour it can hold distinct enough that any wrong move or recolouring shows. */
    static final Grid G = new Grid(3, 4, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 0});

    @Test
    void everyAugmentationAndTranslationIsUndoneExactly() {
        List<byte[]> colourMaps = new ArrayList<>();
        colourMaps.add(ArcAugment.identity().colourMap());
        colourMaps.add(new byte[] {0, 9, 8, 7, 6, 5, 4, 3, 2, 1}); // reversed
        colourMaps.add(new byte[] {0, 2, 3, 4, 5, 6, 7, 8, 9, 1}); // a 9-cycle
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) colourMaps.add(ArcAugment.random(random).colourMap());
        int checked = 0;
        for (ArcCanvas canvas : List.of(new ArcCanvas(10), ArcCanvas.REFERENCE)) {
            for (Dihedral d : Dihedral.values()) {
                for (byte[] colours : colourMaps) {
                    ArcAugment a = new ArcAugment(d, colours);
                    Grid moved = a.apply(G);
                    for (int top = 0; top + moved.rows() <= canvas.side(); top++) {
                        for (int left = 0; left + moved.cols() <= canvas.side(); left++) {
                            byte[] tokens = canvas.encode(moved, top, left);
                            assertArrayEquals(
                                    new int[] {top, left}, canvas.corner(tokens).orElseThrow());
                            Grid back = a.inverse()
                                    .apply(canvas.decode(tokens, top, left).orElseThrow());
                            assertEquals(G, back, a + " at " + top + "," + left + " on " + canvas);
                            checked++;
                        }
                    }
                }
            }
        }
        // 8 maps × 8 colourings × (8·7 + 9·8 offsets on 10×10 ... at both orientations) — every one was checked
        assertTrue(checked > 8 * 8 * 50, "checked " + checked);
    }

    @Test
    void aPlacedGridIsMarkedByEosBelowAndRightAndPadElsewhere() {
        ArcCanvas c = new ArcCanvas(6);
        Grid g = new Grid(2, 2, new byte[] {1, 2, 3, 4});
        byte[] t = c.encode(g, 1, 3);
        // row 1: pad pad pad 3 4 EOS; row 2: pad pad pad 5 6 EOS; row 3: EOS EOS under the grid, corner pad
        assertArrayEquals(new byte[] {0, 0, 0, 3, 4, 1}, java.util.Arrays.copyOfRange(t, 6, 12));
        assertArrayEquals(new byte[] {0, 0, 0, 5, 6, 1}, java.util.Arrays.copyOfRange(t, 12, 18));
        assertArrayEquals(new byte[] {0, 0, 0, 1, 1, 0}, java.util.Arrays.copyOfRange(t, 18, 24));
        // At the edge the marks are left out, as in the reference.
        byte[] edge = c.encode(g, 4, 2); // the bottom rows: an EOS column right of the grid, no EOS row below it
        int eos = 0;
        for (byte b : edge) if (b == ArcCanvas.EOS) eos++;
        assertEquals(2, eos);
        assertEquals(ArcCanvas.EOS, edge[4 * 6 + 4]);
        assertEquals(ArcCanvas.EOS, edge[5 * 6 + 4]);
        // The reference canvas and the old static encoding agree.
        assertArrayEquals(ArcEncoding.encode(G), ArcCanvas.REFERENCE.encode(G, 0, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> c.encode(g, 5, 0));
        assertTrue(e.getMessage().contains("leaves the 6×6 canvas"), e.getMessage());
    }
}
