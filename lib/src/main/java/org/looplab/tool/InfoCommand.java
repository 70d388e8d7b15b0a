package org.looplab.tool;

import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RuntimeFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code looplab info}: versions, engine and device, so a user can see what the lab will run on. */
@Command(name = "info", description = "Print versions, engine and device.")
final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CodeVersion code = CodeVersion.current();
        RuntimeFacts rt = RuntimeFacts.current();
        System.out.println("looplab: " + code.lib() + " (commit " + code.commit() + ", dirty " + code.dirty() + ")");
        System.out.println("training sources: " + code.sources());
        System.out.println("profile: " + Profile.fromEnv().id());
        System.out.println("java: " + rt.java());
        System.out.println("os: " + rt.os());
        System.out.println("djl: " + rt.djl());
        System.out.println("engine: " + rt.engine());
        System.out.println("device: " + rt.device());
        System.out.println("gpus: " + rt.gpus());
        return 0;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            CodeVersion code = CodeVersion.current();
            return new String[] {"looplab " + code.lib() + " (commit " + code.commit() + ")"};
        }
    }
}
