package org.looplab.provenance;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Where a number was made. Kept in every manifest because results differ across CPU, GPU and JVM.
 *
 * @param device DJL's default device: a GPU when the engine sees one, else the CPU
 */
public record RuntimeFacts(String java, String os, String djl, String engine, String device, int gpus) {

    /** The facts as ordered name → value pairs, for a table. */
    public java.util.Map<String, String> asMap() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("java", java);
        m.put("os", os);
        m.put("djl", djl);
        m.put("engine", engine);
        m.put("device", device);
        m.put("gpus", Integer.toString(gpus));
        return m;
    }

    /** Facts of this JVM; starts the PyTorch engine if it is not running yet. */
    public static RuntimeFacts current() {
        Engine engine = Engine.getInstance();
        Device device = engine.defaultDevice();
        return new RuntimeFacts(
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                CodeVersion.djlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                device.toString(),
                engine.getGpuCount());
    }
}
