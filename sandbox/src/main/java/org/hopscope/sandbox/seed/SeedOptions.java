package org.hopscope.sandbox.seed;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code sandbox seed} records.
 *
 * @param messages number of business messages entering the gateway over the window
 * @param seed random seed: the same seed gives the same IDs, classes and relative times
 * @param window how far back from {@code now} the recording reaches
 * @param chatty whether to add the one message with 100,000 events
 * @param now end of the recording (the incident is ongoing at this instant)
 */
public record SeedOptions(long messages, long seed, Duration window, boolean chatty, Instant now) {}
