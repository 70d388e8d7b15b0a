package org.looplab.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Which model answered.
 *
 * @param checkpoint the checkpoint folder's name
 * @param manifestId the run id from its {@code manifest.json}, or null when it has none (an untrained stand-in)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelRef(String checkpoint, String manifestId) {}
