package org.looplab.data;

/** What the tokens of a data set mean, and so which augmentation and pictures apply. */
public enum PuzzleKind {
    /** pad 0, blank 1, digit d → d+1 */
    SUDOKU,
    /** pad 0, wall 1, open 2, start 3, goal 4, path 5 */
    MAZE,
    /** pad 0, EOS 1, colour c → c+2 on a 30×30 canvas */
    ARC,
    /** an imported set whose encoding LoopLab does not recognise */
    OTHER
}
