package org.looplab.serve.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.util.List;
import java.util.Map;

/**
 * What the transport answers itself, before the SDK sees a message, so that every request gets a reply.
 * <ul>
 *   <li>Lifecycle (MCP 2024-11-05, "Lifecycle"): until the client has sent {@code initialize} and then
 *   {@code notifications/initialized}, only {@code initialize} and {@code ping} are served; anything else gets an
 *   error at once. The SDK would instead park such a request until initialization, and a client that never
 *   initializes would wait forever.</li>
 *   <li>Params: {@code initialize} and {@code tools/call} without an object {@code params}, a {@code tools/call}
 *   without a tool name, or without {@code arguments} for a tool that has required arguments, get JSON-RPC's
 *   invalid-params error (-32602) instead of an internal error from deep inside a handler.</li>
 * </ul>
 */
final class RequestCheck {
    /** JSON-RPC's code for a request the server cannot serve in its current state (server-defined range). */
    static final int NOT_INITIALIZED = -32002;

    private final Map<String, List<String>> requiredArguments;
    private volatile boolean initializeSeen;
    private volatile boolean initialized;

    /** {@code requiredArguments}: per tool name, the arguments its input schema requires. */
    RequestCheck(Map<String, List<String>> requiredArguments) {
        this.requiredArguments = Map.copyOf(requiredArguments);
    }

    /** Null when the message may go on to the SDK; else the error to reply with (for requests only). */
    JSONRPCError refuse(JSONRPCMessage message) {
        if (message instanceof JSONRPCNotification n) {
            if (McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method()) && initializeSeen) initialized = true;
            return null;
        }
        if (!(message instanceof JSONRPCRequest r)) return null;
        String method = r.method();
        if (McpSchema.METHOD_INITIALIZE.equals(method)) {
            if (!(r.params() instanceof Map))
                return invalid("initialize needs params {protocolVersion, capabilities, clientInfo}");
            initializeSeen = true;
            return null;
        }
        if (McpSchema.METHOD_PING.equals(method)) return null;
        if (!initialized) {
            return new JSONRPCError(
                    NOT_INITIALIZED,
                    "not initialized: send initialize, then the notifications/initialized " + "notification, before "
                            + method + " (MCP lifecycle)",
                    null);
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method)) return checkToolCall(r.params());
        return null;
    }

    private JSONRPCError checkToolCall(Object params) {
        if (!(params instanceof Map<?, ?> p)) return invalid("tools/call needs params {name, arguments}");
        if (!(p.get("name") instanceof String name)) return invalid("tools/call params need the tool's name");
        Object args = p.get("arguments");
        if (args != null && !(args instanceof Map)) return invalid("tools/call arguments must be an object");
        List<String> required = requiredArguments.getOrDefault(name, List.of());
        if (args == null && !required.isEmpty()) {
            return invalid("tools/call of " + name + " without arguments; it needs " + String.join(", ", required));
        }
        return null;
    }

    private static JSONRPCError invalid(String message) {
        return new JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, message, null);
    }
}
