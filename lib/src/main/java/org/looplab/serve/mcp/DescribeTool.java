package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Set;
import org.looplab.serve.SolverService;
import reactor.core.publisher.Mono;

/** {@code describe_solver}: the loaded models, their manifests and measured accuracy. */
final class DescribeTool {
    private DescribeTool() {}

    static final String NAME = "describe_solver";

    private static final String INPUT = """
            {"type": "object", "properties": {}, "additionalProperties": false}
            """;

    private static final String OUTPUT = """
            {"type": "object",
             "properties": {"models": {"type": "array", "items": {"type": "object"}}, "code": {"type": "object"}},
             "required": ["models"]}
            """;

    static AsyncToolSpecification spec(SolverService service, McpJsonMapper json) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Describe the loaded solver models")
                .description("Which models are loaded (puzzle kind, size, architecture, parameters, N_sup), their "
                        + "provenance manifest and their measured accuracy when the manifest has one.")
                .inputSchema(json, INPUT)
                .outputSchema(json, OUTPUT)
                .build();
        return AsyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> Mono.fromCallable(
                        () -> ToolResults.answer(json, request.arguments(), Set.of(), service::describe)))
                .build();
    }
}
