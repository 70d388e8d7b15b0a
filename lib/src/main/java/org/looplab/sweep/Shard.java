package org.looplab.sweep;

/**
 * The share of a sweep one machine runs: cells {@code index, index + count, …} (1-based), so K machines given
 * 1/K … K/K split the cells between them with nothing run twice. {@code 1/1} is everything.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count)
            throw new IllegalArgumentException("shard must be I/K with 1 <= I <= K, was " + index + "/" + count);
    }

    /** Parses {@code I/K}, e.g. {@code 2/4}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(
                "shard must look like 2/4 (this machine's number / machines), was '" + text + "'");
    }

    /** Whether the cell at 0-based {@code position} of the spec's cell list is this shard's. */
    public boolean owns(int position) {
        return position % count == index - 1;
    }
}
