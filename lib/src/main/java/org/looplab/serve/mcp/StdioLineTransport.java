package org.looplab.serve.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.looplab.provenance.Json;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio, one JSON-RPC message per line, for one client.
 *
 * <p>Why not the SDK's {@code StdioServerTransportProvider} (1.1.5): it queues replies through a sink that refuses
 * two concurrent writers, so when two tool calls finish at the same moment on different threads one reply is dropped
 * ("Failed to enqueue message") and that client waits forever; from then on the session writes nothing. Concurrent
 * calls are exactly what this server is for (they share the model's batches), so here a reply is written whole under
 * a lock, from whichever thread finished it.
 *
 * <p>Every request gets exactly one reply: a line that is not JSON gets a parse error (-32700, id null), JSON that is
 * not one JSON-RPC request (a batch array, an id that is neither string nor number, no method) an invalid-request
 * error (-32600, {@link JsonRpcEnvelope}), a line over
 * {@link #MAX_LINE_BYTES} an invalid-request error (it is skipped while read, never held whole), a request the
 * session may not serve yet or with missing params an error from {@link RequestCheck}, and a request whose handling
 * fails an internal error. When the client closes stdin, the requests still running are finished and their replies
 * written before {@link #awaitEnd} returns. A broken stdin or stdout ends the session as a {@link #fatal} error.
 */
final class StdioLineTransport implements McpServerTransportProvider {
    /** A request line larger than this is refused unread: the largest real one (a 30×30 maze) is ~2 KB. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final RequestCheck check;
    private final Object writing = new Object();
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Requests handed to the session and not yet answered, by id. */
    private final Set<Object> pending = ConcurrentHashMap.newKeySet();

    private final Object answered = new Object();
    private volatile McpServerSession session;
    private volatile String fatal;

    StdioLineTransport(McpJsonMapper json, InputStream in, OutputStream out, RequestCheck check) {
        this.json = json;
        this.in = in;
        this.out = out;
        this.check = check;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new LineTransport());
        Thread reader = new Thread(this::read, "mcp-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Blocks until the client has closed stdin and every request read before has been answered (or until a fatal error). */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Why the session ended abnormally (one line), or null when the client simply closed stdin. */
    String fatal() {
        return fatal;
    }

    private void read() {
        try {
            BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_BYTES);
            for (BoundedLineReader.Line line; fatal == null && (line = lines.next()) != null; ) {
                if (line.oversized()) {
                    // Not parsed at all: no id can be trusted from it, so the reply has none (JSON-RPC's rule).
                    reply(
                            null,
                            new JSONRPCError(
                                    McpSchema.ErrorCodes.INVALID_REQUEST,
                                    "request of " + line.bytes() + " bytes; at most " + MAX_LINE_BYTES,
                                    null));
                } else if (!line.text().isBlank()) {
                    handle(line.text());
                }
            }
            awaitAnswers();
        } catch (IOException e) {
            fail("stdin: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("reading requests: " + e);
        } finally {
            ended.countDown();
        }
    }

    private void handle(String line) {
        String what = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(line);
        } catch (IOException e) {
            reply(null, new JSONRPCError(McpSchema.ErrorCodes.PARSE_ERROR, "not JSON: " + what, null));
            return;
        }
        JsonRpcEnvelope.Invalid invalid = JsonRpcEnvelope.check(tree);
        if (invalid != null) {
            reply(invalid.id(), new JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST, invalid.why(), null));
            return;
        }
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            reply(
                    JsonRpcEnvelope.idOf(tree),
                    new JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST, "not a JSON-RPC message: " + what, null));
            return;
        }
        JSONRPCError refused = check.refuse(message);
        Object id = message instanceof JSONRPCRequest r ? r.id() : null;
        if (refused != null) {
            reply(id, refused);
            return;
        }
        if (id != null) pending.add(id);
        session.handle(message).subscribe(null, e -> {
            if (fatal != null) return; // stdout is gone: nothing can be answered any more
            if (id != null && pending.contains(id)) {
                reply(
                        id,
                        new JSONRPCError(
                                McpSchema.ErrorCodes.INTERNAL_ERROR,
                                "handling the request failed: " + e.getMessage(),
                                null));
            } else {
                System.err.println("looplab serve: handling a message failed: " + e.getMessage());
            }
        });
    }

    /** At the end of input: waits for the replies to requests still running. */
    private void awaitAnswers() throws InterruptedIOException {
        synchronized (answered) {
            while (!pending.isEmpty() && fatal == null) {
                try {
                    answered.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while finishing " + pending.size() + " requests");
                }
            }
        }
    }

    private void reply(Object id, JSONRPCError error) {
        write(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, error));
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
                fail("stdout: " + e.getMessage());
                throw new UncheckedIOException("stdout: " + e.getMessage(), e);
            }
        }
        if (message instanceof McpSchema.JSONRPCResponse r && r.id() != null && pending.remove(r.id())) {
            synchronized (answered) {
                answered.notifyAll();
            }
        }
    }

    /** Ends the session: nothing more can be read or written. The first cause is kept. */
    private void fail(String why) {
        if (fatal == null) fatal = why;
        synchronized (answered) {
            answered.notifyAll();
        }
        ended.countDown();
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
