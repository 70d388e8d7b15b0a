package org.looplab.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.looplab.provenance.Json;

/**
 * What differs between two runs' manifests, field by field: the first thing to read when two results disagree
 * (docs/training.md, "Run folder"). Only what can change a result is compared: the configs (with profile, seed and steps), the data set's
 * identity, the code version and the runtime. The run id, wall time, results, deviations text and the data manifest's
 * path (it depends on where the data root was) are not.
 *
 * @param differences in manifest order; empty when the runs were made alike
 */
public record RunDiff(List<Difference> differences) {

    /** Where a difference lies. */
    public enum Part {
        CONFIG,
        DATA,
        CODE,
        RUNTIME
    }

    /**
     * @param part  which part of the manifest
     * @param field dotted path in the manifest, e.g. {@code config.model.latentSteps}
     * @param a     its value in the first run ({@code absent} when that manifest has no such field)
     * @param b     its value in the second run
     */
    public record Difference(Part part, String field, String a, String b) {
        public String line() {
            return field + ": " + a + " -> " + b;
        }
    }

    public static final String ABSENT = "absent";

    public RunDiff {
        differences = List.copyOf(differences);
    }

    static RunDiff of(RunManifest a, RunManifest b) {
        JsonNode ta = Json.mapper().valueToTree(a), tb = Json.mapper().valueToTree(b);
        List<Difference> out = new ArrayList<>();
        for (String top : List.of("profile", "seed", "steps", "config"))
            compare(Part.CONFIG, top, ta.get(top), tb.get(top), out);
        for (String field : List.of("name", "profile", "sha256", "trainSha256"))
            compare(
                    Part.DATA,
                    "data." + field,
                    ta.path("data").get(field),
                    tb.path("data").get(field),
                    out);
        compare(Part.CODE, "code", ta.get("code"), tb.get("code"), out);
        compare(Part.RUNTIME, "runtime", ta.get("runtime"), tb.get("runtime"), out);
        return new RunDiff(out);
    }

    private static void compare(Part part, String path, JsonNode a, JsonNode b, List<Difference> out) {
        Map<String, String> fa = new LinkedHashMap<>(), fb = new LinkedHashMap<>();
        flatten(path, a, fa);
        flatten(path, b, fb);
        Set<String> fields = new LinkedHashSet<>(fa.keySet());
        fields.addAll(fb.keySet());
        for (String f : fields) {
            String va = fa.getOrDefault(f, ABSENT), vb = fb.getOrDefault(f, ABSENT);
            if (!va.equals(vb)) out.add(new Difference(part, f, va, vb));
        }
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isMissingNode()) return;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) flatten(path + "[" + i + "]", node.get(i), out);
        } else {
            out.put(path, node.isNull() ? "null" : node.asText());
        }
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** The differences in one part. */
    public List<Difference> in(Part part) {
        return differences.stream().filter(d -> d.part() == part).toList();
    }

    /** One line per difference, or one line saying there is none: what {@code looplab compare} prints. */
    public List<String> lines() {
        if (differences.isEmpty()) return List.of("manifests: same config, data, code and runtime");
        List<String> lines = new ArrayList<>();
        for (Part p : Part.values()) {
            List<Difference> ds = in(p);
            if (ds.isEmpty()) lines.add(p.name().toLowerCase(Locale.ROOT) + ": same");
            else ds.forEach(d -> lines.add(d.line()));
        }
        return lines;
    }
}
