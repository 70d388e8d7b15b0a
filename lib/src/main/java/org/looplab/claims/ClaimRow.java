package org.looplab.claims;

import org.looplab.analysis.Verdict;

/**
 * One line of the scoreboard.
 *
 * @param claim   what the deck or paper says, short
 * @param paper   the deck's or paper's number, with its source
 * @param ours    our number: mean ± sd over seeds, task and budget
 * @param verdict computed from {@link #ours}
 * @param reason  why that verdict: the statistic, or what is missing
 */
public record ClaimRow(String claim, String paper, String ours, Verdict verdict, String reason) {}
