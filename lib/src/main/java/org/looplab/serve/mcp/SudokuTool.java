package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Set;
import org.looplab.serve.SolverService;

/** {@code solve_sudoku}: the model's answer, checked by the classical rules, with how it halted. */
final class SudokuTool {
    private SudokuTool() {}

    static final String NAME = "solve_sudoku";
    private static final Set<String> ARGUMENTS = Set.of("puzzle", "max_steps", "halt_threshold", "fallback");

    private static final String INPUT = """
            {"type": "object",
             "properties": {
               "puzzle": {"type": "string", "maxLength": 1000,
                 "description": "One line, one character per cell in reading order: 16 (4x4), 36 (6x6) or 81 (9x9) characters; . or 0 for a blank, 1..side for a digit."},
               "max_steps": {"type": "integer", "minimum": 1,
                 "description": "Supervision steps at most (default and upper limit: the model's N_sup)."},
               "halt_threshold": {"type": "number", "minimum": 0, "maximum": 1,
                 "description": "Stop once the halt head's probability reaches this (default 0.5). TRM models; an HRM model stops by its own rule, q_halt > q_continue."},
               "fallback": {"type": "string", "enum": ["classical"],
                 "description": "When the model's answer fails the check, return the classical solver's answer instead (answered_by says so)."}},
             "required": ["puzzle"], "additionalProperties": false}
            """;

    private static final String OUTPUT = """
            {"type": "object",
             "properties": {
               "puzzle": {"type": "string"}, "size": {"type": "string"}, "solution": {"type": "string"},
               "verified": {"type": "boolean", "description": "the classical checker's verdict on solution"},
               "answered_by": {"type": "string", "enum": ["model", "classical"]},
               "model_solution": {"type": "string"}, "model_verified": {"type": "boolean"},
               "problem": {"type": "string", "description": "what is wrong with the model's answer"},
               "steps_used": {"type": "integer"}, "max_steps": {"type": "integer"},
               "halt_probability": {"type": "number"}, "halted": {"type": "boolean"},
               "halt_threshold": {"type": "number"}, "wall_ms": {"type": "number"},
               "model": {"type": "object", "properties": {"checkpoint": {"type": "string"}, "manifest_id": {"type": "string"}}}},
             "required": ["puzzle", "size", "solution", "verified", "answered_by", "halt_threshold", "wall_ms"]}
            """;

    static AsyncToolSpecification spec(SolverService service, McpJsonMapper json) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Solve a Sudoku with the tiny recursive model")
                .description("Solves a 4x4, 6x6 or 9x9 Sudoku with a small recursive reasoning model (TRM/HRM) and "
                        + "checks the answer with the classical rules. 'verified' is true only when the solution keeps "
                        + "every given and fills every row, column and box correctly; an unverified answer is a wrong "
                        + "answer. Sizes without a loaded model are refused unless fallback is \"classical\".")
                .inputSchema(json, INPUT)
                .outputSchema(json, OUTPUT)
                .build();
        return AsyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> ToolResults.answerLater(
                        json, request.arguments(), ARGUMENTS, () -> service.solveSudoku(request.arguments())))
                .build();
    }
}
