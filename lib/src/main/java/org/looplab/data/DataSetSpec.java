package org.looplab.data;

import org.looplab.Profile;

/**
 * A named, seeded recipe for a generated data set. For ARC sets the counts are tasks: training tasks and held-out
 * (evaluation) tasks; each becomes many examples.
 *
 * @param testClassFraction share of puzzle classes (equivalence classes under augmentation) reserved for test;
 *                          a class goes wholly to one split, decided by its key's hash, so no test puzzle has an
 *                          augmented copy in train
 */
public record DataSetSpec(
        String name,
        Profile profile,
        GeneratorConfig generator,
        int trainCount,
        int testCount,
        long seed,
        double testClassFraction) {

    public DataSetSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("data set name must be lower-case letters, digits and '-', was " + name);
        }
        if (trainCount < 1 || testCount < 1) {
            throw new IllegalArgumentException(
                    name + ": trainCount and testCount must be >= 1, were " + trainCount + ", " + testCount);
        }
        if (!(testClassFraction > 0 && testClassFraction < 1)) {
            throw new IllegalArgumentException(
                    name + ": testClassFraction must be in (0, 1), was " + testClassFraction);
        }
    }

    public DataSetSpec withCounts(int train, int test) {
        return new DataSetSpec(name, profile, generator, train, test, seed, testClassFraction);
    }

    public DataSetSpec withSeed(long newSeed) {
        return new DataSetSpec(name, profile, generator, trainCount, testCount, newSeed, testClassFraction);
    }

    public PuzzleKind kind() {
        return PuzzleKind.of(generator);
    }
}
