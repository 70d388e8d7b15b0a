package org.looplab.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One contender of {@link LockTakeoverRaceTest}: says "ready", waits for the go file, then tries to take the run lock
 * of the folder and says "won" (holding it a while, alive) or "refused".
 */
public final class LockRaceChild {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]), go = Path.of(args[1]);
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) Thread.onSpinWait();
        try {
            RunLock.acquire(folder);
            System.out.println("won");
            System.out.flush();
            Thread.sleep(1500); // alive and holding while the other contender decides
        } catch (IllegalStateException e) {
            System.out.println("refused");
        }
    }
}
