package org.looplab.serve.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON-RPC 2.0 shape of one message, checked before the SDK reads it, so that a client's mistake gets the code the
 * specification gives ("Invalid Request", -32600) and not a parse error (-32700, which means the text was not JSON).
 * A batch (an array) is refused as a whole: MCP's current revision (2025-06-18) removed JSON-RPC batching, and
 * answering its items one line each would not be the array reply JSON-RPC asks for.
 */
final class JsonRpcEnvelope {
    private JsonRpcEnvelope() {}

    /** Why a message is not a valid request, and the id to answer with (null when none can be trusted). */
    record Invalid(Object id, String why) {}

    /** Null when {@code tree} is a well-formed request, notification or response; else what is wrong with it. */
    static Invalid check(JsonNode tree) {
        if (tree.isArray()) return new Invalid(null, "a batch (JSON array) is not served: send one request per line");
        if (!tree.isObject()) return new Invalid(null, "a request must be a JSON object, was " + tree.getNodeType());
        JsonNode id = tree.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull()))
            return new Invalid(null, "id must be a string or an integer, was " + id.getNodeType());
        Object answerTo = idOf(tree);
        if (!"2.0".equals(tree.path("jsonrpc").asText(null))) return new Invalid(answerTo, "jsonrpc must be \"2.0\"");
        JsonNode method = tree.get("method");
        boolean response = tree.has("result") || tree.has("error");
        if (method == null && !response) return new Invalid(answerTo, "no method");
        if (method != null && !method.isTextual())
            return new Invalid(answerTo, "method must be a string, was " + method.getNodeType());
        return null;
    }

    /** The message's id as the reply must echo it: a string or a number, else null. */
    static Object idOf(JsonNode tree) {
        JsonNode id = tree.get("id");
        if (id == null || id.isNull()) return null;
        if (id.isTextual()) return id.asText();
        return id.isIntegralNumber() ? (Object) id.longValue() : null;
    }
}
