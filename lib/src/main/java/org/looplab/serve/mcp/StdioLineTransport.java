package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * MCP over stdio, one JSON-RPC message per line, for one client.
 *
 * <p>Why not the SDK's {@code StdioServerTransportProvider} (1.1.5): it queues replies through a sink that refuses
 * two concurrent writers, so when two tool calls finish at the same moment on different threads one reply is dropped
 * ("Failed to enqueue message") and that client waits forever; from then on the session writes nothing. Concurrent
 * calls are exactly what this server is for (they share the model's batches), so here a reply is written whole under
 * a lock, from whichever thread finished it. A line that is not JSON-RPC gets a parse error (id null) and the next
 * line is read as usual.
 */
final class StdioLineTransport implements McpServerTransportProvider {
    /** A request line larger than this is refused unread: the largest real one (a 30×30 maze) is ~2 KB. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final Object writing = new Object();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile McpServerSession session;

    StdioLineTransport(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.in = in;
        this.out = out;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new LineTransport());
        Thread reader = new Thread(this::read, "mcp-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Blocks until the client closes stdin. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                if (line.length() > MAX_LINE_CHARS) {
                    // Not parsed at all: no id can be trusted from it, so the reply has none (JSON-RPC's rule).
                    write(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, null, null,
                            new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST,
                                    "request of " + line.length() + " characters; at most " + MAX_LINE_CHARS, null)));
                    continue;
                }
                JSONRPCMessage message;
                try {
                    message = McpSchema.deserializeJsonRpcMessage(json, line);
                } catch (IOException | RuntimeException e) {
                    String what = line.length() > 80 ? line.substring(0, 77) + "..." : line;
                    write(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, null, null,
                            new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.PARSE_ERROR,
                                    "not a JSON-RPC message: " + what, null)));
                    continue;
                }
                session.handle(message).subscribe(null,
                        e -> System.err.println("looplab serve: handling a message failed: " + e));
            }
        } catch (IOException e) {
            System.err.println("looplab serve: stdin: " + e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    private void write(JSONRPCMessage message) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + message.getClass().getSimpleName(), e);
        }
        synchronized (writing) {
            try {
                out.write(bytes);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("stdout: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.closeGracefully();
    }

    private final class LineTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
