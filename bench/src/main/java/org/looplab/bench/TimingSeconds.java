package org.looplab.bench;

import java.util.List;
import org.looplab.train.TimingPlan;
import picocli.CommandLine.Option;

/** The seconds of a {@link TimingPlan}, the same flags on every benchmark command (a picocli mixin) and child. */
final class TimingSeconds {
    @Option(
            names = "--warmup-seconds",
            defaultValue = "5",
            description = "train unmeasured at least this long as well as --warmup steps, both sides"
                    + " (TimingPlan; default ${DEFAULT-VALUE})")
    double warmup;

    @Option(
            names = "--measure-seconds",
            defaultValue = "2",
            description = "measure at least this long as well as --steps steps, both sides (TimingPlan; default"
                    + " ${DEFAULT-VALUE})")
    double measure;

    /** The plan of {@code warmupSteps} and {@code steps} with these seconds. */
    TimingPlan plan(int warmupSteps, int steps) {
        return new TimingPlan(warmupSteps, warmup, steps, measure);
    }

    /** The flags that hand these seconds to a child (the step counts go with the child's own flags). */
    List<String> arguments() {
        return plan(0, 1).secondsArguments();
    }
}
