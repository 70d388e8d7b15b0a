package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Set;
import org.looplab.serve.SolverService;

/** {@code solve_maze}: offered only when a maze checkpoint is loaded. */
final class MazeTool {
    private MazeTool() {}

    static final String NAME = "solve_maze";
    private static final Set<String> ARGUMENTS = Set.of("maze", "max_steps", "halt_threshold", "fallback");

    private static final String INPUT = """
            {"type": "object",
             "properties": {
               "maze": {"type": "string", "maxLength": 1000,
                 "description": "n rows of n characters joined by newlines: # wall, space or . open, S start, G goal; n must match a loaded maze model."},
               "max_steps": {"type": "integer", "minimum": 1},
               "halt_threshold": {"type": "number", "minimum": 0, "maximum": 1},
               "fallback": {"type": "string", "enum": ["classical"]}},
             "required": ["maze"], "additionalProperties": false}
            """;

    private static final String OUTPUT = """
            {"type": "object",
             "properties": {
               "maze": {"type": "string"}, "size": {"type": "string"},
               "path": {"type": "string", "description": "the maze with the path marked o"},
               "valid": {"type": "boolean"}, "optimal": {"type": "boolean"}, "verified": {"type": "boolean"},
               "answered_by": {"type": "string", "enum": ["model", "classical"]},
               "model_path": {"type": "string"}, "model_verified": {"type": "boolean"}, "problem": {"type": "string"},
               "steps_used": {"type": "integer"}, "max_steps": {"type": "integer"},
               "halt_probability": {"type": "number"}, "halted": {"type": "boolean"},
               "halt_threshold": {"type": "number"}, "wall_ms": {"type": "number"}, "model": {"type": "object"}},
             "required": ["maze", "size", "path", "valid", "optimal", "verified", "answered_by"]}
            """;

    static AsyncToolSpecification spec(SolverService service, McpJsonMapper json) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Find a shortest maze path with the tiny recursive model")
                .description(
                        "Marks a start-to-goal path in a maze with a small recursive reasoning model and checks "
                                + "it: valid (connects S to G through open cells) and optimal (as short as breadth-first search).")
                .inputSchema(json, INPUT)
                .outputSchema(json, OUTPUT)
                .build();
        return AsyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> ToolResults.answerLater(
                        json, request.arguments(), ARGUMENTS, () -> service.solveMaze(request.arguments())))
                .build();
    }
}
