package org.looplab.model;

/**
 * How much of a TRM supervision step back-propagation goes through (TRM paper Table 1, "w/ 1-step gradient").
 * Same weights, same forward computation: only where the graph starts differs.
 */
public enum Backprop {
    /** TRM: the whole last round, all n z-updates and the y-update (n+1 net calls). The paper's choice: 87.4%. */
    FULL_RECURSION,
    /** HRM's 1-step approximation applied to TRM: only the last z-update and the y-update (2 net calls): 56.5%. */
    ONE_STEP
}
