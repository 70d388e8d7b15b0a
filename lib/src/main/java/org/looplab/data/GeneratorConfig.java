package org.looplab.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The config of a puzzle generator, as written into a data set's manifest. The {@code "type"} key says which
 * generator, so a manifest reads back into the same record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SudokuGeneratorConfig.class, name = "sudoku"),
    @JsonSubTypes.Type(value = MazeGeneratorConfig.class, name = "maze"),
    @JsonSubTypes.Type(value = ArcFamilyConfig.class, name = "arc-family"),
    @JsonSubTypes.Type(value = ArcFilesConfig.class, name = "arc-files")
})
public sealed interface GeneratorConfig
        permits SudokuGeneratorConfig, MazeGeneratorConfig, ArcFamilyConfig, ArcFilesConfig {}
