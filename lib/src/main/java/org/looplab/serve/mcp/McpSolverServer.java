package org.looplab.serve.mcp;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.looplab.provenance.CodeVersion;
import org.looplab.serve.InferenceQueue;
import org.looplab.serve.SolverService;

/**
 * The solver as an MCP server over stdio (slide 07: the tiny model as a tool an agent calls). One process serves one
 * client; requests are handled concurrently by the SDK and meet in the {@link InferenceQueue}'s batches. The tools are
 * asynchronous: a call in flight holds no thread, so every call in flight can join a batch.
 */
public final class McpSolverServer {
    private McpSolverServer() {}

    /**
     * The wire mapper. Not {@code provenance.Json}: that one is strict on purpose for LoopLab's own files, while MCP
     * messages from a client may carry fields this SDK version does not know, which must not break the session.
     */
    public static McpJsonMapper wireMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }

    /** The tools this service offers: {@code solve_sudoku}, {@code describe_solver}, and {@code solve_maze} with a maze model. */
    static List<AsyncToolSpecification> tools(SolverService service, McpJsonMapper json) {
        List<AsyncToolSpecification> tools = new ArrayList<>();
        tools.add(SudokuTool.spec(service, json));
        if (service.solvesMazes()) tools.add(MazeTool.spec(service, json));
        tools.add(DescribeTool.spec(service, json));
        return tools;
    }

    /**
     * Serves on {@code in}/{@code out} until the client closes {@code in} and every request read by then is answered;
     * then shuts the server down. A broken stdin or stdout throws, with one line saying which.
     */
    public static void serve(SolverService service, InputStream in, OutputStream out) {
        McpJsonMapper json = wireMapper();
        List<AsyncToolSpecification> tools = tools(service, json);
        Map<String, List<String>> required = new HashMap<>();
        for (AsyncToolSpecification t : tools) {
            List<String> r = t.tool().inputSchema().required();
            required.put(t.tool().name(), r == null ? List.of() : r);
        }
        var transport = new StdioLineTransport(json, in, out, new RequestCheck(required));
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo("looplab-solver", CodeVersion.current().lib())
                .instructions(
                        "Tiny recursive reasoning models (TRM/HRM) for grid puzzles. Every answer is checked by a "
                                + "classical verifier: trust 'verified', not the halt probability.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .build();
        try {
            transport.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully().block();
        }
        if (transport.fatal() != null) throw new IllegalStateException(transport.fatal());
    }
}
