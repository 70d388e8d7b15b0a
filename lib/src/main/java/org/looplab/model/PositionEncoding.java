package org.looplab.model;

/** Where position information comes from. Only the attention mixer reads it; the MLP mixer is position-specific. */
public enum PositionEncoding {
    /** Rotary embedding, rotate-half layout, base 10000, over prefix and grid positions. */
    ROPE,
    /** None (TRM-MLP on Sudoku). */
    NONE
}
